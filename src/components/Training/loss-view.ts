/**
 * The loss widget: the (x_t, y_t) pairs of a task, what the untrained (seeded) model predicts at each
 * step, each per-step loss ℓ_t, and L as their sum and their mean, all from lib:
 *   characters: ℓ_t = −log p_t(y_t) with crossEntropyLoss,   sine: ℓ_t = (ŷ_t − y_t)² with mseLoss.
 */
import { crossEntropyLoss, mseLoss } from '../../../lib/nn/loss.ts';
import { linearForward } from '../../../lib/nn/linear.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { softmax } from '../../../lib/nn/softmax.ts';
import type { VariableValues } from '../../kit/variables.ts';
import { charTask, oneHotInputs, showCharacter } from './char-task.ts';
import { createSequenceModel } from './model.ts';
import { readSettings, type TaskName } from './settings.ts';
import { perStepCrossEntropy } from './sgd-training-step.ts';
import { sineTask } from './sine-task.ts';

/** One step of the table: input, label, prediction, loss. */
export interface LossRow {
  readonly t: number;
  /** x_t as text: a character, or a number. */
  readonly input: string;
  /** y_t as text. */
  readonly target: string;
  /** What the model says: p_t(y_t) for characters, ŷ_t for the sine. */
  readonly prediction: number;
  /** ℓ_t. */
  readonly loss: number;
}

/** The loss widget's whole state. */
export interface LossView {
  readonly task: TaskName;
  readonly hiddenSize: number;
  readonly seed: number;
  readonly reduction: 'mean' | 'sum';
  /** Why there is nothing to show (a word with fewer than two characters), or undefined. */
  readonly message: string | undefined;
  readonly rows: readonly LossRow[];
  /** L with reduction 'sum' and 'mean', from lib's loss functions over the whole sequence. */
  readonly sum: number;
  readonly mean: number;
  /** The vocabulary size (characters only; 0 for the sine). */
  readonly classes: number;
}

/** The character task's rows for the untrained model. */
function characterRows(word: string, hiddenSize: number, seed: number): Omit<LossView, 'task' | 'hiddenSize' | 'seed' | 'reduction'> {
  const built = charTask(word);
  if (!built.ok) return { message: built.message, rows: [], sum: Number.NaN, mean: Number.NaN, classes: 0 };
  const { task } = built;
  const V = task.vocabulary.length;
  const T = task.targetIndices.length;
  const model = createSequenceModel(seed, V, hiddenSize, V);
  const output = recurrentForward(model.rnn, { shape: [T, 1, V], data: oneHotInputs(task) }).output;
  const logits = linearForward(model.head, output).data as Float64Array;
  const losses = perStepCrossEntropy(logits, task.targetIndices, V);
  const rows = task.targetIndices.map((y, t) => ({
    t: t + 1,
    input: showCharacter(task.vocabulary[task.inputIndices[t]!]!),
    target: showCharacter(task.vocabulary[y]!),
    prediction: softmax(logits.subarray(t * V, (t + 1) * V))[y]!,
    loss: losses[t]!,
  }));
  const total = (reduction: 'mean' | 'sum') => crossEntropyLoss({ shape: [T, V], data: logits }, task.targetIndices, { reduction }).loss;
  return { message: undefined, rows, sum: total('sum'), mean: total('mean'), classes: V };
}

/** The sine task's rows for the untrained model. */
function sineRows(hiddenSize: number, seed: number): Omit<LossView, 'task' | 'hiddenSize' | 'seed' | 'reduction'> {
  const { inputs, targets } = sineTask();
  const T = inputs.length;
  const model = createSequenceModel(seed, 1, hiddenSize, 1);
  const output = recurrentForward(model.rnn, { shape: [T, 1, 1], data: Float64Array.from(inputs) }).output;
  const predictions = linearForward(model.head, output).data;
  const target = { shape: [T, 1], data: Float64Array.from(targets) };
  const input = { shape: [T, 1], data: predictions };
  const rows = targets.map((y, t) => ({
    t: t + 1,
    input: inputs[t]!.toFixed(3).replace('-', '−'),
    target: y.toFixed(3).replace('-', '−'),
    prediction: predictions[t]!,
    loss: mseLoss({ shape: [1], data: predictions.subarray(t, t + 1) }, { shape: [1], data: Float64Array.of(y) }, { reduction: 'sum' }).loss,
  }));
  return { message: undefined, rows, sum: mseLoss(input, target, { reduction: 'sum' }).loss, mean: mseLoss(input, target, { reduction: 'mean' }).loss, classes: 0 };
}

/** Read the page values and compute the table, the per-step losses and their sum and mean. */
export function lossView(values: VariableValues): LossView {
  const settings = readSettings(values);
  const { task, hiddenSize, seed, reduction } = settings;
  const base = { task, hiddenSize, seed, reduction };
  try {
    return { ...base, ...(task === 'sine' ? sineRows(hiddenSize, seed) : characterRows(settings.word, hiddenSize, seed)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, message: `These settings could not be computed: ${message}`, rows: [], sum: Number.NaN, mean: Number.NaN, classes: 0 };
  }
}
