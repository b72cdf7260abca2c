/**
 * Widget 1 against lib/scan.ts: every number the widget shows in its default state (T = 16, H = 4,
 * ρ = 0.9, s = 0.02, seed 1) is recomputed here straight from sequentialScan and parallelScan.
 * Hand check of the default costs: the loop does 16 mat-vecs, 16·(2·4² + 4) = 576 flops; the scan does
 * Σ (16 − d) for d = 1, 2, 4, 8 = 15 + 14 + 12 + 8 = 49 combines, 49·(2·4³ + 2·4² + 4) = 8,036 flops.
 */
import { describe, expect, it } from 'vitest';
import { parallelScan, sequentialScan } from '../../../../lib/scan.ts';
import { formatNumber } from '../../../../src/kit/format.ts';
import { DEFAULT_SETTINGS, exampleRecurrence } from '../../../../src/components/SerialScan/recurrence.ts';
import { compareScan, depthSampleLengths, depthSeries } from '../../../../src/components/SerialScan/scan-compare.ts';

describe('compareScan, default state', () => {
  const comparison = compareScan(DEFAULT_SETTINGS);
  const problem = exampleRecurrence(DEFAULT_SETTINGS);
  const loop = sequentialScan(problem);
  const scan = parallelScan(problem);

  it('shows lib/scan.ts costs: loop depth 16, scan depth 4 with 49 matrix products', () => {
    expect(comparison.sequential).toEqual(loop.cost);
    expect(comparison.scan).toEqual(scan.cost);
    expect(comparison.sequential).toEqual({ depth: 16, matMuls: 0, matVecs: 16, flops: 576 });
    expect(comparison.scan).toEqual({ depth: 4, matMuls: 49, matVecs: 49, flops: 8036 });
    expect(comparison.flopsRatio).toBe(14); // 8036 / 576 = 13.95…
  });
  it('shows the largest difference and the largest state, from lib', () => {
    let difference = 0, largest = 0;
    loop.states.forEach((value, i) => {
      difference = Math.max(difference, Math.abs(value - scan.states[i]!));
      largest = Math.max(largest, Math.abs(value));
    });
    expect(comparison.maxDifference).toBe(difference);
    expect(comparison.largestState).toBe(largest);
    expect(comparison.maxDifference!).toBeLessThan(1e-15);
    expect(comparison.overflowStep).toBeNull();
    expect(comparison.comparedSteps).toBe(16);
    // The string the e2e spec expects on the page. The difference itself is rounding noise, and its last
    // digits depend on the JavaScript engine (Node's and Chromium's Math.log/sin/cos differ by an ulp on
    // a few of the seeded inputs), so only its size is checked: under 1e−15, absolute and relative.
    expect(formatNumber(comparison.largestState!)).toBe('0.131519');
    expect(comparison.maxDifference! / comparison.largestState!).toBeLessThan(1e-15);
  });
});

describe('compareScan, extremes', () => {
  it('stops comparing at the first step past 1e308 (ρ = 3, T = 1024) and shows no NaN', () => {
    const settings = { ...DEFAULT_SETTINGS, sequenceLength: 1024, hiddenSize: 8, spectralRadius: 3 };
    const comparison = compareScan(settings);
    const loop = sequentialScan(exampleRecurrence(settings)).states;
    const firstBad = loop.findIndex((v) => !Number.isFinite(v) || Math.abs(v) > 1e308);
    expect(firstBad).toBeGreaterThan(0);
    expect(comparison.overflowStep).toBeLessThanOrEqual(Math.floor(firstBad / 8) + 1);
    expect(comparison.overflowStep).toBeGreaterThan(600);
    expect(comparison.comparedSteps).toBe(comparison.overflowStep! - 1);
    expect(Number.isFinite(comparison.maxDifference!)).toBe(true);
    expect(comparison.maxDifference! / comparison.largestState!).toBeLessThan(1e-12);
  });
  it('T = 1: depth 1 against 0, nothing to combine, no difference', () => {
    const comparison = compareScan({ ...DEFAULT_SETTINGS, sequenceLength: 1 });
    expect(comparison.sequential.depth).toBe(1);
    expect(comparison.scan).toEqual({ depth: 0, matMuls: 0, matVecs: 0, flops: 0 });
    expect(comparison.maxDifference).toBe(0);
  });
});

describe('depthSeries', () => {
  it('samples every T to 64, each power of two and the T after it, up to the maximum', () => {
    const lengths = depthSampleLengths(1024);
    for (const T of [1, 2, 63, 64, 65, 128, 129, 512, 513, 1024]) expect(lengths).toContain(T);
    expect(Math.max(...lengths)).toBe(1024);
  });
  it('plots T rounds for the loop and ⌈log₂ T⌉ for the scan, as lib counts them', () => {
    const [loopSeries, scanSeries] = depthSeries(1024);
    for (const [T, depth] of loopSeries!.points) expect(depth).toBe(T);
    for (const [T, depth] of scanSeries!.points) expect(depth).toBe(Math.ceil(Math.log2(T)));
    expect(scanSeries!.points.find(([T]) => T === 1024)![1]).toBe(10);
  });
});
