/** n-grams and their sparsity, counted by hand, and the embedding lookup against nn.Embedding's layout. */
import { describe, expect, it } from 'vitest';
import { createEmbedding, createRandom, embeddingLookup, ngramStatistics, ngrams, prefixStatistics, tokenize, vocabularyGrowth } from '../../../../lib/index.ts';

describe('ngrams', () => {
  it('slides a window of n tokens', () => {
    expect(ngrams(['the', 'cat', 'sat'], 2)).toEqual(['the cat', 'cat sat']);
    expect(ngrams(['the', 'cat', 'sat'], 3)).toEqual(['the cat sat']);
    expect(ngrams(['the'], 2)).toEqual([]);
    expect(() => ngrams(['a'], 0)).toThrow(RangeError);
  });

  it('counts vocabulary size, non-zeros and sparsity', () => {
    // d1 = "a b a b" → 1-grams {a, b}, 2-grams {a b, b a}; d2 = "a c" → {a, c}, {a c}.
    const docs = [tokenize('a b a b'), tokenize('a c')];
    // n = 1: vocabulary {a, b, c} = 3; non-zero 2 + 2 = 4 of 2 · 3 = 6 → sparsity 1/3.
    expect(ngramStatistics(docs, 1)).toEqual({ n: 1, documentCount: 2, vocabularySize: 3, nonZero: 4, sparsity: 1 - 4 / 6 });
    // n = 2: vocabulary {a b, b a, a c} = 3; non-zero 2 + 1 = 3 of 6 → sparsity 1/2.
    expect(ngramStatistics(docs, 2).sparsity).toBeCloseTo(0.5, 15);
    expect(ngramStatistics([], 2).sparsity).toBe(0);
    expect(vocabularyGrowth(docs, 1)).toEqual([2, 3]);
    // Prefix k = 1 is d1 alone: {a, b}, both non-zero → sparsity 0; k = 2 is the whole corpus.
    expect(prefixStatistics(docs, 1)).toEqual([ngramStatistics(docs.slice(0, 1), 1), ngramStatistics(docs, 1)]);
    expect(prefixStatistics(docs, 2)[1]).toEqual(ngramStatistics(docs, 2));
  });
});

describe('embedding lookup', () => {
  it('returns row id of E for each id, E being [V, D_e] row-major', () => {
    const table = createEmbedding(5, 3, createRandom(7));
    expect(table.weight.shape).toEqual([5, 3]);
    const [row] = embeddingLookup(table, [4]);
    expect(row).toEqual(Array.from(table.weight.data.slice(12, 15)));
    expect(embeddingLookup(table, [1, 1])[0]).toEqual(embeddingLookup(table, [1])[0]); // same word, same vector
  });
  it('is seeded: the same seed gives the same table', () => {
    expect(createEmbedding(3, 2, createRandom(1)).weight.data).toEqual(createEmbedding(3, 2, createRandom(1)).weight.data);
  });
  it('rejects ids outside the table and bad sizes', () => {
    const table = createEmbedding(2, 2, createRandom(1));
    expect(() => embeddingLookup(table, [2])).toThrow(RangeError);
    expect(() => embeddingLookup(table, [-1])).toThrow(RangeError);
    expect(() => createEmbedding(0, 2, createRandom(1))).toThrow(RangeError);
  });
});
