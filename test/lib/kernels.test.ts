/** Matrix kernels against a naive triple loop written here (the reference), on sizes that hit every tile edge. */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random.ts';
import { addColumnSums, addRowVector, matmul, matmulTransposed, matmulTransposedA, transpose } from '../../lib/kernels.ts';
import { matmulTransposedSimd, setSimdEnabled, simdAvailable } from '../../lib/simd.ts';

const random = createRandom(11);
const fill = (n: number, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array) => {
  const out = new Ctor(n);
  for (let i = 0; i < n; i++) out[i] = random.uniform(-1, 1);
  return out;
};

/** C[m][n] = Σ_k A[m][k] B[n][k], the definition. */
function naiveTransposed(A: ArrayLike<number>, B: ArrayLike<number>, M: number, N: number, K: number): number[] {
  const C: number[] = [];
  for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) { let s = 0; for (let k = 0; k < K; k++) s += A[m * K + k]! * B[n * K + k]!; C.push(s); }
  return C;
}

describe('matmulTransposed: C = A·Bᵀ', () => {
  for (const [M, N, K] of [[1, 1, 1], [4, 4, 3], [5, 7, 9], [8, 12, 1], [3, 2, 17], [13, 6, 5]] as const) {
    it(`${M}×${K} · (${N}×${K})ᵀ, overwrite and accumulate`, () => {
      const A = fill(M * K), B = fill(N * K);
      const expected = naiveTransposed(A, B, M, N, K);
      const C = new Float64Array(M * N).fill(99);
      matmulTransposed(C, A, B, M, N, K);
      C.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 13));
      matmulTransposed(C, A, B, M, N, K, true);
      C.forEach((v, i) => expect(v).toBeCloseTo(2 * expected[i]!, 13));
    });
  }

  it('float32 gives the float64 result rounded to single precision (within 1e-6)', () => {
    const A = fill(6 * 5, Float32Array), B = fill(7 * 5, Float32Array);
    const C = new Float32Array(42);
    matmulTransposed(C, A, B, 6, 7, 5);
    const expected = naiveTransposed(A, B, 6, 7, 5);
    C.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-6));
  });

  it('rejects short arrays and mixed dtypes', () => {
    expect(() => matmulTransposed(new Float64Array(3), new Float64Array(4), new Float64Array(4), 2, 2, 2)).toThrow(/too short for M=2, N=2, K=2/);
    expect(() => matmulTransposed(new Float64Array(4), new Float32Array(4), new Float64Array(4), 2, 2, 2)).toThrow(/share one dtype/);
  });
});

describe('the other products, built on it', () => {
  it('matmul C = A·B, matmulTransposedA C = Aᵀ·B, transpose', () => {
    const [M, N, K] = [5, 6, 7];
    const A = fill(M * K), B = fill(K * N);
    const C = new Float64Array(M * N);
    matmul(C, A, B, M, N, K);
    const expected = naiveTransposed(A, transpose(B, K, N), M, N, K);
    C.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 13));
    const At = transpose(A, M, K); // [K, M]
    expect(transpose(At, K, M)).toEqual(A);
    const D = new Float64Array(M * N);
    matmulTransposedA(D, At, B, M, N, K);
    D.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 13));
  });

  it('column sums and row-vector broadcast', () => {
    const A = new Float64Array([1, 2, 3, 4, 5, 6]);
    const sums = new Float64Array(3);
    addColumnSums(sums, A, 2, 3);
    expect([...sums]).toEqual([5, 7, 9]);
    addRowVector(A, [10, 20, 30], 2, 3);
    expect([...A]).toEqual([11, 22, 33, 14, 25, 36]);
  });
});

describe('WebAssembly SIMD kernels (float32 f32x4, float64 f64x2)', () => {
  it('is available in this Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  for (const [Ctor, tolerance] of [[Float32Array, 1e-5], [Float64Array, 1e-13]] as const) {
    for (const [M, N, K] of [[1, 1, 1], [2, 4, 4], [3, 5, 7], [7, 9, 13], [32, 64, 16], [33, 30, 66]] as const) {
      it(`${Ctor.name}: ${M}×${K} · (${N}×${K})ᵀ matches the definition (padding edges), overwrite and accumulate`, () => {
        const A = fill(M * K, Ctor), B = fill(N * K, Ctor);
        const expected = naiveTransposed(A, B, M, N, K);
        const C = new Ctor(M * N).fill(5);
        expect(matmulTransposedSimd(C, A, B, M, N, K, false)).toBe(true);
        C.forEach((v, i) => expect(Math.abs(v - expected[i]!), `C[${i}]`).toBeLessThan(tolerance));
        matmulTransposedSimd(C, A, B, M, N, K, true);
        C.forEach((v, i) => expect(Math.abs(v - 2 * expected[i]!), `C[${i}]`).toBeLessThan(2 * tolerance));
      });
    }
  }

  it('matmulTransposed routes large float32 products to it, and setSimdEnabled(false) falls back to the JS tiles', () => {
    const [M, N, K] = [40, 48, 36];
    const A = fill(M * K, Float32Array), B = fill(N * K, Float32Array);
    const viaSimd = new Float32Array(M * N);
    matmulTransposed(viaSimd, A, B, M, N, K);
    const previous = setSimdEnabled(false);
    try {
      expect(simdAvailable()).toBe(false);
      const viaJs = new Float32Array(M * N);
      matmulTransposed(viaJs, A, B, M, N, K);
      expect(matmulTransposedSimd(viaJs.slice(), A, B, M, N, K, false)).toBe(false);
      const expected = naiveTransposed(A, B, M, N, K);
      viaSimd.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-5));
      viaJs.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-5));
    } finally {
      setSimdEnabled(previous);
    }
  });
});
