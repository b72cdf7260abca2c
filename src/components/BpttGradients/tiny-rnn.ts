/**
 * The tiny RNN whose gradients the chapter shows entry by entry: D_in = 2, H = 2, T = 3, tanh, and a linear head
 * on the last state, ŷ = W_hy h_3 + b_y, with the squared error L = (ŷ − y*)². Weights and inputs are lib's seeded
 * draws rounded to two decimals, so the PyTorch block can print them exactly. Forward, backward and the SGD
 * update are lib's (recurrentForward / recurrentBackward, linearForward / linearBackward, mseLoss, sgdStep).
 */
import { createRandom } from '../../../lib/random.ts';
import { fromData } from '../../../lib/tensor.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { createLinear, linearBackward, linearForward, linearParameters, type Linear } from '../../../lib/nn/linear.ts';
import { mseLoss } from '../../../lib/nn/loss.ts';
import { createSgdState, sgdStep } from '../../../lib/train/sgd.ts';
import type { Parameter } from '../../../lib/nn/parameter.ts';

/** The tiny model's fixed sizes and target. */
export const TINY = { inputSize: 2, hiddenSize: 2, steps: 3, target: 1 } as const;
/** Step of the central difference used to check one gradient entry. */
export const CHECK_STEP = 1e-6;

/** The tiny RNN, its head and its input sequence. */
export interface TinyModel {
  readonly rnn: Recurrent;
  readonly head: Linear;
  /** x_1 … x_T, each of length D_in. */
  readonly inputs: readonly (readonly number[])[];
}

/** One forward pass: every hidden state, the prediction and the loss. */
export interface TinyForward {
  /** h_1 … h_T. */
  readonly hidden: readonly (readonly number[])[];
  readonly prediction: number;
  readonly loss: number;
}

/** Every gradient of one backward pass, keyed like PyTorch's parameters. */
export interface TinyGradients {
  /** ∂L/∂ŷ. */
  readonly prediction: number;
  /** ∂L/∂h_1 … ∂L/∂h_T (the total gradient reaching each state). */
  readonly hidden: readonly (readonly number[])[];
  /** ∂L/∂W_hh, ∂L/∂W_xh (row-major), ∂L/∂b_h (= ∂L/∂b_ih = ∂L/∂b_hh), ∂L/∂W_hy, ∂L/∂b_y. */
  readonly weightHh: readonly number[];
  readonly weightXh: readonly number[];
  readonly biasH: readonly number[];
  readonly weightHy: readonly number[];
  readonly biasY: readonly number[];
}

/** The whole worked example for one seed and learning rate. */
export interface TinyExample {
  readonly model: TinyModel;
  readonly before: TinyForward;
  readonly gradients: TinyGradients;
  /** The model after W ← W − α ∂L/∂W on every parameter. */
  readonly updated: TinyModel;
  readonly after: TinyForward;
  /** ∂L/∂W_hh[1,1] from backward, and from a central difference of the loss. */
  readonly check: { readonly analytic: number; readonly numeric: number };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Every parameter of the tiny model, RNN first, then the head, in PyTorch's order. */
export function tinyParameters(model: TinyModel): Parameter[] {
  return [...model.rnn.parameters, ...linearParameters(model.head)];
}

/** The tiny model for a seed: PyTorch-style init from lib, then the inputs, all rounded to two decimals. */
export function createTinyModel(seed: number): TinyModel {
  const random = createRandom(seed);
  const rnn = createRNN({ inputSize: TINY.inputSize, hiddenSize: TINY.hiddenSize, random });
  const head = createLinear(TINY.hiddenSize, 1, { random });
  const inputs = Array.from({ length: TINY.steps }, () => Array.from({ length: TINY.inputSize }, () => round2(random.uniform(-1, 1))));
  const model = { rnn, head, inputs };
  for (const parameter of tinyParameters(model)) parameter.value.forEach((v, i) => (parameter.value[i] = round2(v)));
  return model;
}

/** A copy of the model with its own parameter values. */
function cloneModel(model: TinyModel, seed: number): TinyModel {
  const copy = createTinyModel(seed);
  tinyParameters(model).forEach((parameter, i) => tinyParameters(copy)[i]!.value.set(parameter.value));
  return copy;
}

function runForward(model: TinyModel) {
  const { steps: T, inputSize: D, hiddenSize: H } = TINY;
  const sequence = recurrentForward(model.rnn, fromData(Float64Array.from(model.inputs.flat()), [T, 1, D]));
  const last = fromData(sequence.output.data.slice((T - 1) * H, T * H), [1, H]);
  const prediction = linearForward(model.head, last);
  const loss = mseLoss(prediction, fromData(Float64Array.of(TINY.target), [1, 1]));
  return { sequence, last, prediction, loss };
}

/** The forward pass of the model: h_1 … h_T, ŷ and L. */
export function tinyForward(model: TinyModel): TinyForward {
  const { sequence, prediction, loss } = runForward(model);
  const H = TINY.hiddenSize;
  const hidden = Array.from({ length: TINY.steps }, (_, t) => Array.from(sequence.output.data.slice(t * H, (t + 1) * H)));
  return { hidden, prediction: prediction.data[0]!, loss: loss.loss };
}

/** The backward pass: ∂L/∂ŷ, then the head, then BPTT through the three steps. */
export function tinyBackward(model: TinyModel): TinyGradients {
  const { sequence, last, loss } = runForward(model);
  const { steps: T, hiddenSize: H } = TINY;
  const head = linearBackward(model.head, last, loss.grad);
  const gradOutput = new Float64Array(T * H);
  gradOutput.set(head.input.data, (T - 1) * H);
  const back = recurrentBackward(model.rnn, sequence, { gradOutput: fromData(gradOutput, [T, 1, H]), keepHiddenGradients: true });
  return {
    prediction: loss.grad.data[0]!,
    hidden: back.hiddenGradients![0]![0]!.map((g) => Array.from(g)),
    weightHh: Array.from(back.grads.weight_hh_l0!),
    weightXh: Array.from(back.grads.weight_ih_l0!),
    biasH: Array.from(back.grads.bias_ih_l0!),
    weightHy: Array.from(head.weight),
    biasY: Array.from(head.bias!),
  };
}

/** ∂L/∂W_hh[0, 0] by a central difference of lib's forward pass. */
function numericHiddenGradient(model: TinyModel): number {
  const weights = model.rnn.cells[0]![0]!.weightHh.value;
  const saved = weights[0]!;
  weights[0] = saved + CHECK_STEP;
  const plus = tinyForward(model).loss;
  weights[0] = saved - CHECK_STEP;
  const minus = tinyForward(model).loss;
  weights[0] = saved;
  return (plus - minus) / (2 * CHECK_STEP);
}

/** Forward, backward, one SGD step with learning rate alpha, and the loss after it. */
export function tinyExample(seed: number, alpha: number): TinyExample {
  const model = createTinyModel(seed);
  const before = tinyForward(model);
  const gradients = tinyBackward(model);
  const updated = cloneModel(model, seed);
  const grads = [gradients.weightXh, gradients.weightHh, gradients.biasH, gradients.biasH, gradients.weightHy, gradients.biasY];
  const parameters = tinyParameters(updated);
  parameters.forEach((parameter, i) => parameter.grad.set(grads[i]!));
  sgdStep(parameters, createSgdState(parameters), { lr: alpha });
  return { model, before, gradients, updated, after: tinyForward(updated), check: { analytic: gradients.weightHh[0]!, numeric: numericHiddenGradient(model) } };
}
