/** Tokenising the reader's sentence: the words read, and a message for every kind of bad input. Reference values are by hand. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENTENCE, MAX_CHARACTERS, MAX_TOKENS, tokenize, vocabulary } from '../../../../src/components/UnrolledRnn/tokens.ts';

describe('tokenize', () => {
  it('splits the default sentence into six lower-case words, with no message', () => {
    const result = tokenize(DEFAULT_SENTENCE);
    expect(result.tokens).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
    expect(result.problem).toBeNull();
    expect(result.message).toBeNull();
  });
  it('drops punctuation and emoji, keeps apostrophes inside words and letters of any script', () => {
    expect(tokenize('Don’t stop!! 🙂 Ça va? 東京 42').tokens).toEqual(["don't", 'stop', 'ça', 'va', '東京', '42']);
  });
  it('reports empty and whitespace-only text', () => {
    for (const text of ['', '   ', '\n\t']) {
      const result = tokenize(text);
      expect(result.tokens).toEqual([]);
      expect(result.problem).toBe('empty');
      expect(result.message).toMatch(/Type a sentence/);
    }
  });
  it('reports text with no words (punctuation only, emoji only)', () => {
    for (const text of ['?!...;', '🙂🙃🎉', '— – …']) {
      const result = tokenize(text);
      expect(result.tokens).toEqual([]);
      expect(result.problem).toBe('no-words');
      expect(result.message).toMatch(/No words found/);
    }
  });
  it('cuts 1,000 words to the first MAX_TOKENS, saying so', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const result = tokenize(text);
    expect(result.tokens).toHaveLength(MAX_TOKENS);
    expect(result.tokens[0]).toBe('w0');
    expect(result.totalWords).toBe(1000);
    expect(result.truncated).toBe(true);
    expect(result.problem).toBeNull();
    expect(result.message).toBe('Your text has 1,000 words; the widgets read the first 40.');
  });
  it('reads at most MAX_CHARACTERS characters of a huge text', () => {
    const result = tokenize('a '.repeat(MAX_CHARACTERS));
    expect(result.truncated).toBe(true);
    expect(result.totalWords).toBe(MAX_CHARACTERS / 2);
    expect(result.message).toMatch(/more than 3,000 words/);
  });
  it('takes exactly MAX_TOKENS words without a message', () => {
    expect(tokenize('x '.repeat(MAX_TOKENS)).message).toBeNull();
  });
});

describe('vocabulary', () => {
  it('lists each distinct word once, in order of first appearance', () => {
    expect(vocabulary(['the', 'cat', 'sat', 'on', 'the', 'mat'])).toEqual(['the', 'cat', 'sat', 'on', 'mat']);
  });
});
