/** Singular values and the matrix spectral radius, on matrices small enough to check by hand, and on lib's orthogonal init. */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/random.ts';
import { orthogonalInit } from '../../../lib/nn/init.ts';
import { matrixSpectralRadius as spectralRadius } from '../../../lib/linalg/eigenvalues.ts';
import { singularValues } from '../../../lib/linalg/singular-values.ts';

describe('singularValues', () => {
  it('of a diagonal matrix are its absolute diagonal, sorted', () => {
    expect(singularValues([3, 0, 0, -4], 2)).toEqual([4, 3]);
  });
  it('of [[1, 1], [0, 1]] are the golden ratio and its inverse', () => {
    const phi = (1 + Math.sqrt(5)) / 2;
    const [a, b] = singularValues([1, 1, 0, 1], 2);
    expect(a).toBeCloseTo(phi, 12);
    expect(b).toBeCloseTo(1 / phi, 12);
  });
  it('of g·Q (lib’s orthogonal init) are all g', () => {
    const Q = orthogonalInit(new Float64Array(64), [8, 8], createRandom(2), 1.5);
    for (const value of singularValues(Q, 8)) expect(value).toBeCloseTo(1.5, 10);
  });
});

describe('matrixSpectralRadius', () => {
  it('of a triangular matrix is its largest diagonal magnitude', () => {
    expect(spectralRadius([2, 1, 0, 0.5], 2)).toBeCloseTo(2, 4);
  });
  it('of a rotation by 90° times 2 is 2 (complex eigenvalues ±2i)', () => {
    expect(spectralRadius([0, -2, 2, 0], 2)).toBeCloseTo(2, 4);
  });
  it('of a nilpotent matrix is 0, and of a matrix with a non-finite entry NaN', () => {
    expect(spectralRadius([0, 1, 0, 0], 2)).toBe(0);
    expect(spectralRadius([Number.POSITIVE_INFINITY, 0, 0, 1], 2)).toBeNaN();
  });
  it('of g·Q is g', () => {
    const Q = orthogonalInit(new Float64Array(256), [16, 16], createRandom(3), 0.8);
    expect(spectralRadius(Q, 16)).toBeCloseTo(0.8, 4);
  });
});
