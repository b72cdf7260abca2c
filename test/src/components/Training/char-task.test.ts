/** The character task: pairs and one-hot inputs, checked by hand on "hello", and the words that give no pairs. */
import { describe, expect, it } from 'vitest';
import { charTask, oneHotInputs, showCharacter } from '../../../../src/components/Training/char-task.ts';

describe('charTask', () => {
  it('turns "hello" into T = 4 pairs over the vocabulary h, e, l, o (worked by hand)', () => {
    const result = charTask('hello');
    if (!result.ok) throw new Error(result.message);
    expect(result.task.vocabulary).toEqual(['h', 'e', 'l', 'o']);
    expect(result.task.inputIndices).toEqual([0, 1, 2, 2]); // h e l l
    expect(result.task.targetIndices).toEqual([1, 2, 2, 3]); // e l l o
    expect(Array.from(oneHotInputs(result.task))).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });
  it('says why an empty or one-character word gives nothing to learn, without throwing', () => {
    const empty = charTask('');
    const single = charTask('a');
    expect(empty.ok).toBe(false);
    expect(single.ok).toBe(false);
    if (!single.ok) expect(single.message).toContain('n − 1');
  });
  it('counts an emoji as one character, as Python iterates a str', () => {
    const result = charTask('a🙂a');
    if (!result.ok) throw new Error(result.message);
    expect(result.task.vocabulary).toEqual(['a', '🙂']);
    expect(result.task.targetIndices).toEqual([1, 0]);
  });
  it('shows space and newline visibly', () => {
    expect(showCharacter(' ')).toBe('␣');
    expect(showCharacter('\n')).toBe('↵');
    expect(showCharacter('x')).toBe('x');
  });
});
