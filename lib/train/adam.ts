/**
 * Adam and AdamW with torch.optim semantics (PyTorch 1.13, single-tensor path). At step t, for θ with gradient g:
 *
 *   Adam:   g ← g + λ θ                        AdamW:  θ ← θ (1 − η λ)        (weight decay λ)
 *   m ← β₁ m + (1 − β₁) g                      v ← β₂ v + (1 − β₂) g²
 *   v̂ ← max(v̂, v) with amsgrad, else v̂ = v
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 *
 * The bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ are applied as torch does: ε is added after dividing √v̂ by √(1 − β₂ᵗ).
 * Unlike torch, a NaN or infinite gradient throws before anything changes (see assertFiniteGrads).
 * The moments live in an explicit AdamState (numbers and typed arrays), one slot per parameter by position.
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import type { Parameter } from '../nn/parameter.ts';
import { assertFiniteGrads, assertStateMatches } from './sgd.ts';

/** Adam/AdamW hyper-parameters; defaults are torch's (AdamW's weightDecay default is 1e-2). */
export interface AdamOptions {
  /** Learning rate η (default 1e-3). */
  readonly lr?: number;
  /** Decay rates (β₁, β₂) of the moment averages (default [0.9, 0.999]). */
  readonly betas?: readonly [number, number];
  /** ε added to the denominator (default 1e-8). */
  readonly eps?: number;
  /** Weight decay λ: an L2 term in Adam, decoupled shrinkage in AdamW (default 0 for Adam, 1e-2 for AdamW). */
  readonly weightDecay?: number;
  /** Use the running maximum of v (AMSGrad; default false). */
  readonly amsgrad?: boolean;
  /** Ascend instead of descend (default false). */
  readonly maximize?: boolean;
}

/** Adam's state: the step count t and, per parameter, the moments m, v and (amsgrad) max v. */
export interface AdamState {
  /** Steps taken, t; torch keeps one per parameter, always equal when all step together. */
  step: number;
  /** First moment m per parameter (null before its first step). */
  readonly expAvg: (FloatArray | null)[];
  /** Second moment v per parameter. */
  readonly expAvgSq: (FloatArray | null)[];
  /** Running max of v per parameter (amsgrad only). */
  readonly maxExpAvgSq: (FloatArray | null)[];
}

/** A fresh Adam/AdamW state for the given parameters. */
export function createAdamState(parameters: readonly Parameter[]): AdamState {
  return { step: 0, expAvg: parameters.map(() => null), expAvgSq: parameters.map(() => null), maxExpAvgSq: parameters.map(() => null) };
}

function update(parameters: readonly Parameter[], state: AdamState, options: AdamOptions, decoupled: boolean): void {
  const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = decoupled ? 1e-2 : 0, amsgrad = false, maximize = false } = options;
  const [beta1, beta2] = betas;
  if (!(lr >= 0)) throw new RangeError(`Invalid learning rate: ${lr}`);
  if (!(eps >= 0)) throw new RangeError(`Invalid epsilon value: ${eps}`);
  if (!(beta1 >= 0 && beta1 < 1)) throw new RangeError(`Invalid beta parameter at index 0: ${beta1}`);
  if (!(beta2 >= 0 && beta2 < 1)) throw new RangeError(`Invalid beta parameter at index 1: ${beta2}`);
  if (!(weightDecay >= 0)) throw new RangeError(`Invalid weight_decay value: ${weightDecay}`);
  assertStateMatches(parameters, state.expAvg, 'expAvg');
  assertStateMatches(parameters, state.expAvgSq, 'expAvgSq');
  assertStateMatches(parameters, state.maxExpAvgSq, 'maxExpAvgSq');
  assertFiniteGrads(parameters);
  const t = state.step + 1;
  const biasCorrection1 = 1 - beta1 ** t;
  const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
  const stepSize = lr / biasCorrection1;
  parameters.forEach((parameter, index) => {
    const theta = parameter.value;
    const dtype = dtypeOf(theta);
    const m = (state.expAvg[index] ??= allocate(theta.length, dtype));
    const v = (state.expAvgSq[index] ??= allocate(theta.length, dtype));
    const vMax = amsgrad ? (state.maxExpAvgSq[index] ??= allocate(theta.length, dtype)) : null;
    for (let i = 0; i < theta.length; i++) {
      let g = maximize ? -parameter.grad[i]! : parameter.grad[i]!;
      if (decoupled) theta[i]! *= 1 - lr * weightDecay;
      else if (weightDecay !== 0) g += weightDecay * theta[i]!;
      m[i] = m[i]! * beta1 + (1 - beta1) * g;
      v[i] = v[i]! * beta2 + (1 - beta2) * g * g;
      let vHat = v[i]!;
      if (vMax) vHat = vMax[i] = Math.max(vMax[i]!, vHat);
      const denom = Math.sqrt(vHat) / biasCorrection2Sqrt + eps;
      theta[i]! += -stepSize * (m[i]! / denom);
    }
  });
  state.step = t;
}

/** One Adam step (L2 weight decay added to the gradient), updating values in place, as torch.optim.Adam; non-finite grads throw. */
export function adamStep(parameters: readonly Parameter[], state: AdamState, options: AdamOptions = {}): void {
  update(parameters, state, options, false);
}

/** One AdamW step (decoupled weight decay θ ← θ(1 − ηλ) before the Adam update), as torch.optim.AdamW; non-finite grads throw. */
export function adamwStep(parameters: readonly Parameter[], state: AdamState, options: AdamOptions = {}): void {
  update(parameters, state, options, true);
}
