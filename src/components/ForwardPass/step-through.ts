/**
 * The step-through widget's numbers: a small seeded RNN with a Linear head, run over one sequence one
 * step at a time with lib's step API, keeping every intermediate of
 *
 *   a_t = W_xh x_t + W_hh h_{t−1} + b_h        (lib: W_ih = W_xh, b_h = b_ih + b_hh)
 *   h_t = f(a_t)
 *   z_t = W_hy h_t + b_y                        (the head, an nn.Linear)
 *   y_t = g(z_t)
 *
 * Weights and inputs are lib's seeded draws rounded to two decimals, so the PyTorch block can print
 * them exactly and reproduce every number.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN, cellParams, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { createLinear, linearForward, type Linear } from '../../../lib/nn/linear.ts';
import { projectHidden, projectInput, type CellParams } from '../../../lib/nn/cell.ts';
import { rnnStep } from '../../../lib/nn/rnn.ts';
import type { Activation } from '../../../lib/nn/activation.ts';
import { applyOutput, type OutputName } from './output-function.ts';

/** The widget's fixed sizes: D_in inputs, H hidden units, D_out outputs, T steps. */
export const SIZES = { inputSize: 3, hiddenSize: 4, outputSize: 3, steps: 5 } as const;

/** A seeded model and input sequence, every number rounded to two decimals. */
export interface StepModel {
  readonly seed: number;
  readonly rnn: Recurrent;
  readonly head: Linear;
  /** x_1 … x_T, each of length D_in. */
  readonly inputs: readonly (readonly number[])[];
}

/** Round to two decimals, so the numbers print exactly in Python. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The model and inputs for a seed: lib's PyTorch-style init, then the inputs from the same stream. */
export function createStepModel(seed: number, activation: Activation): StepModel {
  const random = createRandom(seed);
  const { inputSize, hiddenSize, outputSize, steps } = SIZES;
  const rnn = createRNN({ inputSize, hiddenSize, nonlinearity: activation, random });
  const head = createLinear(hiddenSize, outputSize, { random });
  for (const parameter of [...rnn.parameters, head.weight, head.bias!]) {
    for (let i = 0; i < parameter.value.length; i++) parameter.value[i] = round2(parameter.value[i]!);
  }
  const inputs = Array.from({ length: steps }, () => Array.from({ length: inputSize }, () => round2(random.uniform(-1, 1))));
  return { seed, rnn, head, inputs };
}

/** Every intermediate of one step, as plain arrays. */
export interface StepView {
  /** 1-based step number. */
  readonly t: number;
  readonly x: number[];
  readonly hPrev: number[];
  /** W_xh x_t (no bias). */
  readonly inputPart: number[];
  /** W_hh h_{t−1} (no bias). */
  readonly hiddenPart: number[];
  /** b_h = b_ih + b_hh. */
  readonly bias: number[];
  /** a_t, lib's pre-activation. */
  readonly a: number[];
  /** h_t = f(a_t). */
  readonly h: number[];
  /** z_t = W_hy h_t + b_y, the logits. */
  readonly z: number[];
  /** y_t = g(z_t). */
  readonly y: number[];
}

/** The steps computed, or where and why the run stopped (a value that is not a finite number). */
export type RunResult =
  | { readonly ok: true; readonly steps: readonly StepView[] }
  | { readonly ok: false; readonly steps: readonly StepView[]; readonly failedStep: number; readonly badInput: number; readonly message: string };

function allFiniteNumbers(values: readonly number[]): boolean {
  return values.every(Number.isFinite);
}

/** Run all T steps with lib's rnnStep; stops at the first step whose h_t or y_t is not finite. */
export function runSteps(model: StepModel, output: OutputName, explain: (a: number) => string | undefined = () => undefined): RunResult {
  const p: CellParams = cellParams(model.rnn, 0, 0);
  const H = SIZES.hiddenSize;
  const bias = Array.from({ length: H }, (_, k) => p.biasIh![k]! + p.biasHh![k]!);
  const steps: StepView[] = [];
  let h: Float64Array = new Float64Array(H);
  for (let t = 1; t <= model.inputs.length; t++) {
    const x = Float64Array.from(model.inputs[t - 1]!);
    const inputPart = Array.from(projectInput({ ...p, biasIh: null }, 1, x, 1));
    const hiddenPart = Array.from(projectHidden({ ...p, biasHh: null }, 1, h));
    const step = rnnStep(p, x, { h, c: null });
    const a = Array.from(step.cache.preactivation);
    const hNext = Array.from(step.h);
    const badIndex = hNext.findIndex((value) => !Number.isFinite(value));
    if (badIndex >= 0) {
      const badInput = a[badIndex]!;
      const reason = explain(badInput) ?? 'the result is not a finite number';
      return { ok: false, steps, failedStep: t, badInput, message: reason };
    }
    const z = Array.from(linearForward(model.head, { shape: [1, H], data: step.h }).data);
    const y = allFiniteNumbers(z) ? applyOutput(output, z) : z;
    if (!allFiniteNumbers(z) || !allFiniteNumbers(y)) {
      return { ok: false, steps, failedStep: t, badInput: Number.NaN, message: 'the output overflowed: h_t is too large for the head' };
    }
    steps.push({ t, x: Array.from(x), hPrev: Array.from(h), inputPart, hiddenPart, bias, a, h: hNext, z, y });
    h = step.h as Float64Array;
  }
  return { ok: true, steps };
}
