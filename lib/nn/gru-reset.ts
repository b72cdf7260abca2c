/**
 * Where the GRU's reset gate acts: PyTorch (and cuDNN) scale the state's projection after the matrix product,
 * Cho et al. (2014, "Learning Phrase Representations using RNN Encoder–Decoder", section 2.3) scale the state
 * before it. Cho et al. write no biases; both forms here keep PyTorch's b_in and b_hn where PyTorch has them:
 *
 *   PyTorch:  n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))
 *   Cho:      n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)
 *
 * Both share r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr), z_t likewise, and h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}.
 * gruStep (gru.ts) is the PyTorch form with its backward; this file is a forward-only step of either form that
 * keeps every intermediate vector, for the cell diagram.
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import { addRowVector, matmulTransposed } from '../kernels.ts';
import { sigmoid } from './activation.ts';
import { checkStep, projectHidden, projectInput, type CellParams } from './cell.ts';

/** Where r_t scales the state: 'after' W_hn (PyTorch, cuDNN) or 'before' it (Cho et al. 2014). */
export type GruResetPlacement = 'after' | 'before';

/** Every vector of one GRU step in either form, each [B, H]. */
export interface GruStepParts {
  /** Which form computed them. */
  readonly reset: GruResetPlacement;
  /** r_t, the reset gate. */
  readonly resetGate: FloatArray;
  /** z_t, the update gate. */
  readonly updateGate: FloatArray;
  /** W_in x_t + b_in, the input's share of the candidate. */
  readonly inputCandidate: FloatArray;
  /** What r_t scales: W_hn h_{t−1} + b_hn ('after') or h_{t−1} ('before'). */
  readonly resetInput: FloatArray;
  /** The state's share of the candidate: r_t ⊙ (W_hn h_{t−1} + b_hn) ('after') or W_hn (r_t ⊙ h_{t−1}) + b_hn ('before'). */
  readonly hiddenCandidate: FloatArray;
  /** n_t = tanh(inputCandidate + hiddenCandidate). */
  readonly candidate: FloatArray;
  /** h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}. */
  readonly h: FloatArray;
}

/** One GRU step from x_t [B, D] and h_{t−1} [B, H] with the reset gate applied after (PyTorch) or before (Cho) W_hn. */
export function gruStepParts(p: CellParams, x: FloatArray, hPrev: FloatArray, reset: GruResetPlacement): GruStepParts {
  const batch = checkStep(p, x, { h: hPrev, c: null }, false);
  const H = p.hiddenSize;
  const dtype = dtypeOf(hPrev);
  const xProj = projectInput(p, 3, x, batch); // [x_r | x_z | x_n] with b_ih
  const s = projectHidden(p, 3, hPrev); // [s_r | s_z | s_n] with b_hh
  const [r, z, xn, resetInput, hn, n, h] = [0, 0, 0, 0, 0, 0, 0].map(() => allocate(batch * H, dtype)) as FloatArray[] as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const row = b * 3 * H;
      r[k] = sigmoid(xProj[row + j]! + s[row + j]!);
      z[k] = sigmoid(xProj[row + H + j]! + s[row + H + j]!);
      xn[k] = xProj[row + 2 * H + j]!;
      resetInput[k] = reset === 'after' ? s[row + 2 * H + j]! : hPrev[k]!;
      if (reset === 'after') hn[k] = r[k]! * resetInput[k]!;
    }
  }
  if (reset === 'before') {
    const scaled = allocate(batch * H, dtype);
    for (let k = 0; k < scaled.length; k++) scaled[k] = r[k]! * hPrev[k]!;
    matmulTransposed(hn, scaled, p.weightHh.subarray(2 * H * H, 3 * H * H), batch, H, H); // W_hn (r ⊙ h)
    if (p.biasHh) addRowVector(hn, p.biasHh.subarray(2 * H, 3 * H), batch, H);
  }
  for (let k = 0; k < h.length; k++) {
    n[k] = Math.tanh(xn[k]! + hn[k]!);
    h[k] = (1 - z[k]!) * n[k]! + z[k]! * hPrev[k]!;
  }
  return { reset, resetGate: r, updateGate: z, inputCandidate: xn, resetInput, hiddenCandidate: hn, candidate: n, h };
}
