/**
 * The "remember the first symbol" task (a long-dependency task in the spirit of Hochreiter & Schmidhuber, 1997):
 * step 1 holds one of K symbols, steps 2…T hold distractors (other symbols, one-hot like the first), and the label,
 * read only after the last step, is the first symbol. Nothing but memory of step 1 helps.
 * Guessing gives a cross-entropy of ln K, the chance level.
 */
import type { Random } from '../../../lib/random.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';

/** Symbols the first step can hold, K: the classes. */
export const SYMBOLS = 2;

/** Distractor symbols, which fill steps 2…T and never hold the answer. */
export const DISTRACTORS = 4;

/** Input size D: one-hot over the K symbols and the distractors. */
export const TASK_INPUT_SIZE = SYMBOLS + DISTRACTORS;

/** Cross-entropy of a uniform guess over the K symbols: ln K. */
export const CHANCE_LOSS = Math.log(SYMBOLS);

/** One batch of the task, time-major as lib's recurrent stack reads it. */
export interface FirstSymbolBatch {
  /** One-hot inputs [T, B, D]. */
  readonly input: Tensor;
  /** The first symbol of each sequence, the label, length B. */
  readonly labels: readonly number[];
  /** Class targets for every row of the [T·B, K] logits: −100 (ignored) except at the last step, where it is the label. */
  readonly targets: Int32Array;
}

/** Draw a batch of B sequences of length T from the generator. */
export function firstSymbolBatch(random: Random, steps: number, batch: number): FirstSymbolBatch {
  const data = new Float64Array(steps * batch * TASK_INPUT_SIZE);
  const labels: number[] = [];
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < steps; t++) {
      const symbol = t === 0 ? random.int(SYMBOLS) : SYMBOLS + random.int(DISTRACTORS);
      if (t === 0) labels.push(symbol);
      data[(t * batch + b) * TASK_INPUT_SIZE + symbol] = 1;
    }
  }
  const targets = new Int32Array(steps * batch).fill(-100);
  for (let b = 0; b < batch; b++) targets[(steps - 1) * batch + b] = labels[b]!;
  return { input: fromData(data, [steps, batch, TASK_INPUT_SIZE]), labels, targets };
}
