/** Number formats for the text widgets: weights with a fixed number of decimals, never "−0". */

/** A weight with `digits` decimals ("0.068"); exact zeros as "0", non-finite values as "—". */
export function formatWeight(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (value < 0 ? '−0.' : '0.') + '0'.repeat(digits) : text.replace('-', '−');
}
