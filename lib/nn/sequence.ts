/**
 * Running a recurrent stack over a batch of sequences, forward and back (full backpropagation through time).
 *
 * Layout inside is time-major, [T, B, ·], as PyTorch's default; batch-first input is transposed on the way
 * in and out. Per layer and direction:
 *   1. project the whole input at once: X W_ihᵀ + b_ih over all T·B rows (one large matrix product);
 *   2. walk the steps (t = 0…T−1 forward, T−1…0 reverse), each adding h_{t−1} W_hhᵀ + b_hh and applying the cell;
 * and backward walks the steps the other way, then forms the weight gradients as single products over all steps:
 *   ∂L/∂W_ih = Σ_t (∂L/∂a_t)ᵀ x_t     ∂L/∂W_hh = Σ_t (∂L/∂a_t)ᵀ h_{t−1}     ∂L/∂X = (∂L/∂A) W_ih
 *
 * Lengths follow pack_padded_sequence: row b is "active" at time t when t < lengths[b]. An inactive row keeps its
 * state unchanged and outputs 0, so the forward direction's h_n is the state at the last valid step and the
 * reverse direction starts from h0 at that step. Backward passes the gradient through inactive rows untouched.
 */
import { allocate, allFinite, assertShape, dtypeOf, fromData, type FloatArray, type Tensor } from '../tensor.ts';
import { addColumnSums, matmul, matmulTransposedA, transpose } from '../kernels.ts';
import { cellParams, type Recurrent } from './recurrent.ts';
import { projectInput, type CellCacheBase, type CellKernel, type CellParams } from './cell.ts';
import { rnnKernel } from './rnn.ts';
import { lstmKernel } from './lstm.ts';
import { gruKernel } from './gru.ts';

/** Optional inputs of a forward pass besides the sequence. */
export interface SequenceOptions {
  /** Initial hidden state [L·dirs, B, H] (default zeros). */
  readonly h0?: Tensor | null;
  /** Initial cell state [L·dirs, B, H], LSTM only (default zeros). */
  readonly c0?: Tensor | null;
  /** Valid steps per sequence, integers in [1, T] (default: all T). */
  readonly lengths?: readonly number[] | null;
}

/** What forward keeps for one layer and direction. */
export interface DirectionCache {
  /** The cell caches in processing order (step s is time s forward, T−1−s reverse): every gate, every step. */
  readonly steps: readonly CellCacheBase[];
  /** The cell parameters used. */
  readonly params: CellParams;
}

/** What forward keeps for backward, and for widgets that show intermediates. */
export interface SequenceCache {
  /** T, B. */
  readonly steps: number;
  readonly batch: number;
  /** Lengths, or null when every sequence is full. */
  readonly lengths: readonly number[] | null;
  /** Each layer's input, time-major [T·B, D_k]. */
  readonly layerInputs: readonly FloatArray[];
  /** directions[layer][direction]. */
  readonly directions: readonly (readonly DirectionCache[])[];
}

/** The outputs of a forward pass, shaped as PyTorch returns them. */
export interface SequenceResult {
  /** Top layer's h_t for every step, [T, B, dirs·H] ([B, T, dirs·H] if batchFirst), zero past each length. */
  readonly output: Tensor;
  /** Final hidden state per layer and direction, [L·dirs, B, H]. */
  readonly hN: Tensor;
  /** Final cell state [L·dirs, B, H] for the LSTM, else null. */
  readonly cN: Tensor | null;
  /** Everything backward needs. */
  readonly cache: SequenceCache;
}

/** Upstream gradients for backward; any may be omitted (zero). */
export interface SequenceGradients {
  /** ∂L/∂output, the output's shape. */
  readonly gradOutput?: Tensor | null;
  /** ∂L/∂h_n, [L·dirs, B, H]. */
  readonly gradHN?: Tensor | null;
  /** ∂L/∂c_n, [L·dirs, B, H] (LSTM). */
  readonly gradCN?: Tensor | null;
  /** Keep ∂L/∂h_t (and the LSTM's ∂L/∂c_t) for every layer, direction and time (for gradient-norm widgets; default false). */
  readonly keepHiddenGradients?: boolean;
}

