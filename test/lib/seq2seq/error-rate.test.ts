// PER/WER on examples small enough to check by hand.
import { describe, expect, it } from 'vitest';
import { errorRates, levenshtein } from '../../../lib/seq2seq/error-rate.ts';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3); // k→s, e→i, +g
    expect(levenshtein([], ['AH'])).toBe(1);
    expect(levenshtein(['AH'], [])).toBe(1);
    expect(levenshtein(['K', 'AE', 'T'], ['K', 'AE', 'T'])).toBe(0);
  });
});

describe('errorRates', () => {
  it('sums edits over reference length (PER) and counts wrong words (WER)', () => {
    const predictions = [
      ['K', 'AE', 'T'],
      ['D', 'AO', 'G'],
    ];
    const references = [
      ['K', 'AE', 'T'],
      ['D', 'AA', 'G', 'Z'],
    ];
    // cat: 0 edits; dogs: AO→AA and a missing Z, 2 edits. 2 / (3 + 4) phonemes; 1 of 2 words.
    const rates = errorRates(predictions, references);
    expect(rates).toEqual({ per: 2 / 7, wer: 1 / 2, edits: 2, referenceLength: 7, wrongWords: 1, words: 2 });
  });

  it('gives 0, not NaN, for no words, and refuses unpaired lists', () => {
    expect(errorRates([], [])).toMatchObject({ per: 0, wer: 0 });
    expect(() => errorRates([['AH']], [])).toThrow();
  });
});
