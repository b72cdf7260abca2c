/**
 * The chapter's example linear recurrence  h_t = A h_{t−1} + B x_t, built from the page's settings:
 * A = ρ·Q with Q orthogonal (so every eigenvalue of A has magnitude exactly ρ), B [H, D] and the
 * inputs x [T, D] drawn from one seed. All draws go through lib's seeded generator and init.
 */
import { createRandom } from '../../../lib/random.ts';
import { orthogonalInit } from '../../../lib/nn/init.ts';
import { fromData } from '../../../lib/tensor.ts';
import type { LinearRecurrence } from '../../../lib/scan.ts';

/** D, the input size of the example (fixed: the chapter is about T, not D). */
export const INPUT_SIZE = 2;

/** The largest magnitude a state may reach before the widgets call it an overflow (float64 stops near 1.8e308). */
export const OVERFLOW_LIMIT = 1e308;

/** What the widgets on the page set: sequence length, state size, spectral radius, input scale and seed. */
export interface ScanSettings {
  /** T, the number of steps. */
  readonly sequenceLength: number;
  /** H, the size of the state h_t. */
  readonly hiddenSize: number;
  /** ρ, the magnitude of every eigenvalue of A. */
  readonly spectralRadius: number;
  /** s, the inputs are s times standard normal draws. */
  readonly inputScale: number;
  /** The seed of every random draw. */
  readonly seed: number;
}

/** The page variable each setting is read from. */
export const SETTING_NAMES = { sequenceLength: 'T', hiddenSize: 'H', spectralRadius: 'rho', inputScale: 'scale', seed: 'seed' } as const;

/** The page's defaults, as the frontmatter declares them. */
export const DEFAULT_SETTINGS: ScanSettings = { sequenceLength: 16, hiddenSize: 4, spectralRadius: 0.9, inputScale: 0.02, seed: 1 };

/** The settings the page's current numbers describe (missing names take the defaults). */
export function settingsFromNumbers(numbers: ReadonlyMap<string, number>): ScanSettings {
  const read = (key: keyof ScanSettings): number => numbers.get(SETTING_NAMES[key]) ?? DEFAULT_SETTINGS[key];
  return {
    sequenceLength: read('sequenceLength'),
    hiddenSize: read('hiddenSize'),
    spectralRadius: read('spectralRadius'),
    inputScale: read('inputScale'),
    seed: read('seed'),
  };
}

/** The example recurrence for these settings. Draw order: Q, then B, then x, so a longer T only appends inputs. */
export function exampleRecurrence(settings: ScanSettings): LinearRecurrence {
  const { sequenceLength: T, hiddenSize: H, spectralRadius, inputScale, seed } = settings;
  const random = createRandom(seed);
  const A = orthogonalInit(new Float64Array(H * H), [H, H], random, spectralRadius);
  const B = Float64Array.from({ length: H * INPUT_SIZE }, () => random.normal() / Math.sqrt(INPUT_SIZE));
  const x = Float64Array.from({ length: T * INPUT_SIZE }, () => inputScale * random.normal());
  return { A: fromData(A, [H, H]), B: fromData(B, [H, INPUT_SIZE]), x: fromData(x, [T, INPUT_SIZE]) };
}

/** The first step t (1-based) whose state has an entry above OVERFLOW_LIMIT or not finite, or null when none has. */
export function firstOverflowStep(states: ArrayLike<number>, hiddenSize: number): number | null {
  for (let i = 0; i < states.length; i++) {
    const value = states[i]!;
    if (!Number.isFinite(value) || Math.abs(value) > OVERFLOW_LIMIT) return Math.floor(i / hiddenSize) + 1;
  }
  return null;
}

/** The earlier of two overflow steps (null when neither overflowed). */
export function earliestStep(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** The reader-facing message for an overflow at step t. */
export function overflowMessage(step: number, spectralRadius: number): string {
  return `Values exceeded 1e308 at step ${step}: with ρ = ${spectralRadius} > 1 the state grows like ρᵗ until float64 runs out. Steps from ${step} on are left out.`;
}
