/**
 * The unrolled RNN widget's numbers: a seeded nn.RNN(D_in, H) from lib/, run one step per word with
 * lib's rnnStep, always with the same CellParams (the one W_xh, the one W_hh):
 *
 *   h_t = tanh(W_xh x_t + b_ih + W_hh h_{t−1} + b_hh),   h_0 = 0
 *
 * W_xh is PyTorch's weight_ih_l0 and W_hh its weight_hh_l0 (see the notation page).
 */
import { createRandom } from '../../../lib/random.ts';
import { cellParams, createRNN, parameterCount, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { rnnStep } from '../../../lib/nn/rnn.ts';
import type { CellParams } from '../../../lib/nn/cell.ts';
import type { FloatArray } from '../../../lib/tensor.ts';
import { embedWord, roundTo } from './embedding.ts';

/** Weights are rounded to this many decimals, so the PyTorch block can carry them exactly. */
export const WEIGHT_DECIMALS = 4;

/** The sizes and seed of the widget's network. */
export interface RnnSetup {
  /** D_in, numbers per word vector. */
  readonly inputSize: number;
  /** H, numbers in the hidden state. */
  readonly hiddenSize: number;
  /** Seeds the weights (and, mixed with each word, the word vectors). */
  readonly seed: number;
}

/** The sizes the chapter starts with. */
export const DEFAULT_SETUP: RnnSetup = { inputSize: 4, hiddenSize: 6, seed: 1 };

/** One step of the unrolled chain. */
export interface UnrolledStep {
  /** The word read at this step. */
  readonly word: string;
  /** Its vector x_t [D_in]. */
  readonly x: readonly number[];
  /** The state after reading it, h_t [H]. */
  readonly h: readonly number[];
  /** The cell parameters this step used: the very same object at every step. */
  readonly params: CellParams;
}

/** The seeded model, with its weights rounded to WEIGHT_DECIMALS (lib's PyTorch-style init, then rounding). */
export function createWidgetRnn(setup: RnnSetup): Recurrent {
  const model = createRNN({ inputSize: setup.inputSize, hiddenSize: setup.hiddenSize, random: createRandom(setup.seed) });
  for (const parameter of model.parameters) {
    for (let i = 0; i < parameter.value.length; i++) parameter.value[i] = roundTo(parameter.value[i]!, WEIGHT_DECIMALS);
  }
  return model;
}

/** Run the model over the words one rnnStep at a time, from h_0 = 0; one entry per word. */
export function unroll(model: Recurrent, words: readonly string[], seed: number): UnrolledStep[] {
  const params = cellParams(model, 0, 0);
  let h: FloatArray = new Float64Array(params.hiddenSize);
  return words.map((word) => {
    const x = embedWord(word, params.inputSize, seed);
    const result = rnnStep(params, Float64Array.from(x), { h, c: null });
    h = result.h;
    return { word, x, h: Array.from(h), params };
  });
}

/** A row-major [rows, cols] array as a list of rows, for the heatmaps. */
export function toMatrix(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[r * cols + c]!));
}

/** Everything the widget draws for one sentence. */
export interface UnrolledView {
  readonly steps: readonly UnrolledStep[];
  /** W_xh = weight_ih_l0, [H, D_in] as rows. */
  readonly weightXh: number[][];
  /** W_hh = weight_hh_l0, [H, H] as rows. */
  readonly weightHh: number[][];
  /** The model's parameter count (lib's sum of sizes), the same for any sentence length. */
  readonly parameterCount: number;
  /** Whether every step used the very same parameter object (it always does: that is the point). */
  readonly shared: boolean;
}

/** Build the model for a setup and unroll it over the words. */
export function unrolledView(setup: RnnSetup, words: readonly string[]): UnrolledView {
  const model = createWidgetRnn(setup);
  const steps = unroll(model, words, setup.seed);
  const { inputSize, hiddenSize } = setup;
  const params = cellParams(model, 0, 0);
  return {
    steps,
    weightXh: toMatrix(params.weightIh, hiddenSize, inputSize),
    weightHh: toMatrix(params.weightHh, hiddenSize, hiddenSize),
    parameterCount: parameterCount(model),
    shared: steps.every((step) => step.params.weightHh === steps[0]!.params.weightHh && step.params.weightIh === steps[0]!.params.weightIh),
  };
}

/** The step to show: t clamped to 1…T (T = number of words), or 0 when there are no words. */
export function clampStep(t: number, wordCount: number): number {
  if (wordCount === 0) return 0;
  if (!Number.isFinite(t)) return 1;
  return Math.min(wordCount, Math.max(1, Math.round(t)));
}
