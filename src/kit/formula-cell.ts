/** What a FormulaCell shows for the reader's text: its TeX, its value (or values at sample points), or an error. */
import { formatNumber } from './format.ts';
import { compileFormula, type CompiledFormula } from './formula.ts';
import type { Locale } from './locale.ts';
import { numericNames, numericScope, texSymbols, type VariableSpecs, type VariableValues } from './variables.ts';

/** One row of the sample table: the argument value and the formula's value there (or why not). */
export interface SampleRow {
  readonly at: number;
  readonly value: string;
}

/** A FormulaCell's state for one text. */
export type CellView =
  | { readonly ok: true; readonly tex: string; readonly value?: number; readonly samples: readonly SampleRow[]; readonly compiled: CompiledFormula }
  | { readonly ok: false; readonly tex?: string; readonly message: string };

/** Split a comma-separated list of argument names ("a, b") into names. */
export function parseArgs(args: string | undefined): string[] {
  return (args ?? '').split(',').map((a) => a.trim()).filter((a) => /^[A-Za-z][A-Za-z0-9]*$/.test(a));
}

/**
 * Evaluate the reader's text against the page's variables. With arguments (e.g. "a" for an
 * activation), the formula is a function: it is evaluated at each sample point instead.
 */
export function viewFormulaCell(
  text: string,
  specs: VariableSpecs,
  values: VariableValues,
  args: readonly string[],
  samples: readonly number[],
  locale: Locale = 'en',
): CellView {
  const compiled = compileFormula(text, { names: [...numericNames(specs), ...args], texSymbols: texSymbols(specs), locale });
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const scope = numericScope(specs, values);
  if (args.length === 0) {
    const result = compiled.evaluate(scope);
    return result.ok ? { ok: true, tex: compiled.tex, value: result.value, samples: [], compiled } : { ok: false, tex: compiled.tex, message: result.message };
  }
  const results = samples.map((at) => {
    const pointScope = new Map(scope);
    for (const arg of args) pointScope.set(arg, at);
    return compiled.evaluate(pointScope);
  });
  const failure = results.find((result) => !result.ok);
  // Only when the formula fails everywhere is it an error; a gap at one point (log at 0) is shown as —.
  if (failure && !failure.ok && results.every((result) => !result.ok)) return { ok: false, tex: compiled.tex, message: failure.message };
  const rows = samples.map((at, i) => {
    const result = results[i]!;
    return { at, value: result.ok ? formatNumber(result.value) : '—' };
  });
  return { ok: true, tex: compiled.tex, samples: rows, compiled };
}
