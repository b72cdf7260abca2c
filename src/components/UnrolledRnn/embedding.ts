/**
 * A seeded embedding lookup: every word gets a fixed vector x of D_in numbers, drawn from lib's seeded
 * generator with a seed made from the word itself and the page's seed. The same word always gets the
 * same vector (that is what a lookup table does), and no table of all words has to exist.
 */
import { createRandom } from '../../../lib/random.ts';

/** Entries are rounded to this many decimals, so the PyTorch block can carry them exactly. */
export const EMBEDDING_DECIMALS = 3;

/** FNV-1a, 32 bits, over the word's UTF-16 code units: a cheap, stable hash for seeding. */
export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Round to a number of decimals (and turn −0 into 0). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale + 0;
}

/** The word's embedding x: D_in draws from N(0, 1), seeded by the word and the page seed, rounded. */
export function embedWord(word: string, inputSize: number, seed: number): number[] {
  const random = createRandom((hashWord(word) ^ Math.imul(seed, 0x9e3779b9)) | 0);
  return Array.from({ length: inputSize }, () => roundTo(random.normal(), EMBEDDING_DECIMALS));
}
