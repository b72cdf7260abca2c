/** What the word widgets show for the reader's word: the check, then greedy decoding and beam search when the model is ready. */
import { beamSearch, type BeamCandidate } from './beam-search.ts';
import { alphabetOf, type G2pVocab } from './g2p-files.ts';
import { greedyDecode, type GreedyResult } from './greedy-decode.ts';
import type { G2pModel } from './model-store.ts';
import { checkWord, DEFAULT_ALPHABET, type WordCheck } from './word-check.ts';

/** A decoding's value, or the runtime's error as a message for the reader. */
export type Outcome<T> = { readonly value: T } | { readonly error: string };

/** Checks the word against the model's letters (a–z and the apostrophe before it has loaded). */
export function checkForModel(raw: string, vocab: G2pVocab | null): WordCheck {
  return checkWord(raw, vocab ? alphabetOf(vocab) : DEFAULT_ALPHABET);
}

/** The model's letter ids of a checked word. */
export function letterIds(vocab: G2pVocab, letters: readonly string[]): number[] {
  return letters.map((letter) => vocab.letters.indexOf(letter));
}

async function outcome<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error: `The model failed on this word: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const CACHE_SIZE = 32;
const caches = new WeakMap<G2pModel, Map<string, Promise<Outcome<unknown>>>>();

/** Memoised per model and key (the widgets of one page ask for the same word), the oldest of CACHE_SIZE dropped. */
function memo<T>(model: G2pModel, key: string, work: () => Promise<T>): Promise<Outcome<T>> {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new Map()));
  if (!cache.has(key)) {
    cache.set(key, outcome(work));
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return cache.get(key)! as Promise<Outcome<T>>;
}

/** Greedy decoding of a checked word (shared by the widgets that show it). */
export function decodeWord(model: G2pModel, letters: readonly string[]): Promise<Outcome<GreedyResult>> {
  return memo(model, `greedy:${letters.join('')}`, () => greedyDecode(model.encoder, model.decoder, model.vocab, letterIds(model.vocab, letters)));
}

/** Beam search of a checked word with width k. */
export function beamWord(model: G2pModel, letters: readonly string[], width: number): Promise<Outcome<BeamCandidate[]>> {
  return memo(model, `beam${width}:${letters.join('')}`, () => beamSearch(model.encoder, model.decoder, model.vocab, letterIds(model.vocab, letters), width));
}
