/**
 * A vocabulary: the distinct terms of a corpus, each with a column index. Terms keep the order in
 * which they were first seen, so a vector's columns read in the order the reader wrote the words.
 */

/** The distinct terms of a corpus in first-seen order, and each term's column. */
export interface Vocabulary {
  /** Term at each column. */
  readonly terms: readonly string[];
  /** Column of each term. */
  readonly index: ReadonlyMap<string, number>;
}

/** The vocabulary of tokenized documents: every distinct term once, in first-seen order. */
export function buildVocabulary(documents: readonly (readonly string[])[]): Vocabulary {
  const terms: string[] = [];
  const index = new Map<string, number>();
  for (const document of documents) {
    for (const term of document) {
      if (!index.has(term)) {
        index.set(term, terms.length);
        terms.push(term);
      }
    }
  }
  return { terms, index };
}

/** df for every vocabulary term: in how many documents it occurs at least once. */
export function documentFrequencies(documents: readonly (readonly string[])[], vocabulary: Vocabulary): number[] {
  const df = new Array<number>(vocabulary.terms.length).fill(0);
  for (const document of documents) {
    for (const term of new Set(document)) {
      const column = vocabulary.index.get(term);
      if (column !== undefined) df[column]! += 1;
    }
  }
  return df;
}
