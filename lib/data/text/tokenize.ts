/**
 * Tokenizing: text → a list of lower-case word tokens. A token is a run of letters or digits, with
 * inner apostrophes kept ("don't" stays one token). Everything else (spaces, punctuation, symbols)
 * only separates tokens. This is the simple word tokenizer the text chapter uses for every widget.
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The lower-case word tokens of a text, in order ("The cat's hat!" → ["the", "cat's", "hat"]). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) tokens.push(match[0].replace('’', "'"));
  return tokens;
}
