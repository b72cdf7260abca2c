/**
 * The gradient map's numbers, all from lib's backward pass. A seeded RNN with W_hh scaled to spectral radius ρ
 * reads T random inputs; the loss at step t is L_t = uᵀh_t for a fixed random unit vector u (any loss sends some
 * vector ∂L_t/∂h_t back; a unit one makes the diagonal exactly 1, so the map shows the Jacobian products alone).
 *
 *   pairNorms[t][k] = ‖∂L_t/∂h_k‖ for every pair k ≤ t in the shown window   (lib: pairwiseGradientNorms)
 *   lastStepNorms[k] = ‖∂L_T/∂h_k‖ for every k = 1…T                          (lib: hiddenGradientNorms)
 *
 * Pairs cost O(T²H²), so the map shows at most the last HEATMAP_WINDOW steps; the line covers all T at O(TH²).
 * Steps are 1-based here, as in the chapter's prose: h_1 is the state after reading x_1.
 */
import { createRandom } from '../../../lib/random.ts';
import { fromData } from '../../../lib/tensor.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentForward, type SequenceResult } from '../../../lib/nn/sequence.ts';
import { hiddenGradientNorms, pairwiseGradientNorms } from '../../../lib/train/bptt.ts';
import type { Activation } from '../../../lib/nn/activation.ts';
import { recurrentMatrix, type RecurrentMatrix } from './recurrent-matrix.ts';

/** Input features per step (fixed: the inputs only set where f′ is evaluated). */
export const INPUT_SIZE = 3;
/** The most steps the pairwise map shows; longer sequences show their last HEATMAP_WINDOW steps. */
export const HEATMAP_WINDOW = 60;

/** What the gradient map is computed for. */
export interface GradientSettings {
  readonly seed: number;
  readonly rho: number;
  readonly steps: number;
  readonly hiddenSize: number;
  readonly activation: Activation;
}

/** Everything the gradient map, its line plot and the eigenvalue plot show. */
export interface GradientMap {
  readonly matrix: RecurrentMatrix;
  /** 1-based step of the map's first row and column. */
  readonly windowStart: number;
  /** pairNorms[i][j] = ‖∂L_t/∂h_k‖ with t = windowStart + i, k = windowStart + j (NaN above the diagonal). */
  readonly pairNorms: readonly (readonly number[])[];
  /** lastStepNorms[k − 1] = ‖∂L_T/∂h_k‖, k = 1…T. */
  readonly lastStepNorms: readonly number[];
  /** γ = the largest |f′(a)| over the pre-activations this run met (the bound's slope factor). */
  readonly maxSlope: number;
  /** The first 1-based step whose hidden state is not a finite number, if any. */
  readonly brokenStep: number | undefined;
  /** The pre-activation where the forward pass broke (for the reader's formula), if it did. */
  readonly brokenAt: number | undefined;
}

/** The computation itself, or why it could not run. */
export type GradientResult = { readonly ok: true; readonly map: GradientMap } | { readonly ok: false; readonly message: string };

/** The first time index (0-based) whose state row holds a non-finite value, or −1. */
function firstBrokenStep(forward: SequenceResult, hiddenSize: number): number {
  const h = forward.output.data;
  for (let t = 0; t < h.length / hiddenSize; t++) {
    for (let i = 0; i < hiddenSize; i++) if (!Number.isFinite(h[t * hiddenSize + i]!)) return t;
  }
  return -1;
}

/** The pre-activation entry at step t (0-based) that first produced a non-finite state. */
function brokenPreactivation(forward: SequenceResult, t: number): number | undefined {
  const step = forward.cache.directions[0]![0]!.steps[t] as unknown as { preactivation: Float64Array; h: Float64Array };
  const i = step.h.findIndex((value) => !Number.isFinite(value));
  return i >= 0 ? step.preactivation[i] : undefined;
}

/** The largest |f′| over every finite pre-activation of the run. */
function largestSlope(forward: SequenceResult, activation: Activation): number {
  let max = 0;
  for (const step of forward.cache.directions[0]![0]!.steps as unknown as { preactivation: Float64Array; h: Float64Array }[]) {
    step.preactivation.forEach((a, i) => {
      const slope = Math.abs(activation.df(a, step.h[i]!));
      if (Number.isFinite(slope) && slope > max) max = slope;
    });
  }
  return max;
}

