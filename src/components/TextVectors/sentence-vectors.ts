/**
 * The sentence widget's logic: the reader's lines → bag-of-words counts and TF-IDF weights from
 * lib/data/text, trimmed to what fits on screen, with messages for whatever was left out.
 */
import { termFrequency, tfIdf, tokenize, type TfIdfResult } from '../../../lib/index.ts';

/** At most this many lines are used as documents. */
export const MAX_SENTENCES = 8;
/** At most this many vocabulary columns are shown. */
export const MAX_COLUMNS = 30;

/** What the widget shows. */
export interface SentenceVectors {
  /** The lines used, as typed (trimmed). */
  readonly sentences: string[];
  /** lib's TF-IDF over those lines; undefined when there is no line to use. */
  readonly result: TfIdfResult | undefined;
  /** How many vocabulary columns are shown (the first ones, in first-seen order). */
  readonly shownColumns: number;
  /** A worked TF-IDF weight, for the prose under the heatmap. */
  readonly example: WorkedWeight | undefined;
  /** Notes for the reader: lines or columns left out, lines with no words. */
  readonly messages: string[];
}

/** One weight with its parts: w = (count / length) · ln(N / (1 + df)). */
export interface WorkedWeight {
  readonly term: string;
  readonly sentence: number;
  readonly count: number;
  readonly length: number;
  readonly documentCount: number;
  readonly documentFrequency: number;
  readonly tf: number;
  readonly idf: number;
  readonly weight: number;
}

/** Vectors for the reader's text, one document per non-empty line. */
export function sentenceVectors(text: string): SentenceVectors {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const messages: string[] = [];
  if (lines.length === 0) return { sentences: [], result: undefined, shownColumns: 0, example: undefined, messages: ['Type at least one sentence: each line is one document.'] };
  if (lines.length > MAX_SENTENCES) messages.push(`Only the first ${MAX_SENTENCES} of your ${lines.length} lines are used.`);
  const sentences = lines.slice(0, MAX_SENTENCES);
  const tokens = sentences.map(tokenize);
  tokens.forEach((sentence, i) => {
    if (sentence.length === 0) messages.push(`Line ${i + 1} has no words, so its vector is all zeros.`);
  });
  const result = tfIdf(tokens);
  const columns = result.vocabulary.terms.length;
  if (columns === 0) messages.push('None of the lines has a word (letters or digits), so the vocabulary is empty.');
  if (columns > MAX_COLUMNS) messages.push(`The vocabulary has ${columns} words; the first ${MAX_COLUMNS} columns are shown.`);
  return { sentences, result, shownColumns: Math.min(columns, MAX_COLUMNS), example: workedWeight(result), messages };
}

/** The first sentence's word with the largest weight, worked out term by term. */
export function workedWeight(result: TfIdfResult): WorkedWeight | undefined {
  const row = result.weights[0];
  if (!row || row.length === 0) return undefined;
  let best = -1;
  for (let j = 0; j < Math.min(row.length, MAX_COLUMNS); j++) if (result.counts[0]![j]! > 0 && (best < 0 || row[j]! > row[best]!)) best = j;
  if (best < 0) return undefined;
  const count = result.counts[0]![best]!;
  const length = result.lengths[0]!;
  return {
    term: result.vocabulary.terms[best]!,
    sentence: 0,
    count,
    length,
    documentCount: result.counts.length,
    documentFrequency: result.documentFrequency[best]!,
    tf: termFrequency(count, length),
    idf: result.idf[best]!,
    weight: row[best]!,
  };
}

/** Rows cut to the shown columns. */
export function shownRows(rows: readonly (readonly number[])[], columns: number): number[][] {
  return rows.map((row) => row.slice(0, columns));
}
