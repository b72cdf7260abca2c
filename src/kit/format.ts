/** Number formatting shared by every widget: thousands separators, no float noise. */

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/** A number for reading: 29312 → "29,312", 0.1 + 0.2 → "0.3", huge or tiny → "1.2e+20". */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-4)) return value.toExponential(3).replace('-', '−');
  const text = Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
  return text.replace('-', '−');
}

/** A number for TeX: like formatNumber, with `{,}` so KaTeX adds no space after each comma. */
export function texNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '\\text{NaN}' : value > 0 ? '\\infty' : '-\\infty';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-4)) {
    const [mantissa, exponent] = value.toExponential(3).split('e');
    return `${mantissa}\\times 10^{${Number(exponent)}}`;
  }
  return formatNumber(value).replace('−', '-').replaceAll(',', '{,}');
}

/** An axis tick: 600, 0.6, 12,000, and powers beyond a million or below a thousandth as 1e−100 or 2.5e6 (no SI prefixes: 0.6 must never read "600m"). */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    const trimmed = Number(Number(mantissa).toPrecision(3));
    return `${trimmed}e${Number(exponent)}`.replaceAll('-', '−');
  }
  return formatNumber(Number(value.toPrecision(6)));
}

/** A tick on a log axis: labelled when its leading digit is 1, 2 or 5 (as d3 does), blank otherwise so decades stay readable. */
export function formatLogTick(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return '';
  const leading = Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
  return leading === 1 || leading === 2 || leading === 5 ? formatTick(value) : '';
}
