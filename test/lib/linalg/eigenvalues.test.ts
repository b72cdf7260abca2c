/**
 * The eigenvalue routine behind the eigenvalue plot and the scaling of W_hh. References: matrices with known
 * eigenvalues (a scaled rotation ρR(θ) has ρe^{±iθ}; a companion matrix has its polynomial's roots; a cyclic
 * permutation has the cube roots of unity), and for random matrices the identities Σλ = trace A and Σλ² = trace A².
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/random.ts';
import { eigenvalues, modulus, spectralRadius, type Eigenvalue } from '../../../lib/linalg/eigenvalues.ts';

function values(matrix: number[], n: number): readonly Eigenvalue[] {
  const result = eigenvalues(matrix, n);
  if (!result.ok) throw new Error(result.message);
  return result.values;
}

describe('eigenvalues', () => {
  it('a scaled rotation ρR(θ) has the pair ρe^{±iθ}', () => {
    for (const [rho, theta] of [[0.9, 0.7], [3, 2.5], [0.1, Math.PI / 2]] as const) {
      const [a, b] = values([rho * Math.cos(theta), -rho * Math.sin(theta), rho * Math.sin(theta), rho * Math.cos(theta)], 2);
      expect(a!.re).toBeCloseTo(rho * Math.cos(theta), 12);
      expect(b!.re).toBeCloseTo(rho * Math.cos(theta), 12);
      expect([a!.im, b!.im].sort((x, y) => x - y)).toEqual([expect.closeTo(-rho * Math.sin(theta), 12), expect.closeTo(rho * Math.sin(theta), 12)]);
      expect(modulus(a!)).toBeCloseTo(rho, 12);
    }
  });

  it('a companion matrix has its polynomial’s roots: (x − 1)(x − 2)(x + 3) = x³ − 7x + 6', () => {
    const roots = values([0, 7, -6, 1, 0, 0, 0, 1, 0], 3).map((v) => v.re).sort((x, y) => x - y);
    expect(roots).toEqual([expect.closeTo(-3, 10), expect.closeTo(1, 10), expect.closeTo(2, 10)]);
  });

  it('a cyclic permutation (where mathjs 15 eigs fails to converge) has the cube roots of unity', () => {
    const found = values([0, 1, 0, 0, 0, 1, 1, 0, 0], 3);
    for (const v of found) expect(modulus(v)).toBeCloseTo(1, 12);
    expect(found.map((v) => v.re).sort((x, y) => x - y)).toEqual([expect.closeTo(-0.5, 12), expect.closeTo(-0.5, 12), expect.closeTo(1, 12)]);
  });

  it('diagonal and triangular matrices give their diagonals; 1 × 1 gives its entry', () => {
    expect(values([2, 5, 1, 0, -4, 7, 0, 0, 0.5], 3).map((v) => v.re)).toEqual([expect.closeTo(-4, 12), expect.closeTo(2, 12), expect.closeTo(0.5, 12)]);
    expect(values([-3], 1)).toEqual([{ re: -3, im: 0 }]);
  });

  it('random matrices up to 64 × 64: Σλ = trace A, Σλ² = trace A², and complex eigenvalues come in conjugate pairs', () => {
    for (const n of [2, 3, 5, 8, 16, 32, 64]) {
      for (let seed = 1; seed <= 5; seed++) {
        const random = createRandom(seed * 100 + n);
        const A = Array.from({ length: n * n }, () => random.normal());
        const found = values(A, n);
        expect(found).toHaveLength(n);
        let trace = 0, trace2 = 0;
        for (let i = 0; i < n; i++) {
          trace += A[i * n + i]!;
          for (let k = 0; k < n; k++) trace2 += A[i * n + k]! * A[k * n + i]!;
        }
        const sum = found.reduce((s, v) => s + v.re, 0);
        const sumIm = found.reduce((s, v) => s + v.im, 0);
        const sumSquares = found.reduce((s, v) => s + v.re * v.re - v.im * v.im, 0);
        expect(sum).toBeCloseTo(trace, 8);
        expect(sumIm).toBeCloseTo(0, 8);
        expect(sumSquares).toBeCloseTo(trace2, 7);
        // Sorted by modulus, largest first.
        for (let i = 1; i < n; i++) expect(modulus(found[i]!)).toBeLessThanOrEqual(modulus(found[i - 1]!) + 1e-12);
      }
    }
  });

  it('spectralRadius is the largest modulus', () => {
    expect(spectralRadius([{ re: 0.3, im: 0.4 }, { re: -0.2, im: 0 }])).toBeCloseTo(0.5, 15);
    expect(spectralRadius([])).toBe(0);
  });

  it('returns a message, never throws, for non-finite entries and wrong sizes', () => {
    expect(eigenvalues([1, Number.NaN, 0, 1], 2)).toEqual({ ok: false, message: expect.stringContaining('not a finite number') });
    expect(eigenvalues([1, 2, 3], 2)).toEqual({ ok: false, message: expect.stringContaining('n × n') });
    expect(eigenvalues([], 0).ok).toBe(false);
  });
});
