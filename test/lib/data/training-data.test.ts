/**
 * Data helpers of the training chapter: characters, padding, the bigram baseline, MinMax scaling,
 * sliding windows, frequent words. Every expected value is worked by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { characterVocabulary, encodeWithBoundaries, vocabularyFromSymbols } from '../../../lib/data/characters.ts';
import { paddedOneHot, paddedTargets } from '../../../lib/data/padded-one-hot.ts';
import { bigramBitsPerCharacter, fitBigram } from '../../../lib/data/bigram.ts';
import { fitMinMax, scaleMinMax, unscaleMinMax } from '../../../lib/data/min-max.ts';
import { slidingWindows } from '../../../lib/data/windows.ts';
import { frequentWords, wordIds } from '../../../lib/data/frequent-words.ts';

describe('characters', () => {
  it('puts the boundary first and encodes both ends', () => {
    const vocabulary = characterVocabulary(['bob', 'ann']);
    expect(vocabulary.symbols).toEqual(['.', 'a', 'b', 'n', 'o']);
    expect(encodeWithBoundaries('ann', vocabulary)).toEqual([0, 1, 3, 3, 0]);
    expect(() => encodeWithBoundaries('zed', vocabulary)).toThrow('"z" in "zed" is not in the vocabulary');
    expect(() => vocabularyFromSymbols(['a', '.'])).toThrow('starts with "."');
  });
});

describe('padding and one-hot', () => {
  it('lays sequences out time-major with zero rows past each length', () => {
    const { input, lengths } = paddedOneHot([[1, 2, 0], [2]], 3);
    expect(input.shape).toEqual([3, 2, 3]);
    expect(lengths).toEqual([3, 1]);
    // t = 0: [0,1,0] and [0,0,1]; t = 1: [0,0,1] and padding; t = 2: [1,0,0] and padding.
    expect(Array.from(input.data)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(paddedTargets([[1, 2, 0], [2]], 3))).toEqual([1, 2, 2, -100, 0, -100]);
  });
  it('refuses empty batches, empty sequences and ids out of range', () => {
    expect(() => paddedOneHot([], 3)).toThrow('at least one sequence');
    expect(() => paddedOneHot([[]], 3)).toThrow('sequence 0 is empty');
    expect(() => paddedOneHot([[3]], 3)).toThrow('id 3 at step 0 of sequence 0 is outside 0 … 2');
  });
});

describe('bigram baseline', () => {
  it('smooths counts with add-one and scores bits per character', () => {
    // Sequences . a . and . a a . over V = 2 (0 = ".", 1 = "a"): counts .→a 2, a→. 2, a→a 1.
    const model = fitBigram([[0, 1, 0], [0, 1, 1, 0]], 2, 1);
    expect(Math.exp(model.logProbabilities[0 * 2 + 1]!)).toBeCloseTo(3 / 4, 15); // (2+1)/(2+2)
    expect(Math.exp(model.logProbabilities[1 * 2 + 0]!)).toBeCloseTo(3 / 5, 15); // (2+1)/(3+2)
    expect(Math.exp(model.logProbabilities[1 * 2 + 1]!)).toBeCloseTo(2 / 5, 15);
    const bpc = bigramBitsPerCharacter(model, [[0, 1, 0]]);
    expect(bpc).toBeCloseTo(-(Math.log2(3 / 4) + Math.log2(3 / 5)) / 2, 14);
    expect(() => fitBigram([], 2, 0)).toThrow('α must be > 0');
  });
});

describe('MinMax scaling', () => {
  it('maps the training range onto [−1, 1] and back', () => {
    const scaler = fitMinMax([10, 20, 30]);
    expect(scaleMinMax(scaler, 10)).toBe(-1);
    expect(scaleMinMax(scaler, 30)).toBe(1);
    expect(scaleMinMax(scaler, 40)).toBe(2); // a later value beyond the training range stays beyond it
    expect(unscaleMinMax(scaler, scaleMinMax(scaler, 17.5))).toBeCloseTo(17.5, 12);
    expect(scaleMinMax(fitMinMax([5, 5]), 5)).toBe(0);
    expect(() => fitMinMax([])).toThrow('at least one value');
    expect(() => fitMinMax([1, Number.NaN])).toThrow('value 1 is NaN');
  });
});

describe('sliding windows', () => {
  it('gives n − L windows, each with the next value as target', () => {
    const windows = slidingWindows([1, 2, 3, 4, 5], 3);
    expect(windows.map((w) => [w.values, w.target, w.targetIndex])).toEqual([[[1, 2, 3], 4, 3], [[2, 3, 4], 5, 4]]);
    expect(slidingWindows([1, 2], 3)).toEqual([]);
    expect(() => slidingWindows([1], 0)).toThrow('window length');
  });
});

describe('frequent words', () => {
  it('keeps the most frequent words after <unk>, ties in first-seen order', () => {
    const vocabulary = frequentWords([['b', 'a', 'a'], ['c', 'b', 'd']], 3);
    expect(vocabulary.words).toEqual(['<unk>', 'b', 'a']);
    expect(wordIds(['a', 'z', 'b'], vocabulary)).toEqual([2, 0, 1]);
    expect(() => frequentWords([], 1)).toThrow('size ≥ 2');
  });
});
