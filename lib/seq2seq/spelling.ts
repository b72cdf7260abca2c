/**
 * Turning what a reader typed into a spelling the G2P model can read: lower-case letters a–z
 * and the apostrophe, at most MAX_LETTERS of them. Anything else comes back as a value that
 * says what is wrong and where, never as an exception.
 */

/** The longest spelling the model is asked to pronounce, in letters. */
export const MAX_LETTERS = 30;

/** One character that cannot be spelled, with its position (in characters) in the typed text. */
export interface UnspellableCharacter {
  readonly character: string;
  readonly index: number;
}

/** Why a typed word cannot be pronounced. */
export type SpellingError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly letters: number; readonly max: number }
  | { readonly kind: 'unspellable'; readonly characters: readonly UnspellableCharacter[] };

/** The outcome of normalising a typed word: the spelling, or the reason there is none. */
export type SpellingResult =
  | { readonly ok: true; readonly word: string }
  | { readonly ok: false; readonly error: SpellingError };

const SPELLABLE = /^[a-z']$/;
const APOSTROPHES = /[\u2019\u2018\u02bc`]/g;

/**
 * Normalise a typed word: trim surrounding white space, lower-case, read typographic
 * apostrophes as "'", then accept only a–z and "'". Positions count characters (code points)
 * of the trimmed text.
 */
export function normaliseSpelling(typed: string): SpellingResult {
  const characters = Array.from(typed.trim().toLowerCase().replace(APOSTROPHES, "'"));
  if (characters.length === 0) return { ok: false, error: { kind: 'empty' } };
  const unspellable = characters
    .map((character, index) => ({ character, index }))
    .filter(({ character }) => !SPELLABLE.test(character));
  if (unspellable.length > 0) {
    return { ok: false, error: { kind: 'unspellable', characters: unspellable } };
  }
  if (characters.length > MAX_LETTERS) {
    return { ok: false, error: { kind: 'too-long', letters: characters.length, max: MAX_LETTERS } };
  }
  return { ok: true, word: characters.join('') };
}

/** A one-sentence message for a spelling error, fit to show beside the input. */
export function describeSpellingError(error: SpellingError): string {
  switch (error.kind) {
    case 'empty':
      return 'Type a word to hear how the model would say it.';
    case 'too-long':
      return `That is ${error.letters} letters; the model takes at most ${error.max}.`;
    case 'unspellable': {
      const listed = error.characters
        .slice(0, 5)
        .map(({ character, index }) => `“${character === ' ' ? 'space' : character}” at ${index + 1}`)
        .join(', ');
      const more = error.characters.length > 5 ? ` and ${error.characters.length - 5} more` : '';
      return `Only letters a–z and the apostrophe can be spelled: ${listed}${more}.`;
    }
  }
}
