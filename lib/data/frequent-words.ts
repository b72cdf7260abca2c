/**
 * A word vocabulary cut to the most frequent words of a training split, with id 0 kept for every
 * other word ("<unk>"). Ties in frequency go to the word seen first, so the result is the same
 * on every run.
 */

/** The unknown-word token at id 0. */
export const UNKNOWN_WORD = '<unk>';

/** Words by id (id 0 is <unk>) and the id of each. */
export interface WordVocabulary {
  readonly words: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** The `size` − 1 most frequent words of tokenized documents after <unk>. */
export function frequentWords(documents: readonly (readonly string[])[], size: number): WordVocabulary {
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`a word vocabulary needs size ≥ 2 (<unk> and one word), got ${size}`);
  const counts = new Map<string, number>();
  for (const tokens of documents) for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  // Map keeps first-seen order and sort is stable, so equal counts stay in first-seen order.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, size - 1).map(([word]) => word);
  const words = [UNKNOWN_WORD, ...ranked];
  return { words, index: new Map(words.map((word, i) => [word, i])) };
}

/** The ids of tokens, <unk> (0) for words outside the vocabulary. */
export function wordIds(tokens: readonly string[], vocabulary: WordVocabulary): number[] {
  return tokens.map((token) => vocabulary.index.get(token) ?? 0);
}
