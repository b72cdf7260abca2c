/**
 * The output function g, chosen by the task:
 *
 *   softmax    one class out of D_out:       y_k = e^{z_k} / Σ_j e^{z_j}   (sums to 1)
 *   sigmoid    several labels, each yes/no:  y_k = σ(z_k)                   (each in (0, 1))
 *   identity   regression, any real number:  y_k = z_k
 *
 * lib/ has σ but no softmax (its cross-entropy works on logits), so softmax is written here, shifted by
 * the largest logit so that e^{z} never overflows; the unit test checks it against lib's cross-entropy gradient.
 */
import { sigmoid } from '../../../lib/nn/activation.ts';

/** The three options of the page variable g. */
export type OutputName = 'softmax' | 'sigmoid' | 'identity';

/** Whether a page value names one of the options (anything else is read as softmax). */
export function maybeOutputName(value: unknown): OutputName {
  return value === 'sigmoid' || value === 'identity' ? value : 'softmax';
}

/** softmax(z), computed as e^{z − max z} / Σ e^{z − max z}. */
export function softmax(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const top = Math.max(...values);
  const exps = values.map((z) => Math.exp(z - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

/** y = g(z) for one output vector. */
export function applyOutput(name: OutputName, logits: ArrayLike<number>): number[] {
  if (name === 'softmax') return softmax(logits);
  if (name === 'sigmoid') return Array.from(logits, sigmoid);
  return Array.from(logits);
}

/** g as TeX, for the widget's equation line. */
export function outputTex(name: OutputName): string {
  if (name === 'softmax') return 'g = \\operatorname{softmax}';
  if (name === 'sigmoid') return 'g = \\sigma';
  return 'g = \\text{identity}';
}
