/**
 * The truncation widget's numbers, from lib's truncatedBptt (Williams & Peng 1990; the (k1, k2) form of
 * Sutskever 2013): every k1 steps, at e = k1, 2k1, …, T, the losses of outputs [e − k1, e) are
 * backpropagated through the window [e − k2, e) only.
 *
 * On a small seeded tanh RNN, for every update, we measure how much gradient reaches each input x_s:
 * ‖∂L_update/∂x_s‖, by running lib's forward and backward over that update's window from the state the
 * full forward pass had there (exactly what truncatedBptt does for the parameters). And for a
 * "copy the symbol from d steps ago" loss at the last step, the gradient reaching x_{t−d}.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { truncatedBptt, type TruncatedUpdate } from '../../../lib/train/bptt.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';

/** Fixed sizes: T steps, H hidden units, D inputs, one sequence. */
export const TRUNCATION_SIZES = { steps: 24, hiddenSize: 4, inputSize: 2 } as const;

/** What the reader sets. */
export interface TruncationSettings {
  /** Steps between updates. */
  readonly k1: number;
  /** Steps each update backpropagates through. */
  readonly k2: number;
  /** The dependency distance of the copy task. */
  readonly distance: number;
  readonly seed: number;
}

/** The page's defaults, as the frontmatter declares them. */
export const DEFAULT_TRUNCATION: TruncationSettings = { k1: 4, k2: 8, distance: 5, seed: 1 };

/** One update's row: its schedule (from lib) and the gradient norm reaching each input (0 outside the window). */
export interface UpdateRow {
  readonly windowStart: number;
  readonly lossStart: number;
  readonly end: number;
  /** ‖∂L_update/∂x_s‖ for s = 0 … T−1. */
  readonly inputGradNorms: readonly number[];
}

/** The copy-task probe: a loss at step t that depends on x_{t−d}. */
export interface CopyProbe {
  /** The step whose output carries the loss (0-based, the last step). */
  readonly lossStep: number;
  /** The input the loss depends on, t − d, or null when it would be before the sequence starts. */
  readonly sourceStep: number | null;
  /** ‖∂L_t/∂x_{t−d}‖ with full BPTT. */
  readonly fullNorm: number;
  /** The same with truncation (the last update's window). */
  readonly truncatedNorm: number;
}

/** The widget's state. */
export interface TruncationView {
  readonly settings: TruncationSettings;
  /** Why nothing could be computed, or null. */
  readonly problem: string | null;
  readonly rows: readonly UpdateRow[];
  readonly probe: CopyProbe | null;
}

/** The small seeded model and input sequence [T, 1, D]. */
function example(seed: number): { model: Recurrent; input: Tensor } {
  const { steps: T, hiddenSize: H, inputSize: D } = TRUNCATION_SIZES;
  const random = createRandom(seed);
  const model = createRNN({ inputSize: D, hiddenSize: H, random });
  const input = fromData(Float64Array.from({ length: T * D }, () => random.normal()), [T, 1, D]);
  return { model, input };
}

/** ∂L/∂output: ones at the given steps, zero elsewhere (L is the sum of those outputs' entries). */
function lossAt(steps: Iterable<number>): Tensor {
  const { steps: T, hiddenSize: H } = TRUNCATION_SIZES;
  const grad = new Float64Array(T * H);
  for (const t of steps) grad.fill(1, t * H, (t + 1) * H);
  return fromData(grad, [T, 1, H]);
}

/** Per-input gradient norms of one update: lib's forward and backward over [windowStart, end) from the full pass's state there. */
export function windowInputGradNorms(model: Recurrent, input: Tensor, gradOutput: Tensor, update: Pick<TruncatedUpdate, 'windowStart' | 'lossStart' | 'end'>): number[] {
  const { steps: T, hiddenSize: H, inputSize: D } = TRUNCATION_SIZES;
  const { windowStart, lossStart, end } = update;
  const full = recurrentForward(model, input);
  const h0 = new Float64Array(H);
  if (windowStart > 0) h0.set(full.output.data.subarray((windowStart - 1) * H, windowStart * H));
  const windowInput = fromData(input.data.slice(windowStart * D, end * D), [end - windowStart, 1, D]);
  const forward = recurrentForward(model, windowInput, { h0: fromData(h0, [1, 1, H]) });
  const grad = gradOutput.data.slice(windowStart * H, end * H);
  grad.fill(0, 0, Math.max(0, lossStart - windowStart) * H);
  const back = recurrentBackward(model, forward, { gradOutput: fromData(grad, [end - windowStart, 1, H]) });
  const norms = new Array<number>(T).fill(0);
  for (let s = windowStart; s < end; s++) {
    let sum = 0;
    for (let i = 0; i < D; i++) sum += back.input.data[(s - windowStart) * D + i]! ** 2;
    norms[s] = Math.sqrt(sum);
  }
  return norms;
}

/** A problem with the settings, or null. */
export function truncationProblem(settings: TruncationSettings): string | null {
  const T = TRUNCATION_SIZES.steps;
  for (const [name, value] of [['k1', settings.k1], ['k2', settings.k2], ['d', settings.distance]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > T) return `${name} must be a whole number from 1 to ${T}, got ${value}.`;
  }
  return null;
}

/** Compute the widget's state (never throws for settings that pass truncationProblem). */
export function truncationView(settings: TruncationSettings): TruncationView {
  const problem = truncationProblem(settings);
  if (problem) return { settings, problem, rows: [], probe: null };
  const { steps: T } = TRUNCATION_SIZES;
  const { model, input } = example(settings.seed);
  const everyOutput = lossAt(Array.from({ length: T }, (_, t) => t));
  const schedule = truncatedBptt(model, input, everyOutput, { k1: settings.k1, k2: settings.k2 }).updates;
  const rows = schedule.map((update) => ({
    windowStart: update.windowStart, lossStart: update.lossStart, end: update.end,
    inputGradNorms: windowInputGradNorms(model, input, everyOutput, update),
  }));
  const lossStep = T - 1;
  const source = lossStep - settings.distance;
  const copyLoss = lossAt([lossStep]);
  const fullNorms = windowInputGradNorms(model, input, copyLoss, { windowStart: 0, lossStart: 0, end: T });
  const last = schedule[schedule.length - 1]!;
  const truncatedNorms = windowInputGradNorms(model, input, copyLoss, last);
  const probe = source >= 0 ? { lossStep, sourceStep: source, fullNorm: fullNorms[source]!, truncatedNorm: truncatedNorms[source]! } : { lossStep, sourceStep: null, fullNorm: 0, truncatedNorm: 0 };
  return { settings, problem: null, rows, probe };
}

/** The longest dependency a loss can still send gradient across: k2 − 1 steps (from the last output of a block). */
export function longestReach(settings: TruncationSettings): number {
  return settings.k2 - 1;
}

/** The shortest guaranteed reach, from the first output of a block: k2 − k1 steps (negative: early outputs get no gradient). */
export function guaranteedReach(settings: TruncationSettings): number {
  return settings.k2 - settings.k1;
}
