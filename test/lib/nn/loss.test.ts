/**
 * Losses against PyTorch: test/fixtures/ops/losses.json, written by scripts/make_op_fixtures.py
 * (F.cross_entropy, F.mse_loss, F.binary_cross_entropy_with_logits in float64, PyTorch 1.13),
 * plus central finite differences and one case per loss worked by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bceWithLogitsLoss, crossEntropyLoss, mseLoss, type LossResult } from '../../../lib/nn/loss.ts';
import { fromNested, type NestedNumbers, type Tensor } from '../../../lib/tensor.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/losses.json', import.meta.url), 'utf8'));

/** The fixture writes NaN and ±Infinity as strings. */
function decode(value: number | string): number {
  return typeof value === 'string' ? Number(value.replace('inf', 'Infinity').replace('nan', 'NaN')) : value;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = rtol * Math.max(Math.abs(expected[i]!), 1e-8);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) throw new Error(`element ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

function run(c: { kind: string; reduction: 'mean' | 'sum'; input: NestedNumbers; target: NestedNumbers; ignore_index?: number }): LossResult {
  const input = fromNested(c.input);
  if (c.kind === 'cross_entropy') return crossEntropyLoss(input, c.target as number[], { reduction: c.reduction, ignoreIndex: c.ignore_index });
  const target = fromNested(c.target);
  return c.kind === 'mse' ? mseLoss(input, target, { reduction: c.reduction }) : bceWithLogitsLoss(input, target, { reduction: c.reduction });
}

describe('losses match PyTorch (fixture losses.json)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: value and gradient to 1e-9 relative`, () => {
      const out = run(c);
      const expected = decode(c.loss);
      if (Number.isNaN(expected)) {
        // torch: mean over zero non-ignored targets is 0/0 = NaN, with a zero gradient. We flag it.
        expect(out.loss).toBeNaN();
        expect(out.finite).toBe(false);
      } else {
        expectClose([out.loss], [expected]);
        expect(out.finite).toBe(true);
      }
      expectClose(out.grad.data, fromNested(c.grad).data);
    });
  }
});

describe('losses by hand', () => {
  it('cross-entropy of logits [0, ln 3] with class 1', () => {
    // softmax([0, ln 3]) = [1/4, 3/4], so ℓ = −ln(3/4) = ln(4/3) ≈ 0.28768; ∂ℓ/∂z = softmax − onehot = [1/4, −1/4].
    const out = crossEntropyLoss(fromNested([[0, Math.log(3)]]), [1]);
    expect(out.loss).toBeCloseTo(Math.log(4 / 3), 15);
    expect(out.grad.data[0]).toBeCloseTo(0.25, 15);
    expect(out.grad.data[1]).toBeCloseTo(-0.25, 15);
    expect(out.count).toBe(1);
  });

  it('MSE of [1, 2] against [0, 4]', () => {
    // differences [1, −2]: mean = (1 + 4) / 2 = 2.5; gradient 2·diff/n = [1, −2]. Sum = 5 with gradient [2, −4].
    const mean = mseLoss(fromNested([1, 2]), fromNested([0, 4]));
    expect(mean.loss).toBe(2.5);
    expect(Array.from(mean.grad.data)).toEqual([1, -2]);
    const sum = mseLoss(fromNested([1, 2]), fromNested([0, 4]), { reduction: 'sum' });
    expect(sum.loss).toBe(5);
    expect(Array.from(sum.grad.data)).toEqual([2, -4]);
  });

  it('BCE with logits at x = 0 and y = 1', () => {
    // σ(0) = 1/2: ℓ = −ln(1/2) = ln 2 ≈ 0.693147; ∂ℓ/∂x = σ(0) − 1 = −1/2.
    const out = bceWithLogitsLoss(fromNested([0]), fromNested([1]));
    expect(out.loss).toBeCloseTo(Math.LN2, 15);
    expect(out.grad.data[0]).toBe(-0.5);
  });

  it('stays finite for huge logits (no exp overflow)', () => {
    expect(bceWithLogitsLoss(fromNested([1000, -1000]), fromNested([0, 1])).loss).toBe(1000);
    expect(crossEntropyLoss(fromNested([[1000, -1000]]), [1]).loss).toBe(2000);
  });
});

