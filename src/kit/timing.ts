/**
 * Main-thread timing of a widget's recomputation, recorded as a User Timing measure so that a
 * browser script (scripts/measure-widgets.mjs) can read it and bench/RESULTS.md can report it.
 * Measures are named `unrolled:<widget>`; nothing is asserted about them in tests.
 */

/** The prefix of every widget measure. */
export const MEASURE_PREFIX = 'unrolled:';

/** Runs `compute` and records its main-thread time as the measure `unrolled:<widget>`; returns its result. */
export function timed<T>(widget: string, compute: () => T): T {
  const start = performance.now();
  try {
    return compute();
  } finally {
    try {
      performance.measure(`${MEASURE_PREFIX}${widget}`, { start, end: performance.now() });
    } catch {
      // A runtime without User Timing Level 3 (very old browsers): timing is optional.
    }
  }
}
