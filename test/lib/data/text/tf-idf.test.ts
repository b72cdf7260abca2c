/** TF-IDF against a corpus worked by hand: tf = count / length, idf = ln(N / (1 + df)). */
import { describe, expect, it } from 'vitest';
import { inverseDocumentFrequency, termFrequency, tfIdf, tokenize } from '../../../../lib/index.ts';

describe('termFrequency and inverseDocumentFrequency', () => {
  it('tf is the share of the document', () => {
    expect(termFrequency(2, 8)).toBe(0.25);
    expect(termFrequency(0, 0)).toBe(0); // an empty document has no terms, not NaN
  });
  it('idf = ln(N / (1 + df))', () => {
    expect(inverseDocumentFrequency(200, 9)).toBeCloseTo(Math.log(20), 15); // 200 / 10 = 20 → 2.9957…
    expect(inverseDocumentFrequency(4, 1)).toBeCloseTo(Math.log(2), 15);
    expect(inverseDocumentFrequency(4, 3)).toBe(0); // 4 / 4 = 1 → 0
    expect(inverseDocumentFrequency(4, 4)).toBeCloseTo(Math.log(0.8), 15); // in every document: negative
    expect(inverseDocumentFrequency(4, 4)).toBeLessThan(0);
  });
  it('rejects impossible counts', () => {
    expect(() => inverseDocumentFrequency(0, 0)).toThrow(RangeError);
    expect(() => inverseDocumentFrequency(3, 4)).toThrow(RangeError);
    expect(() => termFrequency(-1, 3)).toThrow(RangeError);
  });
});

describe('tfIdf on three sentences', () => {
  // d1 = "the cat sat on the mat" (6 tokens), d2 = "the dog sat" (3), d3 = "a cat and a dog" (5); N = 3.
  const result = tfIdf(['the cat sat on the mat', 'the dog sat', 'a cat and a dog'].map(tokenize));
  const column = (term: string) => result.vocabulary.index.get(term)!;

  it('builds the vocabulary, counts and lengths', () => {
    expect(result.vocabulary.terms).toEqual(['the', 'cat', 'sat', 'on', 'mat', 'dog', 'a', 'and']);
    expect(result.lengths).toEqual([6, 3, 5]);
    expect(result.counts[0]).toEqual([2, 1, 1, 1, 1, 0, 0, 0]);
    expect(result.documentFrequency).toEqual([2, 2, 2, 1, 1, 2, 1, 1]);
  });
  it('matches the hand computation', () => {
    // "the" in d1: tf = 2/6 = 1/3; df = 2 → idf = ln(3/3) = 0 → weight 0.
    expect(result.weights[0]![column('the')]).toBe(0);
    // "mat" in d1: tf = 1/6; df = 1 → idf = ln(3/2) ≈ 0.405465 → weight ≈ 0.0675775.
    expect(result.idf[column('mat')]).toBeCloseTo(0.4054651081, 9);
    expect(result.weights[0]![column('mat')]).toBeCloseTo(0.0675775180, 9);
    // "a" in d3: tf = 2/5 = 0.4; idf = ln(3/2) → weight ≈ 0.162186.
    expect(result.weights[2]![column('a')]).toBeCloseTo(0.4 * Math.log(1.5), 15);
    // a term absent from a document weighs 0.
    expect(result.weights[1]![column('mat')]).toBe(0);
  });
  it('an empty document is a row of zeros, never NaN', () => {
    const withEmpty = tfIdf([tokenize('hello world'), tokenize('  ')]);
    expect(withEmpty.weights[1]).toEqual([0, 0]);
    expect(withEmpty.weights.flat().every(Number.isFinite)).toBe(true);
  });
});
