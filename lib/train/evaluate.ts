/**
 * Evaluating a model on a split without training: the mean loss over all its examples, each
 * batch's mean weighted by how many terms it averaged (characters, elements), so the result does
 * not depend on the batch size.
 */
import type { Linear } from '../nn/linear.ts';
import type { Recurrent } from '../nn/recurrent.ts';
import { readoutForward } from './readout.ts';
import type { TrainingTask } from './task.ts';

/** How many examples go through one forward pass while evaluating. */
export const EVALUATION_BATCH = 128;

/** The loss averaged over every term of every example (NaN for no examples). */
export function meanLoss(model: Recurrent, head: Linear, task: TrainingTask, examples: readonly unknown[]): number {
  let total = 0;
  let count = 0;
  for (let start = 0; start < examples.length; start += EVALUATION_BATCH) {
    const batch = task.makeBatch(examples.slice(start, start + EVALUATION_BATCH));
    const { logits } = readoutForward(model, head, task.readout, batch);
    const result = batch.loss(logits);
    total += result.loss * result.count;
    count += result.count;
  }
  return total / count;
}
