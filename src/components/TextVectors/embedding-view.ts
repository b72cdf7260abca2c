/**
 * The embedding widget's logic: the first sentence's words → ids in the sentences' vocabulary →
 * rows of a seeded table E (lib's createEmbedding and embeddingLookup), as nn.Embedding would.
 */
import { buildVocabulary, createEmbedding, createRandom, embeddingLookup, tokenize } from '../../../lib/index.ts';

/** At most this many words of the sentence are looked up. */
export const MAX_WORDS = 16;

/** What the embedding widget shows. */
export interface EmbeddingView {
  /** The looked-up words, in order. */
  readonly words: readonly string[];
  /** Each word's id (its row of E). */
  readonly ids: readonly number[];
  /** V, the vocabulary size: E's row count. */
  readonly vocabularySize: number;
  /** E[id] for each word, [T, D_e]. */
  readonly rows: readonly (readonly number[])[];
  readonly messages: readonly string[];
}

/** Embed the first line's words (tokens[0] in the PyTorch code); the vocabulary is that of all lines (so ids match the bag-of-words columns). */
export function embeddingView(text: string, dimension: number, seed: number): EmbeddingView {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const documents = lines.map(tokenize);
  const vocabulary = buildVocabulary(documents);
  const sentence = documents[0] ?? [];
  if (sentence.length === 0) return { words: [], ids: [], vocabularySize: vocabulary.terms.length, rows: [], messages: ['The first line has no words to look up: type a sentence there.'] };
  const messages = sentence.length > MAX_WORDS ? [`The first ${MAX_WORDS} of its ${sentence.length} words are shown.`] : [];
  const words = sentence.slice(0, MAX_WORDS);
  const ids = words.map((word) => vocabulary.index.get(word)!);
  const table = createEmbedding(vocabulary.terms.length, dimension, createRandom(seed));
  return { words, ids, vocabularySize: vocabulary.terms.length, rows: embeddingLookup(table, ids), messages };
}
