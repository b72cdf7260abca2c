/** Number formatting for the chapter's readouts: four significant digits, never "NaN" or "∞" on screen. */
import { formatNumber } from '../../kit/format.ts';

/** A finite number to four significant digits ("3,103,000", "0.0006025", "4.2e+75"); "—" for anything else. */
export function formatShort(value: number): string {
  return Number.isFinite(value) ? formatNumber(Number(value.toPrecision(4))) : '—';
}
