/**
 * Singular values σ_1 ≥ … ≥ σ_H of a small square matrix, by one-sided Jacobi (Hestenes 1958): rotate pairs of
 * columns until all are orthogonal; the column lengths are then the singular values. σ_1 = ‖A‖₂ bounds how much
 * one step of a recurrence can stretch a vector; an orthogonal matrix has every σ equal to 1.
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
