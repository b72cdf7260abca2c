/**
 * The hidden activation f the reader picks: tanh, ReLU, or their own formula in a, compiled with the
 * kit's safe formula compiler into a lib Activation. This chapter only runs forward, so the reader's
 * derivative f′ is a central difference; it is there because lib's Activation carries one.
 */
import { customActivation, reluActivation, tanhActivation, type Activation } from '../../../lib/nn/activation.ts';
import { compileFormula } from '../../kit/formula.ts';

/** The three options of the page variable f. */
export type ActivationName = 'tanh' | 'ReLU' | 'yours';

/** A usable activation, or why the reader's formula cannot be one. */
export type ActivationResult =
  | { readonly ok: true; readonly activation: Activation; readonly tex: string; readonly explain: (a: number) => string | undefined }
  | { readonly ok: false; readonly message: string };

/** Step of the central difference (f(a + δ) − f(a − δ)) / 2δ. */
export const DIFFERENCE_STEP = 1e-5;

/** Whether a page value names one of the options (anything else is read as tanh). */
export function maybeActivationName(value: unknown): ActivationName {
  return value === 'ReLU' || value === 'yours' ? value : 'tanh';
}

/** Compile the reader's formula in a into a lib Activation; errors come back as a message, never thrown. */
export function readerActivation(text: string): ActivationResult {
  const compiled = compileFormula(text, { names: ['a'], texSymbols: { a: 'a' } });
  if (!compiled.ok) return { ok: false, message: compiled.message };
  if (!compiled.names.includes('a')) return { ok: false, message: 'Your f should use a, the pre-activation; this formula is a constant.' };
  const f = compiled.toFunction(['a']);
  const df = (a: number) => (f(a + DIFFERENCE_STEP) - f(a - DIFFERENCE_STEP)) / (2 * DIFFERENCE_STEP);
  const explain = (a: number) => {
    const result = compiled.evaluate(new Map([['a', a]]));
    return result.ok ? undefined : result.message;
  };
  return { ok: true, activation: customActivation(text, f, df), tex: `f(a) = ${compiled.tex}`, explain };
}

/** The activation for the page's f and formula text. */
export function resolveActivation(name: ActivationName, text: string): ActivationResult {
  if (name === 'tanh') return { ok: true, activation: tanhActivation, tex: 'f(a) = \\tanh(a)', explain: () => undefined };
  if (name === 'ReLU') return { ok: true, activation: reluActivation, tex: 'f(a) = \\max(0, a)', explain: () => undefined };
  return readerActivation(text);
}
