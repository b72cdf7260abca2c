/**
 * The recurrent stack's contract besides the numbers: bad input throws naming the key or shape, state dicts
 * round-trip under PyTorch's keys, and float32 agrees with float64. References: float64 results of this library
 * (themselves checked against PyTorch in test/parity.test.ts) and PyTorch's key names.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/random.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';
import { createGRU, createLSTM, createRNN, createRecurrent, loadStateDict, stateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { setSimdEnabled, simdAvailable } from '../../../lib/simd.ts';
import { randomTensor } from './gradcheck.ts';

const options = { inputSize: 3, hiddenSize: 2, numLayers: 2, bidirectional: true };

describe('state dicts', () => {
  it('uses PyTorch keys in parameters() order', () => {
    const model = createLSTM(options);
    expect(Object.keys(stateDict(model))).toEqual([
      'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
      'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
      'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1',
      'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse',
    ]);
    expect(stateDict(model).weight_ih_l1!.shape).toEqual([8, 4]); // [4H, 2H]: layer 1 reads both directions
    expect(Object.keys(stateDict(createGRU({ inputSize: 3, hiddenSize: 2, bias: false })))).toEqual(['weight_ih_l0', 'weight_hh_l0']);
  });

  it('round-trips, and a loaded dict reproduces the outputs', () => {
    const random = createRandom(1);
    const source = createGRU({ ...options, random });
    const target = createGRU(options);
    loadStateDict(target, stateDict(source));
    const input = randomTensor(random, [4, 2, 3]);
    expect(recurrentForward(target, input).output.data).toEqual(recurrentForward(source, input).output.data);
  });

  it('throws naming missing keys, extra keys, wrong shapes and non-finite values, and leaves the model unchanged', () => {
    const model = createRNN({ inputSize: 2, hiddenSize: 2, random: createRandom(2) });
    const good = stateDict(model);
    const before = model.parameters[0]!.value.slice();
    const { bias_hh_l0: _dropped, ...missing } = good;
    expect(() => loadStateDict(model, missing)).toThrow(/missing key\(s\) in state dict: bias_hh_l0/);
    expect(() => loadStateDict(model, { ...good, weight_ih_l1: [[1]] })).toThrow(/unexpected key\(s\) in state dict: weight_ih_l1/);
    expect(() => loadStateDict(model, { ...good, weight_hh_l0: [[1, 2, 3], [4, 5, 6]] })).toThrow(/weight_hh_l0 has shape \[2, 3\], expected \[2, 2\]/);
    expect(() => loadStateDict(model, { ...good, weight_ih_l0: [[0, 0], [0, Number.NaN]] })).toThrow(/weight_ih_l0 holds a non-finite value/);
    expect(() => loadStateDict(model, { ...good, bias_ih_l0: [[1], [2, 3]] })).toThrow(/bias_ih_l0\[1\] is ragged/);
    expect(model.parameters[0]!.value).toEqual(before);
  });
});

describe('bad input throws, naming the key or shape', () => {
  const model = createLSTM({ inputSize: 3, hiddenSize: 2, random: createRandom(3) });
  const input = randomTensor(createRandom(4), [5, 2, 3]);

  it('input shape and dtype', () => {
    expect(() => recurrentForward(model, randomTensor(createRandom(4), [5, 2, 4]))).toThrow(/input has shape \[5, 2, 4\], expected \[T, B, 3\]/);
    expect(() => recurrentForward(model, randomTensor(createRandom(4), [5, 3]))).toThrow(/input has shape \[5, 3\]/);
    expect(() => recurrentForward(model, randomTensor(createRandom(4), [5, 2, 3], 'float32'))).toThrow(/input is float32, the model is float64/);
  });

  it('h0 / c0 shapes, and c0 on a GRU', () => {
    expect(() => recurrentForward(model, input, { h0: fromData(new Float64Array(4), [1, 1, 4]) })).toThrow(/h0 has shape \[1, 1, 4\], expected \[1, 2, 2\]/);
    expect(() => recurrentForward(model, input, { c0: fromData(new Float64Array(4), [2, 2, 1]) })).toThrow(/c0 has shape \[2, 2, 1\], expected \[1, 2, 2\]/);
    const gru = createGRU({ inputSize: 3, hiddenSize: 2 });
    expect(() => recurrentForward(gru, input, { c0: fromData(new Float64Array(4), [1, 2, 2]) })).toThrow(/c0 applies to LSTM only/);
  });

  it('lengths: count, ≤ 0, > T, non-integer', () => {
    expect(() => recurrentForward(model, input, { lengths: [5] })).toThrow(/lengths has 1 entries, expected one per sequence \(B = 2\)/);
    expect(() => recurrentForward(model, input, { lengths: [0, 5] })).toThrow(/lengths\[0\] = 0 must be an integer in \[1, 5\]/);
    expect(() => recurrentForward(model, input, { lengths: [5, 6] })).toThrow(/lengths\[1\] = 6/);
    expect(() => recurrentForward(model, input, { lengths: [2.5, 5] })).toThrow(/lengths\[0\] = 2.5/);
  });

  it('non-finite input, h0 and upstream gradients', () => {
    const bad = fromData(input.data.slice(), input.shape);
    bad.data[7] = Number.POSITIVE_INFINITY;
    expect(() => recurrentForward(model, bad)).toThrow(/input holds a non-finite value at flat index 7/);
    const h0 = fromData(new Float64Array([0, Number.NaN, 0, 0]), [1, 2, 2]);
    expect(() => recurrentForward(model, input, { h0 })).toThrow(/h0 holds a non-finite value at flat index 1/);
    const forward = recurrentForward(model, input);
    const gradOutput = fromData(new Float64Array(20).fill(Number.NaN), [5, 2, 2]);
    expect(() => recurrentBackward(model, forward, { gradOutput })).toThrow(/gradOutput holds a non-finite value/);
    expect(() => recurrentBackward(model, forward, { gradOutput: fromData(new Float64Array(10), [5, 2, 1]) })).toThrow(/gradOutput has shape \[5, 2, 1\], expected \[5, 2, 2\]/);
  });

  it('bad options', () => {
    expect(() => createRNN({ inputSize: 0, hiddenSize: 2 })).toThrow(/inputSize must be an integer ≥ 1, got 0/);
    expect(() => createRNN({ inputSize: 2, hiddenSize: 2.5 })).toThrow(/hiddenSize must be an integer ≥ 1, got 2.5/);
    expect(() => createLSTM({ inputSize: 2, hiddenSize: 2, nonlinearity: 'relu' })).toThrow(/nonlinearity applies to RNN only/);
    expect(() => createRNN({ inputSize: 2, hiddenSize: 2, nonlinearity: 'gelu' as never })).toThrow(/nonlinearity must be/);
  });

  it('non-finite gradients are reported with finite: false, not hidden', () => {
    // A custom activation whose derivative overflows makes the backward pass produce Infinity.
    const rnn = createRNN({ inputSize: 1, hiddenSize: 1, nonlinearity: { name: 'bad', f: (a) => a, df: () => Number.POSITIVE_INFINITY } });
    const forward = recurrentForward(rnn, fromData(new Float64Array([1, 1]), [2, 1, 1]));
    const back = recurrentBackward(rnn, forward, { gradOutput: fromData(new Float64Array([1, 1]), [2, 1, 1]) });
    expect(back.finite).toBe(false);
  });
});

describe('lengths', () => {
  it('outputs past each length are exactly 0, and h_n is the state at the last valid step', () => {
    const random = createRandom(9);
    const model = createGRU({ inputSize: 2, hiddenSize: 3, batchFirst: true, random });
    const input = randomTensor(random, [2, 4, 2]);
    const packed = recurrentForward(model, input, { lengths: [2, 4] });
    const short = recurrentForward(model, fromData(input.data.slice(0, 2 * 2), [1, 2, 2]));
    expect([...packed.output.data.subarray(2 * 3, 4 * 3)]).toEqual(new Array(6).fill(0));
    expect([...packed.hN.data.subarray(0, 3)]).toEqual([...short.hN.data]);
  });
});

describe('float32 agrees with float64 within 1e-5', () => {
  for (const kind of ['RNN', 'LSTM', 'GRU'] as const) {
    it(kind, () => {
      const random = createRandom(21);
      const model64 = createRecurrent(kind, { inputSize: 4, hiddenSize: 5, numLayers: 2, bidirectional: true, random });
      const model32 = createRecurrent(kind, { inputSize: 4, hiddenSize: 5, numLayers: 2, bidirectional: true, dtype: 'float32' });
      loadStateDict(model32, stateDict(model64));
      const input64 = randomTensor(random, [6, 3, 4]);
      const to32 = (t: Tensor) => fromData(Float32Array.from(t.data), t.shape);
      const gradOutput = randomTensor(random, [6, 3, 10]);
      const run = (model: typeof model64, input: Tensor, g: Tensor) => {
        const forward = recurrentForward(model, input, { lengths: [6, 3, 1] });
        return { forward, back: recurrentBackward(model, forward, { gradOutput: g }) };
      };
      const a = run(model64, input64, gradOutput);
      const b = run(model32, to32(input64), to32(gradOutput));
      expect(b.forward.output.data).toBeInstanceOf(Float32Array);
      const near = (x: ArrayLike<number>, y: ArrayLike<number>, label: string) => {
        for (let i = 0; i < y.length; i++) expect(Math.abs(x[i]! - y[i]!), `${label}[${i}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(y[i]!)));
      };
      near(b.forward.output.data, a.forward.output.data, 'output');
      near(b.forward.hN.data, a.forward.hN.data, 'h_n');
      near(b.back.input.data, a.back.input.data, 'grad input');
      for (const key of Object.keys(a.back.grads)) near(b.back.grads[key]!, a.back.grads[key]!, key);
    });
  }
});

describe('float32 at sizes that use the WebAssembly SIMD kernel agrees with float64 within 1e-5', () => {
  for (const kind of ['LSTM', 'GRU'] as const) {
    it(kind, () => {
      const random = createRandom(31);
      // B·G·H·H ≥ 4096 multiply-adds per step, so every product here runs on the SIMD kernel.
      const options = { inputSize: 16, hiddenSize: 16, numLayers: 2, bidirectional: true };
      const model64 = createRecurrent(kind, { ...options, random });
      const model32 = createRecurrent(kind, { ...options, dtype: 'float32' });
      loadStateDict(model32, stateDict(model64));
      const input = randomTensor(random, [12, 8, 16]);
      const gradOutput = randomTensor(random, [12, 8, 32]);
      const to32 = (t: Tensor) => fromData(Float32Array.from(t.data), t.shape);
      const f64 = recurrentForward(model64, input, { lengths: [12, 5, 7, 12, 1, 3, 9, 12] });
      const f32 = recurrentForward(model32, to32(input), { lengths: [12, 5, 7, 12, 1, 3, 9, 12] });
      const b64 = recurrentBackward(model64, f64, { gradOutput });
      const b32 = recurrentBackward(model32, f32, { gradOutput: to32(gradOutput) });
      const near = (x: ArrayLike<number>, y: ArrayLike<number>, label: string) => {
        for (let i = 0; i < y.length; i++) expect(Math.abs(x[i]! - y[i]!), `${label}[${i}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(y[i]!)));
      };
      near(f32.output.data, f64.output.data, 'output');
      near(b32.input.data, b64.input.data, 'grad input');
      for (const key of Object.keys(b64.grads)) near(b32.grads[key]!, b64.grads[key]!, key);
    });
  }
});

describe('float64 through the SIMD kernel equals float64 through the JavaScript tiles', () => {
  it('LSTM, 2 layers, bidirectional, lengths: outputs and gradients within 1e-12', () => {
    const random = createRandom(41);
    const model = createLSTM({ inputSize: 16, hiddenSize: 16, numLayers: 2, bidirectional: true, random });
    const input = randomTensor(random, [10, 8, 16]);
    const gradOutput = randomTensor(random, [10, 8, 32]);
    const run = () => {
      const forward = recurrentForward(model, input, { lengths: [10, 4, 7, 10, 1, 3, 9, 10] });
      return { forward, back: recurrentBackward(model, forward, { gradOutput }) };
    };
    expect(simdAvailable()).toBe(true);
    const viaSimd = run();
    const previous = setSimdEnabled(false);
    let viaJs: ReturnType<typeof run>;
    try { viaJs = run(); } finally { setSimdEnabled(previous); }
    const near = (x: ArrayLike<number>, y: ArrayLike<number>, label: string) => {
      for (let i = 0; i < y.length; i++) expect(Math.abs(x[i]! - y[i]!), `${label}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y[i]!)));
    };
    near(viaSimd.forward.output.data, viaJs.forward.output.data, 'output');
    near(viaSimd.back.input.data, viaJs.back.input.data, 'grad input');
    for (const key of Object.keys(viaJs.back.grads)) near(viaSimd.back.grads[key]!, viaJs.back.grads[key]!, key);
  });
});

describe('initialisation', () => {
  it('draws PyTorch’s U(−1/√H, 1/√H) from the seed, reproducibly', () => {
    const a = createLSTM({ inputSize: 3, hiddenSize: 4, random: createRandom(5) });
    const b = createLSTM({ inputSize: 3, hiddenSize: 4, random: createRandom(5) });
    expect(a.parameters.map((p) => [...p.value])).toEqual(b.parameters.map((p) => [...p.value]));
    for (const p of a.parameters) for (const v of p.value) expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
  });
});