describe('loss gradients by central finite differences (float64)', () => {
  const h = 1e-6;
  const check = (name: string, input: Tensor, evaluate: () => LossResult): void => {
    it(name, () => {
      const analytic = Float64Array.from(evaluate().grad.data);
      for (let i = 0; i < input.data.length; i++) {
        const saved = input.data[i]!;
        input.data[i] = saved + h; const plus = evaluate().loss;
        input.data[i] = saved - h; const minus = evaluate().loss;
        input.data[i] = saved;
        expect(Math.abs((plus - minus) / (2 * h) - analytic[i]!)).toBeLessThan(1e-8);
      }
    });
  };
  const logits = fromNested([[0.2, -1.3, 2.1], [1.0, 0.5, -0.4], [-2.0, 0.3, 0.9]]);
  check('cross-entropy, mean, with an ignored row', logits, () => crossEntropyLoss(logits, [2, -100, 0]));
  check('cross-entropy, sum, custom ignoreIndex', logits, () => crossEntropyLoss(logits, [1, 1, 0], { reduction: 'sum', ignoreIndex: 0 }));
  const x = fromNested([[0.7, -1.1], [2.4, 0.05]]);
  const target = fromNested([[0.5, -1], [2, 1]]);
  check('MSE, mean', x, () => mseLoss(x, target));
  check('MSE, sum', x, () => mseLoss(x, target, { reduction: 'sum' }));
  const probabilities = fromNested([[0.9, 0], [0.25, 1]]);
  check('BCE with logits, mean', x, () => bceWithLogitsLoss(x, probabilities));
  check('BCE with logits, sum', x, () => bceWithLogitsLoss(x, probabilities, { reduction: 'sum' }));
});

describe('losses reject bad input', () => {
  const logits = fromNested([[0, 1, 2], [3, 4, 5]]);
  it('cross-entropy: class out of range, non-integer, wrong count, wrong rank, non-finite', () => {
    expect(() => crossEntropyLoss(logits, [0, 3])).toThrow(/targets\[1\] = 3 is not a class index in \[0, 3\)/);
    expect(() => crossEntropyLoss(logits, [-1, 0])).toThrow(/targets\[0\] = -1/);
    expect(() => crossEntropyLoss(logits, [0.5, 0])).toThrow(/targets\[0\] = 0.5/);
    expect(() => crossEntropyLoss(logits, [0])).toThrow(/targets has length 1, expected N = 2/);
    expect(() => crossEntropyLoss(fromNested([0, 1]), [0])).toThrow(/logits has shape \[2\], expected \[N, C\]/);
    expect(() => crossEntropyLoss(fromNested([[0, Infinity]]), [0])).toThrow(/logits of shape \[1, 2\] contains a non-finite/);
  });
  it('MSE and BCE: mismatched shapes and non-finite values name the tensor', () => {
    expect(() => mseLoss(fromNested([1, 2]), fromNested([[1, 2]]))).toThrow(/target has shape \[1, 2\], expected the input's shape \[2\]/);
    expect(() => bceWithLogitsLoss(fromNested([1, 2]), fromNested([1]))).toThrow(/target has shape \[1\]/);
    expect(() => mseLoss(fromNested([1, NaN]), fromNested([1, 2]))).toThrow(/input of shape \[2\] contains a non-finite/);
    expect(() => bceWithLogitsLoss(fromNested([1, 2]), fromNested([NaN, 1]))).toThrow(/target of shape \[2\]/);
  });
  it('all targets ignored under mean: NaN, zero gradient, flagged not finite', () => {
    const out = crossEntropyLoss(logits, [-100, -100]);
    expect(out.loss).toBeNaN();
    expect(out.finite).toBe(false);
    expect(out.count).toBe(0);
    expect(Array.from(out.grad.data).every((g) => g === 0)).toBe(true);
    expect(crossEntropyLoss(logits, [-100, -100], { reduction: 'sum' }).loss).toBe(0);
  });
});
