/**
 * The RNN cell, checked by hand, and the step API against the sequence driver.
 * Reference for the hand case: the arithmetic in the comments (also what torch.nn.RNN(1, 1) gives with these
 * weights: output [0.5370495669980353, 0.9103629086462668], ∂/∂W_ih 0.4399588539358412).
 */
import { describe, expect, it } from 'vitest';
import { fromData } from '../../../lib/tensor.ts';
import { createRNN, loadStateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { rnnStep, rnnStepBackward } from '../../../lib/nn/rnn.ts';
import { tanhActivation } from '../../../lib/nn/activation.ts';

describe('a 1-unit tanh RNN over 2 steps, by hand', () => {
  // W_ih = 0.5, W_hh = 0.8, b_ih = 0.1, b_hh = 0, h_{−1} = 0, inputs x_0 = 1, x_1 = 2.
  //   a_0 = 0.5·1 + 0.1 + 0.8·0          = 0.6
  //   h_0 = tanh(0.6)                    = 0.5370495669980353
  //   a_1 = 0.5·2 + 0.1 + 0.8·0.53704957 = 1.1 + 0.42963965 = 1.5296396535984282
  //   h_1 = tanh(1.5296396535984282)     = 0.9103629086462668
  // Loss L = h_1 (grad_output = [0, 1]). Backward:
  //   ∂L/∂a_1 = 1 − h_1²                 = 1 − 0.82876063 = 0.17123937456110894
  //   ∂L/∂W_hh = ∂L/∂a_1 · h_0           = 0.17123937 · 0.53704957 = 0.09196403196105793
  //   ∂L/∂h_0 = ∂L/∂a_1 · W_hh           = 0.17123937 · 0.8 = 0.13699149964888716
  //   ∂L/∂a_0 = ∂L/∂h_0 · (1 − h_0²)     = 0.13699150 · 0.71157776 = 0.09748010481362344
  //   ∂L/∂W_ih = ∂L/∂a_1·x_1 + ∂L/∂a_0·x_0 = 0.34247875 + 0.09748010 = 0.43995885393584133
  //   ∂L/∂b_ih = ∂L/∂b_hh = ∂L/∂a_1 + ∂L/∂a_0 = 0.2687194793747324
  //   ∂L/∂x_0 = ∂L/∂a_0 · W_ih = 0.04874005240681172,  ∂L/∂x_1 = ∂L/∂a_1 · W_ih = 0.08561968728055447
  const model = createRNN({ inputSize: 1, hiddenSize: 1 });
  loadStateDict(model, { weight_ih_l0: [[0.5]], weight_hh_l0: [[0.8]], bias_ih_l0: [0.1], bias_hh_l0: [0] });
  const input = fromData(new Float64Array([1, 2]), [2, 1, 1]);
  const forward = recurrentForward(model, input);
  const back = recurrentBackward(model, forward, { gradOutput: fromData(new Float64Array([0, 1]), [2, 1, 1]) });
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-14);

  it('forward', () => {
    close(forward.output.data[0]!, 0.5370495669980353);
    close(forward.output.data[1]!, 0.9103629086462668);
    close(forward.hN.data[0]!, 0.9103629086462668);
  });

  it('backward', () => {
    close(back.grads.weight_hh_l0![0]!, 0.09196403196105793);
    close(back.grads.weight_ih_l0![0]!, 0.43995885393584133);
    close(back.grads.bias_ih_l0![0]!, 0.2687194793747324);
    close(back.grads.bias_hh_l0![0]!, 0.2687194793747324);
    close(back.input.data[0]!, 0.04874005240681172);
    close(back.input.data[1]!, 0.08561968728055447);
    close(back.h0.data[0]!, 0.09748010481362344 * 0.8); // ∂L/∂h_{−1} = ∂L/∂a_0 · W_hh
  });
});

describe('rnnStep / rnnStepBackward', () => {
  const p = {
    inputSize: 1, hiddenSize: 1,
    weightIh: new Float64Array([0.5]), weightHh: new Float64Array([0.8]),
    biasIh: new Float64Array([0.1]), biasHh: new Float64Array([0]),
    activation: tanhActivation,
  };

  it('walks the same two steps and exposes the pre-activation', () => {
    const first = rnnStep(p, new Float64Array([1]), { h: new Float64Array([0]), c: null });
    expect(first.cache.preactivation[0]).toBeCloseTo(0.6, 15);
    const second = rnnStep(p, new Float64Array([2]), { h: first.h, c: null });
    expect(second.cache.preactivation[0]).toBeCloseTo(1.5296396535984282, 14);
    expect(second.h[0]).toBeCloseTo(0.9103629086462668, 14);
    // Backward, step by step, sums to the sequence gradient above.
    const b1 = rnnStepBackward(p, second.cache, { h: new Float64Array([1]), c: null });
    const b0 = rnnStepBackward(p, first.cache, b1.dPrev);
    expect(b1.grads.weightIh[0]! + b0.grads.weightIh[0]!).toBeCloseTo(0.43995885393584133, 14);
    expect(b1.grads.weightHh[0]! + b0.grads.weightHh[0]!).toBeCloseTo(0.09196403196105793, 14);
    expect(b1.grads.x[0]).toBeCloseTo(0.08561968728055447, 14);
    expect(b0.grads.x[0]).toBeCloseTo(0.04874005240681172, 14);
  });

  it('rejects inputs of the wrong size, naming it', () => {
    expect(() => rnnStep(p, new Float64Array([1, 2]), { h: new Float64Array([0]), c: null })).toThrow(/x has 2 elements, expected \[1, 1\]/);
    expect(() => rnnStep(p, new Float64Array([Number.NaN]), { h: new Float64Array([0]), c: null })).toThrow(/x holds a non-finite value/);
    expect(() => rnnStep(p, new Float64Array([1]), { h: new Float64Array([Number.POSITIVE_INFINITY]), c: null })).toThrow(/h holds a non-finite value/);
  });
});
