/** Test helpers: a small random recurrent model and central-difference gradient checks in float64. */
import { expect } from 'vitest';
import { createRandom, type Random } from '../../../lib/random.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';
import { createRecurrent, type RecurrentOptions } from '../../../lib/nn/recurrent.ts';
import type { CellKind } from '../../../lib/count.ts';
import { recurrentBackward, recurrentForward, type SequenceOptions } from '../../../lib/nn/sequence.ts';

/** A tensor of standard-normal draws. */
export function randomTensor(random: Random, shape: number[], dtype: 'float64' | 'float32' = 'float64'): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = random.normal();
  return fromData(data, shape);
}

/** Σ a ⊙ b. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Check every analytic gradient of loss = Σ output⊙gO + Σ h_n⊙gH (+ Σ c_n⊙gC) against central differences
 * (L(θ+ε) − L(θ−ε)) / 2ε with ε = 1e-6, for each parameter, the input, h0 and c0. Returns how many entries it checked.
 */
export function checkGradients(kind: CellKind, options: Omit<RecurrentOptions, 'random'>, sizes: { T: number; B: number }, sequence: SequenceOptions & { withInitial?: boolean }, seed = 7): number {
  const random = createRandom(seed);
  const model = createRecurrent(kind, { ...options, random });
  const { T, B } = sizes;
  const { inputSize: D, hiddenSize: H, numLayers = 1, bidirectional = false, batchFirst = false } = options;
  const slots = numLayers * (bidirectional ? 2 : 1);
  const input = randomTensor(random, batchFirst ? [B, T, D] : [T, B, D]);
  const h0 = sequence.withInitial ? randomTensor(random, [slots, B, H]) : null;
  const c0 = sequence.withInitial && kind === 'LSTM' ? randomTensor(random, [slots, B, H]) : null;
  const lengths = sequence.lengths ?? null;
  const first = recurrentForward(model, input, { h0, c0, lengths });
  const gradOutput = randomTensor(random, [...first.output.shape]);
  const gradHN = randomTensor(random, [slots, B, H]);
  const gradCN = kind === 'LSTM' ? randomTensor(random, [slots, B, H]) : null;
  const loss = (): number => {
    const r = recurrentForward(model, input, { h0, c0, lengths });
    return dot(r.output.data, gradOutput.data) + dot(r.hN.data, gradHN.data) + (r.cN && gradCN ? dot(r.cN.data, gradCN.data) : 0);
  };
  const back = recurrentBackward(model, first, { gradOutput, gradHN, gradCN });
  expect(back.finite).toBe(true);
  const targets: [string, Float64Array | Float32Array, ArrayLike<number>][] = model.parameters.map((p) => [p.name, p.value, back.grads[p.name]!]);
  targets.push(['input', input.data, back.input.data]);
  if (h0) targets.push(['h0', h0.data, back.h0.data]);
  if (c0) targets.push(['c0', c0.data, back.c0!.data]);
  const eps = 1e-6;
  let checked = 0;
  for (const [name, values, analytic] of targets) {
    for (let i = 0; i < values.length; i++) {
      const saved = values[i]!;
      values[i] = saved + eps;
      const plus = loss();
      values[i] = saved - eps;
      const minus = loss();
      values[i] = saved;
      const numeric = (plus - minus) / (2 * eps);
      expect(Math.abs(analytic[i]! - numeric), `${name}[${i}]: analytic ${analytic[i]}, numeric ${numeric}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
      checked++;
    }
  }
  return checked;
}
