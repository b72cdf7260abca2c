/**
 * Sliding windows over a series for next-step prediction: window i holds x_i … x_{i+L−1} and its
 * target is x_{i+L}, the value right after it. A series of n values gives n − L windows.
 */

/** One window: where it starts, its L values and the value after it. */
export interface SeriesWindow {
  /** Index of the window's first value in the series. */
  readonly start: number;
  readonly values: readonly number[];
  readonly target: number;
  /** Index of the target in the series, start + L. */
  readonly targetIndex: number;
}

/** Every window of length L with its next-step target (none when the series is too short). */
export function slidingWindows(series: readonly number[], length: number): SeriesWindow[] {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`window length must be a whole number ≥ 1, got ${length}`);
  const windows: SeriesWindow[] = [];
  for (let start = 0; start + length < series.length; start++) {
    windows.push({ start, values: series.slice(start, start + length), target: series[start + length]!, targetIndex: start + length });
  }
  return windows;
}
