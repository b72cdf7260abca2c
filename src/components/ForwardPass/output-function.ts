/**
 * The output function g, chosen by the task:
 *
 *   softmax    one class out of D_out:       y_k = e^{z_k} / Σ_j e^{z_j}   (sums to 1)
 *   sigmoid    several labels, each yes/no:  y_k = σ(z_k)                   (each in (0, 1))
 *   identity   regression, any real number:  y_k = z_k
 *
 * σ and softmax come from lib/ (softmax is shifted by the largest logit so that e^{z} never overflows).
 */
import { sigmoid } from '../../../lib/nn/activation.ts';
import { softmax } from '../../../lib/nn/softmax.ts';

/** The three options of the page variable g. */
export type OutputName = 'softmax' | 'sigmoid' | 'identity';

/** Whether a page value names one of the options (anything else is read as softmax). */
export function maybeOutputName(value: unknown): OutputName {
  return value === 'sigmoid' || value === 'identity' ? value : 'softmax';
}

/** softmax(z), re-exported from lib for this widget's callers. */
export { softmax };

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
