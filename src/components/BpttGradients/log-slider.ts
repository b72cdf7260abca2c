/**
 * A logarithmic slider for the spectral radius: positions 0…200 map to ρ = 10^((position − 100)/100), so each
 * arrow key multiplies ρ by about 1.023 and 0.1 → 1 takes as many steps as 1 → 10. ρ is kept to three decimals,
 * fine enough that every position gives a different ρ and reading it back gives the same position.
 */

import type { SliderScale } from '../../kit/slider-scale.ts';
import { formatNumber } from '../../kit/format.ts';

/** The slider's last position (ρ = 10). */
export const LOG_POSITIONS = 200;

/** ρ for a slider position, rounded to three decimals. */
export function rhoAt(position: number): number {
  const clamped = Math.min(LOG_POSITIONS, Math.max(0, Math.round(position)));
  return Math.round(10 ** ((clamped - LOG_POSITIONS / 2) / 100) * 1000) / 1000;
}

/** The slider position closest to ρ. */
export function positionOf(rho: number): number {
  if (!(rho > 0)) return LOG_POSITIONS / 2;
  return Math.min(LOG_POSITIONS, Math.max(0, Math.round(100 * Math.log10(rho) + LOG_POSITIONS / 2)));
}

/** The kit Slider's scale for ρ: log positions, read out as "ρ = 0.9". */
export const RHO_SCALE: SliderScale = { min: 0, max: LOG_POSITIONS, toValue: rhoAt, toPosition: positionOf, valueText: (rho) => `ρ = ${formatNumber(rho)}` };
