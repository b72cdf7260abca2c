/**
 * The bidirectional widget's numbers come from lib's bidirectional RNN (itself checked against PyTorch in
 * test/lib/nn/bidirectional.test.ts); here: that the demonstration shows what the chapter says, for several seeds.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRNN } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { judgeChoice } from '../../../../src/kit/choice-exercise.ts';
import {
  BIDI_HIDDEN_SIZE as H, BIDI_STEPS as T, bidirectionalInput, bidirectionalRun, changeScale, changeSummary, halfLabels, largestDifference, sliceOptions, sliceValues, SLICES,
} from '../../../../src/components/ForwardPass/bidirectional-slices.ts';
import { bidirectionalText } from '../../../../src/components/ForwardPass/bidirectional-text.ts';

describe('bidirectionalRun', () => {
  for (const seed of [1, 2, 7]) {
    it(`seed ${seed}: output[:, 0, H:] is h_n[1], output[:, -1, :H] is h_n[0], output[:, -1, H:] is a one-step backward run`, () => {
      const run = bidirectionalRun(seed);
      expect(run.output).toHaveLength(T);
      expect(run.output[0]).toHaveLength(2 * H);
      expect(sliceValues(run, 'firstBackward')).toEqual(run.hN[1]);
      expect(sliceValues(run, 'lastForward')).toEqual(run.hN[0]);
      expect(largestDifference(sliceValues(run, 'lastBackward'), run.lastStepOnly)).toBe(0);
      expect(largestDifference(sliceValues(run, 'lastBackward'), run.hN[1]!)).toBeGreaterThan(1e-3);
      expect(sliceValues(run, 'lastRow')).toEqual(run.output[T - 1]);
    });

    it(`seed ${seed}: changing the last input moves no forward state before it, and the backward state at t = 0`, () => {
      const run = bidirectionalRun(seed);
      const { forward, backward } = changeSummary(run);
      expect(forward).toBe(0);
      expect(backward).toBeGreaterThan(0);
      expect(changeScale(run)).toBeLessThanOrEqual(backward); // so row 0's backward half shows in full colour
      expect(Math.max(...run.futureChange[T - 1]!.slice(0, H))).toBeGreaterThan(0); // the forward half of the last row reads it
    });
  }

  it('is lib\'s bidirectional RNN: the one-step run is lib\'s reverse cell on x[:, -1] from h = 0 (written out)', () => {
    // Reverse direction, one step from zero: h = tanh(W_ih_reverse x + b_ih_reverse + b_hh_reverse).
    const model = createRNN({ inputSize: 2, hiddenSize: H, batchFirst: true, bidirectional: true, random: createRandom(1) });
    const x = bidirectionalInput(1).slice((T - 1) * 2);
    const w = model.cells[0]![1]!;
    const byHand = Array.from({ length: H }, (_, j) => Math.tanh(w.weightIh.value[2 * j]! * x[0]! + w.weightIh.value[2 * j + 1]! * x[1]! + w.biasIh!.value[j]! + w.biasHh!.value[j]!));
    bidirectionalRun(1).lastStepOnly.forEach((v, j) => expect(v).toBeCloseTo(byHand[j]!, 14));
    expect(recurrentForward(model, fromData(bidirectionalInput(1), [1, T, 2])).output.shape).toEqual([1, T, 2 * H]);
  });
});

describe('the question', () => {
  const run = bidirectionalRun(1);
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: only output[:, 0, H:] is right, and every explanation quotes the run`, () => {
      const options = sliceOptions(run, bidirectionalText(locale));
      expect(options.map((o) => o.label)).toEqual(['output[:, -1]', 'output[:, -1, H:]', 'output[:, -1, :H]', 'output[:, 0, H:]']);
      expect(options.filter((o) => o.correct).map((o) => o.id)).toEqual(['firstBackward']);
      expect(judgeChoice(options, 'firstBackward', locale).status).toBe('correct');
      expect(judgeChoice(options, 'lastBackward', locale).status).toBe('incorrect');
      expect(judgeChoice(options, undefined, locale).status).toBe('invalid');
      expect(options.find((o) => o.id === 'firstBackward')!.explanation).toContain('h_n[-1]');
      for (const option of options) expect(option.explanation).toMatch(/\d/);
    });
  }

  it('marks the cells a slice takes, and labels the halves', () => {
    expect(SLICES.find((s) => s.id === 'firstBackward')!.block).toEqual({ rowStart: 0, rowEnd: 1, columnStart: H, columnEnd: 2 * H });
    expect(halfLabels()).toEqual(['→1', '→2', '→3', '←1', '←2', '←3']);
  });
});
