/**
 * Parity with PyTorch 1.13 for nn.RNN (tanh, relu), nn.LSTM and nn.GRU, in float64.
 *
 * Reference values: test/fixtures/torch/*.json, written by scripts/make_torch_fixtures.py
 * (run with Debian's python3-torch: `/usr/bin/python3 scripts/make_torch_fixtures.py`). Each file holds a
 * state dict, inputs, PyTorch's outputs and the gradients of
 *   loss = Σ output ⊙ grad_output + Σ h_n ⊙ grad_h_n (+ Σ c_n ⊙ grad_c_n).
 * Every *.json in the folder is checked, whatever its name; an empty folder fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromNested, toNested, type NestedNumbers, type Tensor } from '../lib/tensor.ts';
import { recurrentParameterCount, type CellKind } from '../lib/count.ts';
import { createRecurrent, loadStateDict, parameterCount, stateDict } from '../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../lib/nn/sequence.ts';

interface TorchCase {
  name: string;
  module: CellKind;
  dtype: 'float64';
  config: {
    input_size: number; hidden_size: number; num_layers: number; bias: boolean;
    batch_first: boolean; bidirectional: boolean; nonlinearity?: 'tanh' | 'relu';
  };
  num_parameters: number;
  state_dict: Record<string, NestedNumbers>;
  input: NestedNumbers;
  lengths: number[] | null;
  h0: NestedNumbers | null;
  c0: NestedNumbers | null;
  output: NestedNumbers;
  h_n: NestedNumbers;
  c_n: NestedNumbers | null;
  grad_output: NestedNumbers;
  grad_h_n: NestedNumbers;
  grad_c_n: NestedNumbers | null;
  grads: Record<string, NestedNumbers>;
}

const EXPECTED_KEYS = [
  'name', 'module', 'dtype', 'config', 'num_parameters', 'state_dict', 'input', 'lengths', 'h0', 'c0',
  'output', 'h_n', 'c_n', 'grad_output', 'grad_h_n', 'grad_c_n', 'grads',
];

const fixtureDir = fileURLToPath(new URL('./fixtures/torch/', import.meta.url));
const files = readdirSync(fixtureDir).filter((file) => file.endsWith('.json')).sort();
const cases = files.map((file) => ({ file, data: JSON.parse(readFileSync(fixtureDir + file, 'utf8')) as TorchCase }));

/** |a − b| ≤ 1e-9 · max(1, |b|) elementwise, with a message naming the first element that differs. */
function expectClose(name: string, actual: ArrayLike<number>, expectedTensor: Tensor, shape?: readonly number[]): void {
  if (shape) expect([...shape], `${name} shape`).toEqual([...expectedTensor.shape]);
  const expected = expectedTensor.data;
  expect(actual.length, `${name} length`).toBe(expected.length);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < expected.length; i++) {
    const excess = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    if (!(excess <= worst)) { worst = excess; worstIndex = i; }
  }
  expect(worst, `${name}[${worstIndex}]: got ${actual[worstIndex]}, torch ${expected[worstIndex]}`).toBeLessThanOrEqual(1e-9);
}

describe('PyTorch parity (test/fixtures/torch, from scripts/make_torch_fixtures.py)', () => {
  it('finds fixtures, each with exactly the agreed keys', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const { file, data } of cases) expect(Object.keys(data).sort(), file).toEqual([...EXPECTED_KEYS].sort());
  });

  it('covers every module with every option value', () => {
    for (const kind of ['RNN:tanh', 'RNN:relu', 'LSTM', 'GRU']) {
      const mine = cases.map((c) => c.data).filter((c) => (c.module === 'RNN' ? `RNN:${c.config.nonlinearity}` : c.module) === kind);
      const seen = (f: (c: TorchCase) => unknown) => new Set(mine.map(f));
      expect(seen((c) => c.config.num_layers), kind).toEqual(new Set([1, 2, 3]));
      expect(seen((c) => c.config.bidirectional), kind).toEqual(new Set([false, true]));
      expect(seen((c) => c.config.batch_first), kind).toEqual(new Set([false, true]));
      expect(seen((c) => c.config.bias), kind).toEqual(new Set([false, true]));
      expect(seen((c) => c.h0 !== null), kind).toEqual(new Set([false, true]));
      expect(seen((c) => c.lengths !== null), kind).toEqual(new Set([false, true]));
      if (kind === 'LSTM') expect(seen((c) => c.c0 !== null), kind).toEqual(new Set([false, true]));
    }
  });

  for (const { file, data } of cases) {
    it(`${file}: parameter count, output, h_n, c_n and every gradient within 1e-9`, () => {
      const { config } = data;
      const model = createRecurrent(data.module, {
        inputSize: config.input_size,
        hiddenSize: config.hidden_size,
        numLayers: config.num_layers,
        bias: config.bias,
        batchFirst: config.batch_first,
        bidirectional: config.bidirectional,
        ...(data.module === 'RNN' ? { nonlinearity: config.nonlinearity } : {}),
      });
      expect(recurrentParameterCount({
        kind: data.module, inputSize: config.input_size, hiddenSize: config.hidden_size, numLayers: config.num_layers,
        bidirectional: config.bidirectional, bias: config.bias ? 'two' : 'none',
      })).toBe(data.num_parameters);
      expect(parameterCount(model)).toBe(data.num_parameters);
      expect(model.parameters.map((p) => p.name)).toEqual(Object.keys(data.state_dict));
      loadStateDict(model, data.state_dict);

      const input = fromNested(data.input);
      const h0 = data.h0 ? fromNested(data.h0) : null;
      const c0 = data.c0 ? fromNested(data.c0) : null;
      const result = recurrentForward(model, input, { h0, c0, lengths: data.lengths });
      expectClose('output', result.output.data, fromNested(data.output), result.output.shape);
      expectClose('h_n', result.hN.data, fromNested(data.h_n), result.hN.shape);
      if (data.c_n) expectClose('c_n', result.cN!.data, fromNested(data.c_n), result.cN!.shape);
      else expect(result.cN).toBeNull();

      const back = recurrentBackward(model, result, {
        gradOutput: fromNested(data.grad_output),
        gradHN: fromNested(data.grad_h_n),
        gradCN: data.grad_c_n ? fromNested(data.grad_c_n) : null,
      });
      expect(back.finite).toBe(true);
      const expectedKeys = ['input', ...(data.h0 ? ['h0'] : []), ...(data.c0 ? ['c0'] : []), ...Object.keys(data.state_dict)];
      expect(Object.keys(data.grads).sort()).toEqual(expectedKeys.sort());
      expectClose('grad input', back.input.data, fromNested(data.grads.input!), back.input.shape);
      if (data.grads.h0) expectClose('grad h0', back.h0.data, fromNested(data.grads.h0), back.h0.shape);
      if (data.grads.c0) expectClose('grad c0', back.c0!.data, fromNested(data.grads.c0), back.c0!.shape);
      for (const key of Object.keys(data.state_dict)) {
        expectClose(`grad ${key}`, back.grads[key]!, fromNested(data.grads[key]!));
      }
      // Round trip: the state dict we produce holds exactly the values we loaded, under the same keys.
      const saved = stateDict(model);
      expect(Object.keys(saved)).toEqual(Object.keys(data.state_dict));
      for (const key of Object.keys(saved)) expect(toNested(saved[key]!), key).toEqual(data.state_dict[key]);
    });
  }
});
