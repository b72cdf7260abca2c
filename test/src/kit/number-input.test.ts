import { describe, expect, it } from 'vitest';
import { clampToRange, parseNumberInput, stepByKey } from '../../../src/kit/number-input.ts';

const hidden = { min: 1, max: 512, step: 1 };
const rate = { min: 0, max: 1, step: 0.1 };

describe('parseNumberInput', () => {
  it('accepts numbers in range, with or without thousands separators', () => {
    expect(parseNumberInput('128', hidden)).toEqual({ ok: true, value: 128 });
    expect(parseNumberInput(' 64 ', hidden)).toEqual({ ok: true, value: 64 });
    expect(parseNumberInput('1e2', hidden)).toEqual({ ok: true, value: 100 });
    expect(parseNumberInput('1,000', { min: 0, max: 5000, step: 1 })).toEqual({ ok: true, value: 1000 });
    expect(parseNumberInput('0.3', rate)).toEqual({ ok: true, value: 0.3 });
  });
  it.each([
    ['', /Enter a number between 1 and 512/],
    ['   ', /Enter a number/],
    ['NaN', /not a number/],
    ['abc', /not a number/],
    ['0x10', /not a number/],
    ['12abc', /not a number/],
    ['Infinity', /not a number/],
    ['1e309', /too large/],
    ['-1e309', /too large/],
    ['0', /below the minimum, 1/],
    ['-5', /below the minimum/],
    ['513', /above the maximum, 512/],
    ['2.5', /whole number/],
  ])('rejects %j with a message', (text, message) => {
    const parsed = parseNumberInput(text, hidden);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
  it('rejects off-step decimals', () => {
    expect(parseNumberInput('0.25', rate).ok).toBe(false);
  });
});

describe('clampToRange', () => {
  it('clamps and snaps to the step grid', () => {
    expect(clampToRange(1000, hidden)).toBe(512);
    expect(clampToRange(-3, hidden)).toBe(1);
    expect(clampToRange(Number.POSITIVE_INFINITY, hidden)).toBe(512);
    expect(clampToRange(Number.NaN, hidden)).toBe(1);
    expect(clampToRange(0.1 + 0.2, rate)).toBe(0.3);
  });
});

describe('stepByKey', () => {
  it('steps like a native range input and stays in range', () => {
    expect(stepByKey(128, 'ArrowUp', hidden)).toBe(129);
    expect(stepByKey(128, 'ArrowLeft', hidden)).toBe(127);
    expect(stepByKey(512, 'ArrowUp', hidden)).toBe(512);
    expect(stepByKey(128, 'PageUp', hidden)).toBe(179);
    expect(stepByKey(5, 'PageDown', hidden)).toBe(1);
    expect(stepByKey(128, 'Home', hidden)).toBe(1);
    expect(stepByKey(128, 'End', hidden)).toBe(512);
    expect(stepByKey(128, 'a', hidden)).toBeUndefined();
    expect(stepByKey(0.2, 'ArrowUp', rate)).toBe(0.3);
  });
});
