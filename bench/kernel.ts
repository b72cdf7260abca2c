/**
 * The matrix-kernel micro-benchmark: our C = A·Bᵀ (lib/kernels.ts matmulTransposed, which routes large
 * products to the WebAssembly SIMD kernel of lib/simd.ts) on a square product and on the LSTM's shapes.
 */
import { allocate, type DType } from '../lib/tensor.ts';
import { createRandom } from '../lib/random.ts';
import { matmulTransposed } from '../lib/kernels.ts';
import { setSimdEnabled, simdAvailable } from '../lib/simd.ts';

/** One product shape C[M×N] = A[M×K]·B[N×K]ᵀ. */
export interface KernelShape {
  /** Label for the table. */
  readonly name: string;
  readonly M: number;
  readonly N: number;
  readonly K: number;
}

/** A square product, and the three products of the LSTM case 1 (B=32, T=100, D=64, H=128, 4H = 512). */
export const kernelShapes: readonly KernelShape[] = [
  { name: 'matmul 512x512x512', M: 512, N: 512, K: 512 },
  { name: 'matmul LSTM x·W_ihT 3200x512x64', M: 3200, N: 512, K: 64 },
  { name: 'matmul LSTM h·W_hhT 32x512x128', M: 32, N: 512, K: 128 },
  { name: 'matmul LSTM dW_hh 512x128x3200', M: 512, N: 128, K: 3200 },
];

/** Build one repeat of the product: enough calls to take a few milliseconds, and the multiply-adds they do. */
export function kernelRun(shape: KernelShape, dtype: DType, simd: boolean): { run: () => void; flops: number } {
  const { M, N, K } = shape;
  const random = createRandom(2);
  const fill = (length: number) => {
    const data = allocate(length, dtype);
    for (let i = 0; i < length; i++) data[i] = random.uniform(-1, 1);
    return data;
  };
  const A = fill(M * K);
  const B = fill(N * K);
  const C = allocate(M * N, dtype);
  const calls = Math.max(1, Math.round(2e7 / (M * N * K)));
  return {
    run: () => {
      const previous = setSimdEnabled(simd);
      try {
        for (let i = 0; i < calls; i++) matmulTransposed(C, A, B, M, N, K);
      } finally {
        setSimdEnabled(previous);
      }
    },
    flops: 2 * M * N * K * calls,
  };
}

/** Whether the engine runs the SIMD kernel at all (else both kernel rows are the JavaScript tiles). */
export function kernelHasSimd(): boolean {
  return simdAvailable();
}
