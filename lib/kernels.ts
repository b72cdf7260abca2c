/**
 * Matrix kernels on row-major typed arrays (Float64Array or Float32Array).
 *
 * One product does the heavy lifting everywhere:
 *
 *   C[M×N] (+)= A[M×K] · B[N×K]ᵀ        C[m][n] = Σ_k A[m][k] · B[n][k]
 *
 * This is exactly the shape of a recurrent layer's projections, x·W_ihᵀ and h·W_hhᵀ, with the weights
 * stored PyTorch's way ([G·H, D]). Both operands are read along k, so the inner loop walks contiguous
 * memory. The other products (A·B, Aᵀ·B) are done by transposing one operand first, which costs O(n²)
 * next to the O(n³) product.
 *
 * Speed comes from register blocking: the kernel computes a 4×4 tile of C at once, holding its 16
 * running sums in locals, so each element loaded from A or B is used four times per load. Large products
 * run on a WebAssembly SIMD kernel instead (simd.ts) when the engine supports it.
 */
import { allocate, dtypeOf, type FloatArray } from './tensor.ts';
import { matmulTransposedSimd } from './simd.ts';

/** Multiply-adds below which a product stays in JavaScript. */
const SIMD_MIN_WORK = 4096;

/** C[M×N] = A[M×K]·B[N×K]ᵀ, or C += A·Bᵀ when accumulate is true. All row-major, contiguous, one dtype. */
export function matmulTransposed(
  C: FloatArray,
  A: FloatArray,
  B: FloatArray,
  M: number,
  N: number,
  K: number,
  accumulate = false,
): void {
  if (A.length < M * K || B.length < N * K || C.length < M * N) {
    throw new RangeError(`matmulTransposed: arrays of length ${A.length}, ${B.length}, ${C.length} are too short for M=${M}, N=${N}, K=${K}`);
  }
  const float32 = C instanceof Float32Array && A instanceof Float32Array && B instanceof Float32Array;
  const float64 = C instanceof Float64Array && A instanceof Float64Array && B instanceof Float64Array;
  if (!float32 && !float64) throw new TypeError('matmulTransposed: C, A and B must share one dtype');
  // Large products go to the WebAssembly SIMD kernel when the engine has it; small ones are not worth the copies.
  if (M * N * K >= SIMD_MIN_WORK && matmulTransposedSimd(C, A, B, M, N, K, accumulate)) return;
  if (float32) tilesFloat32(C as Float32Array, A as Float32Array, B as Float32Array, M, N, K, accumulate);
  else tilesFloat64(C as Float64Array, A as Float64Array, B as Float64Array, M, N, K, accumulate);
}

// The two functions below are the same code, once per element type. V8 optimises a function for the
// array types it has seen; one function fed both Float32Array and Float64Array runs about 40% slower.

/** The 4×4-tiled product on Float64Array. */
function tilesFloat64(C: Float64Array, A: Float64Array, B: Float64Array, M: number, N: number, K: number, accumulate: boolean): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let m = 0; m < M4; m += 4) {
    const a0 = m * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    for (let n = 0; n < N4; n += 4) {
      const b0 = n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k]!, x1 = A[a1 + k]!, x2 = A[a2 + k]!, x3 = A[a3 + k]!;
        const y0 = B[b0 + k]!, y1 = B[b1 + k]!, y2 = B[b2 + k]!, y3 = B[b3 + k]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const r0 = m * N + n, r1 = r0 + N, r2 = r1 + N, r3 = r2 + N;
      if (accumulate) {
        C[r0] += c00; C[r0 + 1] += c01; C[r0 + 2] += c02; C[r0 + 3] += c03;
        C[r1] += c10; C[r1 + 1] += c11; C[r1 + 2] += c12; C[r1 + 3] += c13;
        C[r2] += c20; C[r2 + 1] += c21; C[r2 + 2] += c22; C[r2 + 3] += c23;
        C[r3] += c30; C[r3 + 1] += c31; C[r3 + 2] += c32; C[r3 + 3] += c33;
      } else {
        C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
        C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
        C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
        C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
      }
    }
    for (let row = m; row < m + 4; row++) dotRange(C, A, B, row, N4, N, N, K, accumulate);
  }
  for (let row = M4; row < M; row++) dotRange(C, A, B, row, 0, N, N, K, accumulate);
}

