/** Data for the Plot widget: named line series, their table view, and series sampled from formulas. */
import { formatNumber } from './format.ts';
import { compileFormula } from './formula.ts';
import { numericNames, numericScope, texSymbols, type VariableSpecs, type VariableValues } from './variables.ts';

/** One named line: points (x, y). */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

/** A flat row per point, the shape Observable Plot's marks take. */
export interface PlotRow {
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

/** Colours that keep 3:1 contrast on both the light and the dark page background. */
export const SERIES_COLORS = ['#3b82f6', '#ea580c', '#16a34a', '#a855f7', '#d97706', '#0891b2'] as const;

/** Flatten series to rows, dropping points that are not finite (a chart cannot draw them). */
export function toRows(series: readonly Series[]): PlotRow[] {
  return series.flatMap((s) => s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => ({ series: s.name, x, y })));
}

/** The table view: one row per x, one formatted column per series ("—" where a series has no point). */
export function toTable(series: readonly Series[]): { header: string[]; rows: string[][] } {
  const xs = [...new Set(series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
  const lookup = series.map((s) => new Map(s.points.map(([x, y]) => [x, y])));
  return {
    header: series.map((s) => s.name),
    rows: xs.map((x) => [formatNumber(x), ...lookup.map((m) => (m.has(x) && Number.isFinite(m.get(x)!) ? formatNumber(m.get(x)!) : '—'))]),
  };
}

/** Evenly spaced x values from..to (inclusive); integers when both ends are integers and count allows. */
export function sampleRange(from: number, to: number, count = 50): number[] {
  if (!(Number.isFinite(from) && Number.isFinite(to)) || to <= from) return [from];
  if (Number.isInteger(from) && Number.isInteger(to) && to - from + 1 <= count) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** Series sampled from formulas in the page's variables; x is a page variable or a free argument. */
export function seriesFromFormulas(
  formulas: Readonly<Record<string, string>>,
  x: string,
  xs: readonly number[],
  specs: VariableSpecs,
  values: VariableValues,
): { series: Series[]; errors: string[] } {
  const scope = numericScope(specs, values);
  const names = [...new Set([...numericNames(specs), x])];
  const series: Series[] = [];
  const errors: string[] = [];
  for (const [label, text] of Object.entries(formulas)) {
    const compiled = compileFormula(text, { names, texSymbols: texSymbols(specs) });
    if (!compiled.ok) {
      errors.push(`${label}: ${compiled.message}`);
      continue;
    }
    const points = xs.map((at): [number, number] => {
      const result = compiled.evaluate(new Map(scope).set(x, at));
      return [at, result.ok ? result.value : Number.NaN];
    });
    series.push({ name: label, points });
  }
  return { series, errors };
}