/** Gradients from backward. */
export interface SequenceBackwardResult {
  /** ∂L/∂parameter, keyed by PyTorch name. */
  readonly grads: Record<string, FloatArray>;
  /** ∂L/∂input, the input's shape. */
  readonly input: Tensor;
  /** ∂L/∂h0, [L·dirs, B, H]. */
  readonly h0: Tensor;
  /** ∂L/∂c0 for the LSTM, else null. */
  readonly c0: Tensor | null;
  /** False when any gradient holds NaN or ±Infinity (they are returned as computed, never silently fixed). */
  readonly finite: boolean;
  /** With keepHiddenGradients: hiddenGradients[layer][direction][t] = ∂L/∂h_t [B, H], the total gradient reaching h_t. */
  readonly hiddenGradients: FloatArray[][][] | null;
  /** With keepHiddenGradients, LSTM only: cellGradients[layer][direction][t] = ∂L/∂c_t [B, H], the total gradient reaching c_t. */
  readonly cellGradients: FloatArray[][][] | null;
}

/** The cell equations for a kind. */
export function kernelFor(kind: Recurrent['config']['kind']): CellKernel<CellCacheBase> {
  return (kind === 'LSTM' ? lstmKernel : kind === 'GRU' ? gruKernel : rnnKernel) as unknown as CellKernel<CellCacheBase>;
}

function checkFinite(name: string, data: FloatArray): void {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) throw new RangeError(`${name} holds a non-finite value at flat index ${i}`);
}

/** Swap the first two axes of a [P, Q, R] tensor's data. */
function swapLeadingAxes(data: FloatArray, P: number, Q: number, R: number): FloatArray {
  const out = allocate(data.length, dtypeOf(data));
  for (let p = 0; p < P; p++) for (let q = 0; q < Q; q++) out.set(data.subarray((p * Q + q) * R, (p * Q + q + 1) * R), (q * P + p) * R);
  return out;
}

function checkLengths(lengths: readonly number[], batch: number, steps: number): void {
  if (lengths.length !== batch) throw new RangeError(`lengths has ${lengths.length} entries, expected one per sequence (B = ${batch})`);
  lengths.forEach((length, b) => {
    if (!Number.isInteger(length) || length < 1 || length > steps) throw new RangeError(`lengths[${b}] = ${length} must be an integer in [1, ${steps}]`);
  });
}

/** Run the stack over input [T, B, D] ([B, T, D] if batchFirst); throws on wrong shapes, bad lengths or non-finite input. */
export function recurrentForward(model: Recurrent, input: Tensor, options: SequenceOptions = {}): SequenceResult {
  const { kind, inputSize: D, hiddenSize: H, numLayers, directions, gates, batchFirst, dtype } = model.config;
  if (input.shape.length !== 3 || input.shape[2] !== D) {
    throw new RangeError(`input has shape [${input.shape.join(', ')}], expected [${batchFirst ? 'B, T' : 'T, B'}, ${D}]`);
  }
  if (dtypeOf(input.data) !== dtype) throw new TypeError(`input is ${dtypeOf(input.data)}, the model is ${dtype}`);
  checkFinite('input', input.data);
  const T = batchFirst ? input.shape[1]! : input.shape[0]!;
  const B = batchFirst ? input.shape[0]! : input.shape[1]!;
  if (T < 1 || B < 1) throw new RangeError(`input has shape [${input.shape.join(', ')}]: T and B must be ≥ 1`);
  const stateShape = [numLayers * directions, B, H];
  const { h0, c0, lengths = null } = options;
  if (h0) { assertShape('h0', h0, stateShape); checkFinite('h0', h0.data); }
  if (c0) {
    if (kind !== 'LSTM') throw new RangeError(`c0 applies to LSTM only, not ${kind}`);
    assertShape('c0', c0, stateShape); checkFinite('c0', c0.data);
  }
  if (lengths) checkLengths(lengths, B, T);
  const kernel = kernelFor(kind);
  const hN = allocate(numLayers * directions * B * H, dtype);
  const cN = kind === 'LSTM' ? allocate(hN.length, dtype) : null;
  const layerInputs: FloatArray[] = [];
  const directionCaches: DirectionCache[][] = [];
  let layerInput = batchFirst ? swapLeadingAxes(input.data, B, T, D) : input.data;
  for (let layer = 0; layer < numLayers; layer++) {
    layerInputs.push(layerInput);
    const width = directions * H;
    const layerOutput = allocate(T * B * width, dtype);
    const row: DirectionCache[] = [];
    for (let direction = 0; direction < directions; direction++) {
      const p = cellParams(model, layer, direction);
      const slot = layer * directions + direction;
      const xProj = projectInput(p, gates, layerInput, T * B);
      let h = h0 ? h0.data.slice(slot * B * H, (slot + 1) * B * H) : allocate(B * H, dtype);
      let c = kind === 'LSTM' ? (c0 ? c0.data.slice(slot * B * H, (slot + 1) * B * H) : allocate(B * H, dtype)) : null;
      const steps: CellCacheBase[] = [];
      for (let s = 0; s < T; s++) {
        const t = direction === 0 ? s : T - 1 - s;
        const next = kernel.forward(p, xProj.subarray(t * B * gates * H, (t + 1) * B * gates * H), { h, c }, null);
        for (let b = 0; b < B; b++) {
          const out = (t * B + b) * width + direction * H;
          if (lengths && t >= lengths[b]!) {
            // Past this sequence's end: the state is carried unchanged and the output stays 0.
            next.h.set(h.subarray(b * H, (b + 1) * H), b * H);
            if (c && next.c) next.c.set(c.subarray(b * H, (b + 1) * H), b * H);
          } else {
            layerOutput.set(next.h.subarray(b * H, (b + 1) * H), out);
          }
        }
        steps.push(next.cache);
        h = next.h;
        c = next.c;
      }
      hN.set(h, slot * B * H);
      if (cN && c) cN.set(c, slot * B * H);
      row.push({ steps, params: p });
    }
    directionCaches.push(row);
    layerInput = layerOutput;
  }
  const outWidth = directions * H;
  const output = batchFirst ? fromData(swapLeadingAxes(layerInput, T, B, outWidth), [B, T, outWidth]) : fromData(layerInput, [T, B, outWidth]);
  return {
    output,
    hN: fromData(hN, stateShape),
    cN: cN ? fromData(cN, stateShape) : null,
    cache: { steps: T, batch: B, lengths, layerInputs, directions: directionCaches },
  };
}

