/**
 * Formats an instant as the ISO-8601 UTC shape the original service documented:
 * `2025-12-08T10:30:45.123456+00:00`, with exactly six fractional digits and `+00:00`.
 * JavaScript clocks carry milliseconds, so the last three digits are always zero: padding
 * keeps the shape fixed for strict parsers (Python's `datetime.fromisoformat`, `Date.parse`)
 * without inventing precision.
 */
export function formatTimestamp(instant: Date): string {
  const iso = instant.toISOString();

  // toISOString switches to a six-digit signed year outside 0000-9999; refuse rather than
  // emit a shape the contract does not allow.
  if (iso.length !== 24) {
    throw new RangeError(`Cannot format year ${instant.getUTCFullYear()} as a 4-digit year`);
  }

  return `${iso.slice(0, 23)}000+00:00`;
}
