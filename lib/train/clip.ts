/**
 * Gradient clipping with torch.nn.utils semantics (PyTorch 1.13), in place on Parameter.grad.
 *
 * clip_grad_norm_:  total = ‖(‖g_1‖_p, …, ‖g_k‖_p)‖_p   (max_i max|g_i| for p = ∞)
 *                   coef  = min(max_norm / (total + 1e-6), 1)      every g_i ← coef · g_i
 * torch multiplies even when coef is 1, and with a non-finite total it scales by NaN or 0 unless
 * error_if_nonfinite is set; we do the same, and report it in the result's `finite` flag.
 */
import type { Parameter } from '../nn/parameter.ts';

/** Options for clipNormInPlace. */
export interface ClipNormOptions {
  /** The p of the p-norm: 2 (default), 1, any p > 0, or Infinity for the max norm. */
  readonly normType?: number;
  /** Throw instead of scaling when the total norm is NaN or ±Infinity (default false, as torch 1.13). */
  readonly errorIfNonfinite?: boolean;
}

/** What clipNormInPlace did. */
export interface ClipNormResult {
  /** The total norm of all gradients before clipping (torch's return value). */
  readonly totalNorm: number;
  /** The factor every gradient was multiplied by: min(maxNorm / (totalNorm + 1e-6), 1). */
  readonly clipCoef: number;
  /** True when the total norm exceeded maxNorm's threshold, so gradients were scaled down (coef < 1). */
  readonly clipped: boolean;
  /** False when the total norm was NaN or ±Infinity: the gradients are now unusable. */
  readonly finite: boolean;
}

/** What clipValueInPlace did. */
export interface ClipValueResult {
  /** How many gradient entries were clamped to ±clipValue. */
  readonly clippedCount: number;
  /** False when any gradient entry is NaN (clamping leaves NaN as it is, as torch). */
  readonly finite: boolean;
}

function parameterNorm(grad: ArrayLike<number>, p: number): number {
  if (p === Infinity) {
    let max = 0;
    for (let i = 0; i < grad.length; i++) {
      const a = Math.abs(grad[i]!);
      if (a > max || Number.isNaN(a)) max = a;
      if (Number.isNaN(max)) return NaN;
    }
    return max;
  }
  let sum = 0;
  if (p === 2) for (let i = 0; i < grad.length; i++) sum += grad[i]! * grad[i]!;
  else for (let i = 0; i < grad.length; i++) sum += Math.abs(grad[i]!) ** p;
  return p === 2 ? Math.sqrt(sum) : p === 1 ? sum : sum ** (1 / p);
}

/** Scale all gradients so their joint p-norm is at most maxNorm, as torch.nn.utils.clip_grad_norm_; returns the total norm. */
export function clipNormInPlace(parameters: readonly Parameter[], maxNorm: number, options: ClipNormOptions = {}): ClipNormResult {
  const { normType = 2, errorIfNonfinite = false } = options;
  if (!(normType > 0)) throw new RangeError(`normType must be > 0 or Infinity, got ${normType}`);
  if (!(maxNorm >= 0) || Number.isNaN(maxNorm)) throw new RangeError(`maxNorm must be ≥ 0, got ${maxNorm}`);
  if (parameters.length === 0) return { totalNorm: 0, clipCoef: 1, clipped: false, finite: true };
  const norms = parameters.map((p) => parameterNorm(p.grad, normType));
  const totalNorm = parameterNorm(norms, normType);
  const finite = Number.isFinite(totalNorm);
  if (!finite && errorIfNonfinite) {
    const culprit = parameters[norms.findIndex((n) => !Number.isFinite(n))]?.name ?? '(sum overflowed)';
    throw new RangeError(`the total norm of order ${normType} for gradients is non-finite (${totalNorm}), first at "${culprit}"; it cannot be clipped`);
  }
  // torch.clamp(coef, max=1) keeps NaN as NaN; Math.min(NaN, 1) does too.
  const clipCoef = Math.min(maxNorm / (totalNorm + 1e-6), 1);
  for (const { grad } of parameters) for (let i = 0; i < grad.length; i++) grad[i]! *= clipCoef;
  return { totalNorm, clipCoef, clipped: clipCoef < 1, finite };
}

/** Clamp every gradient entry to [−clipValue, clipValue], as torch.nn.utils.clip_grad_value_. */
export function clipValueInPlace(parameters: readonly Parameter[], clipValue: number): ClipValueResult {
  if (!(clipValue >= 0)) throw new RangeError(`clipValue must be ≥ 0, got ${clipValue}`);
  let clippedCount = 0;
  let finite = true;
  for (const { grad } of parameters) {
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i]!;
      if (Number.isNaN(g)) finite = false;
      else if (g > clipValue) { grad[i] = clipValue; clippedCount++; }
      else if (g < -clipValue) { grad[i] = -clipValue; clippedCount++; }
    }
  }
  return { clippedCount, finite };
}
