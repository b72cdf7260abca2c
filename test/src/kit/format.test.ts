import { describe, expect, it } from 'vitest';
import { formatNumber, texNumber } from '../../../src/kit/format.ts';

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
