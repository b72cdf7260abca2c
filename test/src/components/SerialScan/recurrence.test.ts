/**
 * The chapter's example recurrence: A = ρ·Q from lib's orthogonal init (so AᵀA = ρ²I and every eigenvalue
 * has magnitude ρ), seeded draws, and the overflow detection the widgets' messages rely on.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, earliestStep, exampleRecurrence, firstOverflowStep, INPUT_SIZE, overflowMessage, settingsFromNumbers,
} from '../../../../src/components/SerialScan/recurrence.ts';

describe('exampleRecurrence', () => {
  it('builds A = ρQ with AᵀA = ρ²I, so every eigenvalue of A has magnitude ρ', () => {
    for (const [H, rho] of [[1, 0.9], [4, 0.9], [8, 2.5]] as const) {
      const { A } = exampleRecurrence({ ...DEFAULT_SETTINGS, hiddenSize: H, spectralRadius: rho });
      expect(A.shape).toEqual([H, H]);
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < H; j++) {
          let dot = 0;
          for (let k = 0; k < H; k++) dot += A.data[k * H + i]! * A.data[k * H + j]!;
          expect(dot).toBeCloseTo(i === j ? rho * rho : 0, 12);
        }
      }
    }
  });
  it('has the shapes B [H, D] and x [T, D], and the same seed gives the same numbers', () => {
    const a = exampleRecurrence(DEFAULT_SETTINGS);
    const b = exampleRecurrence(DEFAULT_SETTINGS);
    expect(a.B.shape).toEqual([4, INPUT_SIZE]);
    expect(a.x.shape).toEqual([16, INPUT_SIZE]);
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    expect(Array.from(exampleRecurrence({ ...DEFAULT_SETTINGS, seed: 2 }).x.data)).not.toEqual(Array.from(a.x.data));
  });
  it('a longer T only appends inputs, and the input scale multiplies them', () => {
    const short = exampleRecurrence(DEFAULT_SETTINGS);
    const long = exampleRecurrence({ ...DEFAULT_SETTINGS, sequenceLength: 40 });
    expect(Array.from(long.x.data.subarray(0, short.x.data.length))).toEqual(Array.from(short.x.data));
    const doubled = exampleRecurrence({ ...DEFAULT_SETTINGS, inputScale: 2 * DEFAULT_SETTINGS.inputScale });
    doubled.x.data.forEach((value, i) => expect(value).toBeCloseTo(2 * short.x.data[i]!, 15));
  });
});

describe('settings and overflow', () => {
  it('reads the page variables T, H, rho, scale, seed, with the defaults for missing ones', () => {
    expect(settingsFromNumbers(new Map())).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromNumbers(new Map([['T', 5], ['H', 2], ['rho', 1.5], ['scale', 3], ['seed', 7]]))).toEqual({
      sequenceLength: 5, hiddenSize: 2, spectralRadius: 1.5, inputScale: 3, seed: 7,
    });
  });
  it('finds the first step with an entry above 1e308 or not finite (1-based)', () => {
    expect(firstOverflowStep([1, 2, 3, 4], 2)).toBeNull();
    expect(firstOverflowStep([1, 2, 3, 2e308 / 2 + 1e308], 2)).toBe(2);
    expect(firstOverflowStep([1, Infinity, 3, 4], 2)).toBe(1);
    expect(firstOverflowStep([1, 2, Number.NaN, 4], 2)).toBe(2);
    expect(earliestStep(null, null)).toBeNull();
    expect(earliestStep(5, null)).toBe(5);
    expect(earliestStep(5, 3)).toBe(3);
    expect(overflowMessage(646, 3)).toMatch(/^Values exceeded 1e308 at step 646/);
  });
});

describe('the page', () => {
  it('declares the same defaults as DEFAULT_SETTINGS (content/docs/serial-vs-parallel.mdx)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../../content/docs/serial-vs-parallel.mdx', import.meta.url), 'utf8');
    const defaultOf = (name: string) => Number(new RegExp(`^  ${name}: \\{[^\\n]*default: ([0-9.]+)`, 'm').exec(source)?.[1]);
    expect(settingsFromNumbers(new Map(['T', 'H', 'rho', 'scale', 'seed'].map((name) => [name, defaultOf(name)])))).toEqual(DEFAULT_SETTINGS);
  });
});
