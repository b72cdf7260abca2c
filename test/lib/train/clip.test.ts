/**
 * Gradient clipping against PyTorch: test/fixtures/ops/clip.json, written by scripts/make_op_fixtures.py
 * (torch.nn.utils.clip_grad_norm_ and clip_grad_value_, float64, PyTorch 1.13), a finite-difference check
 * of the clipped gradient path, and a case by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipNormInPlace, clipValueInPlace } from '../../../lib/train/clip.ts';
import { createParameter, accumulateGrads, type Parameter } from '../../../lib/nn/parameter.ts';
import { createLinear, linearBackward, linearForward, linearParameters } from '../../../lib/nn/linear.ts';
import { mseLoss } from '../../../lib/nn/loss.ts';
import { fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import { createRandom } from '../../../lib/random.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/clip.json', import.meta.url), 'utf8'));

/** The fixture writes NaN and ±Infinity as strings. */
function decode(value: NestedNumbers | string): NestedNumbers {
  if (typeof value === 'string') return Number(value.replace('inf', 'Infinity').replace('nan', 'NaN'));
  return Array.isArray(value) ? value.map((v) => decode(v as NestedNumbers | string)) : value;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i]!)) { expect(actual[i]).toBeNaN(); continue; }
    const tolerance = rtol * Math.max(Math.abs(expected[i]!), 1e-8);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) throw new Error(`element ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

function parametersWithGrads(grads: (NestedNumbers | string)[]): Parameter[] {
  return grads.map((g, index) => {
    const tensor = fromNested(decode(g));
    const p = createParameter(`p${index}`, tensor.shape, new Float64Array(tensor.data.length));
    p.grad.set(tensor.data);
    return p;
  });
}

describe('clipNormInPlace matches clip_grad_norm_ (fixture clip.json)', () => {
  for (const c of fixture.norm_cases) {
    it(`${c.name}`, () => {
      const parameters = parametersWithGrads(c.grads_before);
      const normType = decode(c.norm_type) as number;
      if (c.raises) {
        expect(() => clipNormInPlace(parameters, c.max_norm, { normType, errorIfNonfinite: true })).toThrow(/non-finite.*"p1"/);
        return;
      }
      const out = clipNormInPlace(parameters, c.max_norm, { normType, errorIfNonfinite: c.error_if_nonfinite });
      const total = decode(c.total_norm) as number;
      if (Number.isFinite(total)) expectClose([out.totalNorm], [total]);
      else expect(out.totalNorm).toBe(total); // toBe treats NaN as equal to NaN
      expect(out.finite).toBe(Number.isFinite(total));
      expect(out.clipped).toBe(c.max_norm / (total + 1e-6) < 1);
      parameters.forEach((p, i) => expectClose(p.grad, fromNested(decode(c.grads_after[i])).data));
    });
  }
});

describe('clipValueInPlace matches clip_grad_value_ (fixture clip.json)', () => {
  for (const c of fixture.value_cases) {
    it(`${c.name}`, () => {
      const parameters = parametersWithGrads(c.grads_before);
      const out = clipValueInPlace(parameters, c.clip_value);
      expect(out.finite).toBe(true);
      parameters.forEach((p, i) => expectClose(p.grad, fromNested(decode(c.grads_after[i])).data));
    });
  }
  it('reports NaN gradients and rejects a negative clip value', () => {
    const [p] = parametersWithGrads([[NaN, 3]]);
    expect(clipValueInPlace([p!], 1)).toEqual({ clippedCount: 1, finite: false });
    expect(() => clipValueInPlace([p!], -1)).toThrow(/clipValue/);
  });
});

describe('clipping by hand and its edge cases', () => {
  it('a (3, 4) gradient clipped to norm 1', () => {
    // ‖(3, 4)‖ = 5; coef = 1 / (5 + 1e−6) = 0.19999996; clipped = (0.59999988, 0.79999984), norm just under 1.
    const [p] = parametersWithGrads([[3, 4]]);
    const out = clipNormInPlace([p!], 1);
    expect(out.totalNorm).toBe(5);
    expect(out.clipCoef).toBeCloseTo(1 / (5 + 1e-6), 16);
    expect(p!.grad[0]).toBeCloseTo(3 / (5 + 1e-6), 15);
    expect(p!.grad[1]).toBeCloseTo(4 / (5 + 1e-6), 15);
  });
  it('no parameters gives a total norm of 0; bad options throw', () => {
    expect(clipNormInPlace([], 1).totalNorm).toBe(0);
    const [p] = parametersWithGrads([[1]]);
    expect(() => clipNormInPlace([p!], 1, { normType: 0 })).toThrow(/normType/);
    expect(() => clipNormInPlace([p!], NaN)).toThrow(/maxNorm/);
  });
});

describe('the clipping path by central finite differences (float64)', () => {
  it('clipped gradients of Linear + MSE equal the finite-difference gradient times the clip coefficient', () => {
    const random = createRandom(21);
    const layer = createLinear(3, 2, { random });
    const parameters = linearParameters(layer);
    const x = fromNested([[0.5, -1, 2], [1.5, 0.2, -0.3], [-0.7, 0.9, 1.1]]);
    const y = fromNested([[1, 0], [0, -1], [2, 0.5]]);
    const lossAt = (): number => mseLoss(linearForward(layer, x), y).loss;
    const out = linearForward(layer, x);
    const grads = linearBackward(layer, x, mseLoss(out, y).grad);
    accumulateGrads(parameters, { weight: grads.weight, bias: grads.bias! });

    const h = 1e-6;
    const numeric = parameters.map((p) => Float64Array.from(p.value, (_, i) => {
      const saved = p.value[i]!;
      p.value[i] = saved + h; const plus = lossAt();
      p.value[i] = saved - h; const minus = lossAt();
      p.value[i] = saved;
      return (plus - minus) / (2 * h);
    }));
    const numericNorm = Math.sqrt(numeric.reduce((s, g) => s + g.reduce((t, v) => t + v * v, 0), 0));
    const maxNorm = numericNorm / 4; // well below the norm, so clipping is active
    const result = clipNormInPlace(parameters, maxNorm);
    expect(result.clipped).toBe(true);
    expect(Math.abs(result.totalNorm - numericNorm)).toBeLessThan(1e-8);
    const coef = maxNorm / (numericNorm + 1e-6);
    parameters.forEach((p, k) => p.grad.forEach((g, i) => expect(Math.abs(g - coef * numeric[k]![i]!)).toBeLessThan(1e-8)));
    // After clipping, the joint norm is max_norm·total/(total + 1e−6), a hair under max_norm.
    const after = Math.sqrt(parameters.reduce((s, p) => s + Array.from(p.grad).reduce((t, v) => t + v * v, 0), 0));
    expect(after).toBeLessThanOrEqual(maxNorm);
    expect(after).toBeCloseTo(maxNorm * numericNorm / (numericNorm + 1e-6), 12);
  });
});
