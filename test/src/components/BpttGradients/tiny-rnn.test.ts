/**
 * The tiny RNN's worked example. References: PyTorch 1.13 autograd and torch.optim.SGD on the same rounded weights
 * (tiny-rnn.torch.json, made by tiny-rnn.torch.py in this folder), the recursion δ_{t−1} = W_hhᵀ diag(f′(a_t)) δ_t
 * written out here, and a central difference.
 */
import { describe, expect, it } from 'vitest';
import reference from './tiny-rnn.torch.json' with { type: 'json' };
import { createTinyModel, TINY, tinyBackward, tinyExample, tinyForward, tinyParameters } from '../../../../src/components/BpttGradients/tiny-rnn.ts';
import { texEntry, texMatrix, tinyView } from '../../../../src/components/BpttGradients/tiny-view.ts';

describe('the tiny RNN against PyTorch', () => {
  for (const expected of reference.cases) {
    it(`seed ${expected.seed}: states, prediction, loss, every gradient, and the loss after one SGD step (α = ${expected.alpha})`, () => {
      const model = createTinyModel(expected.seed);
      const forward = tinyForward(model);
      forward.hidden.forEach((h, t) => h.forEach((value, i) => expect(value).toBeCloseTo(expected.hidden[t]![i]!, 14)));
      expect(forward.prediction).toBeCloseTo(expected.prediction, 14);
      expect(forward.loss).toBeCloseTo(expected.loss, 14);
      const grads = tinyBackward(model);
      const pairs: [readonly number[], number[]][] = [
        [grads.weightXh, expected.grads.weight_ih_l0], [grads.weightHh, expected.grads.weight_hh_l0], [grads.biasH, expected.grads.bias_ih_l0],
        [grads.biasH, expected.grads.bias_hh_l0], [grads.weightHy, expected.grads.weight], [grads.biasY, expected.grads.bias],
      ];
      for (const [ours, torch] of pairs) ours.forEach((value, i) => expect(value).toBeCloseTo(torch[i]!, 13));
      grads.hidden[2]!.forEach((value, i) => expect(value).toBeCloseTo(expected.gradOutputLast[i]!, 13));
      expect(tinyExample(expected.seed, expected.alpha).after.loss).toBeCloseTo(expected.lossAfter, 13);
    });
  }
});

describe('the tiny RNN by hand', () => {
  it('∂L/∂h_{t−1} = W_hhᵀ diag(1 − h_t²) ∂L/∂h_t, from ∂L/∂h_3 = W_hyᵀ ∂L/∂ŷ', () => {
    const model = createTinyModel(1);
    const forward = tinyForward(model);
    const grads = tinyBackward(model);
    const W = model.rnn.cells[0]![0]!.weightHh.value;
    const Why = model.head.weight.value;
    expect(grads.prediction).toBeCloseTo(2 * (forward.prediction - TINY.target), 14);
    let delta = [Why[0]! * grads.prediction, Why[1]! * grads.prediction];
    for (let t = 2; t >= 0; t--) {
      delta.forEach((value, i) => expect(grads.hidden[t]![i]).toBeCloseTo(value, 14));
      const da = delta.map((value, i) => value * (1 - forward.hidden[t]![i]! ** 2));
      delta = [W[0]! * da[0]! + W[2]! * da[1]!, W[1]! * da[0]! + W[3]! * da[1]!];
    }
  });

  it('the default example: L 0.7299 → 0.0541 at α = 0.5; the finite difference agrees with backward', () => {
    const example = tinyExample(1, 0.5);
    expect(example.before.loss).toBeCloseTo(0.72989, 5);
    expect(example.after.loss).toBeCloseTo(0.05413, 5);
    expect(Math.abs(example.check.numeric - example.check.analytic)).toBeLessThan(1e-8);
    // The example's own model is untouched by the update and the check.
    expect(tinyParameters(example.model).map((p) => Array.from(p.value))).toEqual(tinyParameters(createTinyModel(1)).map((p) => Array.from(p.value)));
    expect(tinyExample(1, 1).after.loss).toBeGreaterThan(example.before.loss); // α = 1 overshoots, as the chapter says
  });

  it('α = 0 changes nothing', () => {
    const example = tinyExample(3, 0);
    expect(example.after.loss).toBe(example.before.loss);
  });
});

describe('the TeX of the example', () => {
  it('prints four decimals, never −0.0000 or NaN', () => {
    expect(texEntry(-0.00001)).toBe('0.0000');
    expect(texEntry(0.12345)).toBe('0.1235');
    expect(texEntry(Number.NaN)).toBe('\\text{—}');
    expect(texMatrix([1, 2, 3, 4], 2)).toBe('\\begin{bmatrix} 1.0000 & 2.0000 \\\\ 3.0000 & 4.0000 \\end{bmatrix}');
  });

  it('shows the default gradients: ∂L/∂W_hh[1,1] = 0.0195, L 0.7299 → 0.0541', () => {
    const view = tinyView(1, 0.5);
    if (!view.ok) throw new Error(view.message);
    expect(view.backward.find((line) => line.key === 'dWhh')!.tex).toContain('0.0195 & -0.0365');
    expect(view.update.find((line) => line.key === 'newLoss')!.tex).toContain('0.7299 \\;\\to\\; 0.0541');
  });
});
