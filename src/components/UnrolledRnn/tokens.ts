/**
 * The sentence the reader types, turned into the words the RNN reads: lower-cased runs of letters and
 * digits (an apostrophe may join two runs, as in "don't"); punctuation, spaces and emoji separate words.
 * Anything the reader types gives a result: no words, too many words and overlong text become messages.
 */

/** The most words the widgets read; longer text is cut here, with a message. */
export const MAX_TOKENS = 40;

/** The most characters of text read at all (the rest is ignored), so a pasted book cannot stall the page; the page's maxLength for `sentence`. */
export const MAX_CHARACTERS = 6000;

/** The sentence the chapter starts with: "the" comes twice, so two steps read the same x but hold different h. */
export const DEFAULT_SENTENCE = 'the cat sat on the mat';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The words of a text and what the reader should be told about it. */
export interface Tokenized {
  /** The words read, at most MAX_TOKENS, lower-cased. */
  readonly tokens: readonly string[];
  /** How many words the text holds in all (before the cut). */
  readonly totalWords: number;
  /** Whether words were left out (too many words or too much text). */
  readonly truncated: boolean;
  /** Why nothing can be shown ('empty', 'no-words'), or null when there is at least one word. */
  readonly problem: 'empty' | 'no-words' | null;
  /** A sentence for the reader about the cut or the problem, or null when all is well. */
  readonly message: string | null;
}

/** Split text into the words the RNN reads, with a message for empty, wordless or overlong input. */
export function tokenize(text: string, maxTokens = MAX_TOKENS): Tokenized {
  const clipped = text.length > MAX_CHARACTERS;
  const read = clipped ? text.slice(0, MAX_CHARACTERS) : text;
  const words = (read.match(WORD) ?? []).map((word) => word.toLowerCase().replace('’', "'"));
  if (read.trim().length === 0) {
    return { tokens: [], totalWords: 0, truncated: false, problem: 'empty', message: 'Type a sentence: the network needs at least one word to read.' };
  }
  if (words.length === 0) {
    return {
      tokens: [], totalWords: 0, truncated: false, problem: 'no-words',
      message: 'No words found: only letters and digits make words here, so punctuation and emoji are skipped. Type at least one word.',
    };
  }
  const truncated = clipped || words.length > maxTokens;
  const tokens = words.slice(0, maxTokens);
  let message: string | null = null;
  if (truncated) {
    const counted = clipped ? `more than ${words.length.toLocaleString('en-US')} words` : `${words.length.toLocaleString('en-US')} words`;
    message = `Your text has ${counted}; the widgets read the first ${tokens.length}.`;
  }
  return { tokens, totalWords: words.length, truncated, problem: null, message };
}

/** The distinct words in order of first appearance: the vocabulary of the embedding table. */
export function vocabulary(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}
