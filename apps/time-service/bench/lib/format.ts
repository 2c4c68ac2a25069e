/** Formats a count with thousands separators: 12345.6 -> "12,346". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Formats milliseconds with two decimals: 1.2345 -> "1.23". */
export function formatMs(value: number): string {
  return value.toFixed(2);
}

/** Formats KiB as MiB with one decimal: 51200 -> "50.0". */
export function formatMiB(kib: number): string {
  return (kib / 1024).toFixed(1);
}

/** Formats a ratio with two decimals: 0.9512 -> "0.95". */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}
