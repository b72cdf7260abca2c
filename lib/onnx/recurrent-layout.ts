/**
 * Recurrent weights between PyTorch's layout (the core's) and ONNX's RNN/LSTM/GRU operators.
 *
 * PyTorch, per layer and direction:  W_ih [G·H, D]   W_hh [G·H, H]   b_ih [G·H]   b_hh [G·H]
 * ONNX, per layer (both directions stacked on axis 0):
 *   W [dirs, G·H, D]   R [dirs, G·H, H]   B [dirs, 2·G·H] = [Wb | Rb]   (Wb ≡ b_ih, Rb ≡ b_hh)
 * The gate blocks (H rows each) are stacked in a different order:
 *   LSTM  PyTorch i, f, g, o      ONNX i, o, f, c    (c is PyTorch's candidate g)
 *   GRU   PyTorch r, z, n         ONNX z, r, h       (h is the candidate n; PyTorch's GRU is
 *                                                    ONNX's with linear_before_reset = 1)
 *   RNN   one block, no reordering.
 */
import type { CellKind } from '../count.ts';

/** ONNX_BLOCK_SOURCE[kind][k] = the PyTorch gate block that ONNX gate block k holds. */
const ONNX_BLOCK_SOURCE: Readonly<Record<CellKind, readonly number[]>> = {
  RNN: [0],
  LSTM: [0, 3, 1, 2], // ONNX i, o, f, c ← PyTorch i(0), o(3), f(1), g(2)
  GRU: [1, 0, 2], // ONNX z, r, h ← PyTorch z(1), r(0), n(2)
};

/** For each ONNX gate block in order, the index of the PyTorch gate block it holds. */
export function onnxGateOrder(kind: CellKind): readonly number[] {
  return ONNX_BLOCK_SOURCE[kind];
}

/** Rearrange blocks of `blockLength` elements: out block k = input block source[k]. */
function permuteBlocks(data: ArrayLike<number>, source: readonly number[], blockLength: number): Float64Array {
  if (data.length !== source.length * blockLength) throw new RangeError(`expected ${source.length} gate blocks of ${blockLength} values, got ${data.length} values`);
  const out = new Float64Array(data.length);
  source.forEach((from, to) => {
    for (let i = 0; i < blockLength; i++) out[to * blockLength + i] = data[from * blockLength + i]!;
  });
  return out;
}

function inverse(order: readonly number[]): number[] {
  const out = new Array<number>(order.length);
  order.forEach((from, to) => { out[from] = to; });
  return out;
}

/** A PyTorch-ordered gate-stacked tensor ([G·H, cols] or [G·H]) in ONNX's gate order. */
export function torchToOnnxGates(kind: CellKind, data: ArrayLike<number>, hiddenSize: number, columns = 1): Float64Array {
  return permuteBlocks(data, ONNX_BLOCK_SOURCE[kind], hiddenSize * columns);
}

/** An ONNX-ordered gate-stacked tensor ([G·H, cols] or [G·H]) in PyTorch's gate order. */
export function onnxToTorchGates(kind: CellKind, data: ArrayLike<number>, hiddenSize: number, columns = 1): Float64Array {
  return permuteBlocks(data, inverse(ONNX_BLOCK_SOURCE[kind]), hiddenSize * columns);
}
