/**
 * TF-IDF: a count reweighted by how rare the term is across the corpus.
 *
 *   tf(t, d)  = count(t, d) / |d|                 the term's share of the document's tokens
 *   idf(t)    = log(N / (1 + df(t)))              N documents, df(t) of them contain t
 *   w(t, d)   = tf(t, d) · idf(t)
 *
 * log is the natural logarithm. The 1 + df keeps idf finite for a term no document contains. Its
 * price: a term in every document (df = N) gets log(N / (N + 1)) < 0, a small negative weight, and
 * a term in all but one document gets exactly 0. We keep these values as the formula gives them.
 */
import { bagOfWordsMatrix } from './bag-of-words.ts';
import { buildVocabulary, documentFrequencies, type Vocabulary } from './vocabulary.ts';

/** tf = count / length: the term's share of the document (0 for an empty document). */
export function termFrequency(count: number, length: number): number {
  if (!(count >= 0) || !(length >= 0)) throw new RangeError(`count and length must be non-negative, got ${count} and ${length}`);
  return length === 0 ? 0 : count / length;
}

/** idf = log(N / (1 + df)), natural log; N documents, df of them contain the term. */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  if (!(documentCount > 0)) throw new RangeError(`the corpus needs at least one document, got N = ${documentCount}`);
  if (!(documentFrequency >= 0 && documentFrequency <= documentCount)) {
    throw new RangeError(`df must lie in 0 … N = ${documentCount}, got ${documentFrequency}`);
  }
  return Math.log(documentCount / (1 + documentFrequency));
}

/** Everything TF-IDF computes for a corpus, column j standing for vocabulary.terms[j]. */
export interface TfIdfResult {
  readonly vocabulary: Vocabulary;
  /** Bag-of-words counts, one row per document. */
  readonly counts: number[][];
  /** Tokens per document, |d|. */
  readonly lengths: number[];
  /** Documents containing each term. */
  readonly documentFrequency: number[];
  /** log(N / (1 + df)) per term. */
  readonly idf: number[];
  /** tf · idf, one row per document. */
  readonly weights: number[][];
}

/** TF-IDF of tokenized documents over their own vocabulary (needs at least one document). */
export function tfIdf(documents: readonly (readonly string[])[]): TfIdfResult {
  const vocabulary = buildVocabulary(documents);
  const counts = bagOfWordsMatrix(documents, vocabulary);
  const lengths = documents.map((tokens) => tokens.length);
  const documentFrequency = documentFrequencies(documents, vocabulary);
  const idf = documentFrequency.map((df) => inverseDocumentFrequency(documents.length, df));
  const weights = counts.map((row, d) => row.map((count, j) => termFrequency(count, lengths[d]!) * idf[j]!));
  return { vocabulary, counts, lengths, documentFrequency, idf, weights };
}
