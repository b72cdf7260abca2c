/** The fixed-length contrast: padding and cutting by hand, counts from lib/count.ts (itself checked against torch in test/lib). */
import { describe, expect, it } from 'vitest';
import { feedForwardParameterCount, recurrentParameterCount } from '../../../../lib/count.ts';
import { fitToLength, lengthCounts, lengthSeries, PAD, SERIES_NAMES } from '../../../../src/components/UnrolledRnn/fixed-length.ts';

const words = ['the', 'cat', 'sat', 'on', 'the', 'mat'];

describe('fitToLength', () => {
  it('pads the default sentence to L = 8 with two pad tokens', () => {
    const fixed = fitToLength(words, 8);
    expect(fixed.slots.map((s) => s.word)).toEqual([...words, PAD, PAD]);
    expect(fixed.paddedCount).toBe(2);
    expect(fixed.dropped).toEqual([]);
  });
  it('cuts a sentence longer than L, listing the dropped words', () => {
    const fixed = fitToLength(words, 4);
    expect(fixed.slots.map((s) => s.word)).toEqual(['the', 'cat', 'sat', 'on']);
    expect(fixed.dropped).toEqual(['the', 'mat']);
    expect(fixed.paddedCount).toBe(0);
  });
  it('fills every slot with padding when there are no words', () => {
    expect(fitToLength([], 3).slots.every((s) => s.padded)).toBe(true);
  });
});

describe('lengthCounts in the default state (L = 8, T = 6, D_in = 4, D_h = 6)', () => {
  it('are lib/count.ts\'s counts: 198, 150 and 72', () => {
    const counts = lengthCounts(8, 6, 4, 6);
    expect(counts.feedForwardFixed).toBe(feedForwardParameterCount(8, 4, 6));
    expect(counts.feedForwardSentence).toBe(feedForwardParameterCount(6, 4, 6));
    expect(counts.recurrent).toBe(recurrentParameterCount({ kind: 'RNN', inputSize: 4, hiddenSize: 6 }));
    expect(counts).toEqual({ feedForwardFixed: 198, feedForwardSentence: 150, recurrent: 72 }); // by hand: 8·4·6+6, 6·4·6+6, 6·(4+6+2)
  });
  it('treat an empty sentence as one word, never zero (lib would refuse T = 0)', () => {
    expect(lengthCounts(8, 0, 4, 6).feedForwardSentence).toBe(feedForwardParameterCount(1, 4, 6));
  });
});

describe('lengthSeries', () => {
  it('gives a rising feed-forward line and a flat RNN line for T = 1…40', () => {
    const [ff, rnn] = lengthSeries(40, 4, 6);
    expect(ff!.name).toBe(SERIES_NAMES.feedForward);
    expect(ff!.points).toHaveLength(40);
    expect(ff!.points[9]).toEqual([10, feedForwardParameterCount(10, 4, 6)]);
    expect(new Set(rnn!.points.map(([, y]) => y))).toEqual(new Set([72]));
  });
});
