/** The benchmark's cases, from issue 3: LSTM and GRU forward+backward at two shapes, float32 and float64. */

/** One benchmark shape. */
export interface BenchCase {
  /** Short label, e.g. "LSTM B32 T100 D64 H128". */
  readonly name: string;
  /** Recurrent module. */
  readonly module: 'LSTM' | 'GRU';
  /** Batch size B. */
  readonly batch: number;
  /** Sequence length T. */
  readonly steps: number;
  /** Input size D. */
  readonly inputSize: number;
  /** Hidden size H. */
  readonly hiddenSize: number;
}

const shapes = [
  { batch: 32, steps: 100, inputSize: 64, hiddenSize: 128 },
  { batch: 1, steps: 256, inputSize: 64, hiddenSize: 256 },
] as const;

/** Every module × shape pair. */
export const benchCases: readonly BenchCase[] = (['LSTM', 'GRU'] as const).flatMap((module) =>
  shapes.map((shape) => ({
    ...shape,
    module,
    name: `${module} B${shape.batch} T${shape.steps} D${shape.inputSize} H${shape.hiddenSize}`,
  })),
);

/** Floating-point operations of one forward+backward pass (matrix multiplies only, 2 flops per multiply-add). */
export function forwardBackwardFlops(benchCase: BenchCase): number {
  const gates = benchCase.module === 'LSTM' ? 4 : 3;
  const { batch, steps, inputSize, hiddenSize } = benchCase;
  const forward = 2 * batch * steps * gates * hiddenSize * (inputSize + hiddenSize);
  return 3 * forward; // backward does two products per forward product (input and weight gradients)
}
