/** The word check: what the model can read, and messages that name the characters it cannot (hand-checked cases). */
import { describe, expect, it } from 'vitest';
import { checkWord, DEFAULT_ALPHABET, MAX_LETTERS } from '../../../../src/components/Pronounce/word-check.ts';

describe('checkWord', () => {
  it('accepts letters and the apostrophe, trimmed and lower-cased', () => {
    const result = checkWord('  Don\'t ', DEFAULT_ALPHABET);
    expect(result).toEqual({ ok: true, word: "don't", letters: ['d', 'o', 'n', "'", 't'] });
  });
  it('rejects an empty or blank word', () => {
    for (const raw of ['', '   ']) {
      const result = checkWord(raw, DEFAULT_ALPHABET);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('empty');
    }
  });
  it('names each character it cannot read, once, digits, symbols, emoji and spaces included', () => {
    const result = checkWord('b4 4#😀', DEFAULT_ALPHABET);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('“4”, a space, “#” and “😀”');
      expect(result.message.match(/“4”/g)).toHaveLength(1);
      expect(result.message).toContain('a–z and “\'”');
    }
  });
  it('shortens a long list of bad characters', () => {
    const result = checkWord('0123456789', DEFAULT_ALPHABET);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('and 2 more');
  });
  it(`accepts ${MAX_LETTERS} letters and refuses ${MAX_LETTERS + 1}, saying how many`, () => {
    expect(checkWord('a'.repeat(MAX_LETTERS), DEFAULT_ALPHABET).ok).toBe(true);
    const result = checkWord('a'.repeat(MAX_LETTERS + 1), DEFAULT_ALPHABET);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`${MAX_LETTERS + 1} letters`);
  });
  it('uses the alphabet it is given', () => {
    expect(checkWord("don't", new Set('dont')).ok).toBe(false);
  });
});
