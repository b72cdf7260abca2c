/**
 * The text chapter's widget logic. Every number the widgets show in their default state (the page's
 * frontmatter defaults, repeated here) is checked against lib/data/text computed directly; the
 * corpus is the committed sample, public/data/spam-sample.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bm25Idf, bm25Rank, createEmbedding, createRandom, embeddingLookup, ngramStatistics, tfIdf, tokenize, vocabularyGrowth,
} from '../../../../lib/index.ts';
import { excerpt, rankingView, MAX_QUERY_TERMS } from '../../../../src/components/TextVectors/bm25-ranking.ts';
import { corpusFromSample, sampleUrl, type SpamSample } from '../../../../src/components/TextVectors/corpus.ts';
import { embeddingView, MAX_WORDS } from '../../../../src/components/TextVectors/embedding-view.ts';
import { formatWeight } from '../../../../src/components/TextVectors/format.ts';
import { formatSparsity, growthSeries, MAX_N, statisticsAt } from '../../../../src/components/TextVectors/ngram-growth.ts';
import { pytorchCode } from '../../../../src/components/TextVectors/pytorch-code.ts';
import { MAX_COLUMNS, MAX_SENTENCES, sentenceVectors } from '../../../../src/components/TextVectors/sentence-vectors.ts';

/** The page's defaults (content/docs/text-to-vectors.mdx). */
const DEFAULTS = {
  sentences: 'the cat sat on the mat\nthe dog sat on the log\nthe cat chased the dog\nthe dog ate my homework',
  query: 'free money offer',
  k1: 1.2,
  b: 0.75,
  docs: 200,
  dim: 8,
  seed: 1,
};

const sample = JSON.parse(readFileSync(join(process.cwd(), 'public/data/spam-sample.json'), 'utf8')) as SpamSample;
const corpus = corpusFromSample(sample);
const allFinite = (values: readonly number[]) => values.every(Number.isFinite);

describe('the committed sample', () => {
  it('holds 200 messages, 100 ham and 100 spam, with source and license', () => {
    expect(sample.messages).toHaveLength(200);
    expect(sample.messages.filter((m) => m.label === 'spam')).toHaveLength(100);
    expect(sample.license).toMatch(/PDDL/);
    expect(sample.messages.every((m) => m.body.length <= 1510 && m.body.length > 0)).toBe(true);
  });
  it('is served under the base path', () => {
    expect(sampleUrl('/')).toBe('/data/spam-sample.json');
    expect(sampleUrl('/course/rnn')).toBe('/course/rnn/data/spam-sample.json');
    expect(sampleUrl('/course/rnn/')).toBe('/course/rnn/data/spam-sample.json');
  });
});

describe('sentence vectors, default state', () => {
  const view = sentenceVectors(DEFAULTS.sentences);
  const reference = tfIdf(DEFAULTS.sentences.split('\n').map(tokenize));

  it('shows lib’s counts, df, idf and weights', () => {
    expect(view.sentences).toHaveLength(4);
    expect(view.messages).toEqual([]);
    expect(view.result!.vocabulary.terms).toEqual(reference.vocabulary.terms);
    expect(view.result!.counts).toEqual(reference.counts);
    expect(view.result!.documentFrequency).toEqual(reference.documentFrequency);
    expect(view.result!.idf).toEqual(reference.idf);
    expect(view.result!.weights).toEqual(reference.weights);
    expect(view.shownColumns).toBe(reference.vocabulary.terms.length);
  });
  it('the worked example is "mat" in s1: 1/6 · ln(4/2) ≈ 0.116', () => {
    expect(view.example).toMatchObject({ term: 'mat', count: 1, length: 6, documentCount: 4, documentFrequency: 1 });
    expect(view.example!.weight).toBeCloseTo(Math.log(2) / 6, 15);
    expect(formatWeight(view.example!.weight)).toBe('0.116');
  });
  it('"the", in all four sentences, has idf ln(4/5) < 0, shown as −0.223', () => {
    const the = reference.vocabulary.index.get('the')!;
    expect(view.result!.idf[the]).toBeCloseTo(Math.log(0.8), 15);
    expect(formatWeight(view.result!.idf[the]!)).toBe('−0.223');
  });
});