/** The 4×4-tiled product on Float32Array (the same code as tilesFloat64). */
function tilesFloat32(C: Float32Array, A: Float32Array, B: Float32Array, M: number, N: number, K: number, accumulate: boolean): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let m = 0; m < M4; m += 4) {
    const a0 = m * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    for (let n = 0; n < N4; n += 4) {
      const b0 = n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k]!, x1 = A[a1 + k]!, x2 = A[a2 + k]!, x3 = A[a3 + k]!;
        const y0 = B[b0 + k]!, y1 = B[b1 + k]!, y2 = B[b2 + k]!, y3 = B[b3 + k]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const r0 = m * N + n, r1 = r0 + N, r2 = r1 + N, r3 = r2 + N;
      if (accumulate) {
        C[r0] += c00; C[r0 + 1] += c01; C[r0 + 2] += c02; C[r0 + 3] += c03;
        C[r1] += c10; C[r1 + 1] += c11; C[r1 + 2] += c12; C[r1 + 3] += c13;
        C[r2] += c20; C[r2 + 1] += c21; C[r2 + 2] += c22; C[r2 + 3] += c23;
        C[r3] += c30; C[r3 + 1] += c31; C[r3 + 2] += c32; C[r3 + 3] += c33;
      } else {
        C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
        C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
        C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
        C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
      }
    }
    for (let row = m; row < m + 4; row++) dotRange(C, A, B, row, N4, N, N, K, accumulate);
  }
  for (let row = M4; row < M; row++) dotRange(C, A, B, row, 0, N, N, K, accumulate);
}

/** The edge of the product: C[row][n] for n in [from, to), one plain dot product each. */
function dotRange(C: FloatArray, A: FloatArray, B: FloatArray, row: number, from: number, to: number, N: number, K: number, accumulate: boolean): void {
  const a = row * K;
  for (let n = from; n < to; n++) {
    const b = n * K;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += A[a + k]! * B[b + k]!;
    C[row * N + n] = accumulate ? C[row * N + n]! + sum : sum;
  }
}

/** The transpose of a row-major [rows × cols] matrix, as a new [cols × rows] array of the same dtype. */
export function transpose(A: FloatArray, rows: number, cols: number): FloatArray {
  const out = allocate(rows * cols, dtypeOf(A));
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = A[base + c]!;
  }
  return out;
}

/** C[M×N] (+)= A[M×K]·B[K×N], by transposing B (or using Bᵀ when the caller already has it) and calling matmulTransposed. */
export function matmul(
  C: FloatArray, A: FloatArray, B: FloatArray, M: number, N: number, K: number, accumulate = false, transposedB?: FloatArray,
): void {
  matmulTransposed(C, A, transposedB ?? transpose(B, K, N), M, N, K, accumulate);
}

/** C[M×N] (+)= A[K×M]ᵀ·B[K×N] (a sum of outer products over K rows, e.g. a weight gradient dGᵀ·x). */
export function matmulTransposedA(C: FloatArray, A: FloatArray, B: FloatArray, M: number, N: number, K: number, accumulate = false): void {
  matmulTransposed(C, transpose(A, K, M), transpose(B, K, N), M, N, K, accumulate);
}

/** out[n] += Σ_m A[m][n]: column sums of a row-major [M × N] matrix (a bias gradient). */
export function addColumnSums(out: FloatArray, A: FloatArray, M: number, N: number): void {
  for (let m = 0; m < M; m++) {
    const base = m * N;
    for (let n = 0; n < N; n++) out[n] += A[base + n]!;
  }
}

/** Add a row vector to every row of a row-major [M × N] matrix in place (a bias). */
export function addRowVector(A: FloatArray, row: ArrayLike<number>, M: number, N: number): void {
  for (let m = 0; m < M; m++) {
    const base = m * N;
    for (let n = 0; n < N; n++) A[base + n] += row[n]!;
  }
}
