/**
 * BM25 (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond"):
 * a document's score for a query is a sum over the query's distinct terms t,
 *
 *   score(q, d) = Σ_t idf(t) · f(t, d) · (k1 + 1) / ( f(t, d) + k1 · (1 − b + b · |d| / avgdl) )
 *   idf(t)      = log( (N − df(t) + 0.5) / (df(t) + 0.5) )
 *
 * f(t, d) is the term's count in d, |d| the document's length in tokens, avgdl the mean length.
 * k1 ≥ 0 sets how fast repeated occurrences saturate (k1 = 0: only presence counts); b ∈ [0, 1]
 * sets how much long documents are penalised (b = 0: not at all). The 0.5s keep idf finite when
 * df = 0 or df = N. A term in more than half the documents gets a negative idf; we keep it, so such
 * a term lowers the score of the documents that contain it.
 */

/** BM25's two knobs. */
export interface Bm25Options {
  /** Term-frequency saturation, k1 ≥ 0 (a common default is 1.2). */
  readonly k1: number;
  /** Length normalisation, 0 ≤ b ≤ 1 (a common default is 0.75). */
  readonly b: number;
}

/** BM25's smoothed idf, log((N − df + 0.5) / (df + 0.5)); negative when df > N / 2. */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  if (!(documentCount > 0)) throw new RangeError(`the corpus needs at least one document, got N = ${documentCount}`);
  if (!(documentFrequency >= 0 && documentFrequency <= documentCount)) {
    throw new RangeError(`df must lie in 0 … N = ${documentCount}, got ${documentFrequency}`);
  }
  return Math.log((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The saturating term weight f·(k1 + 1) / (f + k1·(1 − b + b·|d|/avgdl)), before idf. */
export function bm25TermWeight(count: number, documentLength: number, averageLength: number, options: Bm25Options): number {
  const { k1, b } = checkOptions(options);
  if (count === 0) return 0;
  const lengthRatio = averageLength > 0 ? documentLength / averageLength : 1;
  return (count * (k1 + 1)) / (count + k1 * (1 - b + b * lengthRatio));
}

/** What BM25 needs to know about a corpus: counts per document, lengths and document frequencies. */
export interface Bm25Index {
  readonly documentCount: number;
  /** Tokens per document. */
  readonly lengths: readonly number[];
  /** Mean document length, avgdl. */
  readonly averageLength: number;
  /** Term → count, one map per document. */
  readonly termCounts: readonly ReadonlyMap<string, number>[];
  /** Term → number of documents containing it. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

/** Index tokenized documents for BM25. */
export function buildBm25Index(documents: readonly (readonly string[])[]): Bm25Index {
  const termCounts = documents.map((tokens) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const lengths = documents.map((tokens) => tokens.length);
  const averageLength = lengths.length === 0 ? 0 : lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  return { documentCount: documents.length, lengths, averageLength, termCounts, documentFrequency };
}

/** One query term's part in one document's score. */
export interface Bm25Contribution {
  readonly term: string;
  /** f(t, d). */
  readonly count: number;
  readonly idf: number;
  /** The saturating weight before idf. */
  readonly weight: number;
  /** idf · weight. */
  readonly score: number;
}

/** A document's BM25 score with each query term's share. */
export interface Bm25Match {
  /** Index of the document in the corpus. */
  readonly document: number;
  readonly score: number;
  /** One entry per distinct query term the document contains. */
  readonly contributions: readonly Bm25Contribution[];
}

/** The BM25 score of every document for a tokenized query (repeated query terms count once). */
export function bm25Scores(index: Bm25Index, query: readonly string[], options: Bm25Options): Bm25Match[] {
  checkOptions(options);
  const terms = [...new Set(query)];
  return index.termCounts.map((counts, document) => {
    const contributions: Bm25Contribution[] = [];
    for (const term of terms) {
      const count = counts.get(term) ?? 0;
      if (count === 0) continue;
      const idf = bm25Idf(index.documentCount, index.documentFrequency.get(term) ?? 0);
      const weight = bm25TermWeight(count, index.lengths[document]!, index.averageLength, options);
      contributions.push({ term, count, idf, weight, score: idf * weight });
    }
    return { document, score: contributions.reduce((sum, c) => sum + c.score, 0), contributions };
  });
}

/** The documents that contain at least one query term, best score first (ties: corpus order), at most `limit`. */
export function bm25Rank(index: Bm25Index, query: readonly string[], options: Bm25Options, limit = Infinity): Bm25Match[] {
  return bm25Scores(index, query, options)
    .filter((match) => match.contributions.length > 0)
    .sort((a, b) => b.score - a.score || a.document - b.document)
    .slice(0, limit);
}

function checkOptions(options: Bm25Options): Bm25Options {
  if (!(options.k1 >= 0) || !Number.isFinite(options.k1)) throw new RangeError(`k1 must be a finite number ≥ 0, got ${options.k1}`);
  if (!(options.b >= 0 && options.b <= 1)) throw new RangeError(`b must lie in [0, 1], got ${options.b}`);
  return options;
}
