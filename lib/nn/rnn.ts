/**
 * The Elman RNN cell (PyTorch's nn.RNN), one step for a batch of B rows:
 *
 *   a_t = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh        pre-activation, [B, H]
 *   h_t = f(a_t)                                         f = tanh (default), relu, or a reader's own
 *
 * Backward, given ∂L/∂h_t:
 *
 *   ∂L/∂a_t     = ∂L/∂h_t ⊙ f′(a_t)
 *   ∂L/∂h_{t−1} = ∂L/∂a_t W_hh
 *
 * and the weight gradients ∂L/∂W_ih = (∂L/∂a_t)ᵀ x_t, ∂L/∂W_hh = (∂L/∂a_t)ᵀ h_{t−1}, ∂L/∂b = Σ_rows ∂L/∂a_t.
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import { matmul } from '../kernels.ts';
import { tanhActivation } from './activation.ts';
import {
  projectHidden, stepBackwardWith, stepWith,
  type CellCacheBase, type CellKernel, type CellParams, type CellState, type StepGrads, type StepResult,
} from './cell.ts';

/** Everything one RNN step computed. */
export interface RnnCache extends CellCacheBase {
  /** a_t, the pre-activation [B, H]. */
  readonly preactivation: FloatArray;
  /** h_t = f(a_t) [B, H]. */
  readonly h: FloatArray;
}

/** The RNN cell's equations, for the sequence driver. */
export const rnnKernel: CellKernel<RnnCache> = {
  kind: 'RNN',
  gates: 1,
  forward(p, xProj, prev, x) {
    const f = p.activation ?? tanhActivation;
    const a = projectHidden(p, 1, prev.h);
    const h = allocate(a.length, dtypeOf(a));
    for (let k = 0; k < a.length; k++) {
      a[k] += xProj[k]!;
      h[k] = f.f(a[k]!);
    }
    return { h, c: null, cache: { batch: a.length / p.hiddenSize, x, hPrev: prev.h, preactivation: a, h } };
  },
  backward(p, cache, dNext, weightHhT?: FloatArray) {
    const f = p.activation ?? tanhActivation;
    const { preactivation: a, h } = cache;
    const da = allocate(a.length, dtypeOf(a));
    for (let k = 0; k < a.length; k++) da[k] = dNext.h[k]! * f.df(a[k]!, h[k]!);
    const dhPrev = allocate(cache.hPrev.length, dtypeOf(a));
    matmul(dhPrev, da, p.weightHh, cache.batch, p.hiddenSize, p.hiddenSize, false, weightHhT);
    return { dIh: da, dHh: da, dPrev: { h: dhPrev, c: null } };
  },
};

/** One RNN step: h_t = f(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh), with its cache. */
export function rnnStep(p: CellParams, x: FloatArray, prev: CellState): StepResult<RnnCache> {
  return stepWith(rnnKernel, p, x, prev);
}

/** Backward through one RNN step: that step's weight gradients, ∂L/∂x_t and ∂L/∂h_{t−1}. */
export function rnnStepBackward(p: CellParams, cache: RnnCache, dNext: CellState): { grads: StepGrads; dPrev: CellState } {
  return stepBackwardWith(rnnKernel, p, cache, dNext);
}
