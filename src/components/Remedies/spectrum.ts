/**
 * Two facts about a square matrix that lib does not compute, built here for the initialisation widget:
 *
 *   singular values σ_1 ≥ … ≥ σ_H   by one-sided Jacobi (Hestenes 1958): rotate pairs of columns until all are
 *                                    orthogonal; the column lengths are then the singular values.
 *   spectral radius ρ = max |λ_i|   by Gelfand's formula ρ = lim ‖A^k‖^{1/k}, with k = 2^16 reached by
 *                                    repeated squaring (each power rescaled to norm 1, the scale kept as a log).
 */

/** Singular values of a row-major H × H matrix, largest first. */
export function singularValues(matrix: ArrayLike<number>, size: number): number[] {
  const columns = Array.from({ length: size }, (_, j) => Float64Array.from({ length: size }, (_, i) => matrix[i * size + j]!));
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const u = columns[p]!, v = columns[q]!;
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0; i < size; i++) { alpha += u[i]! * u[i]!; beta += v[i]! * v[i]!; gamma += u[i]! * v[i]!; }
        if (Math.abs(gamma) <= 1e-12 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < size; i++) {
          const a = u[i]!, b = v[i]!;
          u[i] = c * a - s * b;
          v[i] = s * a + c * b;
        }
      }
    }
    if (!rotated) break;
  }
  return columns.map((column) => {
    let sum = 0;
    for (const value of column) sum += value * value;
    return Math.sqrt(sum);
  }).sort((a, b) => b - a);
}

function frobenius(matrix: Float64Array): number {
  let largest = 0;
  for (const value of matrix) largest = Math.max(largest, Math.abs(value));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (const value of matrix) sum += (value / largest) ** 2;
  return largest * Math.sqrt(sum);
}

/** The spectral radius max |λ| of a row-major H × H matrix (Gelfand's formula; NaN when an entry is not finite). */
export function spectralRadius(matrix: ArrayLike<number>, size: number, squarings = 16): number {
  let power = Float64Array.from(matrix);
  const first = frobenius(power);
  if (!Number.isFinite(first)) return Number.NaN;
  if (first === 0) return 0;
  let logScale = Math.log(first); // A^(2^j) = exp(logScale) · power, with ‖power‖ = 1
  for (let i = 0; i < power.length; i++) power[i]! /= first;
  for (let j = 0; j < squarings; j++) {
    const square = new Float64Array(size * size);
    for (let r = 0; r < size; r++) {
      for (let m = 0; m < size; m++) {
        const a = power[r * size + m]!;
        if (a === 0) continue;
        for (let c = 0; c < size; c++) square[r * size + c]! += a * power[m * size + c]!;
      }
    }
    const norm = frobenius(square);
    if (norm === 0) return 0; // nilpotent: every eigenvalue is 0
    for (let i = 0; i < square.length; i++) square[i]! /= norm;
    power = square;
    logScale = 2 * logScale + Math.log(norm);
  }
  return Math.exp(logScale / 2 ** squarings);
}
