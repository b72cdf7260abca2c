/** Text page variables: cleaning, validity, the URL round trip, and what garbage in the URL becomes. */
import { describe, expect, it } from 'vitest';
import { decodeValue, readUrlState, writeUrlState } from '../../../src/kit/url-state.ts';
import { cleanText, isValidValue, numericNames, numericScope, textLength, type TextVariableSpec, type VariableSpecs } from '../../../src/kit/variables.ts';

const sentence: TextVariableSpec = { type: 'text', label: 'Your sentence', tex: 's', default: 'the cat sat on the mat', maxLength: 20 };
const specs: VariableSpecs = {
  H: { type: 'number', label: 'Hidden size', tex: 'D_h', default: 128, min: 1, max: 512, step: 1 },
  sentence,
};

describe('cleanText', () => {
  it('keeps ordinary text, tabs, newlines and emoji as they are', () => {
    expect(cleanText('a\tb\nc 🐈 ü', 20)).toEqual({ text: 'a\tb\nc 🐈 ü', cut: false });
  });
  it('turns CRLF and CR into LF and drops control characters, lone surrogates and bidi overrides', () => {
    expect(cleanText('a\r\nb\rc', 20).text).toBe('a\nb\nc');
    expect(cleanText('x\u0000y\u0007z\u001b[31m\u007f\u0085', 20).text).toBe('xyz[31m');
    expect(cleanText('a\uD800b\uDC00c', 20).text).toBe('abc');
    expect(cleanText('safe\u202Egnp.exe', 20).text).toBe('safegnp.exe');
  });
  it('cuts at maxLength code points, never inside an emoji', () => {
    expect(cleanText('abcdef', 3)).toEqual({ text: 'abc', cut: true });
    expect(cleanText('🐈🐈🐈', 2)).toEqual({ text: '🐈🐈', cut: true });
    expect(cleanText('abc', 3)).toEqual({ text: 'abc', cut: false });
    expect(textLength('🐈a')).toBe(2);
  });
});

describe('text variables', () => {
  it('holds clean strings up to maxLength, nothing else', () => {
    expect(isValidValue(sentence, '')).toBe(true);
    expect(isValidValue(sentence, 'x'.repeat(20))).toBe(true);
    expect(isValidValue(sentence, 'x'.repeat(21))).toBe(false);
    expect(isValidValue(sentence, 'a\u0000b')).toBe(false);
    expect(isValidValue(sentence, 42)).toBe(false);
  });
  it('stays out of formulas', () => {
    expect(numericNames(specs)).toEqual(['H']);
    expect([...numericScope(specs, { H: 64, sentence: 'hello' })]).toEqual([['H', 64]]);
  });
});

describe('text variables in the URL', () => {
  it('writes a non-default text URL-encoded and reads it back exactly', () => {
    const params = new URLSearchParams('other=keep');
    writeUrlState(params, specs, { H: 128, sentence: 'a & b = "c"?#%+' });
    expect(params.toString()).toBe('other=keep&sentence=a+%26+b+%3D+%22c%22%3F%23%25%2B');
    expect(readUrlState(specs, `?${params}`)).toEqual({ sentence: 'a & b = "c"?#%+' });
  });
  it('writes the empty text, which differs from the default, and reads it back', () => {
    const params = new URLSearchParams();
    writeUrlState(params, specs, { sentence: '' });
    expect(params.toString()).toBe('sentence=');
    expect(readUrlState(specs, params)).toEqual({ sentence: '' });
  });
  it('removes the parameter when the text is back to the default', () => {
    const params = new URLSearchParams('sentence=dog');
    writeUrlState(params, specs, { sentence: 'the cat sat on the mat' });
    expect(params.toString()).toBe('');
  });
  it('keeps newlines and unicode through the round trip', () => {
    const params = new URLSearchParams();
    writeUrlState(params, specs, { sentence: 'zwei\nZeilen 🐈' });
    expect(readUrlState(specs, params.toString())).toEqual({ sentence: 'zwei\nZeilen 🐈' });
  });
  it.each([
    ['an over-long text is cut', `sentence=${'a'.repeat(100_000)}`, 'a'.repeat(20)],
    ['control characters are dropped', 'sentence=a%00b%07c%1Bd%7F', 'abcd'],
    ['CRLF becomes LF', 'sentence=a%0D%0Ab', 'a\nb'],
    ['broken UTF-8 becomes replacement characters', 'sentence=%ED%A0%80ok', '\uFFFD\uFFFD\uFFFDok'],
    ['a broken percent-escape stays as text', 'sentence=%E0%A4%A', '\uFFFD%A'],
    ['markup is only text', 'sentence=%3Cscript%3Ealert(1)%3C/script%3E', '<script>alert(1)</sc'],
    ['template braces are only text', 'sentence={{H}}`${x}`', '{{H}}`${x}`'],
  ])('%s', (_name, search, expected) => {
    const read = readUrlState(specs, search);
    expect(read.sentence).toBe(expected);
    expect(isValidValue(sentence, read.sentence)).toBe(true);
  });
  it('drops a lone surrogate handed in directly', () => {
    expect(decodeValue(sentence, '\uD800ok')).toBe('ok');
  });
  it('cuts a long emoji text at a code point, even when the cap falls inside a pair', () => {
    const value = decodeValue(sentence, '🐈'.repeat(1000));
    expect(value).toBe('🐈'.repeat(20));
  });
  it('never throws and never pollutes prototypes', () => {
    for (const search of ['%%%', '&&&===', 'sentence', '__proto__=x', 'sentence=%', `sentence=${'%FF'.repeat(5000)}`]) {
      const read = readUrlState(specs, search);
      expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
      if (read.sentence !== undefined) expect(isValidValue(sentence, read.sentence)).toBe(true);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
