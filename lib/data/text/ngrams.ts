/**
 * n-grams: every run of n consecutive tokens, used as one term ("the cat sat" has the 2-grams
 * "the cat" and "cat sat"). They keep some word order, at a cost: the number of distinct n-grams,
 * the vector's length, grows fast with n, while each document holds about as many as it has tokens,
 * so the vectors become almost all zeros (sparse).
 */

/** The n-grams of a token list, each joined with one space; none when the list is shorter than n. */
export function ngrams(tokens: readonly string[], n: number): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  const grams: string[] = [];
  for (let start = 0; start + n <= tokens.length; start++) grams.push(tokens.slice(start, start + n).join(' '));
  return grams;
}

/** Size and sparsity of the n-gram document–term matrix of a corpus. */
export interface NgramStatistics {
  readonly n: number;
  readonly documentCount: number;
  /** Distinct n-grams in the corpus: the vectors' length. */
  readonly vocabularySize: number;
  /** Non-zero entries of the documents × vocabulary count matrix. */
  readonly nonZero: number;
  /** Share of zero entries, 1 − nonZero / (documents · vocabulary); 0 for an empty matrix. */
  readonly sparsity: number;
}

/** Vocabulary size and sparsity of the n-gram count matrix of tokenized documents. */
export function ngramStatistics(documents: readonly (readonly string[])[], n: number): NgramStatistics {
  const vocabulary = new Set<string>();
  let nonZero = 0;
  for (const tokens of documents) {
    const distinct = new Set(ngrams(tokens, n));
    nonZero += distinct.size;
    for (const gram of distinct) vocabulary.add(gram);
  }
  const cells = documents.length * vocabulary.size;
  return { n, documentCount: documents.length, vocabularySize: vocabulary.size, nonZero, sparsity: cells === 0 ? 0 : 1 - nonZero / cells };
}

/** The statistics of the first k documents for every k = 1 … documents.length (entry k − 1), in one pass. */
export function prefixStatistics(documents: readonly (readonly string[])[], n: number): NgramStatistics[] {
  const vocabulary = new Set<string>();
  let nonZero = 0;
  return documents.map((tokens, k) => {
    const distinct = new Set(ngrams(tokens, n));
    nonZero += distinct.size;
    for (const gram of distinct) vocabulary.add(gram);
    const cells = (k + 1) * vocabulary.size;
    return { n, documentCount: k + 1, vocabularySize: vocabulary.size, nonZero, sparsity: cells === 0 ? 0 : 1 - nonZero / cells };
  });
}

/** Distinct n-grams in the first k documents, for k = 1 … documents.length (entry k − 1). */
export function vocabularyGrowth(documents: readonly (readonly string[])[], n: number): number[] {
  const vocabulary = new Set<string>();
  return documents.map((tokens) => {
    for (const gram of ngrams(tokens, n)) vocabulary.add(gram);
    return vocabulary.size;
  });
}
