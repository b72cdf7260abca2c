/**
 * The LSTM cell (PyTorch's nn.LSTM), one step for a batch of B rows. Gates are stacked i, f, g, o:
 *
 *   a_t = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh          [B, 4H] = [a_i | a_f | a_g | a_o]
 *   i_t = σ(a_i)        input gate
 *   f_t = σ(a_f)        forget gate
 *   g_t = tanh(a_g)     candidate cell
 *   o_t = σ(a_o)        output gate
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 *
 * Backward, given ∂L/∂h_t and ∂L/∂c_t (writing dX for ∂L/∂X):
 *
 *   do = dh ⊙ tanh(c_t)
 *   dc = dc_t + dh ⊙ o_t ⊙ (1 − tanh²(c_t))        everything that reaches c_t
 *   di = dc ⊙ g_t     df = dc ⊙ c_{t−1}     dg = dc ⊙ i_t
 *   dc_{t−1} = dc ⊙ f_t
 *   da_i = di ⊙ i(1−i)   da_f = df ⊙ f(1−f)   da_g = dg ⊙ (1−g²)   da_o = do ⊙ o(1−o)
 *   dh_{t−1} = da W_hh
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import { matmul } from '../kernels.ts';
import { sigmoid } from './activation.ts';
import {
  projectHidden, stepBackwardWith, stepWith,
  type CellCacheBase, type CellKernel, type CellParams, type CellState, type StepGrads, type StepResult,
} from './cell.ts';

/** Everything one LSTM step computed, each [B, H] unless noted. */
export interface LstmCache extends CellCacheBase {
  /** c_{t−1}. */
  readonly cPrev: FloatArray;
  /** a_t = [a_i | a_f | a_g | a_o] per row, [B, 4H]. */
  readonly preactivation: FloatArray;
  /** i_t, the input gate. */
  readonly inputGate: FloatArray;
  /** f_t, the forget gate. */
  readonly forgetGate: FloatArray;
  /** g_t, the candidate cell. */
  readonly candidate: FloatArray;
  /** o_t, the output gate. */
  readonly outputGate: FloatArray;
  /** c_t, the new cell state. */
  readonly c: FloatArray;
  /** tanh(c_t). */
  readonly tanhC: FloatArray;
  /** h_t, the new hidden state. */
  readonly h: FloatArray;
}

/** The LSTM cell's equations, for the sequence driver. */
export const lstmKernel: CellKernel<LstmCache> = {
  kind: 'LSTM',
  gates: 4,
  forward(p, xProj, prev, x) {
    const H = p.hiddenSize;
    const a = projectHidden(p, 4, prev.h);
    const batch = a.length / (4 * H);
    const dtype = dtypeOf(a);
    const [i, f, g, o, c, tanhC, h] = [0, 0, 0, 0, 0, 0, 0].map(() => allocate(batch * H, dtype)) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
    const cPrev = prev.c!;
    for (let b = 0; b < batch; b++) {
      const row = b * 4 * H;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const ai = (a[row + j] += xProj[row + j]!);
        const af = (a[row + H + j] += xProj[row + H + j]!);
        const ag = (a[row + 2 * H + j] += xProj[row + 2 * H + j]!);
        const ao = (a[row + 3 * H + j] += xProj[row + 3 * H + j]!);
        i[k] = sigmoid(ai);
        f[k] = sigmoid(af);
        g[k] = Math.tanh(ag);
        o[k] = sigmoid(ao);
        c[k] = f[k]! * cPrev[k]! + i[k]! * g[k]!;
        tanhC[k] = Math.tanh(c[k]!);
        h[k] = o[k]! * tanhC[k]!;
      }
    }
    const cache: LstmCache = {
      batch, x, hPrev: prev.h, cPrev, preactivation: a,
      inputGate: i, forgetGate: f, candidate: g, outputGate: o, c, tanhC, h,
    };
    return { h, c, cache };
  },
  backward(p, cache, dNext, weightHhT?: FloatArray) {
    const H = p.hiddenSize;
    const { batch, cPrev, inputGate: i, forgetGate: f, candidate: g, outputGate: o, tanhC } = cache;
    const dtype = dtypeOf(cache.h);
    const da = allocate(batch * 4 * H, dtype);
    const dcPrev = allocate(batch * H, dtype);
    const dCell = allocate(batch * H, dtype);
    for (let b = 0; b < batch; b++) {
      const row = b * 4 * H;
      for (let j = 0; j < H; j++) {
        const k = b * H + j;
        const dh = dNext.h[k]!;
        const dc = (dNext.c ? dNext.c[k]! : 0) + dh * o[k]! * (1 - tanhC[k]! * tanhC[k]!);
        dCell[k] = dc;
        const di = dc * g[k]!, df = dc * cPrev[k]!, dg = dc * i[k]!, dO = dh * tanhC[k]!;
        dcPrev[k] = dc * f[k]!;
        da[row + j] = di * i[k]! * (1 - i[k]!);
        da[row + H + j] = df * f[k]! * (1 - f[k]!);
        da[row + 2 * H + j] = dg * (1 - g[k]! * g[k]!);
        da[row + 3 * H + j] = dO * o[k]! * (1 - o[k]!);
      }
    }
    const dhPrev = allocate(batch * H, dtype);
    matmul(dhPrev, da, p.weightHh, batch, H, 4 * H, false, weightHhT);
    return { dIh: da, dHh: da, dPrev: { h: dhPrev, c: dcPrev }, dCell };
  },
};

/** One LSTM step from x_t [B, D] and (h_{t−1}, c_{t−1}): the new state and every gate. */
export function lstmStep(p: CellParams, x: FloatArray, prev: CellState): StepResult<LstmCache> {
  return stepWith(lstmKernel, p, x, prev);
}

/** Backward through one LSTM step: that step's weight gradients, ∂L/∂x_t, ∂L/∂h_{t−1} and ∂L/∂c_{t−1}. */
export function lstmStepBackward(p: CellParams, cache: LstmCache, dNext: CellState): { grads: StepGrads; dPrev: CellState } {
  return stepBackwardWith(lstmKernel, p, cache, dNext);
}
