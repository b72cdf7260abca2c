/**
 * MinMax scaling to [−1, 1], sklearn's MinMaxScaler(feature_range=(-1, 1)) for one feature:
 *
 *   x' = −1 + 2 (x − min) / (max − min)        x = min + (x' + 1) (max − min) / 2
 *
 * fitted on the training split only, so nothing about later (test) values leaks into training.
 * Test values may then fall outside [−1, 1]; that is expected and honest.
 */

/** The fitted minimum and maximum. */
export interface MinMaxScaler {
  readonly min: number;
  readonly max: number;
}

/** Fit on values (at least one, all finite); a constant series scales to 0. */
export function fitMinMax(values: readonly number[]): MinMaxScaler {
  if (values.length === 0) throw new RangeError('MinMax scaling needs at least one value to fit on');
  let min = Infinity;
  let max = -Infinity;
  for (const [i, value] of values.entries()) {
    if (!Number.isFinite(value)) throw new RangeError(`value ${i} is ${value}`);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return { min, max };
}

/** Map a value into the scaled space. */
export function scaleMinMax(scaler: MinMaxScaler, value: number): number {
  const range = scaler.max - scaler.min;
  return range === 0 ? 0 : -1 + (2 * (value - scaler.min)) / range;
}

/** Map a scaled value back to the original units. */
export function unscaleMinMax(scaler: MinMaxScaler, scaled: number): number {
  return scaler.min + ((scaled + 1) * (scaler.max - scaler.min)) / 2;
}
