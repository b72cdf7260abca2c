/**
 * The additive path, measured: for an RNN, an LSTM and a GRU of the same sizes, on the same seeded inputs, the norm
 * ‖∂L_T/∂h_k‖ of the gradient that a loss at the last step alone, L_T = Σ_j h_T[j], sends back to every earlier h_k.
 * lib's full backward (hiddenGradientNorms, lib/train/bptt.ts) gives the numbers; nothing is re-derived here.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { hiddenGradientNorms } from '../../../lib/train/bptt.ts';
import type { CellKind } from '../../../lib/count.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';
import { setRememberBias } from './remember-bias.ts';

/** Features per step of the random inputs. */
export const PATHS_INPUT_SIZE = 4;

/** The kinds compared, in legend order. */
export const PATH_KINDS: readonly CellKind[] = ['RNN', 'LSTM', 'GRU'];

/** Norms below this are shown as "vanished": a log axis cannot draw 0, and float64 ends near 1e-308. */
export const SMALLEST_SHOWN = 1e-300;

/** What the widget compares. */
export interface PathSettings {
  readonly steps: number;
  readonly hiddenSize: number;
  readonly seed: number;
  /** Total bias of the remembering gate (LSTM f, GRU z); the RNN has none. */
  readonly rememberBias: number;
}

/** One kind's curve. */
export interface PathCurve {
  readonly kind: CellKind;
  /** norms[k − 1] = ‖∂L_T/∂h_k‖ for k = 1…T. */
  readonly norms: readonly number[];
  /** ‖∂L_T/∂h_1‖ / ‖∂L_T/∂h_T‖: how much of the gradient reaches the first step. */
  readonly firstToLast: number;
  /** What went wrong for this kind (vanished below 1e-300, overflow), or null. */
  readonly message: string | null;
}

/** The seeded inputs [T, 1, D], drawn from N(0, 1) with a generator of their own (seed + 1). */
export function pathInputs(steps: number, seed: number): Tensor {
  const random = createRandom(seed + 1);
  return fromData(Float64Array.from({ length: steps * PATHS_INPUT_SIZE }, () => random.normal()), [steps, 1, PATHS_INPUT_SIZE]);
}

/** ∂L_T/∂h_k norms for one kind: seeded model (PyTorch's init from `seed`), remember bias set, lib's full backward. */
export function gradientPath(kind: CellKind, settings: PathSettings, input: Tensor = pathInputs(settings.steps, settings.seed)): PathCurve {
  const { steps: T, hiddenSize: H, seed, rememberBias } = settings;
  const model = createRecurrent(kind, { inputSize: PATHS_INPUT_SIZE, hiddenSize: H, random: createRandom(seed) });
  setRememberBias(model, rememberBias);
  const forward = recurrentForward(model, input);
  const gradOutput = new Float64Array(T * H);
  gradOutput.fill(1, (T - 1) * H); // ∂L_T/∂h_T = 1 in every unit, and no loss at earlier steps
  const norms = hiddenGradientNorms(model, forward, { gradOutput: fromData(gradOutput, [T, 1, H]) });
  return { kind, norms, firstToLast: norms[0]! / norms[T - 1]!, message: describeProblem(kind, norms) };
}

/** An honest sentence when a curve leaves what a log axis can show, or null. */
export function describeProblem(kind: CellKind, norms: readonly number[]): string | null {
  const T = norms.length;
  for (let k = T; k >= 1; k--) {
    const value = norms[k - 1]!;
    if (!Number.isFinite(value)) return `${kind}: the gradient norm overflowed (${value}) at step k = ${k}; steps before it are not drawn.`;
    if (value < SMALLEST_SHOWN) return `${kind}: the gradient norm fell below 1e-300 at step k = ${k} (it has vanished); steps before it are not drawn.`;
  }
  return null;
}

/** All three curves for the settings, on the same inputs. */
export function gradientPaths(settings: PathSettings): PathCurve[] {
  const input = pathInputs(settings.steps, settings.seed);
  return PATH_KINDS.map((kind) => gradientPath(kind, settings, input));
}

/** A curve as plot points (k, norm), keeping only what a log axis can draw. */
export function curvePoints(curve: PathCurve): [number, number][] {
  return curve.norms.flatMap((value, index) => (Number.isFinite(value) && value >= SMALLEST_SHOWN ? [[index + 1, value] as [number, number]] : []));
}
