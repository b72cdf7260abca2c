/**
 * The recurrent matrix of the gradient map: a seeded random H × H matrix (entries N(0, 1/H)), divided by its own
 * spectral radius and multiplied by the reader's ρ, so that ρ(W_hh) = ρ exactly while the shape of the matrix
 * (its eigenvalue directions, how far from normal it is) stays the same as ρ moves.
 */
import type { Random } from '../../../lib/random.ts';
import { eigenvalues, spectralRadius, type Eigenvalue } from '../../../lib/linalg/eigenvalues.ts';

/** W_hh scaled to a chosen spectral radius, with its eigenvalues and its largest singular value. */
export interface RecurrentMatrix {
  readonly hiddenSize: number;
  /** The spectral radius asked for (and obtained). */
  readonly rho: number;
  /** W_hh, row-major [H, H]. */
  readonly weights: Float64Array;
  /** Its eigenvalues, largest |λ| first. */
  readonly eigenvalues: readonly Eigenvalue[];
  /** ‖W_hh‖₂, its largest singular value: never below ρ. */
  readonly spectralNorm: number;
}

/** Power-iteration steps for ‖W‖₂ (converges to plotting accuracy well before this for H ≤ 64). */
const POWER_STEPS = 200;

/** ‖W‖₂ = √(largest eigenvalue of WᵀW), by power iteration from a fixed start. */
export function spectralNorm(weights: ArrayLike<number>, n: number): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let estimate = 0;
  for (let step = 0; step < POWER_STEPS; step++) {
    const w = new Float64Array(n); // W v
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i]! += weights[i * n + j]! * v[j]!;
    const next = new Float64Array(n); // Wᵀ W v
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[j]! += weights[i * n + j]! * w[i]!;
    const length = Math.hypot(...next);
    if (length === 0) return 0;
    const previous = estimate;
    estimate = Math.sqrt(length);
    v = next.map((x) => x / length);
    if (Math.abs(estimate - previous) <= 1e-12 * estimate) break;
  }
  return estimate;
}

/** Draw the base matrix from `random`, then scale it to spectral radius rho; undefined if its eigenvalues fail. */
export function recurrentMatrix(random: Random, hiddenSize: number, rho: number): RecurrentMatrix | undefined {
  const std = 1 / Math.sqrt(hiddenSize);
  const base = Float64Array.from({ length: hiddenSize * hiddenSize }, () => random.normal(0, std));
  const baseEigen = eigenvalues(base, hiddenSize);
  if (!baseEigen.ok) return undefined;
  const radius = spectralRadius(baseEigen.values);
  if (!(radius > 0)) return undefined;
  const factor = rho / radius;
  const weights = base.map((x) => x * factor);
  return {
    hiddenSize,
    rho,
    weights,
    eigenvalues: baseEigen.values.map(({ re, im }) => ({ re: re * factor, im: im * factor })),
    spectralNorm: spectralNorm(weights, hiddenSize),
  };
}
