/**
 * Bag of words: a document as a vector of counts, one column per vocabulary term. Word order is
 * thrown away ("dog bites man" and "man bites dog" get the same vector); only how often each word
 * occurs is kept. Tokens outside the vocabulary are not counted.
 */
import type { Vocabulary } from './vocabulary.ts';

/** The count vector of one tokenized document: entry j is how often vocabulary.terms[j] occurs. */
export function bagOfWords(tokens: readonly string[], vocabulary: Vocabulary): number[] {
  const counts = new Array<number>(vocabulary.terms.length).fill(0);
  for (const token of tokens) {
    const column = vocabulary.index.get(token);
    if (column !== undefined) counts[column]! += 1;
  }
  return counts;
}

/** The count matrix of a corpus: one bag-of-words row per document. */
export function bagOfWordsMatrix(documents: readonly (readonly string[])[], vocabulary: Vocabulary): number[][] {
  return documents.map((tokens) => bagOfWords(tokens, vocabulary));
}
