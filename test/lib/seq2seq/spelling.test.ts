// Typed words → spellings the model can read, and honest errors for the rest.
import { describe, expect, it } from 'vitest';
import { describeSpellingError, MAX_LETTERS, normaliseSpelling } from '../../../lib/seq2seq/spelling.ts';

describe('normaliseSpelling', () => {
  it('lower-cases, trims and reads typographic apostrophes', () => {
    expect(normaliseSpelling('  Hello ')).toEqual({ ok: true, word: 'hello' });
    expect(normaliseSpelling('Don’t')).toEqual({ ok: true, word: "don't" });
  });

  it('reports empty input', () => {
    expect(normaliseSpelling('')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(normaliseSpelling('   ')).toEqual({ ok: false, error: { kind: 'empty' } });
  });

  it('reports each unspellable character with its position in characters', () => {
    expect(normaliseSpelling('a1 b')).toEqual({
      ok: false,
      error: { kind: 'unspellable', characters: [{ character: '1', index: 1 }, { character: ' ', index: 2 }] },
    });
    expect(normaliseSpelling('naïve')).toMatchObject({ error: { characters: [{ character: 'ï', index: 2 }] } });
    expect(normaliseSpelling('a😀b')).toMatchObject({ error: { characters: [{ character: '😀', index: 1 }] } });
  });

  it(`accepts ${MAX_LETTERS} letters and refuses more`, () => {
    expect(normaliseSpelling('a'.repeat(MAX_LETTERS))).toMatchObject({ ok: true });
    expect(normaliseSpelling('a'.repeat(MAX_LETTERS + 1))).toEqual({
      ok: false,
      error: { kind: 'too-long', letters: MAX_LETTERS + 1, max: MAX_LETTERS },
    });
  });

  it('describes every error in words, with positions counted from 1', () => {
    const messages = ['', 'a'.repeat(40), 'x-y', 'a1b2c3d4e5f6g7'].map((typed) => {
      const result = normaliseSpelling(typed);
      if (result.ok) throw new Error(`${typed} should not spell`);
      return describeSpellingError(result.error);
    });
    expect(messages[1]).toBe(`That is 40 letters; the model takes at most ${MAX_LETTERS}.`);
    expect(messages[2]).toContain('“-” at 2');
    expect(messages[3]).toContain('and 2 more');
    for (const message of messages) expect(message).not.toMatch(/NaN|undefined/);
  });
});
