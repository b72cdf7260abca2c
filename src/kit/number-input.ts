/** Reading, clamping and stepping the numbers a reader types or keys into a NumberField or Slider. */
import { formatNumber } from './format.ts';
import { kitText } from './i18n/kit-text.ts';
import type { Locale } from './locale.ts';
import { isOnStep, type NumberVariableSpec } from './variables.ts';

/** What parsing a typed number gave: the value, or the message to show beside the field. */
export type ParsedNumber = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** The sizes a numeric control needs: its range and step. */
export type NumberRange = Pick<NumberVariableSpec, 'min' | 'max' | 'step'>;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Parse what the reader typed. Empty, not-a-number, infinite, off-step and out-of-range text each get a message. */
export function parseNumberInput(text: string, range: NumberRange, locale: Locale = 'en'): ParsedNumber {
  const t = kitText(locale);
  const [min, max] = [formatNumber(range.min), formatNumber(range.max)];
  const trimmed = text.trim().replace(/^−/, '-');
  if (trimmed === '') return { ok: false, message: t.numberEnter(min, max) };
  const plain = GROUPED.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
  if (!DECIMAL.test(plain)) return { ok: false, message: t.numberNotANumber(trimmed.slice(0, 20), min, max) };
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, message: t.numberTooLarge(min, max) };
  if (value < range.min) return { ok: false, message: t.numberBelowMin(formatNumber(value), min) };
  if (value > range.max) return { ok: false, message: t.numberAboveMax(formatNumber(value), max) };
  if (!isOnStep({ ...range, type: 'number', label: '', tex: '', default: range.min }, value)) {
    const message = Number.isInteger(range.step) && Number.isInteger(range.min) && range.step === 1
      ? t.numberWhole
      : t.numberSteps(formatNumber(range.step), min);
    return { ok: false, message };
  }
  return { ok: true, value: roundToStep(value, range) };
}

/** The nearest value in range and on the step grid; NaN becomes min. */
export function clampToRange(value: number, range: NumberRange): number {
  if (Number.isNaN(value)) return range.min;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  return roundToStep(clamped, range);
}

function decimalsOf(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

function roundToStep(value: number, range: NumberRange): number {
  const steps = Math.round((value - range.min) / range.step);
  // Keep as many decimals as step and min have, so 0.1 steps never show 0.30000000000000004.
  const decimals = Math.min(12, Math.max(decimalsOf(range.step), decimalsOf(range.min)));
  const snapped = Number((range.min + steps * range.step).toFixed(decimals));
  return Math.min(range.max, Math.max(range.min, snapped));
}

/** Keys a numeric control answers to, as on a native range input. */
export type StepKey = 'ArrowUp' | 'ArrowRight' | 'ArrowDown' | 'ArrowLeft' | 'PageUp' | 'PageDown' | 'Home' | 'End';

/** The value after pressing a key, or undefined for keys that do not step. PageUp/PageDown move a tenth of the range (at least one step). */
export function stepByKey(value: number, key: string, range: NumberRange): number | undefined {
  const page = Math.max(range.step, Math.round((range.max - range.min) / 10 / range.step) * range.step);
  const deltas: Record<string, number> = { ArrowUp: range.step, ArrowRight: range.step, ArrowDown: -range.step, ArrowLeft: -range.step, PageUp: page, PageDown: -page };
  if (key === 'Home') return range.min;
  if (key === 'End') return range.max;
  if (!Object.hasOwn(deltas, key)) return undefined;
  return clampToRange(value + deltas[key]!, range);
}
