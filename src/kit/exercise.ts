/** Checking a reader's answer: a number within a tolerance, or a formula equal to the reference on random sizes. */
import { createRandom } from '../../lib/random.ts';
import { compileFormula } from './formula.ts';
import { kitText } from './i18n/kit-text.ts';
import type { Locale } from './locale.ts';

/** How close a numeric answer must be: |answer − expected| ≤ absolute + relative·|expected|. */
export interface Tolerance {
  readonly absolute?: number;
  readonly relative?: number;
}

/** The verdict on an answer, with the sentence to show the reader. */
export interface Verdict {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly message: string;
}

/** Whether got is within tolerance of expected. */
export function withinTolerance(got: number, expected: number, tolerance: Tolerance = {}): boolean {
  const { absolute = 0, relative = 1e-9 } = tolerance;
  return Math.abs(got - expected) <= absolute + relative * Math.abs(expected);
}

/** Check a numeric answer; the reader may type arithmetic such as 128*(100+128+2). */
export function checkNumericAnswer(text: string, expected: number, tolerance: Tolerance = {}, locale: Locale = 'en'): Verdict {
  const t = kitText(locale);
  const compiled = compileFormula(text, { names: [], locale });
  if (!compiled.ok) return { status: 'invalid', message: compiled.message };
  const result = compiled.evaluate(new Map());
  if (!result.ok) return { status: 'invalid', message: result.message };
  return withinTolerance(result.value, expected, tolerance)
    ? { status: 'correct', message: t.exerciseCorrect }
    : { status: 'incorrect', message: t.exerciseNotQuite };
}

/** A variable the checker draws at random for a formula answer: integers in [min, max]. */
export interface SampledVariable {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** Options for checking a formula answer. */
export interface FormulaCheckOptions {
  /** Seed for the random assignments; the same seed draws the same sizes. */
  readonly seed?: number;
  /** How many random assignments to compare on (default 8). */
  readonly trials?: number;
  readonly tolerance?: Tolerance;
  /** The language of the verdict (default English). */
  readonly locale?: Locale;
}

/** Draw the seeded random assignments a formula answer is checked on. */
export function sampleAssignments(variables: readonly SampledVariable[], seed: number, trials: number): Map<string, number>[] {
  const random = createRandom(seed);
  return Array.from({ length: trials }, () => new Map(variables.map((v) => [v.name, v.min + random.int(v.max - v.min + 1)])));
}

/**
 * Check a formula answer against a reference function by comparing them on seeded random sizes.
 * Reporting the first disagreement lets the reader test their formula by hand.
 */
export function checkFormulaAnswer(
  text: string,
  reference: (scope: ReadonlyMap<string, number>) => number,
  variables: readonly SampledVariable[],
  options: FormulaCheckOptions = {},
): Verdict {
  const t = kitText(options.locale);
  const compiled = compileFormula(text, { names: variables.map((v) => v.name), locale: options.locale });
  if (!compiled.ok) return { status: 'invalid', message: compiled.message };
  for (const scope of sampleAssignments(variables, options.seed ?? 1, options.trials ?? 8)) {
    const got = compiled.evaluate(scope);
    if (!got.ok) return { status: 'invalid', message: got.message };
    const expected = reference(scope);
    if (!withinTolerance(got.value, expected, options.tolerance)) {
      const at = [...scope].map(([name, value]) => `${name} = ${value}`).join(', ');
      return { status: 'incorrect', message: t.exerciseFormulaMismatch(at, String(got.value), String(expected)) };
    }
  }
  return { status: 'correct', message: t.exerciseFormulaCorrect };
}

/** A reference function from an author's reference formula (trusted text from the page). */
export function referenceFromFormula(text: string, names: readonly string[]): ((scope: ReadonlyMap<string, number>) => number) | undefined {
  const compiled = compileFormula(text, { names });
  if (!compiled.ok) return undefined;
  return (scope) => {
    const result = compiled.evaluate(scope);
    return result.ok ? result.value : NaN;
  };
}
