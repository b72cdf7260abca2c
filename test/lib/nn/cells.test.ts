/**
 * The step-level API (rnnStep, lstmStep, gruStep and their backward) driven by hand over a sequence, checked
 * against PyTorch: the single-layer fixtures in test/fixtures/torch/*_l1_basic.json (scripts/make_torch_fixtures.py).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromNested, type FloatArray, type NestedNumbers } from '../../../lib/tensor.ts';
import { cellParams, createRecurrent, loadStateDict } from '../../../lib/nn/recurrent.ts';
import { rnnStep, rnnStepBackward } from '../../../lib/nn/rnn.ts';
import { lstmStep, lstmStepBackward } from '../../../lib/nn/lstm.ts';
import { gruStep, gruStepBackward, type GruCache } from '../../../lib/nn/gru.ts';
import { recurrentForward, stepCaches } from '../../../lib/nn/sequence.ts';
import type { CellCacheBase, CellParams, CellState, StepGrads, StepResult } from '../../../lib/nn/cell.ts';
import type { CellKind } from '../../../lib/count.ts';

type Step = (p: CellParams, x: FloatArray, prev: CellState) => StepResult<CellCacheBase>;
type StepBack = (p: CellParams, cache: never, dNext: CellState) => { grads: StepGrads; dPrev: CellState };

const steps: Record<string, [Step, StepBack]> = {
  rnn_tanh: [rnnStep as Step, rnnStepBackward as StepBack],
  rnn_relu: [rnnStep as Step, rnnStepBackward as StepBack],
  lstm: [lstmStep as Step, lstmStepBackward as StepBack],
  gru: [gruStep as Step, gruStepBackward as StepBack],
};

function load(name: string) {
  const path = fileURLToPath(new URL(`../../fixtures/torch/${name}_l1_basic.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as {
    module: CellKind; config: { input_size: number; hidden_size: number; nonlinearity?: 'tanh' | 'relu' };
    state_dict: Record<string, NestedNumbers>; input: NestedNumbers; output: NestedNumbers; h_n: NestedNumbers; c_n: NestedNumbers | null;
    grad_output: NestedNumbers; grad_h_n: NestedNumbers; grad_c_n: NestedNumbers | null; grads: Record<string, NestedNumbers>;
  };
}

const within = (actual: ArrayLike<number>, expected: ArrayLike<number>, label: string) => {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!), `${label}[${i}]`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]!)));
};

describe('step API over a sequence equals PyTorch (single layer, time-major)', () => {
  for (const name of Object.keys(steps)) {
    it(name, () => {
      const [step, stepBackward] = steps[name]!;
      const data = load(name);
      const H = data.config.hidden_size;
      const D = data.config.input_size;
      const model = createRecurrent(data.module, { inputSize: D, hiddenSize: H, ...(data.config.nonlinearity ? { nonlinearity: data.config.nonlinearity } : {}) });
      loadStateDict(model, data.state_dict);
      const p = cellParams(model, 0, 0);
      const input = fromNested(data.input);
      const [T, B] = input.shape as [number, number];
      const output = fromNested(data.output).data;
      const isLstm = data.module === 'LSTM';
      let state: CellState = { h: new Float64Array(B * H), c: isLstm ? new Float64Array(B * H) : null };
      const caches: CellCacheBase[] = [];
      for (let t = 0; t < T; t++) {
        const result = step(p, input.data.slice(t * B * D, (t + 1) * B * D), state);
        within(result.h, output.subarray(t * B * H, (t + 1) * B * H), `h_${t}`);
        caches.push(result.cache);
        state = { h: result.h, c: result.c };
      }
      if (isLstm) within(state.c!, fromNested(data.c_n!).data, 'c_n');
      // Backward step by step: dNext = grad_output_t + what step t+1 sent back; the weight gradients add up.
      const gradOutput = fromNested(data.grad_output).data;
      let dNext: CellState = { h: fromNested(data.grad_h_n).data.slice(), c: isLstm ? fromNested(data.grad_c_n!).data.slice() : null };
      const sums = { weightIh: new Float64Array(p.weightIh.length), weightHh: new Float64Array(p.weightHh.length), biasIh: new Float64Array(p.weightIh.length / D), biasHh: new Float64Array(p.weightIh.length / D) };
      const gradInput = new Float64Array(input.data.length);
      for (let t = T - 1; t >= 0; t--) {
        for (let k = 0; k < B * H; k++) dNext.h[k] += gradOutput[t * B * H + k]!;
        const { grads, dPrev } = stepBackward(p, caches[t] as never, dNext);
        for (const key of ['weightIh', 'weightHh', 'biasIh', 'biasHh'] as const) grads[key]!.forEach((g, i) => { sums[key][i] += g; });
        gradInput.set(grads.x, t * B * D);
        dNext = dPrev;
      }
      within(sums.weightIh, fromNested(data.grads.weight_ih_l0!).data, 'weight_ih_l0');
      within(sums.weightHh, fromNested(data.grads.weight_hh_l0!).data, 'weight_hh_l0');
      within(sums.biasIh, fromNested(data.grads.bias_ih_l0!).data, 'bias_ih_l0');
      within(sums.biasHh, fromNested(data.grads.bias_hh_l0!).data, 'bias_hh_l0');
      within(gradInput, fromNested(data.grads.input!).data, 'input');
    });
  }
});

describe('step caches expose the gates', () => {
  it('LSTM gates i, f, o lie in (0, 1), g in (−1, 1), and c_t = f ⊙ c_{t−1} + i ⊙ g', () => {
    const model = createRecurrent('LSTM', { inputSize: 4, hiddenSize: 3 });
    loadStateDict(model, load('lstm').state_dict);
    const p = cellParams(model, 0, 0);
    const prev = { h: new Float64Array([0.1, -0.2, 0.3]), c: new Float64Array([1, -1, 0.5]) };
    const { cache } = lstmStep(p, new Float64Array([1, 2, 3, 4]), prev);
    for (const gate of [cache.inputGate, cache.forgetGate, cache.outputGate]) for (const v of gate) expect(v > 0 && v < 1).toBe(true);
    for (const v of cache.candidate) expect(Math.abs(v)).toBeLessThan(1);
    for (let j = 0; j < 3; j++) expect(cache.c[j]).toBeCloseTo(cache.forgetGate[j]! * prev.c[j]! + cache.inputGate[j]! * cache.candidate[j]!, 15);
    for (let j = 0; j < 3; j++) expect(cache.h[j]).toBeCloseTo(cache.outputGate[j]! * Math.tanh(cache.c[j]!), 15);
  });

  it('GRU: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, with r scaling s_n inside n', () => {
    const fixture = load('gru');
    const m = createRecurrent('GRU', { inputSize: 4, hiddenSize: 3 });
    loadStateDict(m, fixture.state_dict);
    const p = cellParams(m, 0, 0);
    const prev = { h: new Float64Array([0.1, -0.2, 0.3]), c: null };
    const { cache } = gruStep(p, new Float64Array([1, 2, 3, 4]), prev);
    for (let j = 0; j < 3; j++) {
      const z = cache.updateGate[j]!;
      expect(cache.h[j]).toBeCloseTo((1 - z) * cache.candidate[j]! + z * prev.h[j]!, 15);
      expect(Math.tanh(cache.preactivation[6 + j]!)).toBeCloseTo(cache.candidate[j]!, 15);
    }
  });
});

describe('stepCaches: per-step intermediates of a whole sequence, in time order', () => {
  it('the reverse direction’s cache at time t holds h_t, the output’s second half at t', () => {
    const fixture = load('gru');
    const model = createRecurrent('GRU', { inputSize: 4, hiddenSize: 3, bidirectional: true });
    const forwardOnly = createRecurrent('GRU', { inputSize: 4, hiddenSize: 3 });
    loadStateDict(forwardOnly, fixture.state_dict);
    // Reuse the fixture's weights for both directions.
    const dict: Record<string, NestedNumbers> = {};
    for (const [key, value] of Object.entries(fixture.state_dict)) { dict[key] = value; dict[`${key}_reverse`] = value; }
    loadStateDict(model, dict);
    const input = fromNested(fixture.input);
    const result = recurrentForward(model, input);
    const [T, B] = input.shape as [number, number];
    for (const direction of [0, 1]) {
      const caches = stepCaches(result, 0, direction) as GruCache[];
      expect(caches).toHaveLength(T);
      for (let t = 0; t < T; t++) {
        for (let b = 0; b < B; b++) for (let j = 0; j < 3; j++) {
          expect(caches[t]!.h[b * 3 + j]).toBe(result.output.data[(t * B + b) * 6 + direction * 3 + j]);
        }
      }
    }
    expect(() => stepCaches(result, 1, 0)).toThrow(/no layer 1, direction 0/);
  });
});
