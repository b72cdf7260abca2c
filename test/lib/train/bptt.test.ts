/**
 * Truncated BPTT, per-step gradient norms and Jacobian products. References: full BPTT (itself checked against
 * PyTorch in test/parity.test.ts), central differences of the truncated loss, and a 1-unit RNN whose recurrences
 * are written out in the test.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/random.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';
import { createRecurrent, createRNN, loadStateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import {
  hiddenGradientNorms, jacobianProduct, jacobianProductNorms, pairwiseGradientNorms, rnnJacobians, truncatedBptt,
} from '../../../lib/train/bptt.ts';
import { randomTensor } from '../nn/gradcheck.ts';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; };
const steps = (t: Tensor, from: number, to: number) => {
  const [, B, F] = t.shape as [number, number, number];
  return fromData(t.data.slice(from * B * F, to * B * F), [to - from, B, F]);
};

describe('truncated BPTT(k1, k2)', () => {
  it('k1 = k2 = T is full BPTT', () => {
    const random = createRandom(1);
    const model = createRecurrent('LSTM', { inputSize: 3, hiddenSize: 2, numLayers: 2, random });
    const input = randomTensor(random, [5, 2, 3]);
    const gradOutput = randomTensor(random, [5, 2, 2]);
    const full = recurrentBackward(model, recurrentForward(model, input), { gradOutput });
    const truncated = truncatedBptt(model, input, gradOutput, { k1: 5, k2: 5 });
    expect(truncated.updates).toHaveLength(1);
    for (const key of Object.keys(full.grads)) {
      full.grads[key]!.forEach((g, i) => expect(truncated.grads[key]![i]).toBeCloseTo(g, 13));
    }
  });

  for (const [k1, k2] of [[2, 2], [2, 3], [3, 1]] as const) {
    it(`k1=${k1}, k2=${k2}: each update is the gradient of its own loss with the window's entering state held fixed (central differences)`, () => {
      const random = createRandom(2);
      const model = createRecurrent('GRU', { inputSize: 2, hiddenSize: 2, numLayers: 2, random });
      const T = 7;
      const input = randomTensor(random, [T, 2, 2]);
      const gradOutput = randomTensor(random, [T, 2, 2]);
      const result = truncatedBptt(model, input, gradOutput, { k1, k2 });
      expect(result.updates.map((u) => u.end)).toEqual(Array.from({ length: Math.ceil(T / k1) }, (_, i) => Math.min((i + 1) * k1, T)));
      expect(result.finite).toBe(true);
      // Truncated loss: Σ over updates of ⟨g_t, out_t⟩ for t in [end−k1, end), run from the state at end−k2 as a constant.
      const entering = result.updates.map((u) => {
        if (u.windowStart === 0) return null;
        const prefix = recurrentForward(model, steps(input, 0, u.windowStart));
        return { h0: fromData(prefix.hN.data.slice(), prefix.hN.shape) };
      });
      const loss = () => result.updates.reduce((total, u, index) => {
        const out = recurrentForward(model, steps(input, u.windowStart, u.end), entering[index] ?? {}).output;
        const first = Math.max(u.lossStart, u.windowStart); // with k2 < k1, outputs before the window carry no gradient
        return total + dot(steps(out, first - u.windowStart, u.end - u.windowStart).data, steps(gradOutput, first, u.end).data);
      }, 0);
      const eps = 1e-6;
      for (const parameter of model.parameters) {
        for (let i = 0; i < parameter.value.length; i++) {
          const saved = parameter.value[i]!;
          parameter.value[i] = saved + eps; const plus = loss();
          parameter.value[i] = saved - eps; const minus = loss();
          parameter.value[i] = saved;
          const numeric = (plus - minus) / (2 * eps);
          expect(Math.abs(result.grads[parameter.name]![i]! - numeric), `${parameter.name}[${i}]`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      }
    });
  }

  it('rejects bad k and bidirectional stacks', () => {
    const model = createRNN({ inputSize: 1, hiddenSize: 1 });
    const x = fromData(new Float64Array(3), [3, 1, 1]);
    expect(() => truncatedBptt(model, x, x, { k1: 0, k2: 1 })).toThrow(/k1 must be an integer ≥ 1, got 0/);
    expect(() => truncatedBptt(model, x, x, { k1: 1, k2: 1.5 })).toThrow(/k2 must be an integer ≥ 1, got 1.5/);
    const bi = createRNN({ inputSize: 1, hiddenSize: 1, bidirectional: true });
    expect(() => truncatedBptt(bi, x, fromData(new Float64Array(6), [3, 1, 2]), { k1: 1, k2: 1 })).toThrow(/one-directional/);
  });
});

describe('gradient norms on a 1-unit tanh RNN, against the recurrence written out here', () => {
  // h_t = tanh(w x_t + u h_{t−1} + b), with u = W_hh. Loss L = Σ_t g_t h_t, so
  //   ∂L/∂h_{T−1} = g_{T−1},   ∂L/∂h_k = g_k + u (1 − h_{k+1}²) ∂L/∂h_{k+1},
  //   ∂L_t/∂h_k = g_t ∏_{j=k+1..t} u (1 − h_j²) = g_t · ∂h_t/∂h_k.
  const w = 0.7, u = 1.3, b = -0.2;
  const xs = [0.5, -1, 2, 0.1, -0.4, 1.5];
  const gs = [0.3, -0.5, 0.8, 1.1, -0.9, 0.4];
  const T = xs.length;
  const model = createRNN({ inputSize: 1, hiddenSize: 1 });
  loadStateDict(model, { weight_ih_l0: [[w]], weight_hh_l0: [[u]], bias_ih_l0: [b], bias_hh_l0: [0] });
  const forward = recurrentForward(model, fromData(new Float64Array(xs), [T, 1, 1]));
  const gradOutput = fromData(new Float64Array(gs), [T, 1, 1]);
  const h: number[] = [];
  xs.forEach((x, t) => h.push(Math.tanh(w * x + u * (t > 0 ? h[t - 1]! : 0) + b)));
  const slope = (j: number) => u * (1 - h[j]! ** 2); // ∂h_j/∂h_{j−1}

  it('‖∂L/∂h_t‖ per step', () => {
    const expected = new Array<number>(T);
    expected[T - 1] = gs[T - 1]!;
    for (let k = T - 2; k >= 0; k--) expected[k] = gs[k]! + slope(k + 1) * expected[k + 1]!;
    const norms = hiddenGradientNorms(model, forward, { gradOutput });
    norms.forEach((n, k) => expect(n).toBeCloseTo(Math.abs(expected[k]!), 13));
  });

  it('‖∂L_t/∂h_k‖ for every pair, and the Jacobian products', () => {
    const pairs = pairwiseGradientNorms(model, forward, gradOutput);
    const products = jacobianProductNorms(rnnJacobians(model, forward));
    for (let t = 0; t < T; t++) {
      let chain = 1;
      for (let k = t; k >= 0; k--) {
        expect(products[t]![k]).toBeCloseTo(Math.abs(chain), 13);
        expect(pairs[t]![k]).toBeCloseTo(Math.abs(gs[t]! * chain), 13);
        chain *= slope(k);
      }
      for (let k = t + 1; k < T; k++) expect(pairs[t]![k]).toBeNaN();
    }
  });
});

describe('Jacobians of a wider RNN', () => {
  it('J_t = ∂h_t/∂h_{t−1} matches central differences of the step, and ‖∂L_t/∂h_k‖ = ‖(∂h_t/∂h_k)ᵀ g_t‖', () => {
    const random = createRandom(4);
    const H = 3;
    const model = createRNN({ inputSize: 2, hiddenSize: H, random, nonlinearity: 'tanh' });
    const T = 5;
    const input = randomTensor(random, [T, 1, 2]);
    const h0 = randomTensor(random, [1, 1, H]);
    const forward = recurrentForward(model, input, { h0 });
    const jacobians = rnnJacobians(model, forward);
    // Central differences on h_{t−1} for step t = 3: run the single step from a perturbed state.
    const t = 3;
    const stateBefore = recurrentForward(model, steps(input, 0, t), { h0 }).hN;
    const stepFrom = (state: Float64Array) => recurrentForward(model, steps(input, t, t + 1), { h0: fromData(state, [1, 1, H]) }).hN.data;
    for (let j = 0; j < H; j++) {
      const plus = Float64Array.from(stateBefore.data); plus[j] += 1e-6;
      const minus = Float64Array.from(stateBefore.data); minus[j] -= 1e-6;
      const hp = stepFrom(plus), hm = stepFrom(minus);
      for (let i = 0; i < H; i++) expect(jacobians[t]![i * H + j]).toBeCloseTo((hp[i]! - hm[i]!) / 2e-6, 8);
    }
    const gradOutput = randomTensor(random, [T, 1, H]);
    const pairs = pairwiseGradientNorms(model, forward, gradOutput);
    for (let k = 0; k <= 4; k++) {
      const P = jacobianProduct(jacobians, 4, k);
      const g = gradOutput.data.subarray(4 * H, 5 * H);
      let sum = 0;
      for (let c = 0; c < H; c++) { let v = 0; for (let r = 0; r < H; r++) v += P[r * H + c]! * g[r]!; sum += v * v; }
      expect(pairs[4]![k]).toBeCloseTo(Math.sqrt(sum), 12);
    }
    expect(() => rnnJacobians(createRecurrent('GRU', { inputSize: 1, hiddenSize: 1 }), forward)).toThrow(/single-layer RNN/);
  });

  it('pairwise norms work for LSTM and GRU too (diagonal = ‖g_t‖)', () => {
    for (const kind of ['LSTM', 'GRU'] as const) {
      const random = createRandom(6);
      const model = createRecurrent(kind, { inputSize: 2, hiddenSize: 3, random });
      const forward = recurrentForward(model, randomTensor(random, [4, 2, 2]));
      const gradOutput = randomTensor(random, [4, 2, 3]);
      const pairs = pairwiseGradientNorms(model, forward, gradOutput);
      for (let t = 0; t < 4; t++) expect(pairs[t]![t]).toBeCloseTo(Math.sqrt(dot(gradOutput.data.subarray(t * 6, t * 6 + 6), gradOutput.data.subarray(t * 6, t * 6 + 6))), 13);
      // The per-step gradients sum to the full gradient at h_0 (hold gradients only from outputs).
      const full = hiddenGradientNorms(model, forward, { gradOutput });
      expect(full[3]).toBeCloseTo(pairs[3]![3]!, 13);
    }
  });
});

describe('norms stay finite while the entries do', () => {
  it('a Jacobian product with entries near 1e200 has a finite Frobenius norm (squares would overflow)', () => {
    // One step, H = 2: ∂h_0/∂h_0 is the identity; ∂h_1/∂h_0 = J_1 with every entry 1e200.
    const identity = new Float64Array([1, 0, 0, 1]);
    const huge = new Float64Array([1e200, 1e200, 1e200, 1e200]);
    const norms = jacobianProductNorms([identity, huge]);
    expect(norms[1]![0]! / 1e200).toBeCloseTo(2, 12); // ‖J‖_F = sqrt(4 · 1e400) = 2e200
  });
});
