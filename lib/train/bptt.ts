/**
 * Backpropagation through time, the variants the BPTT chapter shows.
 *
 * Full BPTT is recurrentBackward (lib/nn/sequence.ts). Here:
 *
 * - Truncated BPTT(k1, k2): after every k1 steps (at e = k1, 2k1, …, and at T), backpropagate the loss of the
 *   last k1 outputs (steps [e−k1, e)) through at most k2 steps (the window [e−k2, e)); the state entering the
 *   window is treated as a constant. The gradients of all updates are returned, and their sum. k1 = k2 = T is
 *   full BPTT. With k2 < k1, outputs before e−k2 contribute nothing to that update.
 *
 * - Gradient norms per step, ‖∂L/∂h_t‖, and for every pair t ≥ k the norm ‖∂L_t/∂h_k‖ of the gradient that the
 *   loss at step t alone (L_t = ⟨∂L/∂output_t, output_t⟩) sends back to h_k: the vanishing/exploding picture.
 *
 * - For the single-layer RNN, the Jacobians J_t = ∂h_t/∂h_{t−1} = diag(f′(a_t)) W_hh (one batch row) and the
 *   norms of their products ∂h_t/∂h_k = J_t J_{t−1} ⋯ J_{k+1}.
 *
 * Truncation and pair norms need a one-directional stack without lengths: reading the sequence backwards or
 * padding it has no single "step t" to truncate at, so those throw.
 */
import { allocate, allFinite, assertShape, fromData, type FloatArray, type Tensor } from '../tensor.ts';
import type { Recurrent } from '../nn/recurrent.ts';
import type { RnnCache } from '../nn/rnn.ts';
import type { CellCacheBase } from '../nn/cell.ts';
import {
  kernelFor, recurrentBackward, recurrentForward,
  type SequenceGradients, type SequenceResult,
} from '../nn/sequence.ts';

/** Options of truncated BPTT. */
export interface TruncatedBpttOptions {
  /** Steps between updates, k1 ≥ 1. */
  readonly k1: number;
  /** Steps each update backpropagates through, k2 ≥ 1. */
  readonly k2: number;
  /** Initial hidden state [L, B, H] (default zeros). */
  readonly h0?: Tensor | null;
  /** Initial cell state [L, B, H], LSTM (default zeros). */
  readonly c0?: Tensor | null;
}

/** One truncated update: the window it backpropagated through and its gradients. */
export interface TruncatedUpdate {
  /** First step of the window, e − k2 (or 0). */
  readonly windowStart: number;
  /** e − k1 (or 0): outputs in [max(lossStart, windowStart), end) feed this update's loss. */
  readonly lossStart: number;
  /** One past the last step, e. */
  readonly end: number;
  /** ∂L_update/∂parameter, keyed by PyTorch name. */
  readonly grads: Record<string, FloatArray>;
}

/** The result of truncated BPTT. */
export interface TruncatedBpttResult {
  /** Every update in order. */
  readonly updates: readonly TruncatedUpdate[];
  /** The sum of the updates' gradients, keyed by PyTorch name. */
  readonly grads: Record<string, FloatArray>;
  /** False when any gradient is NaN or ±Infinity. */
  readonly finite: boolean;
}

function requireSimpleStack(model: Recurrent, what: string): void {
  if (model.config.bidirectional) throw new RangeError(`${what} needs a one-directional stack (bidirectional is set)`);
}

/** Rows [from, to) along time of a [T, B, F] or [B, T, F] tensor. */
function sliceTime(tensor: Tensor, from: number, to: number, batchFirst: boolean): Tensor {
  const [d0, d1, F] = tensor.shape as [number, number, number];
  if (!batchFirst) return fromData(tensor.data.slice(from * d1 * F, to * d1 * F), [to - from, d1, F]);
  const out = allocate(d0 * (to - from) * F, tensor.data instanceof Float32Array ? 'float32' : 'float64');
  for (let b = 0; b < d0; b++) out.set(tensor.data.subarray((b * d1 + from) * F, (b * d1 + to) * F), b * (to - from) * F);
  return fromData(out, [d0, to - from, F]);
}

/** The state entering step t of every layer, read from a forward pass's caches, as h0/c0 tensors. */
function stateBefore(model: Recurrent, forward: SequenceResult, t: number): { h0: Tensor; c0: Tensor | null } {
  const { numLayers, hiddenSize: H, kind, dtype } = model.config;
  const B = forward.cache.batch;
  const h = allocate(numLayers * B * H, dtype);
  const c = kind === 'LSTM' ? allocate(h.length, dtype) : null;
  for (let layer = 0; layer < numLayers; layer++) {
    const step = forward.cache.directions[layer]![0]!.steps[t]! as CellCacheBase & { cPrev?: FloatArray };
    h.set(step.hPrev, layer * B * H);
    if (c && step.cPrev) c.set(step.cPrev, layer * B * H);
  }
  return { h0: fromData(h, [numLayers, B, H]), c0: c ? fromData(c, [numLayers, B, H]) : null };
}

