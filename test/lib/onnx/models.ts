/** Seeded core models (a recurrent stack with a Linear head) and inputs for the lib/onnx tests. */
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent, type RecurrentOptions } from '../../../lib/nn/recurrent.ts';
import { createLinear } from '../../../lib/nn/linear.ts';
import type { CellKind } from '../../../lib/count.ts';
import type { Tensor } from '../../../lib/tensor.ts';
import type { SequenceModel } from '../../../lib/onnx/sequence-model.ts';

/** One configuration the tests export, run and import. */
export interface ModelCase {
  readonly name: string;
  readonly kind: CellKind;
  readonly options: Omit<RecurrentOptions, 'random' | 'dtype'>;
  readonly head: boolean;
}

const base = { inputSize: 4, hiddenSize: 6 };

/** Every module, single and multi-layer, uni- and bidirectional, batch-first, without bias, without head. */
export const MODEL_CASES: readonly ModelCase[] = (['RNN', 'LSTM', 'GRU'] as const).flatMap((kind): ModelCase[] => [
  { name: `${kind} 1 layer`, kind, options: { ...base }, head: true },
  { name: `${kind} 2 layers`, kind, options: { ...base, numLayers: 2 }, head: true },
  { name: `${kind} bidirectional`, kind, options: { ...base, bidirectional: true }, head: true },
  { name: `${kind} 3 layers bidirectional batch-first`, kind, options: { ...base, numLayers: 3, bidirectional: true, batchFirst: true }, head: true },
  { name: `${kind} no bias, no head`, kind, options: { ...base, bias: false, numLayers: 2 }, head: false },
]).concat([
  { name: 'RNN relu 2 layers bidirectional', kind: 'RNN', options: { ...base, numLayers: 2, bidirectional: true, nonlinearity: 'relu' }, head: true },
]);

/** The case's model with PyTorch's default init from a seeded generator; with `float32Exact`, every weight is a float32 value. */
export function makeModel(c: ModelCase, seed: number, float32Exact = false): SequenceModel {
  const random = createRandom(seed);
  const recurrent = createRecurrent(c.kind, { ...c.options, random });
  const directions = c.options.bidirectional ? 2 : 1;
  const head = c.head ? createLinear(directions * c.options.hiddenSize, 3, { random }) : null;
  if (float32Exact) {
    for (const p of recurrent.parameters) p.value.forEach((v, i) => { p.value[i] = Math.fround(v); });
    for (const p of head ? [head.weight, head.bias!] : []) p.value.forEach((v, i) => { p.value[i] = Math.fround(v); });
  }
  return { recurrent, head };
}

/** A seeded input of T steps and B rows in the case's layout, float64 values from N(0, 1). */
export function makeInput(c: ModelCase, seed: number, steps = 5, batch = 2): Tensor {
  const random = createRandom(seed);
  const data = new Float64Array(steps * batch * c.options.inputSize);
  for (let i = 0; i < data.length; i++) data[i] = random.normal();
  return { shape: c.options.batchFirst ? [batch, steps, c.options.inputSize] : [steps, batch, c.options.inputSize], data };
}
