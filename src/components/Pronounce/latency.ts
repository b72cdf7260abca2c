/**
 * The live latency table's measurement: each engine runs the encoder on the reader's word in turns, yielding
 * to the page between runs, and the table reports the median time per letter (per encoder step).
 */

/** One engine to time: a run of the whole encoder on the word, or the reason it cannot run here. */
export type LatencyEngine =
  | { readonly name: string; readonly run: () => unknown }
  | { readonly name: string; readonly unavailable: string };

/** One row of the table: the median per-step time in milliseconds, or why the engine is missing. */
export type LatencyRow =
  | { readonly name: string; readonly perStepMs: number; readonly runs: number }
  | { readonly name: string; readonly unavailable: string };

/** How a measurement is run. */
export interface LatencyOptions {
  /** Timed runs per engine (after one untimed warm-up run each). */
  readonly repeats: number;
  /** Letters in the word: the number of encoder steps per run. */
  readonly letters: number;
  /** A clock in milliseconds (performance.now in the page). */
  readonly now: () => number;
  /** Gives the page a turn between runs (a macrotask in the page), so no frame is blocked by more than one run. */
  readonly yieldToPage: () => Promise<void>;
  /** Called after each run with the share done, 0 to 1. */
  readonly onProgress?: (done: number) => void;
  /** Stops the measurement early; rows then hold what was measured so far. */
  readonly signal?: AbortSignal;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs every available engine `repeats` times, the engines taking turns; a run that throws marks its engine unavailable. */
export async function measureLatency(engines: readonly LatencyEngine[], options: LatencyOptions): Promise<LatencyRow[]> {
  const times = engines.map(() => [] as number[]);
  const failures = engines.map((engine) => ('unavailable' in engine ? engine.unavailable : null));
  const total = engines.length * (options.repeats + 1);
  let done = 0;
  for (let round = 0; round <= options.repeats; round++) {
    for (let e = 0; e < engines.length; e++) {
      const engine = engines[e]!;
      if (options.signal?.aborted) return rows(engines, times, failures, options.letters);
      if ('run' in engine && failures[e] === null) {
        const start = options.now();
        try {
          await engine.run();
          if (round > 0) times[e]!.push(options.now() - start);
        } catch (error) {
          failures[e] = `it failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      options.onProgress?.(++done / total);
      await options.yieldToPage();
    }
  }
  return rows(engines, times, failures, options.letters);
}

function rows(engines: readonly LatencyEngine[], times: readonly number[][], failures: readonly (string | null)[], letters: number): LatencyRow[] {
  return engines.map((engine, e) => {
    const failure = failures[e];
    if (failure !== null && failure !== undefined) return { name: engine.name, unavailable: failure };
    const measured = times[e]!;
    if (measured.length === 0) return { name: engine.name, unavailable: 'stopped before it was measured' };
    return { name: engine.name, perStepMs: median(measured) / Math.max(1, letters), runs: measured.length };
  });
}

/** A per-step time for the table: microseconds below 1 ms, else milliseconds, three significant digits. */
export function formatStepTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  return ms < 1 ? `${Number((ms * 1000).toPrecision(3))} µs` : `${Number(ms.toPrecision(3))} ms`;
}
