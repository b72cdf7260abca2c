/**
 * The step-through widget against lib/. Reference values are computed here with lib's sequence driver
 * (recurrentForward), lib's Linear and lib's cross-entropy gradient, independently of the widget's
 * step-by-step path; lib itself is checked against PyTorch in test/lib (fixtures from scripts/make_torch_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRNN } from '../../../../lib/nn/recurrent.ts';
import { linearForward } from '../../../../lib/nn/linear.ts';
import { recurrentForward, stepCaches } from '../../../../lib/nn/sequence.ts';
import { crossEntropyLoss } from '../../../../lib/nn/loss.ts';
import { customActivation, sigmoid, tanhActivation } from '../../../../lib/nn/activation.ts';
import type { RnnCache } from '../../../../lib/nn/rnn.ts';
import { fromNested } from '../../../../lib/tensor.ts';
import { createStepModel, runSteps, SIZES } from '../../../../src/components/ForwardPass/step-through.ts';
import { DEFAULT_FORMULA, formatEntry, stepWidgetView } from '../../../../src/components/ForwardPass/step-view.ts';
import { applyOutput, softmax } from '../../../../src/components/ForwardPass/output-function.ts';
import { readerActivation } from '../../../../src/components/ForwardPass/activation-choice.ts';

/** lib's sequence driver on the widget's model: h_t, a_t for all steps, the logits and the model. */
function reference(seed: number) {
  const model = createStepModel(seed, tanhActivation);
  const x = fromNested(model.inputs.map((row) => [row]) as number[][][]); // [T, 1, D_in]
  const result = recurrentForward(model.rnn, x);
  const caches = stepCaches(result) as readonly RnnCache[];
  const H = SIZES.hiddenSize;
  const h = Array.from({ length: SIZES.steps }, (_, t) => Array.from(result.output.data.slice(t * H, (t + 1) * H)));
  const a = caches.map((cache) => Array.from(cache.preactivation));
  const z = linearForward(model.head, { shape: [SIZES.steps, H], data: result.output.data });
  const logits = Array.from({ length: SIZES.steps }, (_, t) => Array.from(z.data.slice(t * 3, t * 3 + 3)));
  return { model, h, a, logits };
}

/** softmax(z) from lib: the gradient of summed cross-entropy is softmax(z) − onehot(0). */
function libSoftmax(z: number[]): number[] {
  const { grad } = crossEntropyLoss({ shape: [1, z.length], data: Float64Array.from(z) }, [0], { reduction: 'sum' });
  return Array.from(grad.data, (g, k) => g + (k === 0 ? 1 : 0));
}

