/** A non-linear slider: the range input moves over positions, and the page variable gets the mapped value. */

/** Positions min…max (integers, step 1 unless given) and the two mappings between a position and the value. */
export interface SliderScale {
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** The value at a slider position. */
  readonly toValue: (position: number) => number;
  /** The slider position closest to a value. */
  readonly toPosition: (value: number) => number;
  /** How a screen reader hears the value (default: the formatted number). */
  readonly valueText?: (value: number) => string;
}
