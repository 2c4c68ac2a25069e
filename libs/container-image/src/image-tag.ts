import { invalidTag } from './errors';

// Docker's distribution spec: at most 128 of these characters, not starting with '.' or '-'.
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Throws unless `value` is a valid image tag; `variable` names where it came from. */
export function assertImageTag(variable: string, value: string): void {
  if (!TAG_PATTERN.test(value)) {
    throw invalidTag(variable, value);
  }
}
