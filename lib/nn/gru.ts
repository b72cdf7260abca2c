/**
 * The GRU cell (PyTorch's nn.GRU), one step for a batch of B rows. Gates are stacked r, z, n:
 *
 *   [x_r | x_z | x_n] = x_t W_ihᵀ + b_ih          [B, 3H]
 *   [s_r | s_z | s_n] = h_{t−1} W_hhᵀ + b_hh      [B, 3H]
 *   r_t = σ(x_r + s_r)                reset gate
 *   z_t = σ(x_z + s_z)                update gate
 *   n_t = tanh(x_n + r_t ⊙ s_n)       candidate; the reset gate scales W_hn h + b_hn, as in PyTorch
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 *
 * Backward, given ∂L/∂h_t (writing dX for ∂L/∂X, a_n = x_n + r ⊙ s_n):
 *
 *   dn = dh ⊙ (1 − z)     dz = dh ⊙ (h_{t−1} − n)
 *   da_n = dn ⊙ (1 − n²)  dr = da_n ⊙ s_n
 *   da_r = dr ⊙ r(1−r)    da_z = dz ⊙ z(1−z)
 *   d(x proj) = [da_r | da_z | da_n]      d(h proj) = [da_r | da_z | da_n ⊙ r]
 *   dh_{t−1} = d(h proj) W_hh + dh ⊙ z
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import { matmul } from '../kernels.ts';
import { sigmoid } from './activation.ts';
import {
  projectHidden, stepBackwardWith, stepWith,
  type CellCacheBase, type CellKernel, type CellParams, type CellState, type StepGrads, type StepResult,
} from './cell.ts';

/** Everything one GRU step computed, each [B, H] unless noted. */
export interface GruCache extends CellCacheBase {
  /** Pre-activations [x_r + s_r | x_z + s_z | x_n + r ⊙ s_n] per row, [B, 3H]. */
  readonly preactivation: FloatArray;
  /** r_t, the reset gate. */
  readonly resetGate: FloatArray;
  /** z_t, the update gate. */
  readonly updateGate: FloatArray;
  /** n_t, the candidate state. */
  readonly candidate: FloatArray;
  /** s_n = h_{t−1} W_hnᵀ + b_hn, the part the reset gate scales. */
  readonly hiddenCandidate: FloatArray;
  /** h_t, the new hidden state. */
  readonly h: FloatArray;
}

/** The GRU cell's equations, for the sequence driver. */
export const gruKernel: CellKernel<GruCache> = {
  kind: 'GRU',
  gates: 3,
  forward(p, xProj, prev, x) {
    const H = p.hiddenSize;
    const s = projectHidden(p, 3, prev.h);
    const batch = s.length / (3 * H);
    const dtype = dtypeOf(s);
    const a = allocate(batch * 3 * H, dtype);
    const [r, z, n, sn, h] = [0, 0, 0, 0, 0].map(() => allocate(batch * H, dtype)) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
    const hPrev = prev.h;
    for (let b = 0; b < batch; b++) {
      const row = b * 3 * H;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const ar = (a[row + j] = xProj[row + j]! + s[row + j]!);
        const az = (a[row + H + j] = xProj[row + H + j]! + s[row + H + j]!);
        r[k] = sigmoid(ar);
        z[k] = sigmoid(az);
        sn[k] = s[row + 2 * H + j]!;
        const an = (a[row + 2 * H + j] = xProj[row + 2 * H + j]! + r[k]! * sn[k]!);
        n[k] = Math.tanh(an);
        h[k] = (1 - z[k]!) * n[k]! + z[k]! * hPrev[k]!;
      }
    }
    const cache: GruCache = { batch, x, hPrev, preactivation: a, resetGate: r, updateGate: z, candidate: n, hiddenCandidate: sn, h };
    return { h, c: null, cache };
  },
  backward(p, cache, dNext, weightHhT?: FloatArray) {
    const H = p.hiddenSize;
    const { batch, hPrev, resetGate: r, updateGate: z, candidate: n, hiddenCandidate: sn } = cache;
    const dtype = dtypeOf(hPrev);
    const dIh = allocate(batch * 3 * H, dtype);
    const dHh = allocate(batch * 3 * H, dtype);
    const dhPrev = allocate(batch * H, dtype);
    for (let b = 0; b < batch; b++) {
      const row = b * 3 * H;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const dh = dNext.h[k]!;
        const dn = dh * (1 - z[k]!);
        const dz = dh * (hPrev[k]! - n[k]!);
        const dan = dn * (1 - n[k]! * n[k]!);
        const dr = dan * sn[k]!;
        const dar = dr * r[k]! * (1 - r[k]!);
        const daz = dz * z[k]! * (1 - z[k]!);
        dIh[row + j] = dHh[row + j] = dar;
        dIh[row + H + j] = dHh[row + H + j] = daz;
        dIh[row + 2 * H + j] = dan;
        dHh[row + 2 * H + j] = dan * r[k]!;
        dhPrev[k] = dh * z[k]!;
      }
    }
    matmul(dhPrev, dHh, p.weightHh, batch, H, 3 * H, true, weightHhT);
    return { dIh, dHh, dPrev: { h: dhPrev, c: null } };
  },
};

/** One GRU step from x_t [B, D] and h_{t−1}: the new state and every gate. */
export function gruStep(p: CellParams, x: FloatArray, prev: CellState): StepResult<GruCache> {
  return stepWith(gruKernel, p, x, prev);
}

/** Backward through one GRU step: that step's weight gradients, ∂L/∂x_t and ∂L/∂h_{t−1}. */
export function gruStepBackward(p: CellParams, cache: GruCache, dNext: CellState): { grads: StepGrads; dPrev: CellState } {
  return stepBackwardWith(gruKernel, p, cache, dNext);
}
