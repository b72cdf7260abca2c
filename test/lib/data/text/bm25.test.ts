/** BM25 against a corpus worked by hand (Robertson & Zaragoza 2009's formula, natural log). */
import { describe, expect, it } from 'vitest';
import { bm25Idf, bm25Rank, bm25Scores, bm25TermWeight, buildBm25Index, tokenize } from '../../../../lib/index.ts';

describe('bm25Idf', () => {
  it('is log((N − df + 0.5) / (df + 0.5))', () => {
    expect(bm25Idf(4, 1)).toBeCloseTo(Math.log(3.5 / 1.5), 15); // ≈ 0.847298
    expect(bm25Idf(4, 2)).toBe(0); // df = N/2: (2.5 / 2.5) → 0
    expect(bm25Idf(4, 3)).toBeCloseTo(Math.log(1.5 / 3.5), 15); // df > N/2: negative
    expect(bm25Idf(4, 0)).toBeCloseTo(Math.log(9), 15); // finite even for df = 0
    expect(Number.isFinite(bm25Idf(4, 4))).toBe(true); // and for df = N: ln(0.5 / 4.5)
  });
});

describe('bm25TermWeight', () => {
  it('saturates with the count and normalises by length', () => {
    // f = 2, |d| = avgdl, k1 = 1.2, b = 0.75: 2 · 2.2 / (2 + 1.2) = 1.375.
    expect(bm25TermWeight(2, 5, 5, { k1: 1.2, b: 0.75 })).toBeCloseTo(1.375, 15);
    // k1 = 0: presence only → 1 whatever the count.
    expect(bm25TermWeight(7, 3, 5, { k1: 0, b: 0.75 })).toBe(1);
    // b = 0: length ignored; f = 1 → 1 · 2.2 / (1 + 1.2) = 1.
    expect(bm25TermWeight(1, 100, 5, { k1: 1.2, b: 0 })).toBeCloseTo(1, 15);
  });
  it('rejects k1 < 0 and b outside [0, 1]', () => {
    expect(() => bm25TermWeight(1, 1, 1, { k1: -1, b: 0.5 })).toThrow(RangeError);
    expect(() => bm25TermWeight(1, 1, 1, { k1: 1, b: 1.5 })).toThrow(RangeError);
    expect(() => bm25TermWeight(1, 1, 1, { k1: Number.NaN, b: 0.5 })).toThrow(RangeError);
  });
});

describe('bm25Rank on four documents', () => {
  // Lengths 4, 2, 6, 4 → avgdl = 16 / 4 = 4. N = 4.
  const docs = ['cheap pills buy now', 'meeting notes', 'cheap cheap cheap watches buy today', 'notes from the meeting'].map(tokenize);
  const index = buildBm25Index(docs);
  const options = { k1: 1.2, b: 0.75 };

  it('indexes lengths and document frequencies', () => {
    expect(index.averageLength).toBe(4);
    expect(index.documentFrequency.get('cheap')).toBe(2);
    expect(index.termCounts[2]!.get('cheap')).toBe(3);
  });

  it('matches the hand computation for the query "cheap buy"', () => {
    // idf(cheap) = idf(buy) = ln((4 − 2 + 0.5) / (2 + 0.5)) = ln 1 = 0: half the corpus → no weight.
    const ranked = bm25Rank(index, tokenize('cheap buy'), options);
    expect(ranked.map((m) => m.document)).toEqual([0, 2]);
    expect(ranked.every((m) => m.score === 0)).toBe(true);
  });

  it('matches the hand computation for the query "cheap watches"', () => {
    // idf(watches) = ln((4 − 1 + 0.5) / 1.5) = ln(7/3) ≈ 0.847298.
    // doc 2: |d| = 6, norm = 1 − 0.75 + 0.75 · 6/4 = 1.375.
    //   watches: f = 1 → 1 · 2.2 / (1 + 1.2 · 1.375) = 2.2 / 2.65 ≈ 0.830189 → · 0.847298 ≈ 0.703417.
    //   cheap: idf 0 → 0. Total ≈ 0.703417.
    const [best, ...rest] = bm25Rank(index, tokenize('cheap watches cheap'), options);
    expect(best!.document).toBe(2);
    expect(best!.score).toBeCloseTo((2.2 / 2.65) * Math.log(7 / 3), 12);
    expect(best!.contributions.map((c) => c.term)).toEqual(['cheap', 'watches']); // repeated query term once
    expect(rest.map((m) => m.document)).toEqual([0]);
  });

  it('a term in more than half of the documents lowers the score', () => {
    // "the" in 3 of 3 documents below: idf = ln(0.5 / 3.5) < 0.
    const small = buildBm25Index(['the cat', 'the dog', 'the end'].map(tokenize));
    const [match] = bm25Rank(small, ['the'], options);
    expect(match!.score).toBeLessThan(0);
  });

  it('no known query word: nothing ranked; every score is finite', () => {
    expect(bm25Rank(index, ['zebra'], options)).toEqual([]);
    expect(bm25Scores(index, [], options).every((m) => m.score === 0)).toBe(true);
  });

  it('an empty corpus or empty documents give no NaN', () => {
    const empty = buildBm25Index([[], []]);
    expect(empty.averageLength).toBe(0);
    expect(bm25Rank(empty, ['x'], options)).toEqual([]);
    expect(bm25Rank(buildBm25Index([]), ['x'], options)).toEqual([]);
  });
});
