/**
 * The loss widget against lib: per-step losses recomputed from lib's forward pass and losses on the whole
 * sequence, and one value small enough to check by hand (log V for an evenly spread guess).
 */
import { describe, expect, it } from 'vitest';
import { lossView } from '../../../../src/components/Training/loss-view.ts';
import { sineTask, SINE } from '../../../../src/components/Training/sine-task.ts';
import { createSequenceModel } from '../../../../src/components/Training/model.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { linearForward } from '../../../../lib/nn/linear.ts';

describe('the default loss view (hello, seed 1, D_h = 8)', () => {
  const view = lossView({});
  it('shows T = 4 rows whose losses add up to the sum and average to the mean', () => {
    expect(view.message).toBeUndefined();
    expect(view.rows.map((r) => `${r.input}→${r.target}`)).toEqual(['h→e', 'e→l', 'l→l', 'l→o']);
    expect(view.rows.reduce((s, r) => s + r.loss, 0)).toBeCloseTo(view.sum, 12);
    expect(view.mean).toBeCloseTo(view.sum / 4, 12);
  });
  it('the numbers quoted in the chapter: 1.202, 1.632, 1.225, 1.497; sum 5.555, mean 1.389', () => {
    expect(view.rows.map((r) => r.loss.toFixed(3))).toEqual(['1.202', '1.632', '1.225', '1.497']);
    expect(view.sum.toFixed(3)).toBe('5.555');
    expect(view.mean.toFixed(3)).toBe('1.389');
  });
  it('each loss is −log of the probability given to the label', () => {
    for (const row of view.rows) expect(row.loss).toBeCloseTo(-Math.log(row.prediction), 12);
  });
});

describe('the sine task: squared error per step', () => {
  it('labels are the inputs shifted by one; ℓ_t = (ŷ_t − y_t)² with ŷ_t from lib\'s forward pass', () => {
    const view = lossView({ task: 'sine', H: 3, seed: 5 });
    const { inputs, targets } = sineTask();
    expect(inputs.slice(1)).toEqual(targets.slice(0, -1));
    const model = createSequenceModel(5, 1, 3, 1);
    const output = recurrentForward(model.rnn, { shape: [SINE.steps, 1, 1], data: Float64Array.from(inputs) }).output;
    const predictions = linearForward(model.head, output).data;
    view.rows.forEach((row, t) => {
      expect(row.prediction).toBeCloseTo(predictions[t]!, 14);
      expect(row.loss).toBeCloseTo((predictions[t]! - targets[t]!) ** 2, 14);
    });
    expect(view.mean).toBeCloseTo(view.sum / SINE.steps, 12);
  });
});

describe('bad input', () => {
  it('a one-character word gives a message and no rows', () => {
    const view = lossView({ word: '🙂' });
    expect(view.message).toContain('one character');
    expect(view.rows).toEqual([]);
  });
  it('garbage values fall back to the defaults', () => {
    expect(lossView({ task: 'poetry', H: -1, seed: 'x' } as never).sum).toBeCloseTo(lossView({}).sum, 14);
  });
});