/** Truncated BPTT(k1, k2) over one sequence batch, given ∂L/∂output for every step. */
export function truncatedBptt(model: Recurrent, input: Tensor, gradOutput: Tensor, options: TruncatedBpttOptions): TruncatedBpttResult {
  requireSimpleStack(model, 'truncated BPTT');
  const { k1, k2, h0 = null, c0 = null } = options;
  for (const [name, k] of [['k1', k1], ['k2', k2]] as const) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${k}`);
  }
  const { batchFirst } = model.config;
  const full = recurrentForward(model, input, { h0, c0 });
  assertShape('gradOutput', gradOutput, full.output.shape);
  const T = full.cache.steps;
  const total: Record<string, FloatArray> = {};
  for (const p of model.parameters) total[p.name] = allocate(p.value.length, model.config.dtype);
  const updates: TruncatedUpdate[] = [];
  for (let end = Math.min(k1, T); ; end = Math.min(end + k1, T)) {
    const windowStart = Math.max(0, end - k2);
    const lossStart = Math.max(0, end - k1);
    const state = stateBefore(model, full, windowStart);
    const windowResult = recurrentForward(model, sliceTime(input, windowStart, end, batchFirst), state);
    // Only outputs in [lossStart, end) carry loss in this update.
    const windowGrad = sliceTime(gradOutput, windowStart, end, batchFirst);
    zeroLeadingSteps(windowGrad, lossStart - windowStart, batchFirst);
    const back = recurrentBackward(model, windowResult, { gradOutput: windowGrad });
    for (const key of Object.keys(total)) { const sum = total[key]!; const g = back.grads[key]!; for (let i = 0; i < sum.length; i++) sum[i] += g[i]!; }
    updates.push({ windowStart, lossStart, end, grads: back.grads });
    if (end === T) break;
  }
  const finite = Object.values(total).every((g) => allFinite(g));
  return { updates, grads: total, finite };
}

/** Zero the first `steps` time steps of a [T, B, F] / [B, T, F] tensor in place. */
function zeroLeadingSteps(tensor: Tensor, steps: number, batchFirst: boolean): void {
  const [d0, d1, F] = tensor.shape as [number, number, number];
  if (!batchFirst) { tensor.data.fill(0, 0, steps * d1 * F); return; }
  for (let b = 0; b < d0; b++) tensor.data.fill(0, b * d1 * F, (b * d1 + steps) * F);
}

function norm(data: ArrayLike<number>): number {
  // Scaled by the largest entry first, so entries past 1e154 (whose squares overflow) still give a
  // finite norm; the result is Infinity only when the norm itself exceeds the float range.
  let largest = 0;
  for (let i = 0; i < data.length; i++) {
    const magnitude = Math.abs(data[i]!);
    if (magnitude > largest || Number.isNaN(magnitude)) largest = magnitude;
  }
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const scaled = data[i]! / largest;
    sum += scaled * scaled;
  }
  return largest * Math.sqrt(sum);
}

/** ‖∂L/∂h_t‖ (over the whole batch) for every step t of one layer and direction, from a full backward pass. */
export function hiddenGradientNorms(model: Recurrent, forward: SequenceResult, upstream: SequenceGradients, layer = 0, direction = 0): number[] {
  const back = recurrentBackward(model, forward, { ...upstream, keepHiddenGradients: true });
  const perStep = back.hiddenGradients?.[layer]?.[direction];
  if (!perStep) throw new RangeError(`no layer ${layer}, direction ${direction} in this model`);
  return perStep.map(norm);
}

/** ‖∂L/∂h_t‖ and, for the LSTM, ‖∂L/∂c_t‖ (else null) for every step t of one layer and direction, from one full backward pass. */
export function stateGradientNorms(
  model: Recurrent, forward: SequenceResult, upstream: SequenceGradients, layer = 0, direction = 0,
): { hidden: number[]; cell: number[] | null } {
  const back = recurrentBackward(model, forward, { ...upstream, keepHiddenGradients: true });
  const hidden = back.hiddenGradients?.[layer]?.[direction];
  if (!hidden) throw new RangeError(`no layer ${layer}, direction ${direction} in this model`);
  const cell = back.cellGradients?.[layer]?.[direction];
  return { hidden: hidden.map(norm), cell: cell ? cell.map(norm) : null };
}

/**
 * norms[t][k] = ‖∂L_t/∂h_k‖ for every k ≤ t (NaN above the diagonal), where L_t = ⟨gradOutput_t, output_t⟩ is the
 * loss at step t alone. Single-layer, one-directional stacks without lengths; for the LSTM, c_k is held fixed.
 */
export function pairwiseGradientNorms(model: Recurrent, forward: SequenceResult, gradOutput: Tensor): number[][] {
  requireSimpleStack(model, 'pairwise gradient norms');
  if (model.config.numLayers !== 1) throw new RangeError('pairwise gradient norms need a single-layer stack');
  if (forward.cache.lengths) throw new RangeError('pairwise gradient norms need full-length sequences (lengths is set)');
  assertShape('gradOutput', gradOutput, forward.output.shape);
  const { hiddenSize: H, batchFirst, kind } = model.config;
  const { steps: T, batch: B } = forward.cache;
  const kernel = kernelFor(kind);
  const { steps, params } = forward.cache.directions[0]![0]!;
  const norms: number[][] = [];
  for (let t = 0; t < T; t++) {
    const row = new Array<number>(T).fill(Number.NaN);
    let dh = allocate(B * H, model.config.dtype);
    for (let b = 0; b < B; b++) {
      const from = batchFirst ? (b * T + t) * H : (t * B + b) * H;
      dh.set(gradOutput.data.subarray(from, from + H), b * H);
    }
    let dc: FloatArray | null = kind === 'LSTM' ? allocate(B * H, model.config.dtype) : null;
    row[t] = norm(dh);
    for (let k = t; k >= 1; k--) {
      const back = kernel.backward(params, steps[k]!, { h: dh, c: dc });
      dh = back.dPrev.h;
      dc = back.dPrev.c;
      row[k - 1] = norm(dh);
    }
    norms.push(row);
  }
  return norms;
}

/** J_t = ∂h_t/∂h_{t−1} = diag(f′(a_t)) W_hh for one batch row of a single-layer RNN, t = 0…T−1, each [H, H] row-major. */
export function rnnJacobians(model: Recurrent, forward: SequenceResult, batchIndex = 0): FloatArray[] {
  requireSimpleStack(model, 'RNN Jacobians');
  if (model.config.kind !== 'RNN' || model.config.numLayers !== 1) throw new RangeError('rnnJacobians needs a single-layer RNN');
  const { hiddenSize: H, activation } = model.config;
  if (!Number.isInteger(batchIndex) || batchIndex < 0 || batchIndex >= forward.cache.batch) throw new RangeError(`batchIndex ${batchIndex} is outside [0, ${forward.cache.batch})`);
  const { steps, params } = forward.cache.directions[0]![0]!;
  return (steps as RnnCache[]).map((step) => {
    const J = allocate(H * H, model.config.dtype);
    for (let i = 0; i < H; i++) {
      const k = batchIndex * H + i;
      const slope = activation.df(step.preactivation[k]!, step.h[k]!);
      for (let j = 0; j < H; j++) J[i * H + j] = slope * params.weightHh[i * H + j]!;
    }
    return J;
  });
}

/** The product ∂h_t/∂h_k = J_t J_{t−1} ⋯ J_{k+1} (the identity when t = k), [H, H] row-major. */
export function jacobianProduct(jacobians: readonly FloatArray[], t: number, k: number): FloatArray {
  if (!(Number.isInteger(t) && Number.isInteger(k) && 0 <= k && k <= t && t < jacobians.length)) throw new RangeError(`need 0 ≤ k ≤ t < ${jacobians.length}, got t=${t}, k=${k}`);
  const H = Math.round(Math.sqrt(jacobians[0]!.length));
  let product = allocate(H * H, jacobians[0] instanceof Float32Array ? 'float32' : 'float64');
  for (let i = 0; i < H; i++) product[i * H + i] = 1;
  for (let j = k + 1; j <= t; j++) product = multiply(jacobians[j]!, product);
  return product;
}

/** A·B for square row-major matrices. */
function multiply(A: FloatArray, B: FloatArray): FloatArray {
  const H = Math.round(Math.sqrt(A.length));
  const out = allocate(H * H, A instanceof Float32Array ? 'float32' : 'float64');
  for (let r = 0; r < H; r++) {
    for (let m = 0; m < H; m++) {
      const a = A[r * H + m]!;
      for (let c = 0; c < H; c++) out[r * H + c] += a * B[m * H + c]!;
    }
  }
  return out;
}

/** norms[t][k] = ‖∂h_t/∂h_k‖_F for every k ≤ t (NaN above the diagonal), from rnnJacobians. */
export function jacobianProductNorms(jacobians: readonly FloatArray[]): number[][] {
  const T = jacobians.length;
  const norms: number[][] = Array.from({ length: T }, () => new Array<number>(T).fill(Number.NaN));
  for (let k = 0; k < T; k++) {
    // Walk t upwards from k, extending the product one Jacobian at a time: ∂h_t/∂h_k = J_t · ∂h_{t−1}/∂h_k.
    let product = jacobianProduct(jacobians, k, k);
    norms[k]![k] = norm(product);
    for (let t = k + 1; t < T; t++) {
      product = multiply(jacobians[t]!, product);
      norms[t]![k] = norm(product);
    }
  }
  return norms;
}
