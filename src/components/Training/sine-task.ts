/**
 * Next-value prediction on a sine wave, the regression example: samples s_j = sin(2π j / P),
 * inputs x_t = s_{t−1}, labels y_t = s_t, for t = 1 … T.
 */

/** Samples per period P, and the number of (input, label) pairs T. */
export const SINE = { period: 12, steps: 12 } as const;

/** The sine task: inputs and labels, one number each per step. */
export interface SineTask {
  readonly inputs: readonly number[];
  readonly targets: readonly number[];
}

/** The task's T pairs (x_t, y_t). */
export function sineTask(): SineTask {
  const samples = Array.from({ length: SINE.steps + 1 }, (_, j) => Math.sin((2 * Math.PI * j) / SINE.period));
  return { inputs: samples.slice(0, -1), targets: samples.slice(1) };
}
