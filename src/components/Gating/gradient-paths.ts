/**
 * The additive path, measured: for an RNN, an LSTM and a GRU of the same sizes, on the same seeded inputs, the norm
 * ‖∂L_T/∂h_k‖ of the gradient that a loss at the last step alone, L_T = Σ_j h_T[j], sends back to every earlier h_k,
 * and for the LSTM also ‖∂L_T/∂c_k‖, the gradient that reaches its cell state. lib's full backward
 * (stateGradientNorms, lib/train/bptt.ts, checked against PyTorch) gives the numbers; nothing is re-derived here.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { stateGradientNorms } from '../../../lib/train/bptt.ts';
import type { CellKind } from '../../../lib/count.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';
import { setRememberBias } from './remember-bias.ts';
import { gradientPathsText } from './gradient-paths-text.ts';
import type { Locale } from '../../kit/locale.ts';

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
  /** LSTM only (else null): cellNorms[k − 1] = ‖∂L_T/∂c_k‖ for k = 1…T. */
  readonly cellNorms: readonly number[] | null;
  /** LSTM only (else null): ‖∂L_T/∂c_1‖ / ‖∂L_T/∂c_T‖. */
  readonly cellFirstToLast: number | null;
  /** What went wrong for this kind (vanished below 1e-300, overflow), in English, or null. */
  readonly message: string | null;
}

/** The legend name of a curve: the kind and which state's gradient, e.g. "LSTM ‖∂L/∂c‖". */
export function seriesName(kind: CellKind, state: 'h' | 'c'): string {
  return `${kind} ‖∂L/∂${state}‖`;
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
  const { hidden: norms, cell: cellNorms } = stateGradientNorms(model, forward, { gradOutput: fromData(gradOutput, [T, 1, H]) });
  const message = [describeProblem(kind, norms), cellNorms && describeProblem(seriesName(kind, 'c'), cellNorms)].filter(Boolean).join(' ') || null;
  return {
    kind, norms, firstToLast: norms[0]! / norms[T - 1]!,
    cellNorms, cellFirstToLast: cellNorms ? cellNorms[0]! / cellNorms[T - 1]! : null,
    message,
  };
}

/** An honest sentence, in the page's language, when a curve (named e.g. "RNN") leaves what a log axis can show, or null. */
export function describeProblem(name: string, norms: readonly number[], locale: Locale = 'en'): string | null {
  const t = gradientPathsText(locale);
  const T = norms.length;
  for (let k = T; k >= 1; k--) {
    const value = norms[k - 1]!;
    if (!Number.isFinite(value)) return t.overflowed(name, String(value), k);
    if (value < SMALLEST_SHOWN) return t.vanished(name, k);
  }
  return null;
}

/** The sentences for every curve that leaves the log axis, in the page's language. */
export function curveMessages(curves: readonly PathCurve[], locale: Locale): string[] {
  return curves.flatMap((curve) => [
    describeProblem(curve.kind, curve.norms, locale),
    curve.cellNorms ? describeProblem(seriesName(curve.kind, 'c'), curve.cellNorms, locale) : null,
  ]).filter((m): m is string => m !== null);
}

/** All three curves for the settings, on the same inputs. */
export function gradientPaths(settings: PathSettings): PathCurve[] {
  const input = pathInputs(settings.steps, settings.seed);
  return PATH_KINDS.map((kind) => gradientPath(kind, settings, input));
}

/** Norms as plot points (k, norm), keeping only what a log axis can draw. */
export function normPoints(norms: readonly number[]): [number, number][] {
  return norms.flatMap((value, index) => (Number.isFinite(value) && value >= SMALLEST_SHOWN ? [[index + 1, value] as [number, number]] : []));
}

/** A curve's ∂L/∂h as plot points (k, norm), keeping only what a log axis can draw. */
export function curvePoints(curve: PathCurve): [number, number][] {
  return normPoints(curve.norms);
}

/** The plotted series: every kind's ‖∂L/∂h‖ in PATH_KINDS order, then the LSTM's ‖∂L/∂c‖ (so colours stay put). */
export function pathSeries(curves: readonly PathCurve[]): { name: string; points: [number, number][] }[] {
  return [
    ...curves.map((curve) => ({ name: seriesName(curve.kind, 'h'), points: curvePoints(curve) })),
    ...curves.flatMap((curve) => (curve.cellNorms ? [{ name: seriesName(curve.kind, 'c'), points: normPoints(curve.cellNorms) }] : [])),
  ];
}
