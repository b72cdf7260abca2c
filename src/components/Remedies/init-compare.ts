/**
 * The initialisation widget's numbers. For every scheme, a seeded RNN (lib's createRNN, W_ih with PyTorch's
 * default, biases zero, W_hh from the scheme) runs forward over T standard-normal inputs; then
 * L_T = Σ_i h_T[i], the sum of the last state, is backpropagated with lib's hiddenGradientNorms to give
 * ‖∂L_T/∂h_t‖ at every step. Alongside: ρ(W_hh) and the extreme singular values of W_hh.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { hiddenGradientNorms } from '../../../lib/train/bptt.ts';
import { fromData } from '../../../lib/tensor.ts';
import type { Series } from '../../kit/plot-data.ts';
import { initRecurrentWeight, SCHEME_NAMES, SCHEMES, type Scheme } from './init-schemes.ts';
import { matrixSpectralRadius } from '../../../lib/linalg/eigenvalues.ts';
import { singularValues } from '../../../lib/linalg/singular-values.ts';

/** Inputs per step (fixed). */
export const INIT_INPUT_SIZE = 4;

/** Values above this count as an overflow (float64 ends near 1.8e308). */
export const OVERFLOW_LIMIT = 1e308;

/** What the reader sets. */
export interface InitSettings {
  readonly activation: 'tanh' | 'relu';
  /** g, for the schemes that take a gain. */
  readonly gain: number;
  readonly hiddenSize: number;
  readonly steps: number;
  readonly seed: number;
}

/** The page's defaults, as the frontmatter declares them. */
export const DEFAULT_INIT: InitSettings = { activation: 'tanh', gain: 1, hiddenSize: 16, steps: 50, seed: 1 };

/** One scheme's results. */
export interface SchemeResult {
  readonly scheme: Scheme;
  readonly spectralRadius: number;
  readonly largestSingular: number;
  readonly smallestSingular: number;
  /** ‖h_t‖, t = 1 … (up to the first overflow). */
  readonly hiddenNorms: readonly number[];
  /** ‖∂L_T/∂h_t‖, t = 1 … T; empty when the forward pass overflowed. */
  readonly gradNorms: readonly number[];
  /** Where the numbers stopped being usable, or null. */
  readonly overflow: string | null;
}

/** The widget's state. */
export interface InitView {
  readonly settings: InitSettings;
  readonly problem: string | null;
  readonly results: readonly SchemeResult[];
}

/** A problem with the settings, or null. */
export function initProblem(settings: InitSettings): string | null {
  const { gain, hiddenSize, steps } = settings;
  if (!(gain >= 0) || !Number.isFinite(gain)) return `The gain must be a number ≥ 0, got ${gain}.`;
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1 || hiddenSize > 128) return `H must be a whole number from 1 to 128, got ${hiddenSize}.`;
  if (!Number.isInteger(steps) || steps < 1 || steps > 2000) return `T must be a whole number from 1 to 2000, got ${steps}.`;
  return null;
}

/** ‖v‖ of data[from, to), scaled by the largest entry first so that it only overflows when an entry does. */
function vectorNorm(data: ArrayLike<number>, from: number, to: number): number {
  let largest = 0;
  for (let i = from; i < to; i++) largest = Math.max(largest, Math.abs(data[i]!));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let i = from; i < to; i++) sum += (data[i]! / largest) ** 2;
  return largest * Math.sqrt(sum);
}

/** ρ and the extreme singular values of W_hh. */
interface WeightSpectrum {
  readonly spectralRadius: number;
  readonly largestSingular: number;
  readonly smallestSingular: number;
}

/** Spectra by the settings that drew W_hh (T plays no part), so moving T alone recomputes none. */
const spectra = new Map<string, WeightSpectrum>();

