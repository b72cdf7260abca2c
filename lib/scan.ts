/**
 * The linear recurrence  h_t = A h_{t−1} + B x_t,  t = 1…T,  computed two ways.
 *
 * Sequentially: T rounds, each one mat-vec A h_{t−1} that must wait for the round before.
 *
 * In parallel: write step t as the affine map  f_t(h) = A_t h + b_t  with b_t = B x_t. Composition is
 * associative:  (f_s ∘ f_t)(h) = A_s A_t h + (A_s b_t + b_s),  i.e.  (A_s, b_s) ∘ (A_t, b_t) = (A_s A_t, A_s b_t + b_s),
 * so a prefix scan (Hillis–Steele) gives every F_t = f_t ∘ … ∘ f_1 in ⌈log₂ T⌉ rounds, and h_t = F_t(h_0).
 * The price is work: matrix–matrix products (H³) instead of mat-vecs (H²), about log₂ T times over.
 *
 * Work and depth count the recurrence only; the input projections B x_t are T independent mat-vecs, the
 * same for both methods, and are left out. A flop is one multiply or one add.
 */
import { assertShape, allFinite, type Tensor } from './tensor.ts';

/** The recurrence's inputs: A [H, H] (or one per step, [T, H, H]), B [H, D], x [T, D], optional h0 [H]. */
export interface LinearRecurrence {
  /** State transition A, shape [H, H], or a different A_t per step with shape [T, H, H]. */
  readonly A: Tensor;
  /** Input matrix B, shape [H, D]. */
  readonly B: Tensor;
  /** Inputs x_1…x_T, shape [T, D]. */
  readonly x: Tensor;
  /** Initial state h_0, shape [H] (default zeros). */
  readonly h0?: Tensor;
}

/** How much arithmetic a method did, and how many rounds had to run one after another. */
export interface ScanCost {
  /** Sequential rounds: T for the loop; ⌈log₂ T⌉ for the scan, plus one when a nonzero h_0 is folded into f_1. */
  readonly depth: number;
  /** Matrix–matrix products H×H by H×H. */
  readonly matMuls: number;
  /** Matrix–vector products H×H by H. */
  readonly matVecs: number;
  /** Multiplies plus adds: 2H³ per matMul, 2H² per matVec, H per vector add. */
  readonly flops: number;
}

/** The states h_1…h_T, shape [T, H], with the cost of computing them. */
export interface ScanResult {
  /** h_t in row t. */
  readonly states: Float64Array;
  /** Shape [T, H] of states. */
  readonly shape: readonly [number, number];
  /** Work and depth. */
  readonly cost: ScanCost;
}

interface Prepared { T: number; H: number; transition: (t: number) => Float64Array; b: Float64Array[]; h0: Float64Array | null }

function prepare(problem: LinearRecurrence): Prepared {
  const { A, B, x, h0 } = problem;
  if (x.shape.length !== 2) throw new RangeError(`x has shape [${x.shape.join(', ')}], expected [T, D]`);
  const [T, D] = x.shape as [number, number];
  if (B.shape.length !== 2) throw new RangeError(`B has shape [${B.shape.join(', ')}], expected [H, ${D}]`);
  const H = B.shape[0]!;
  assertShape('B', B, [H, D]);
  const timeVarying = A.shape.length === 3;
  assertShape('A', A, timeVarying ? [T, H, H] : [H, H]);
  if (h0) assertShape('h0', h0, [H]);
  for (const [name, tensor] of [['A', A], ['B', B], ['x', x], ['h0', h0]] as const) {
    if (tensor && !allFinite(tensor.data)) throw new RangeError(`${name} of shape [${tensor.shape.join(', ')}] contains a non-finite value`);
  }
  const matrices = Array.from({ length: timeVarying ? T : 1 }, (_, t) => Float64Array.from(A.data.subarray(t * H * H, (t + 1) * H * H)));
  const b = Array.from({ length: T }, (_, t) => {
    const bt = new Float64Array(H);
    for (let i = 0; i < H; i++) for (let j = 0; j < D; j++) bt[i]! += B.data[i * D + j]! * x.data[t * D + j]!;
    return bt;
  });
  const h0Data = h0 && h0.data.some((v) => v !== 0) ? Float64Array.from(h0.data) : null;
  return { T, H, transition: (t) => matrices[timeVarying ? t : 0]!, b, h0: h0Data };
}

function matVec(M: Float64Array, v: Float64Array, H: number): Float64Array {
  const out = new Float64Array(H);
  for (let i = 0; i < H; i++) { let s = 0; for (let j = 0; j < H; j++) s += M[i * H + j]! * v[j]!; out[i] = s; }
  return out;
}

function matMul(P: Float64Array, Q: Float64Array, H: number): Float64Array {
  const out = new Float64Array(H * H);
  for (let i = 0; i < H; i++) for (let k = 0; k < H; k++) {
    const p = P[i * H + k]!;
    for (let j = 0; j < H; j++) out[i * H + j]! += p * Q[k * H + j]!;
  }
  return out;
}

/** h_t = A h_{t−1} + B x_t by a plain loop: depth T. */
export function sequentialScan(problem: LinearRecurrence): ScanResult {
  const { T, H, transition, b, h0 } = prepare(problem);
  const states = new Float64Array(T * H);
  let h = h0 ?? new Float64Array(H);
  for (let t = 0; t < T; t++) {
    const next = matVec(transition(t), h, H);
    for (let i = 0; i < H; i++) next[i]! += b[t]![i]!;
    states.set(next, t * H);
    h = next;
  }
  return { states, shape: [T, H], cost: { depth: T, matMuls: 0, matVecs: T, flops: T * (2 * H * H + H) } };
}

/** h_t = A h_{t−1} + B x_t by a Hillis–Steele prefix scan over affine maps (A_t, b_t): depth ⌈log₂ T⌉. */
export function parallelScan(problem: LinearRecurrence): ScanResult {
  const { T, H, transition, b, h0 } = prepare(problem);
  let depth = 0, matMuls = 0, matVecs = 0, flops = 0;
  if (h0 && T > 0) {
    // Fold h_0 into the first map: f_1(h) = A_1 h + b_1 is applied to h_0 once, so every F_t(0) = h_t.
    const first = matVec(transition(0), h0, H);
    for (let i = 0; i < H; i++) b[0]![i]! += first[i]!;
    depth++; matVecs++; flops += 2 * H * H + H;
  }
  // Element t starts as f_t = (A_t, b_t); after the round with offset d it holds f_t ∘ … ∘ f_{max(1, t−2d+1)}.
  let maps = Array.from({ length: T }, (_, t) => ({ A: transition(t), b: b[t]! }));
  for (let offset = 1; offset < T; offset *= 2) {
    // One round: every t ≥ offset combines with t − offset at once (all reads from the previous round).
    const previous = maps;
    maps = previous.map((later, t) => {
      if (t < offset) return later;
      const earlier = previous[t - offset]!;
      const bNew = matVec(later.A, earlier.b, H);
      for (let i = 0; i < H; i++) bNew[i]! += later.b[i]!;
      matMuls++; matVecs++; flops += 2 * H * H * H + 2 * H * H + H;
      return { A: matMul(later.A, earlier.A, H), b: bNew };
    });
    depth++;
  }
  // F_t = f_t ∘ … ∘ f_1 maps h_0 (already folded in) to h_t = b-part of F_t.
  const states = new Float64Array(T * H);
  maps.forEach((F, t) => states.set(F.b, t * H));
  return { states, shape: [T, H], cost: { depth, matMuls, matVecs, flops } };
}
