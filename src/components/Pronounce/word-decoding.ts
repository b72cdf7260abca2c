/** What the word widgets show for the reader's word: the spelling check, then lib/seq2seq's greedy decoding and beam search. */
import { beamSearch } from '../../../lib/seq2seq/beam-search.ts';
import type { EncodedWord } from '../../../lib/seq2seq/g2p-model.ts';
import { greedyDecode } from '../../../lib/seq2seq/greedy-decode.ts';
import type { Hypothesis } from '../../../lib/seq2seq/hypothesis.ts';
import { letterIds } from '../../../lib/seq2seq/phoneme-vocab.ts';
import { describeSpellingError, normaliseSpelling } from '../../../lib/seq2seq/spelling.ts';
import type { G2pModel } from './g2p-model.ts';

/** A word the model can read (its letters), or the message that says why not. */
export type WordCheck =
  | { readonly ok: true; readonly word: string; readonly letters: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** A decoding's value, or the runtime's error as a message for the reader. */
export type Outcome<T> = { readonly value: T } | { readonly error: string };

/** Checks what the reader typed: a–z and the apostrophe, 1 to 30 letters; the message names every other character. */
export function checkSpelling(raw: string): WordCheck {
  const result = normaliseSpelling(raw);
  return result.ok ? { ok: true, word: result.word, letters: Array.from(result.word) } : { ok: false, message: describeSpellingError(result.error) };
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

/** The encoder's output for a word, shared by greedy decoding and every beam width. */
function encoded(model: G2pModel, word: string): Promise<Outcome<EncodedWord>> {
  return memo(model, `encode:${word}`, () => model.seq2seq.encode(letterIds(model.vocab, word)));
}

async function withEncoded<T>(model: G2pModel, word: string, work: (e: EncodedWord) => Promise<T>): Promise<T> {
  const result = await encoded(model, word);
  if ('error' in result) throw new Error(result.error);
  return work(result.value);
}

/** Greedy decoding of a checked word (shared by the widgets that show it). */
export function decodeWord(model: G2pModel, word: string): Promise<Outcome<Hypothesis>> {
  return memo(model, `greedy:${word}`, () => withEncoded(model, word, (e) => greedyDecode(model.seq2seq, e)));
}

/** Beam search of a checked word with width k: every candidate, best first. */
export function beamWord(model: G2pModel, word: string, width: number): Promise<Outcome<Hypothesis[]>> {
  return memo(model, `beam${width}:${word}`, () => withEncoded(model, word, (e) => beamSearch(model.seq2seq, e, width)));
}
