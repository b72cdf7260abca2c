/**
 * Next-character prediction on one word: the inputs are the word's characters x_1 … x_T as one-hot
 * vectors, the labels are the characters that follow them, y_t = x_{t+1}. A word of n characters gives
 * T = n − 1 (input, label) pairs. Characters are Unicode code points, as Python's str iterates them.
 */

/** The task built from a word: its characters, vocabulary and per-step inputs and labels. */
export interface CharTask {
  /** The word's characters (code points). */
  readonly characters: readonly string[];
  /** The distinct characters in order of first appearance; index = class index. */
  readonly vocabulary: readonly string[];
  /** Class index of x_t for t = 1 … T. */
  readonly inputIndices: readonly number[];
  /** Class index of the label y_t = x_{t+1} for t = 1 … T. */
  readonly targetIndices: readonly number[];
}

/** A task, or why the word gives none. */
export type CharTaskResult = { readonly ok: true; readonly task: CharTask } | { readonly ok: false; readonly message: string };

/** Build the task from a word; fewer than two characters give no (input, label) pair, which is said, not thrown. */
export function charTask(word: string): CharTaskResult {
  const characters = Array.from(word);
  if (characters.length === 0) return { ok: false, message: 'Type a word: with no characters there is nothing to learn from.' };
  if (characters.length === 1) {
    return { ok: false, message: `“${word}” has one character, so there is no next character to predict: a word of n characters gives n − 1 (input, label) pairs. Type at least two.` };
  }
  const vocabulary = [...new Set(characters)];
  const index = new Map(vocabulary.map((c, i) => [c, i]));
  const indices = characters.map((c) => index.get(c)!);
  return { ok: true, task: { characters, vocabulary, inputIndices: indices.slice(0, -1), targetIndices: indices.slice(1) } };
}

/** The one-hot input sequence as lib's time-major tensor data [T, B = 1, V]. */
export function oneHotInputs(task: CharTask): Float64Array {
  const V = task.vocabulary.length;
  const data = new Float64Array(task.inputIndices.length * V);
  task.inputIndices.forEach((c, t) => (data[t * V + c] = 1));
  return data;
}

/** A character as it reads in a table: space, tab and newline made visible. */
export function showCharacter(character: string): string {
  if (character === ' ') return '␣';
  if (character === '\n') return '↵';
  if (character === '\t') return '⇥';
  return character;
}
