/** Timing helpers for the benchmark: warm-up runs, then the median of several timed repeats. */

/** How many untimed warm-up runs and timed repeats to do. */
export interface TimingPlan {
  /** Untimed runs first, so the JIT (or wasm tier-up) has settled. */
  readonly warmup: number;
  /** Timed runs; the median is reported. */
  readonly repeats: number;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median milliseconds of one run: wall clock, and this process's CPU time (user + system). */
export interface Timing {
  /** Wall-clock ms: what a reader waits. */
  readonly ms: number;
  /** CPU ms of this process: less inflated than wall time when other processes share the cores. */
  readonly cpuMs: number;
}

/** Median wall-clock and CPU milliseconds of `run` (awaited, so async work counts) after the warm-up runs. */
export async function medianMs(run: () => unknown, plan: TimingPlan): Promise<Timing> {
  for (let i = 0; i < plan.warmup; i++) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < plan.repeats; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}
