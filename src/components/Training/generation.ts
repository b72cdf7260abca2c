/**
 * Generation: the trained model run forward only, one step at a time, its own output fed back in.
 *
 *   x_1 = onehot(first character),  h_0 = 0
 *   h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h),   z_t = W_hy h_t + b_y,   p_t = softmax(z_t / τ)
 *   c_t = argmax p_t (greedy) or a draw from p_t (sampling),   x_{t+1} = onehot(c_t)
 *
 * No loss, no backward pass and no caches to keep: only h_t is carried from one step to the next.
 */
import { cellParams } from '../../../lib/nn/recurrent.ts';
import { linearForward } from '../../../lib/nn/linear.ts';
import { rnnStep } from '../../../lib/nn/rnn.ts';
import { softmax } from '../../../lib/nn/softmax.ts';
import { createRandom } from '../../../lib/random.ts';
import type { SequenceModel } from './model.ts';

/** How the next character is chosen from p_t. */
export type Decoding = 'greedy' | 'sample';

/** One generated step: what went in, what came out. */
export interface GeneratedStep {
  /** Class index of x_t, the character fed in. */
  readonly input: number;
  /** p_t = softmax(z_t / τ) over the vocabulary. */
  readonly probabilities: readonly number[];
  /** Class index of the chosen character, fed in at the next step. */
  readonly chosen: number;
}

/** Options of generate. */
export interface GenerateOptions {
  readonly start: number;
  readonly length: number;
  readonly decoding: Decoding;
  /** Temperature τ > 0 (sampling only; greedy ignores it, as argmax does not change under scaling). */
  readonly temperature: number;
  /** Seed of the draws when sampling. */
  readonly seed: number;
}

/** The first index of the largest value. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** A draw from a discrete distribution with one uniform number u in [0, 1). */
function draw(probabilities: readonly number[], u: number): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i]!;
    if (u < cumulative) return i;
  }
  return probabilities.length - 1;
}

/** Run the model on its own outputs for `length` steps; a non-finite logit throws (lib's softmax names it). */
export function generate(model: SequenceModel, options: GenerateOptions): GeneratedStep[] {
  const { start, length, decoding, temperature, seed } = options;
  const V = model.rnn.config.inputSize;
  const H = model.rnn.config.hiddenSize;
  const p = cellParams(model.rnn, 0, 0);
  const random = createRandom(seed);
  const steps: GeneratedStep[] = [];
  let h: Float64Array = new Float64Array(H);
  let input = start;
  for (let t = 0; t < length; t++) {
    const x = new Float64Array(V);
    x[input] = 1;
    h = rnnStep(p, x, { h, c: null }).h as Float64Array;
    const z = linearForward(model.head, { shape: [1, H], data: h }).data;
    const probabilities = softmax(Array.from(z, (value) => (decoding === 'greedy' ? value : value / temperature)));
    const chosen = decoding === 'greedy' ? argmax(probabilities) : draw(probabilities, random.next());
    steps.push({ input, probabilities, chosen });
    input = chosen;
  }
  return steps;
}
