/**
 * The n-gram widget's logic: on the first k messages of the sample, how many distinct n-grams there
 * are (the vector's length) and how sparse the count matrix is, for n = 1 … MAX_N. lib's
 * prefixStatistics computes every k in one pass, once per corpus, so moving the slider is instant.
 */
import { prefixStatistics, type NgramStatistics } from '../../../lib/index.ts';
import type { Series } from '../../kit/plot-data.ts';
import type { Corpus } from './corpus.ts';

/** The largest n shown. */
export const MAX_N = 4;

const cache = new WeakMap<Corpus, NgramStatistics[][]>();

/** Statistics per n (index n − 1) and per number of messages k (index k − 1), computed once per corpus. */
export function allStatistics(corpus: Corpus): NgramStatistics[][] {
  let table = cache.get(corpus);
  if (!table) {
    table = Array.from({ length: MAX_N }, (_, i) => prefixStatistics(corpus.tokens, i + 1));
    cache.set(corpus, table);
  }
  return table;
}

/** Series name for n. */
export function seriesName(n: number): string {
  return n === 1 ? 'words (n = 1)' : `${n}-grams`;
}

/** Vocabulary size against the number of messages, one series per n, every `step` messages. */
export function growthSeries(corpus: Corpus, step = 10): Series[] {
  return allStatistics(corpus).map((rows, i) => {
    const points: [number, number][] = [];
    for (let k = step; k <= rows.length; k += step) points.push([k, rows[k - 1]!.vocabularySize]);
    if (rows.length % step !== 0) points.push([rows.length, rows.at(-1)!.vocabularySize]);
    return { name: seriesName(i + 1), points };
  });
}

/** The statistics for n = 1 … MAX_N on the first `documents` messages (clamped to 1 … the sample's size). */
export function statisticsAt(corpus: Corpus, documents: number): NgramStatistics[] {
  const count = Math.max(1, Math.min(corpus.tokens.length, Math.round(documents) || 1));
  return allStatistics(corpus).map((rows) => rows[count - 1]!);
}

/** Sparsity as a percentage with enough digits that 99.9…% does not read as 100%. */
export function formatSparsity(sparsity: number): string {
  if (!Number.isFinite(sparsity)) return '—';
  const percent = sparsity * 100;
  const digits = percent >= 99 ? 2 : 1;
  const text = percent.toFixed(digits);
  return `${text === '100.00' && sparsity < 1 ? '> 99.99' : text}%`;
}
