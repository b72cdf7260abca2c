/** W_hh scaled to a spectral radius, and its spectral norm. References: eigenvalues recomputed from the weights, and matrices whose singular values are known by hand. */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { eigenvalues, spectralRadius } from '../../../../lib/linalg/eigenvalues.ts';
import { recurrentMatrix, spectralNorm } from '../../../../src/components/BpttGradients/recurrent-matrix.ts';
import { LOG_POSITIONS, positionOf, rhoAt } from '../../../../src/components/BpttGradients/log-slider.ts';

describe('recurrentMatrix', () => {
  it('has exactly the requested spectral radius, and its eigenvalues are the weights’ eigenvalues', () => {
    for (const [seed, H, rho] of [[1, 16, 0.9], [2, 2, 10], [7, 32, 0.1], [3, 5, 1]] as const) {
      const matrix = recurrentMatrix(createRandom(seed), H, rho)!;
      const recomputed = eigenvalues(matrix.weights, H);
      if (!recomputed.ok) throw new Error(recomputed.message);
      expect(spectralRadius(recomputed.values)).toBeCloseTo(rho, 10);
      expect(spectralRadius(matrix.eigenvalues)).toBeCloseTo(rho, 12);
      expect(matrix.spectralNorm).toBeGreaterThanOrEqual(rho * (1 - 1e-9));
    }
  });

  it('the same seed and size give the same matrix; ρ only scales it', () => {
    const a = recurrentMatrix(createRandom(5), 8, 0.5)!;
    const b = recurrentMatrix(createRandom(5), 8, 2)!;
    a.weights.forEach((w, i) => expect(b.weights[i]).toBeCloseTo(4 * w, 12));
  });
});

describe('spectralNorm', () => {
  it('is the largest singular value: diag(3, −2) → 3, a scaled rotation → its scale, [[1, 1], [0, 1]] → the golden ratio', () => {
    expect(spectralNorm([3, 0, 0, -2], 2)).toBeCloseTo(3, 10);
    expect(spectralNorm([0.6 * Math.cos(1), -0.6 * Math.sin(1), 0.6 * Math.sin(1), 0.6 * Math.cos(1)], 2)).toBeCloseTo(0.6, 10);
    expect(spectralNorm([1, 1, 0, 1], 2)).toBeCloseTo((1 + Math.sqrt(5)) / 2, 10);
    expect(spectralNorm([0, 0, 0, 0], 2)).toBe(0);
  });

  it('matches √(largest eigenvalue of WᵀW) on a random matrix', () => {
    const random = createRandom(11);
    const n = 6;
    const W = Array.from({ length: n * n }, () => random.normal());
    const gram = Array.from({ length: n * n }, (_, index) => {
      const [i, j] = [Math.floor(index / n), index % n];
      let sum = 0;
      for (let r = 0; r < n; r++) sum += W[r * n + i]! * W[r * n + j]!;
      return sum;
    });
    const result = eigenvalues(gram, n);
    if (!result.ok) throw new Error(result.message);
    expect(spectralNorm(W, n)).toBeCloseTo(Math.sqrt(spectralRadius(result.values)), 8);
  });
});

describe('the log slider for ρ', () => {
  it('runs from 0.1 to 10 with 1 in the middle', () => {
    expect(rhoAt(0)).toBe(0.1);
    expect(rhoAt(LOG_POSITIONS / 2)).toBe(1);
    expect(rhoAt(LOG_POSITIONS)).toBe(10);
    expect(rhoAt(-5)).toBe(0.1);
    expect(rhoAt(1e9)).toBe(10);
  });

  it('every position gives a different ρ, and reading it back gives the same position', () => {
    for (let position = 0; position <= LOG_POSITIONS; position++) {
      expect(positionOf(rhoAt(position))).toBe(position);
      if (position > 0) expect(rhoAt(position)).toBeGreaterThan(rhoAt(position - 1));
    }
    expect(positionOf(Number.NaN)).toBe(LOG_POSITIONS / 2);
    expect(positionOf(1e6)).toBe(LOG_POSITIONS);
  });
});
