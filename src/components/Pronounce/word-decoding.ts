/** What the word widgets show for the reader's word: the check, then the greedy decoding when the model is ready. */
import { alphabetOf, type G2pVocab } from './g2p-files.ts';
import { greedyDecode, type GreedyResult } from './greedy-decode.ts';
import type { G2pModel } from './model-store.ts';
import { checkWord, DEFAULT_ALPHABET, type WordCheck } from './word-check.ts';

/** Checks the word against the model's letters (a–z and the apostrophe before it has loaded). */
export function checkForModel(raw: string, vocab: G2pVocab | null): WordCheck {
  return checkWord(raw, vocab ? alphabetOf(vocab) : DEFAULT_ALPHABET);
}

/** The model's letter ids of a checked word. */
export function letterIds(vocab: G2pVocab, letters: readonly string[]): number[] {
  return letters.map((letter) => vocab.letters.indexOf(letter));
}

/** A greedy decoding of a checked word, or the runtime's error as a message (never a throw). */
export async function decodeWord(model: G2pModel, letters: readonly string[]): Promise<{ result: GreedyResult } | { error: string }> {
  try {
    return { result: await greedyDecode(model.encoder, model.decoder, model.vocab, letterIds(model.vocab, letters)) };
  } catch (error) {
    return { error: `The model failed on this word: ${error instanceof Error ? error.message : String(error)}` };
  }
}