/** A [T, 1, H] gradient tensor holding u at the given 0-based steps and zeros elsewhere. */
function upstream(u: Float64Array, steps: number, at: (t: number) => boolean) {
  const H = u.length;
  const data = new Float64Array(steps * H);
  for (let t = 0; t < steps; t++) if (at(t)) data.set(u, t * H);
  return fromData(data, [steps, 1, H]);
}

/** The seeded network of the map: the RNN with W_hh scaled to ρ, its inputs [T·D_in] and the loss direction u. */
export interface GradientModel {
  readonly matrix: RecurrentMatrix;
  readonly model: Recurrent;
  readonly inputs: Float64Array;
  readonly u: Float64Array;
}

/** Draw the network for the settings (W_hh's base matrix, lib's init for the rest, inputs, u), or undefined. */
export function createGradientModel(settings: GradientSettings): GradientModel | undefined {
  const { seed, rho, steps: T, hiddenSize: H, activation } = settings;
  const random = createRandom(seed);
  const matrix = recurrentMatrix(random, H, rho);
  if (!matrix) return undefined;
  const model = createRNN({ inputSize: INPUT_SIZE, hiddenSize: H, nonlinearity: activation, random });
  model.cells[0]![0]!.weightHh.value.set(matrix.weights);
  const inputs = Float64Array.from({ length: T * INPUT_SIZE }, () => random.uniform(-1, 1));
  const direction = Float64Array.from({ length: H }, () => random.normal());
  const length = Math.hypot(...direction);
  return { matrix, model, inputs, u: direction.map((x) => x / length) };
}

/** The three phases of the computation, reported as they start (the worker shows them as progress). */
export type GradientPhase = 'forward' | 'backward' | 'pairs';

/** Run the RNN and lib's backward for these settings; errors (never expected) come back as a message. */
export function computeGradientMap(settings: GradientSettings, onPhase: (phase: GradientPhase) => void = () => {}): GradientResult {
  const { steps: T, hiddenSize: H, activation } = settings;
  const drawn = createGradientModel(settings);
  if (!drawn) return { ok: false, message: 'The eigenvalues of this seed’s matrix could not be found; try another seed.' };
  const { matrix, model, inputs, u } = drawn;
  onPhase('forward');
  const forward = recurrentForward(model, fromData(inputs, [T, 1, INPUT_SIZE]));
  const broken = firstBrokenStep(forward, H);
  onPhase('backward');
  const lastStepNorms = hiddenGradientNorms(model, forward, { gradOutput: upstream(u, T, (t) => t === T - 1) });

  onPhase('pairs');
  const window = Math.min(T, HEATMAP_WINDOW);
  const start = T - window; // 0-based first step of the window
  let pairNorms: number[][];
  if (start === 0) {
    pairNorms = pairwiseGradientNorms(model, forward, upstream(u, T, () => true));
  } else if (broken >= 0 && broken < start) {
    // The state entering the window is not a number: no pair in it can be computed.
    pairNorms = Array.from({ length: window }, () => new Array<number>(window).fill(Number.NaN));
  } else {
    // The window starts from the state the full run reached; its steps are the same steps, so the pairs are too.
    const h0 = fromData(forward.output.data.slice((start - 1) * H, start * H), [1, 1, H]);
    const windowInputs = fromData(inputs.slice(start * INPUT_SIZE), [window, 1, INPUT_SIZE]);
    const windowForward = recurrentForward(model, windowInputs, { h0 });
    pairNorms = pairwiseGradientNorms(model, windowForward, upstream(u, window, () => true));
  }
  return {
    ok: true,
    map: {
      matrix,
      windowStart: start + 1,
      pairNorms,
      lastStepNorms,
      maxSlope: largestSlope(forward, activation),
      brokenStep: broken >= 0 ? broken + 1 : undefined,
      brokenAt: broken >= 0 ? brokenPreactivation(forward, broken) : undefined,
    },
  };
}