describe('sentence vectors, bad input', () => {
  it('empty text asks for a sentence', () => {
    expect(sentenceVectors('  \n \n').messages).toEqual(['Type at least one sentence: each line is one document.']);
  });
  it('a line without words gives a zero row and a note, no NaN', () => {
    const view = sentenceVectors('hello world\n?!?');
    expect(view.messages).toContain('Line 2 has no words, so its vector is all zeros.');
    expect(allFinite(view.result!.weights.flat())).toBe(true);
  });
  it('too many lines and too many words are cut, with notes', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i} ${'w'.repeat(i + 1)} ${i}x y${i} z${i}`).join('\n');
    const view = sentenceVectors(lines);
    expect(view.sentences).toHaveLength(MAX_SENTENCES);
    expect(view.shownColumns).toBe(MAX_COLUMNS);
    expect(view.messages.join(' ')).toMatch(/first 8 of your 12 lines/);
    expect(view.messages.join(' ')).toMatch(/first 30 columns/);
  });
  it('10,000 characters of text stay finite', () => {
    const view = sentenceVectors('spam '.repeat(2000));
    // One document: "spam" is in every document, idf = ln(1 / 2), tf = 2000 / 2000 = 1.
    expect(view.result!.weights[0]![0]).toBeCloseTo(Math.log(0.5), 15);
    expect(allFinite(view.result!.weights.flat())).toBe(true);
  });
});

describe('BM25 ranking, default state', () => {
  const view = rankingView(corpus, DEFAULTS.query, DEFAULTS.k1, DEFAULTS.b);
  const reference = bm25Rank(corpus.index, tokenize(DEFAULTS.query), { k1: DEFAULTS.k1, b: DEFAULTS.b });

  it('shows each query word’s df and lib’s BM25 idf', () => {
    // Counted in the sample: free in 62 messages, money in 25, offer in 19.
    expect(view.terms.map((t) => [t.term, t.documentFrequency])).toEqual([['free', 62], ['money', 25], ['offer', 19]]);
    for (const term of view.terms) expect(term.idf).toBe(bm25Idf(200, term.documentFrequency));
    expect(formatWeight(view.terms[1]!.idf!)).toBe('1.929'); // ln(175.5 / 25.5)
  });
  it('ranks as lib does, top 8, with lib’s scores', () => {
    expect(view.hits).toBe(reference.length);
    expect(view.rows).toHaveLength(8);
    view.rows.forEach((row, i) => {
      expect(row.id).toBe(corpus.messages[reference[i]!.document]!.id);
      expect(row.score).toBe(reference[i]!.score);
    });
    expect(view.spamInTop).toBe(view.rows.filter((r) => r.label === 'spam').length);
    expect(view.messages).toEqual([]);
  });
  it('excerpts mark the query words', () => {
    const parts = excerpt('Buy now. FREE money, free!', ['free', 'money']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['FREE', 'money', 'free']);
    expect(parts.map((p) => p.text).join('')).toBe('Buy now. FREE money, free!');
  });
});

describe('BM25 ranking, bad input', () => {
  it('an empty query asks for words', () => {
    expect(rankingView(corpus, ' ?? ', 1.2, 0.75).messages).toEqual(['Type a query: it has no words yet.']);
  });
  it('a query with no known word says so and ranks nothing', () => {
    const view = rankingView(corpus, 'qwxyzzy blorfle', 1.2, 0.75);
    expect(view.rows).toEqual([]);
    expect(view.messages[0]).toMatch(/No message in the sample contains “qwxyzzy” or “blorfle”/);
  });
  it('a very common word is flagged for its negative idf', () => {
    const view = rankingView(corpus, 'the money', 1.2, 0.75);
    expect(view.terms[0]!.idf).toBeLessThan(0);
    expect(view.messages.join(' ')).toMatch(/negative idf/);
    expect(allFinite(view.rows.map((r) => r.score))).toBe(true);
  });
  it('a 10,000-character query uses its first words only, and the extremes of k1 and b stay finite', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ') + ' money';
    expect(rankingView(corpus, long, 1.2, 0.75).messages[0]).toMatch(new RegExp(`first ${MAX_QUERY_TERMS}`));
    for (const [k1, b] of [[0, 0], [3, 1], [0, 1], [3, 0]]) expect(allFinite(rankingView(corpus, 'free money', k1!, b!).rows.map((r) => r.score))).toBe(true);
  });
});

describe('n-gram growth, default state', () => {
  it('the table matches lib’s statistics on all 200 messages', () => {
    const rows = statisticsAt(corpus, DEFAULTS.docs);
    expect(rows).toHaveLength(MAX_N);
    rows.forEach((row, i) => expect(row).toEqual(ngramStatistics(corpus.tokens, i + 1)));
    // The vocabulary grows with n, and so does the sparsity.
    expect(rows[0]!.vocabularySize).toBeLessThan(rows[1]!.vocabularySize);
    expect(rows[0]!.sparsity).toBeLessThan(rows[1]!.sparsity);
  });
  it('the curves are lib’s vocabularyGrowth every 10 messages', () => {
    const series = growthSeries(corpus);
    series.forEach((s, i) => {
      const growth = vocabularyGrowth(corpus.tokens, i + 1);
      expect(s.points).toHaveLength(20);
      for (const [k, size] of s.points) expect(size).toBe(growth[k - 1]);
    });
  });
  it('sparsity is shown as a percentage that never rounds up to 100%', () => {
    expect(formatSparsity(0.98223)).toBe('98.2%');
    expect(formatSparsity(0.99432)).toBe('99.43%');
    expect(formatSparsity(0.5)).toBe('50.0%');
    expect(formatSparsity(0.999999)).toBe('> 99.99%');
    expect(formatSparsity(Number.NaN)).toBe('—');
  });
  it('observed n-grams are a vanishing share of V^n, and most occur once (the chapter quotes these numbers)', () => {
    const counts = (n: number) => {
      const seen = new Map<string, number>();
      for (const doc of corpus.tokens) for (let i = 0; i + n <= doc.length; i++) {
        const key = doc.slice(i, i + n).join(' ');
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen.values()];
    };
    const onceShare = (values: number[]) => values.filter((c) => c === 1).length / values.length;
    const vocabulary = counts(1).length;
    const bigrams = counts(2);
    const trigrams = counts(3);
    expect(vocabulary).toBe(5914);
    expect(bigrams).toHaveLength(21256);
    expect(bigrams.length / vocabulary ** 2).toBeCloseTo(0.0006, 4); // "about 0.06% of the 35 million possible"
    expect(Math.round(100 * onceShare(bigrams))).toBe(81);
    expect(Math.round(100 * onceShare(trigrams))).toBe(90);
    expect(statisticsAt(corpus, 200)[1]!.vocabularySize).toBe(bigrams.length); // the widget counts the same 2-grams
  });
  it('an out-of-range number of messages is clamped', () => {
    expect(statisticsAt(corpus, 5000)[0]!.documentCount).toBe(200);
    expect(statisticsAt(corpus, -3)[0]!.documentCount).toBe(1);
  });
});

describe('embedding lookup, default state', () => {
  it('looks up the first sentence in a seeded E of the sentences’ vocabulary', () => {
    const view = embeddingView(DEFAULTS.sentences, DEFAULTS.dim, DEFAULTS.seed);
    const vocabulary = tfIdf(DEFAULTS.sentences.split('\n').map(tokenize)).vocabulary;
    expect(view.words).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
    expect(view.ids).toEqual([0, 1, 2, 3, 0, 4]);
    expect(view.vocabularySize).toBe(vocabulary.terms.length);
    const table = createEmbedding(vocabulary.terms.length, DEFAULTS.dim, createRandom(DEFAULTS.seed));
    expect(view.rows).toEqual(embeddingLookup(table, [0, 1, 2, 3, 0, 4]));
    expect(view.rows[0]).toEqual(view.rows[4]); // "the" twice, the same row
  });
  it('an empty first line or a long sentence gives a message', () => {
    expect(embeddingView('', 4, 1).messages[0]).toMatch(/no words/);
    expect(embeddingView('!!!\nhello', 4, 1).messages[0]).toMatch(/no words/);
    const long = embeddingView(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), 4, 1);
    expect(long.rows).toHaveLength(MAX_WORDS);
    expect(long.messages[0]).toMatch(/first 16 of its 40/);
  });
});

describe('PyTorch code', () => {
  const code = pytorchCode(DEFAULTS.sentences, DEFAULTS.dim, DEFAULTS.seed);
  it('mirrors the sentences, the embedding size and the seed', () => {
    expect(code).toContain("    'the cat sat on the mat',");
    expect(code).toContain('nn.Embedding(len(vocab), 8)  # E: [11, 8]');
    expect(code).toContain('torch.manual_seed(1)');
    expect(code).toContain('print(x.shape)  # torch.Size([6, 8])');
  });
  it('carries lib’s counts and weights in its comments', () => {
    // s1 = "the cat sat on the mat": the ×2; idf(the) = ln(4/5), so w(the) = 2/6 · −0.2231 = −0.0744.
    expect(code).toContain('print(counts[0])  # [2.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.0000, …]');
    expect(code).toContain(`print(tfidf[0])  # [${(2 / 6 * Math.log(0.8)).toFixed(4)}, `);
  });
  it('quotes the reader’s text safely', () => {
    const tricky = pytorchCode("it's a \"test\" \\ ok", 4, 1);
    expect(tricky).toContain(`'it\\'s a "test" \\\\ ok',`);
  });
});
