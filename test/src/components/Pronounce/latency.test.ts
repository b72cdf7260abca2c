/** The latency measurement with a fake clock: medians per step, turns, unavailable and failing engines, stopping. */
import { describe, expect, it } from 'vitest';
import { formatStepTime, measureLatency, median, type LatencyEngine } from '../../../../src/components/Pronounce/latency.ts';

function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('measureLatency', () => {
  it('reports the median per letter, skips the warm-up run, and lets engines take turns', async () => {
    const clock = fakeClock();
    const order: string[] = [];
    const costs = { a: [100, 10, 30, 20], b: [50, 6, 6, 9] };
    const engine = (name: 'a' | 'b'): LatencyEngine => {
      let call = 0;
      return { name, run: () => (order.push(name), clock.advance(costs[name][call++]!)) };
    };
    let yields = 0;
    const rows = await measureLatency([engine('a'), engine('b'), { name: 'gpu', unavailable: 'no navigator.gpu' }], {
      repeats: 3, letters: 5, now: clock.now, yieldToPage: async () => void yields++,
    });
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(rows[0]).toEqual({ name: 'a', perStepMs: 20 / 5, runs: 3 });
    expect(rows[1]).toEqual({ name: 'b', perStepMs: 6 / 5, runs: 3 });
    expect(rows[2]).toEqual({ name: 'gpu', unavailable: 'no navigator.gpu' });
    expect(yields).toBe(12);
  });
  it('marks an engine that throws as unavailable with its message, and keeps measuring the others', async () => {
    const clock = fakeClock();
    const rows = await measureLatency(
      [{ name: 'bad', run: () => { throw new Error('device lost'); } }, { name: 'good', run: () => clock.advance(2) }],
      { repeats: 2, letters: 1, now: clock.now, yieldToPage: async () => {} },
    );
    expect(rows[0]).toEqual({ name: 'bad', unavailable: 'it failed: device lost' });
    expect(rows[1]).toEqual({ name: 'good', perStepMs: 2, runs: 2 });
  });
  it('stops when aborted and says what was not measured', async () => {
    const controller = new AbortController();
    const rows = await measureLatency([{ name: 'a', run: () => controller.abort() }], {
      repeats: 5, letters: 3, now: () => 0, yieldToPage: async () => {}, signal: controller.signal,
    });
    expect(rows[0]).toEqual({ name: 'a', unavailable: 'stopped before it was measured' });
  });
});

describe('median and formatStepTime', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('shows µs below a millisecond and never NaN', () => {
    expect(formatStepTime(0.01234)).toBe('12.3 µs');
    expect(formatStepTime(2.5)).toBe('2.5 ms');
    expect(formatStepTime(Number.NaN)).toBe('—');
  });
});
