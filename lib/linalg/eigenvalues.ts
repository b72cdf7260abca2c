/**
 * Eigenvalues of a small real square matrix, complex where they come in conjugate pairs.
 *
 * mathjs 15's `eigs` fails to converge on many random non-symmetric matrices ("The eigenvalues failed to
 * converge") and takes seconds at 32 × 32, so lib uses the textbook method: reduce to upper Hessenberg form with Householder reflections (similar, so the same
 * eigenvalues), then run Francis double-shift QR steps on it until every 1 × 1 or 2 × 2 diagonal block has
 * split off. Each 1 × 1 block is a real eigenvalue; each 2 × 2 block gives a real pair or a complex pair.
 */

/** One eigenvalue λ = re + i·im. */
export interface Eigenvalue {
  readonly re: number;
  readonly im: number;
}

/** The eigenvalues, or why they could not be found (a non-finite entry, or no convergence). */
export type EigenResult = { readonly ok: true; readonly values: readonly Eigenvalue[] } | { readonly ok: false; readonly message: string };

/** QR iterations allowed per eigenvalue before giving up. */
const MAX_ITERATIONS = 60;

/** |λ|, the eigenvalue's distance from 0 in the complex plane. */
export function modulus(value: Eigenvalue): number {
  return Math.hypot(value.re, value.im);
}

/** The spectral radius ρ = max |λ|. */
export function spectralRadius(values: readonly Eigenvalue[]): number {
  return values.reduce((max, value) => Math.max(max, modulus(value)), 0);
}

/** Rows of a row-major n × n matrix, copied. */
function toRows(matrix: ArrayLike<number>, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => matrix[i * n + j]!));
}

/** Reduce a (in place) to upper Hessenberg form by Householder similarity transforms. */
function toHessenberg(a: number[][]): void {
  const n = a.length;
  for (let k = 0; k < n - 2; k++) {
    let norm = 0;
    for (let i = k + 1; i < n; i++) norm += a[i]![k]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    // v = x − α e₁ with α = −sign(x₀)‖x‖, which avoids cancellation; the reflection is P = I − 2 v vᵀ / vᵀv.
    const alpha = a[k + 1]![k]! > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = k + 1; i < n; i++) v[i] = a[i]![k]!;
    v[k + 1]! -= alpha;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    for (let j = 0; j < n; j++) { // a ← P a
      let dot = 0;
      for (let i = k + 1; i < n; i++) dot += v[i]! * a[i]![j]!;
      const f = (2 * dot) / vv;
      for (let i = k + 1; i < n; i++) a[i]![j]! -= f * v[i]!;
    }
    for (let i = 0; i < n; i++) { // a ← a P
      let dot = 0;
      for (let j = k + 1; j < n; j++) dot += a[i]![j]! * v[j]!;
      const f = (2 * dot) / vv;
      for (let j = k + 1; j < n; j++) a[i]![j]! -= f * v[j]!;
    }
    for (let i = k + 2; i < n; i++) a[i]![k] = 0;
  }
}

