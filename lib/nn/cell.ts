/**
 * What every recurrent cell shares: its parameters in PyTorch's layout, the step contract, and the two
 * matrix products around the cell's own equations.
 *
 * A cell with G gate blocks (RNN 1, GRU 3, LSTM 4), input size D and hidden size H reads
 *   W_ih [G·H, D]   W_hh [G·H, H]   b_ih [G·H]   b_hh [G·H]
 * and each step starts from two projections, one of the input and one of the previous state:
 *   x_t W_ihᵀ + b_ih        h_{t−1} W_hhᵀ + b_hh        (each [B, G·H] for a batch of B rows)
 *
 * The sequence driver computes the first for all T steps in one big product, then calls the cell's
 * `forward` once per step with that slice. The step API (`step`, `stepBackward`) wraps the same code
 * for widgets and adds the per-step weight gradients.
 */
import { allFinite, allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import { addColumnSums, addRowVector, matmul, matmulTransposed, matmulTransposedA } from '../kernels.ts';
import type { CellKind } from '../count.ts';
import type { Activation } from './activation.ts';

/** One direction of one layer: the tensors a cell step reads, in PyTorch's layout. */
export interface CellParams {
  /** D, features per input row. */
  readonly inputSize: number;
  /** H, hidden units. */
  readonly hiddenSize: number;
  /** W_ih, [G·H, D]. */
  readonly weightIh: FloatArray;
  /** W_hh, [G·H, H]. */
  readonly weightHh: FloatArray;
  /** b_ih, [G·H]; null when the layer has no bias. */
  readonly biasIh: FloatArray | null;
  /** b_hh, [G·H]; null when the layer has no bias. */
  readonly biasHh: FloatArray | null;
  /** The RNN cell's nonlinearity f (unused by LSTM and GRU). */
  readonly activation?: Activation;
}

/** A batch of recurrent state: h [B, H], and c [B, H] for the LSTM (null otherwise). */
export interface CellState {
  /** Hidden state h. */
  readonly h: FloatArray;
  /** Cell state c (LSTM only). */
  readonly c: FloatArray | null;
}

/** What every cell's cache holds besides its own intermediates. */
export interface CellCacheBase {
  /** Rows in the batch, B. */
  readonly batch: number;
  /** The step's input x_t [B, D], kept by the step API for the weight gradient (null in the sequence driver). */
  readonly x: FloatArray | null;
  /** h_{t−1} [B, H]. */
  readonly hPrev: FloatArray;
}

/** The result of one forward step: the new state and everything backward needs. */
export interface StepResult<Cache extends CellCacheBase> {
  /** h_t [B, H]. */
  readonly h: FloatArray;
  /** c_t [B, H] for the LSTM, else null. */
  readonly c: FloatArray | null;
  /** Every intermediate of the step (gates, pre-activations), for backward and for widgets. */
  readonly cache: Cache;
}

/** Gradients at the two projections of one step, and at the previous state. */
export interface ProjectedGrads {
  /** ∂L/∂(x_t W_ihᵀ + b_ih), [B, G·H]. */
  readonly dIh: FloatArray;
  /** ∂L/∂(h_{t−1} W_hhᵀ + b_hh), [B, G·H] (the same array as dIh for RNN and LSTM). */
  readonly dHh: FloatArray;
  /** ∂L/∂h_{t−1} and ∂L/∂c_{t−1}. */
  readonly dPrev: CellState;
  /** LSTM only: ∂L/∂c_t [B, H], everything that reaches c_t (from c_{t+1} and through h_t). */
  readonly dCell?: FloatArray;
}

/** A cell's equations: forward from the projected input, backward to the projections. */
export interface CellKernel<Cache extends CellCacheBase> {
  /** Which cell. */
  readonly kind: CellKind;
  /** Gate blocks G in the weights. */
  readonly gates: number;
  /** One step from xProj = x_t W_ihᵀ + b_ih ([B, G·H]) and the previous state. */
  forward(p: CellParams, xProj: FloatArray, prev: CellState, x: FloatArray | null): StepResult<Cache>;
  /** Backward through one step, given ∂L/∂h_t and ∂L/∂c_t (dNext.c null means zero); weightHhT is W_hhᵀ if the caller has it. */
  backward(p: CellParams, cache: Cache, dNext: CellState, weightHhT?: FloatArray): ProjectedGrads;
}

/** Gradients of one step, keyed like the parameters, plus ∂L/∂x_t. */
export interface StepGrads {
  /** ∂L/∂W_ih [G·H, D]. */
  readonly weightIh: FloatArray;
  /** ∂L/∂W_hh [G·H, H]. */
  readonly weightHh: FloatArray;
  /** ∂L/∂b_ih [G·H] (null without bias). */
  readonly biasIh: FloatArray | null;
  /** ∂L/∂b_hh [G·H] (null without bias). */
  readonly biasHh: FloatArray | null;
  /** ∂L/∂x_t [B, D]. */
  readonly x: FloatArray;
}

/** h W_hhᵀ + b_hh for a [B, H] state, as a new [B, G·H] array: the recurrent half of a step. */
export function projectHidden(p: CellParams, gates: number, h: FloatArray): FloatArray {
  const H = p.hiddenSize;
  const batch = h.length / H;
  const out = allocate(batch * gates * H, dtypeOf(h));
  matmulTransposed(out, h, p.weightHh, batch, gates * H, H);
  if (p.biasHh) addRowVector(out, p.biasHh, batch, gates * H);
  return out;
}

/** x W_ihᵀ + b_ih for a [rows, D] input: the input half of a step (or of all steps at once). */
export function projectInput(p: CellParams, gates: number, x: FloatArray, rows: number): FloatArray {
  const width = gates * p.hiddenSize;
  const out = allocate(rows * width, dtypeOf(x));
  matmulTransposed(out, x, p.weightIh, rows, width, p.inputSize);
  if (p.biasIh) addRowVector(out, p.biasIh, rows, width);
  return out;
}

/** Check one step's inputs against the parameters, naming what is wrong. */
export function checkStep(p: CellParams, x: FloatArray, prev: CellState, needsC: boolean): number {
  const H = p.hiddenSize;
  if (prev.h.length % H !== 0 || prev.h.length === 0) throw new RangeError(`h has ${prev.h.length} elements, not a multiple of hiddenSize ${H}`);
  const batch = prev.h.length / H;
  if (x.length !== batch * p.inputSize) throw new RangeError(`x has ${x.length} elements, expected [${batch}, ${p.inputSize}]`);
  if (needsC && (!prev.c || prev.c.length !== prev.h.length)) throw new RangeError(`c must have shape [${batch}, ${H}] like h`);
  if (dtypeOf(x) !== dtypeOf(p.weightIh) || dtypeOf(prev.h) !== dtypeOf(p.weightIh)) throw new TypeError('x, h and the weights must share one dtype');
  for (const [name, data] of [['x', x], ['h', prev.h], ['c', prev.c]] as const) {
    if (data && !allFinite(data)) throw new RangeError(`${name} holds a non-finite value`);
  }
  return batch;
}

/** One forward step from the raw input x_t [B, D]: project it, then run the cell's equations. */
export function stepWith<Cache extends CellCacheBase>(kernel: CellKernel<Cache>, p: CellParams, x: FloatArray, prev: CellState): StepResult<Cache> {
  const batch = checkStep(p, x, prev, kernel.kind === 'LSTM');
  return kernel.forward(p, projectInput(p, kernel.gates, x, batch), prev, x);
}

/** One backward step with the weight gradients of that step alone, for widgets (the driver sums them over all steps at once). */
export function stepBackwardWith<Cache extends CellCacheBase>(
  kernel: CellKernel<Cache>,
  p: CellParams,
  cache: Cache,
  dNext: CellState,
): { grads: StepGrads; dPrev: CellState } {
  if (!cache.x) throw new RangeError('stepBackward needs a cache made by step (it keeps x_t)');
  const { dIh, dHh, dPrev } = kernel.backward(p, cache, dNext);
  const width = kernel.gates * p.hiddenSize;
  const dtype = dtypeOf(cache.hPrev);
  const weightIh = allocate(width * p.inputSize, dtype);
  const weightHh = allocate(width * p.hiddenSize, dtype);
  matmulTransposedA(weightIh, dIh, cache.x, width, p.inputSize, cache.batch); // ∂L/∂W_ih = dIhᵀ x_t
  matmulTransposedA(weightHh, dHh, cache.hPrev, width, p.hiddenSize, cache.batch); // ∂L/∂W_hh = dHhᵀ h_{t−1}
  const x = allocate(cache.batch * p.inputSize, dtype);
  matmul(x, dIh, p.weightIh, cache.batch, p.inputSize, width); // ∂L/∂x_t = dIh W_ih
  let biasIh: FloatArray | null = null;
  let biasHh: FloatArray | null = null;
  if (p.biasIh && p.biasHh) {
    biasIh = allocate(width, dtype);
    biasHh = allocate(width, dtype);
    addColumnSums(biasIh, dIh, cache.batch, width);
    addColumnSums(biasHh, dHh, cache.batch, width);
  }
  return { grads: { weightIh, weightHh, biasIh, biasHh, x }, dPrev };
}

