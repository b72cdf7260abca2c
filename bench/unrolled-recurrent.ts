/**
 * Our side of the benchmark: one forward+backward pass of a case through the core (recurrentForward, then
 * recurrentBackward with a grad_output), on a time-major [T, B, D] input, in float32 or float64.
 */
import { allocate, fromData, type DType } from '../lib/tensor.ts';
import { createRandom } from '../lib/random.ts';
import { createRecurrent } from '../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../lib/nn/sequence.ts';
import type { BenchCase } from './cases.ts';

/** Build a function that runs one forward+backward pass of the case and returns the number of gradient arrays made. */
export function unrolledForwardBackward(benchCase: BenchCase, dtype: DType): () => number {
  const { module, batch, steps, inputSize, hiddenSize } = benchCase;
  const random = createRandom(1);
  const model = createRecurrent(module, { inputSize, hiddenSize, dtype, random });
  const normal = (length: number) => {
    const data = allocate(length, dtype);
    for (let i = 0; i < length; i++) data[i] = random.normal();
    return data;
  };
  const input = fromData(normal(steps * batch * inputSize), [steps, batch, inputSize]);
  const gradOutput = fromData(normal(steps * batch * hiddenSize), [steps, batch, hiddenSize]);
  return () => {
    const forward = recurrentForward(model, input);
    const backward = recurrentBackward(model, forward, { gradOutput });
    return Object.keys(backward.grads).length;
  };
}