/** Full BPTT: gradients of every parameter, the input, h0 and c0 from ∂L/∂output, ∂L/∂h_n and ∂L/∂c_n. */
export function recurrentBackward(model: Recurrent, forward: SequenceResult, upstream: SequenceGradients): SequenceBackwardResult {
  const { kind, inputSize: D, hiddenSize: H, numLayers, directions, gates, batchFirst, dtype } = model.config;
  const { cache } = forward;
  const { steps: T, batch: B, lengths } = cache;
  const stateShape = [numLayers * directions, B, H];
  const { gradOutput, gradHN, gradCN, keepHiddenGradients = false } = upstream;
  const hiddenGradients: FloatArray[][][] | null = keepHiddenGradients ? [] : null;
  const cellGradients: FloatArray[][][] | null = keepHiddenGradients && kind === 'LSTM' ? [] : null;
  if (gradOutput) { assertShape('gradOutput', gradOutput, forward.output.shape); checkFinite('gradOutput', gradOutput.data); }
  if (gradHN) { assertShape('gradHN', gradHN, stateShape); checkFinite('gradHN', gradHN.data); }
  if (gradCN) {
    if (kind !== 'LSTM') throw new RangeError(`gradCN applies to LSTM only, not ${kind}`);
    assertShape('gradCN', gradCN, stateShape); checkFinite('gradCN', gradCN.data);
  }
  const kernel = kernelFor(kind);
  const width = directions * H;
  const grads: Record<string, FloatArray> = {};
  const gradH0 = allocate(numLayers * directions * B * H, dtype);
  const gradC0 = kind === 'LSTM' ? allocate(gradH0.length, dtype) : null;
  // ∂L/∂(this layer's output), time-major [T·B, dirs·H].
  let gradLayerOutput = gradOutput
    ? (batchFirst ? swapLeadingAxes(gradOutput.data, B, T, width) : gradOutput.data)
    : allocate(T * B * width, dtype);
  for (let layer = numLayers - 1; layer >= 0; layer--) {
    const layerInput = cache.layerInputs[layer]!;
    const inputWidth = layer === 0 ? D : width;
    const gradLayerInput = allocate(T * B * inputWidth, dtype);
    for (let direction = 0; direction < directions; direction++) {
      const kept: FloatArray[] = [], keptCell: FloatArray[] = [];
      if (hiddenGradients) (hiddenGradients[layer] ??= [])[direction] = kept;
      if (cellGradients) (cellGradients[layer] ??= [])[direction] = keptCell;
      const { steps, params: p } = cache.directions[layer]![direction]!;
      const slot = layer * directions + direction;
      const weightHhT = transpose(p.weightHh, gates * H, H);
      const dIhAll = allocate(T * B * gates * H, dtype); // ∂L/∂(x_t W_ihᵀ + b_ih), by time
      const dHhAll = allocate(T * B * gates * H, dtype); // ∂L/∂(h_{t−1} W_hhᵀ + b_hh), by time
      const hPrevAll = allocate(T * B * H, dtype); // h_{t−1}, by time
      let dh = gradHN ? gradHN.data.slice(slot * B * H, (slot + 1) * B * H) : allocate(B * H, dtype);
      let dc = gradC0 ? (gradCN ? gradCN.data.slice(slot * B * H, (slot + 1) * B * H) : allocate(B * H, dtype)) : null;
      for (let s = T - 1; s >= 0; s--) {
        const t = direction === 0 ? s : T - 1 - s;
        const stepCache = steps[s]!;
        for (let b = 0; b < B; b++) {
          if (lengths && t >= lengths[b]!) continue; // the output there is the constant 0
          const from = (t * B + b) * width + direction * H;
          for (let j = 0; j < H; j++) dh[b * H + j] += gradLayerOutput[from + j]!;
        }
        if (hiddenGradients) kept[t] = dh.slice();
        const back = kernel.backward(p, stepCache, { h: dh, c: dc }, weightHhT);
        if (cellGradients && back.dCell) keptCell[t] = back.dCell;
        if (lengths) {
          for (let b = 0; b < B; b++) {
            if (t < lengths[b]!) continue;
            // Inactive row: the step was the identity on its state, so the gradient passes through unchanged.
            back.dPrev.h.set(dh.subarray(b * H, (b + 1) * H), b * H);
            if (dc && back.dPrev.c) back.dPrev.c.set(dc.subarray(b * H, (b + 1) * H), b * H);
            if (dc && back.dCell) back.dCell.set(dc.subarray(b * H, (b + 1) * H), b * H);
            back.dIh.fill(0, b * gates * H, (b + 1) * gates * H);
            back.dHh.fill(0, b * gates * H, (b + 1) * gates * H);
          }
        }
        dIhAll.set(back.dIh, t * B * gates * H);
        dHhAll.set(back.dHh, t * B * gates * H);
        hPrevAll.set(stepCache.hPrev, t * B * H);
        dh = back.dPrev.h;
        dc = back.dPrev.c;
      }
      gradH0.set(dh, slot * B * H);
      if (gradC0 && dc) gradC0.set(dc, slot * B * H);
      const cell = model.cells[layer]![direction]!;
      const gW_ih = allocate(gates * H * inputWidth, dtype);
      const gW_hh = allocate(gates * H * H, dtype);
      matmulTransposedA(gW_ih, dIhAll, layerInput, gates * H, inputWidth, T * B);
      matmulTransposedA(gW_hh, dHhAll, hPrevAll, gates * H, H, T * B);
      grads[cell.weightIh.name] = gW_ih;
      grads[cell.weightHh.name] = gW_hh;
      if (cell.biasIh && cell.biasHh) {
        const gb_ih = allocate(gates * H, dtype);
        const gb_hh = allocate(gates * H, dtype);
        addColumnSums(gb_ih, dIhAll, T * B, gates * H);
        addColumnSums(gb_hh, dHhAll, T * B, gates * H);
        grads[cell.biasIh.name] = gb_ih;
        grads[cell.biasHh.name] = gb_hh;
      }
      matmul(gradLayerInput, dIhAll, p.weightIh, T * B, inputWidth, gates * H, true);
    }
    gradLayerOutput = gradLayerInput;
  }
  // Re-key in parameters() order so callers see PyTorch's order.
  const ordered: Record<string, FloatArray> = {};
  for (const parameter of model.parameters) ordered[parameter.name] = grads[parameter.name]!;
  const inputGrad = batchFirst ? swapLeadingAxes(gradLayerOutput, T, B, D) : gradLayerOutput;
  const finite = allFinite(inputGrad) && allFinite(gradH0) && (!gradC0 || allFinite(gradC0)) && Object.values(ordered).every((g) => allFinite(g));
  return {
    grads: ordered,
    input: fromData(inputGrad, batchFirst ? [B, T, D] : [T, B, D]),
    h0: fromData(gradH0, stateShape),
    c0: gradC0 ? fromData(gradC0, stateShape) : null,
    finite,
    hiddenGradients,
    cellGradients,
  };
}

/** The cell caches of one layer and direction in time order (cache t holds every gate at step t), for widgets. */
export function stepCaches(result: SequenceResult, layer = 0, direction = 0): readonly CellCacheBase[] {
  const entry = result.cache.directions[layer]?.[direction];
  if (!entry) throw new RangeError(`no layer ${layer}, direction ${direction} in this result`);
  return direction === 0 ? entry.steps : [...entry.steps].reverse();
}
