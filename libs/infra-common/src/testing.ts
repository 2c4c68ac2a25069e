/**
 * Helpers for tests of cdktf constructs: synthesize a scope and read resources out of the
 * Terraform JSON. Imported as `@simple-time-service/infra-common/testing`.
 */
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';

/** The Terraform JSON one scope synthesizes to, parsed. */
export interface Synthesized {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
}

/** Synthesizes whatever `build` adds to a fresh test stack and parses the JSON. */
export function synthesize(build: (scope: Construct) => void): Synthesized {
  return JSON.parse(Testing.synthScope(build)) as Synthesized;
}

/** Every resource of one Terraform type, in the order cdktf wrote them. */
export function resourcesOf(stack: Synthesized, type: string): Record<string, unknown>[] {
  return Object.values(stack.resource?.[type] ?? {});
}

/** The one resource of a type, failing the test when there is not exactly one. */
export function onlyResourceOf(stack: Synthesized, type: string): Record<string, unknown> {
  const resources = resourcesOf(stack, type);
  if (resources.length !== 1) {
    throw new Error(`Expected one ${type}, found ${resources.length}.`);
  }
  return resources[0]!;
}

/** Terraform's `${type.name.attribute}` reference to the single resource of a type. */
export function referenceTo(stack: Synthesized, type: string, attribute: string): string {
  const names = Object.keys(stack.resource?.[type] ?? {});
  if (names.length !== 1) {
    throw new Error(`Expected one ${type}, found ${names.length}.`);
  }
  return `\${${type}.${names[0]}.${attribute}}`;
}
