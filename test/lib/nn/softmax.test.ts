import { describe, expect, it } from 'vitest';
import { softmax } from '../../../lib/nn/softmax.ts';
import { crossEntropyLoss } from '../../../lib/nn/loss.ts';
import { fromNested } from '../../../lib/tensor.ts';

describe('softmax', () => {
  it('matches a case worked by hand', () => {
    // z = [0, ln 3]: e^0 = 1, e^{ln 3} = 3, total 4 → [0.25, 0.75].
    const [a, b] = softmax([0, Math.log(3)]);
    expect(a).toBeCloseTo(0.25, 15);
    expect(b).toBeCloseTo(0.75, 15);
  });

  it('equals the cross-entropy gradient plus the one-hot target (loss.ts, itself checked against PyTorch)', () => {
    const logits = [1.5, -0.25, 0.75, 3];
    // For one row with sum reduction, ∂ℓ/∂z = softmax(z) − onehot(y).
    const { grad } = crossEntropyLoss(fromNested([logits]), [2], { reduction: 'sum' });
    const expected = Array.from(grad.data, (g, k) => g + (k === 2 ? 1 : 0));
    softmax(logits).forEach((p, k) => expect(Math.abs(p - expected[k]!)).toBeLessThan(1e-15));
  });

  it('stays finite for huge logits and sums to 1', () => {
    const out = softmax([1000, 999, -1e300]);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(out.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
    expect(out[2]).toBe(0);
  });

  it('throws on non-finite or empty input, naming the position', () => {
    expect(() => softmax([0, Number.NaN])).toThrow(/logit 1/);
    expect(() => softmax([Infinity])).toThrow(/logit 0/);
    expect(() => softmax([])).toThrow(/at least one/);
  });
});