function weightSpectrum(weight: Float64Array, size: number, key: string): WeightSpectrum {
  let spectrum = spectra.get(key);
  if (!spectrum) {
    const values = singularValues(weight, size);
    spectrum = { spectralRadius: matrixSpectralRadius(weight, size), largestSingular: values[0]!, smallestSingular: values[values.length - 1]! };
    if (spectra.size >= 50) spectra.clear(); // a small cache: the last few settings of each scheme
    spectra.set(key, spectrum);
  }
  return spectrum;
}

/** Run one scheme. The same seed gives every scheme the same W_ih and inputs; only W_hh differs. */
export function runScheme(scheme: Scheme, settings: InitSettings): SchemeResult {
  const { activation, gain, hiddenSize: H, steps: T, seed } = settings;
  const random = createRandom(seed);
  const model = createRNN({ inputSize: INIT_INPUT_SIZE, hiddenSize: H, nonlinearity: activation, random });
  const cell = model.cells[0]![0]!;
  cell.biasIh!.value.fill(0);
  cell.biasHh!.value.fill(0);
  const input = fromData(Float64Array.from({ length: T * INIT_INPUT_SIZE }, () => random.normal()), [T, 1, INIT_INPUT_SIZE]);
  const weight = initRecurrentWeight(cell.weightHh.value as Float64Array, H, scheme, gain, activation, createRandom(seed + 7919));
  const base = { scheme, ...weightSpectrum(weight, H, JSON.stringify([scheme, gain, H, seed, activation])) };
  const forward = recurrentForward(model, input);
  const hiddenNorms: number[] = [];
  for (let t = 0; t < T; t++) {
    const norm = vectorNorm(forward.output.data, t * H, (t + 1) * H);
    if (!(norm <= OVERFLOW_LIMIT)) {
      return { ...base, hiddenNorms, gradNorms: [], overflow: `‖h_t‖ exceeded 1e308 at step ${t + 1}: the state overflowed, so no gradient can be computed` };
    }
    hiddenNorms.push(norm);
  }
  const gradOutput = new Float64Array(T * H);
  gradOutput.fill(1, (T - 1) * H);
  const gradNorms = hiddenGradientNorms(model, forward, { gradOutput: fromData(gradOutput, [T, 1, H]) });
  const bad = gradNorms.findIndex((norm) => !(norm <= OVERFLOW_LIMIT));
  if (bad >= 0) {
    // Backward runs from T down to 1, so everything before the last bad step is unusable too.
    let firstGood = bad;
    while (firstGood < T && !(gradNorms[firstGood]! <= OVERFLOW_LIMIT)) firstGood++;
    return { ...base, hiddenNorms, gradNorms: gradNorms.map((n, t) => (t >= firstGood ? n : Number.NaN)), overflow: `‖∂L_T/∂h_t‖ overflowed (no longer a finite number) going back past step ${firstGood + 1}: the gradient exploded before reaching the first steps` };
  }
  return { ...base, hiddenNorms, gradNorms, overflow: null };
}

/** Compute every scheme (never throws for settings that pass initProblem). */
export function initView(settings: InitSettings): InitView {
  const problem = initProblem(settings);
  if (problem) return { settings, problem, results: [] };
  return { settings, problem: null, results: SCHEMES.map((scheme) => runScheme(scheme, settings)) };
}

/** Series for a log-scale plot: finite, positive values only (a log axis has no place for 0). */
function logSeries(results: readonly SchemeResult[], pick: (r: SchemeResult) => readonly number[]): Series[] {
  return results.map((r) => ({
    name: SCHEME_NAMES[r.scheme],
    points: pick(r).flatMap((value, t) => (Number.isFinite(value) && value > 0 ? [[t + 1, value] as const] : [])),
  }));
}

/** ‖h_t‖ against t, one line per scheme. */
export function hiddenNormSeries(view: InitView): Series[] {
  return logSeries(view.results, (r) => r.hiddenNorms);
}

/** ‖∂L_T/∂h_t‖ against t, one line per scheme. */
export function gradNormSeries(view: InitView): Series[] {
  return logSeries(view.results, (r) => r.gradNorms);
}
