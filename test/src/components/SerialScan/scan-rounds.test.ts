/**
 * The round view against lib/scan.ts: its depth and combine counts must be the scan's own, and the band
 * each F_t covers must follow the Hillis–Steele rule. The two exercises' answers are checked here too.
 */
import { describe, expect, it } from 'vitest';
import { parallelScan } from '../../../../lib/scan.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { roundState, scanDepth } from '../../../../src/components/SerialScan/scan-rounds.ts';

/** lib's scan on a 1 × 1 recurrence of length T (its cost does not depend on the numbers). */
const libCost = (T: number) => parallelScan({ A: fromData(Float64Array.of(0.5), [1, 1]), B: fromData(Float64Array.of(1), [1, 1]), x: fromData(new Float64Array(T).fill(1), [T, 1]) }).cost;

describe('roundState', () => {
  it('shows the default (T = 16, round 2): 14 combines this round, 29 so far, 4 of 16 finished, depth 4', () => {
    const state = roundState(16, 2);
    expect(state).toMatchObject({ round: 2, depth: 4, offset: 2, combines: 14, combinesSoFar: 29, finished: 4 });
    expect(state.positions[15]).toEqual({ t: 16, from: 13, combinedWith: 14, done: false });
    expect(state.positions[1]).toEqual({ t: 2, from: 1, combinedWith: null, done: true });
    expect(state.depth).toBe(libCost(16).depth);
  });
  it('after the last round every position is finished, and the combines add up to lib’s matrix products', () => {
    for (const T of [1, 2, 3, 5, 8, 16, 17, 100, 1000, 1024]) {
      const cost = libCost(T);
      expect(scanDepth(T)).toBe(cost.depth);
      const last = roundState(T, cost.depth);
      expect(last.finished).toBe(T);
      expect(last.combinesSoFar).toBe(cost.matMuls);
      if (cost.depth > 0) expect(roundState(T, cost.depth - 1).finished).toBeLessThan(T);
    }
  });
  it('round 0 is f_t alone; rounds past the depth show the end', () => {
    const start = roundState(16, 0);
    expect(start.positions.every((p) => p.from === p.t)).toBe(true);
    expect(start).toMatchObject({ offset: null, combines: 0, combinesSoFar: 0, finished: 1 });
    expect(roundState(16, 10).round).toBe(4);
    expect(roundState(16, -3).round).toBe(0);
  });
  it('exercise answers: T = 1000 needs 10 rounds; T = 8 needs 7 + 6 + 4 = 17 matrix products', () => {
    expect(libCost(1000).depth).toBe(10);
    expect(libCost(8).matMuls).toBe(17);
    expect(roundState(8, 3).combinesSoFar).toBe(17);
  });
});