/** |a| with the sign of b. */
function withSign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/** Eigenvalues of an upper Hessenberg matrix (destroyed) by Francis double-shift QR with deflation. */
function hessenbergEigenvalues(a: number[][]): EigenResult {
  const n = a.length;
  const re = new Array<number>(n).fill(0);
  const im = new Array<number>(n).fill(0);
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) norm += Math.abs(a[i]![j]!);
  let last = n - 1;
  let shift = 0; // exceptional shifts applied so far
  while (last >= 0) {
    let iterations = 0;
    let low: number;
    do {
      // The lowest row `low` of the active block: the first negligible subdiagonal entry above `last`.
      for (low = last; low >= 1; low--) {
        let s = Math.abs(a[low - 1]![low - 1]!) + Math.abs(a[low]![low]!);
        if (s === 0) s = norm;
        if (Math.abs(a[low]![low - 1]!) + s === s) { a[low]![low - 1] = 0; break; }
      }
      let x = a[last]![last]!;
      if (low === last) { // a 1 × 1 block split off: one real eigenvalue
        re[last] = x + shift;
        last--;
        continue;
      }
      let y = a[last - 1]![last - 1]!;
      let w = a[last]![last - 1]! * a[last - 1]![last]!;
      if (low === last - 1) { // a 2 × 2 block split off: its two eigenvalues, from the quadratic
        const p = 0.5 * (y - x);
        const q = p * p + w;
        const root = Math.sqrt(Math.abs(q));
        x += shift;
        if (q >= 0) {
          const z = p + withSign(root, p);
          re[last - 1] = x + z;
          re[last] = z !== 0 ? x - w / z : x + z;
        } else {
          re[last - 1] = re[last] = x + p;
          im[last - 1] = root;
          im[last] = -root;
        }
        last -= 2;
        continue;
      }
      if (iterations === MAX_ITERATIONS) return { ok: false, message: `the QR iteration did not converge after ${MAX_ITERATIONS} steps` };
      if (iterations === 10 || iterations === 20 || iterations === 40) { // an exceptional shift breaks a cycle
        shift += x;
        for (let i = 0; i <= last; i++) a[i]![i]! -= x;
        const s = Math.abs(a[last]![last - 1]!) + Math.abs(a[last - 1]![last - 2]!);
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      iterations++;
      // Find where the double-shift bulge can start: two consecutive small subdiagonal entries.
      let m: number;
      let p = 0, q = 0, r = 0;
      for (m = last - 2; m >= low; m--) {
        const z = a[m]![m]!;
        const rr = x - z;
        const ss = y - z;
        p = (rr * ss - w) / a[m + 1]![m]! + a[m]![m + 1]!;
        q = a[m + 1]![m + 1]! - z - rr - ss;
        r = a[m + 2]![m + 1]!;
        const scale = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= scale; q /= scale; r /= scale;
        if (m === low) break;
        const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
        const v = Math.abs(p) * (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
        if (u + v === v) break;
      }
      for (let i = m + 2; i <= last; i++) {
        a[i]![i - 2] = 0;
        if (i !== m + 2) a[i]![i - 3] = 0;
      }
      // Chase the bulge down the diagonal with 3 × 3 Householder reflections.
      for (let k = m; k <= last - 1; k++) {
        if (k !== m) {
          p = a[k]![k - 1]!;
          q = a[k + 1]![k - 1]!;
          r = k !== last - 1 ? a[k + 2]![k - 1]! : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x !== 0) { p /= x; q /= x; r /= x; }
        }
        const s = withSign(Math.sqrt(p * p + q * q + r * r), p);
        if (s === 0) continue;
        if (k === m) { if (low !== m) a[k]![k - 1] = -a[k]![k - 1]!; } else a[k]![k - 1] = -s * x;
        p += s;
        x = p / s; y = q / s; const z = r / s;
        q /= p; r /= p;
        for (let j = k; j <= last; j++) {
          let t = a[k]![j]! + q * a[k + 1]![j]!;
          if (k !== last - 1) { t += r * a[k + 2]![j]!; a[k + 2]![j]! -= t * z; }
          a[k + 1]![j]! -= t * y;
          a[k]![j]! -= t * x;
        }
        const bottom = Math.min(last, k + 3);
        for (let i = low; i <= bottom; i++) {
          let t = x * a[i]![k]! + y * a[i]![k + 1]!;
          if (k !== last - 1) { t += z * a[i]![k + 2]!; a[i]![k + 2]! -= t * r; }
          a[i]![k + 1]! -= t * q;
          a[i]![k]! -= t;
        }
      }
    } while (low < last - 1);
  }
  return { ok: true, values: re.map((value, i) => ({ re: value, im: im[i]! })) };
}

/** Eigenvalues of a row-major n × n real matrix, sorted by |λ| (largest first), then by angle. Never throws. */
export function eigenvalues(matrix: ArrayLike<number>, n: number): EigenResult {
  if (!Number.isInteger(n) || n < 1 || matrix.length !== n * n) return { ok: false, message: `expected an n × n matrix, got ${matrix.length} entries for n = ${n}` };
  for (let i = 0; i < matrix.length; i++) if (!Number.isFinite(matrix[i]!)) return { ok: false, message: 'the matrix holds a value that is not a finite number' };
  const a = toRows(matrix, n);
  toHessenberg(a);
  const result = hessenbergEigenvalues(a);
  if (!result.ok) return result;
  const sorted = [...result.values].sort((u, v) => modulus(v) - modulus(u) || Math.atan2(v.im, v.re) - Math.atan2(u.im, u.re));
  return { ok: true, values: sorted };
}

/** The spectral radius max |λ| of a row-major n × n real matrix; NaN when an entry is not finite or QR does not converge. */
export function matrixSpectralRadius(matrix: ArrayLike<number>, n: number): number {
  const result = eigenvalues(matrix, n);
  return result.ok ? spectralRadius(result.values) : Number.NaN;
}