describe('the default view (seed 1, step 2, tanh, softmax)', () => {
  const view = stepWidgetView({});
  const ref = reference(1);
  const row = (key: string) => view.rows.find((r) => r.key === key)!.values;

  it('shows step 2 with no error and a PyTorch block', () => {
    expect(view.step).toBe(2);
    expect(view.runError).toBeUndefined();
    expect(view.formulaError).toBeUndefined();
    expect(view.code).toContain("nonlinearity='tanh'");
  });
  it('x_t and h_{t−1} are the sequence input and lib\'s h_1', () => {
    expect(row('x')).toEqual(ref.model.inputs[1]);
    row('hPrev').forEach((v, k) => expect(v).toBeCloseTo(ref.h[0]![k]!, 14));
  });
  it('a_t and h_t equal lib\'s sequence driver (recurrentForward) at step 2', () => {
    row('a').forEach((v, k) => expect(v).toBeCloseTo(ref.a[1]![k]!, 14));
    row('h').forEach((v, k) => expect(v).toBeCloseTo(ref.h[1]![k]!, 14));
  });
  it('the three parts add up to a_t (W_xh x_t + W_hh h_{t−1} + b_h)', () => {
    row('a').forEach((v, k) => expect(row('inputPart')[k]! + row('hiddenPart')[k]! + row('bias')[k]!).toBeCloseTo(v, 14));
  });
  it('W_xh x_t, W_hh h_{t−1} and b_h by hand from the weights', () => {
    const p = ref.model.rnn.cells[0]![0]!;
    const x = ref.model.inputs[1]!;
    for (let k = 0; k < 4; k++) {
      let input = 0;
      let hidden = 0;
      for (let i = 0; i < 3; i++) input += p.weightIh.value[k * 3 + i]! * x[i]!;
      for (let j = 0; j < 4; j++) hidden += p.weightHh.value[k * 4 + j]! * ref.h[0]![j]!;
      expect(row('inputPart')[k]).toBeCloseTo(input, 14);
      expect(row('hiddenPart')[k]).toBeCloseTo(hidden, 14);
      expect(row('bias')[k]).toBeCloseTo(p.biasIh!.value[k]! + p.biasHh!.value[k]!, 15);
    }
  });
  it('z_t is lib\'s Linear head and y_t its softmax (lib cross-entropy gradient + onehot)', () => {
    row('z').forEach((v, k) => expect(v).toBeCloseTo(ref.logits[1]![k]!, 14));
    const expected = libSoftmax(ref.logits[1]!);
    row('y').forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 14));
    expect(row('y').reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
  it('h_1 … h_5 in the heatmap are lib\'s output rows', () => {
    expect(view.hiddenStates).toHaveLength(5);
    view.hiddenStates.forEach((h, t) => h.forEach((v, k) => expect(v).toBeCloseTo(ref.h[t]![k]!, 14)));
  });
  it('every shown entry is a finite number, formatted with three decimals', () => {
    for (const r of view.rows) for (const v of r.values) expect(formatEntry(v)).toMatch(/^−?\d+\.\d{3}$/);
  });
});

describe('every step and seed against lib', () => {
  it.each([1, 7, 42, 999])('seed %i: all five steps match recurrentForward', (seed) => {
    const ref = reference(seed);
    const run = runSteps(ref.model, 'identity');
    expect(run.ok).toBe(true);
    run.steps.forEach((step, t) => {
      step.h.forEach((v, k) => expect(v).toBeCloseTo(ref.h[t]![k]!, 14));
      step.y.forEach((v, k) => expect(v).toBeCloseTo(ref.logits[t]![k]!, 14));
    });
  });
  it('weights are lib\'s PyTorch-style init U(−1/√H, 1/√H) rounded to two decimals', () => {
    const model = createStepModel(1, tanhActivation);
    const fresh = createRNN({ inputSize: 3, hiddenSize: 4, random: createRandom(1) });
    model.rnn.parameters.forEach((p, i) => {
      p.value.forEach((v, j) => {
        expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
        expect(v).toBe(Math.round(fresh.parameters[i]!.value[j]! * 100) / 100);
      });
    });
  });
});

describe('output functions', () => {
  it('softmax equals lib\'s cross-entropy gradient + onehot, and stays finite for huge logits', () => {
    softmax([1, 2, 3]).forEach((v, k) => expect(v).toBeCloseTo(libSoftmax([1, 2, 3])[k]!, 15));
    expect(softmax([1000, 0, -1000]).every(Number.isFinite)).toBe(true);
  });
  it('sigmoid is lib\'s σ per entry, identity passes logits through', () => {
    expect(applyOutput('sigmoid', [0, 2])).toEqual([0.5, sigmoid(2)]);
    expect(applyOutput('identity', [0.25, -3])).toEqual([0.25, -3]);
  });
  it('switching g changes only y_t', () => {
    const soft = stepWidgetView({ g: 'softmax' });
    const ident = stepWidgetView({ g: 'identity' });
    expect(ident.rows.find((r) => r.key === 'z')!.values).toEqual(soft.rows.find((r) => r.key === 'z')!.values);
    expect(ident.rows.find((r) => r.key === 'y')!.values).toEqual(soft.rows.find((r) => r.key === 'z')!.values);
  });
});

describe('the reader\'s activation', () => {
  it('the default formula (softsign) runs through lib\'s customActivation', () => {
    const compiled = readerActivation(DEFAULT_FORMULA);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const softsign = customActivation('softsign', (a) => a / (1 + Math.abs(a)), (a) => 1 / (1 + Math.abs(a)) ** 2);
    const mine = runSteps(createStepModel(3, compiled.activation), 'identity');
    const libs = runSteps(createStepModel(3, softsign), 'identity');
    mine.steps.forEach((s, t) => s.h.forEach((v, k) => expect(v).toBeCloseTo(libs.steps[t]!.h[k]!, 14)));
    for (const a of [-2, -0.3, 0.7, 3]) expect(compiled.activation.df(a, 0)).toBeCloseTo(1 / (1 + Math.abs(a)) ** 2, 6); // central difference
  });
  it('a blow-up (exp(a)*1e300) gives an inline message naming the step, never NaN', () => {
    const view = stepWidgetView({ f: 'yours', fx: 'exp(a)*1e300', step: 3 });
    expect(view.runError).toMatch(/^Step 1 has no usable numbers: f at a = −?\d\.\d{3} gives no finite value \(the result is too large/);
    expect(view.rows).toHaveLength(0);
    expect(JSON.stringify(view)).not.toContain('NaN');
  });
  it('a formula that grows (exp(10*a)) fails at a later step; earlier steps still show', () => {
    const early = stepWidgetView({ f: 'yours', fx: 'exp(10*a)', step: 1 });
    expect(early.runError).toBeUndefined();
    const late = stepWidgetView({ f: 'yours', fx: 'exp(10*a)', step: 5 });
    expect(late.runError).toMatch(/^Step \d has no usable numbers/);
  });
  it('garbage and constants are refused with a message', () => {
    expect(stepWidgetView({ f: 'yours', fx: 'a +' }).formulaError).toMatch(/Cannot read the formula/);
    expect(stepWidgetView({ f: 'yours', fx: 'x^2' }).formulaError).toMatch(/Unknown name “x”/);
    expect(stepWidgetView({ f: 'yours', fx: '3' }).formulaError).toMatch(/constant/);
    expect(stepWidgetView({ f: 'yours', fx: '' }).formulaError).toBe('Type a formula.');
    expect(stepWidgetView({ f: 'yours', fx: '' }).code).toBeUndefined();
  });
  it('a bad formula does not matter while f is tanh', () => {
    expect(stepWidgetView({ f: 'tanh', fx: 'a +' }).formulaError).toBeUndefined();
  });
});

describe('bad page values fall back to defaults', () => {
  it('unknown options, out-of-range steps and non-numbers', () => {
    const view = stepWidgetView({ f: 'softplus', g: 'argmax', step: 99, seed: 'abc' });
    expect(view).toMatchObject({ activation: 'tanh', output: 'softmax', step: 5, seed: 1 });
    expect(view.runError).toBeUndefined();
  });
});
