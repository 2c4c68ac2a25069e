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
