import { describe, expect, it } from 'vitest';
import { formatLogTick, formatNumber, formatTick, texNumber } from '../../../src/kit/format.ts';

describe('formatNumber / texNumber', () => {
  it('adds thousands separators and hides float noise', () => {
    expect(formatNumber(29312)).toBe('29,312');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-1500)).toBe('−1,500');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(2e20)).toBe('2.000e+20');
  });
  it('writes TeX that KaTeX spaces correctly', () => {
    expect(texNumber(128000)).toBe('128{,}000');
    expect(texNumber(-3)).toBe('-3');
    expect(texNumber(2e20)).toBe('2.000\\times 10^{20}');
  });
});

describe('formatTick / formatLogTick (axis labels)', () => {
  it('never uses SI prefixes: 0.6 reads 0.6, not 600m', () => {
    expect(formatTick(0.6)).toBe('0.6');
    expect(formatTick(600)).toBe('600');
    expect(formatTick(12000)).toBe('12,000');
    expect(formatTick(-0.25)).toBe('−0.25');
    expect(formatTick(0)).toBe('0');
  });
  it('writes very large and very small ticks as powers of ten', () => {
    expect(formatTick(1e-100)).toBe('1e−100');
    expect(formatTick(2.5e6)).toBe('2.5e6');
    expect(formatTick(0.0001)).toBe('1e−4');
    expect(formatTick(0.001)).toBe('0.001');
  });
  it('removes floating-point noise from tick values', () => {
    expect(formatTick(0.1 + 0.2)).toBe('0.3');
  });
  it('labels 1, 2 and 5 times a power of ten on log axes, and leaves the rest blank', () => {
    expect([1e-5, 2e-5, 3e-5, 5e-5, 1e-4].map(formatLogTick)).toEqual(['1e−5', '2e−5', '', '5e−5', '1e−4']);
    expect([1, 2, 4, 5, 10, 20, 70].map(formatLogTick)).toEqual(['1', '2', '', '5', '10', '20', '']);
    expect(formatLogTick(0)).toBe('');
  });
});
