/**
 * A logarithmic slider for the spectral radius: positions 0…200 map to ρ = 10^((position − 100)/100), so each
 * arrow key multiplies ρ by about 1.023 and 0.1 → 1 takes as many steps as 1 → 10. ρ is kept to three decimals,
 * fine enough that every position gives a different ρ and reading it back gives the same position.
 */

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
