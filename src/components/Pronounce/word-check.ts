/** Checking the reader's word against the letters the model knows, with a message that names what is wrong. */

/** The longest word the chapter sends to the model. */
export const MAX_LETTERS = 30;

/** A word the model can read, or the reason it cannot. */
export type WordCheck =
  | { readonly ok: true; readonly word: string; readonly letters: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** How a character is shown in a message: quoted, and named when it would be invisible. */
function shown(character: string): string {
  if (/^\s$/u.test(character)) return character === ' ' ? 'a space' : `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `“${character}”`;
}

/** A list in prose: “a”, “b” and “c”. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Checks a word: trimmed and lower-cased, it must be non-empty, at most MAX_LETTERS long, and use only
 * `alphabet` (the model's letters). The message names every character the model cannot read, once each.
 */
export function checkWord(raw: string, alphabet: ReadonlySet<string>): WordCheck {
  const word = raw.trim().toLowerCase();
  const letters = Array.from(word);
  if (letters.length === 0) return { ok: false, message: 'Type a word: the box is empty.' };
  const unknown = [...new Set(letters.filter((letter) => !alphabet.has(letter)))];
  if (unknown.length > 0) {
    const known = [...alphabet].filter((letter) => letter.length === 1).sort();
    const extra = known.filter((letter) => !/^[a-z]$/.test(letter));
    const described = `the letters a–z${extra.length ? ` and ${listed(extra.map(shown))}` : ''}`;
    const more = unknown.length > 8 ? ` and ${unknown.length - 8} more` : '';
    const named = listed(unknown.slice(0, 8).map(shown)) + more;
    return { ok: false, message: `The model cannot read ${named}: it was trained on ${described} only. Spell numbers out as words (“four”).` };
  }
  if (letters.length > MAX_LETTERS) {
    return { ok: false, message: `That is ${letters.length} letters; the model reads words of at most ${MAX_LETTERS} (the longest in its dictionary).` };
  }
  return { ok: true, word, letters };
}

/** The alphabet before the model's vocabulary has loaded: a–z and the apostrophe. */
export const DEFAULT_ALPHABET: ReadonlySet<string> = new Set([...'abcdefghijklmnopqrstuvwxyz', "'"]);
