/**
 * Gate order between PyTorch and ONNX, checked by hand on H = 1 (one value per gate) against the tables
 * in the ONNX operator docs (LSTM: iofc; GRU: zrh) and PyTorch's docs (LSTM: i, f, g, o; GRU: r, z, n).
 */
import { describe, expect, it } from 'vitest';
import { onnxGateOrder, onnxToTorchGates, torchToOnnxGates } from '../../../lib/onnx/recurrent-layout.ts';
import { createRandom } from '../../../lib/random.ts';

describe('recurrent gate layout', () => {
  it('LSTM: PyTorch i, f, g, o → ONNX i, o, f, c', () => {
    expect(Array.from(torchToOnnxGates('LSTM', [1, 2, 3, 4], 1))).toEqual([1, 4, 2, 3]);
    expect(Array.from(onnxToTorchGates('LSTM', [1, 4, 2, 3], 1))).toEqual([1, 2, 3, 4]);
  });

  it('GRU: PyTorch r, z, n → ONNX z, r, h', () => {
    expect(Array.from(torchToOnnxGates('GRU', [1, 2, 3], 1))).toEqual([2, 1, 3]);
    expect(Array.from(onnxToTorchGates('GRU', [2, 1, 3], 1))).toEqual([1, 2, 3]);
    expect(onnxGateOrder('RNN')).toEqual([0]);
  });

  it('moves whole [H, columns] blocks, and the two directions are inverses', () => {
    // H = 2, 3 columns: block b holds the values 100·b + 0…5.
    const torch = Array.from({ length: 4 * 6 }, (_, i) => 100 * Math.floor(i / 6) + (i % 6));
    const onnx = torchToOnnxGates('LSTM', torch, 2, 3);
    expect(Array.from(onnx.subarray(6, 12))).toEqual([300, 301, 302, 303, 304, 305]); // ONNX block 1 (o) = PyTorch block 3
    const random = createRandom(3);
    for (const kind of ['RNN', 'LSTM', 'GRU'] as const) {
      const gates = kind === 'LSTM' ? 4 : kind === 'GRU' ? 3 : 1;
      const data = Array.from({ length: gates * 5 * 7 }, () => random.normal());
      expect(Array.from(onnxToTorchGates(kind, torchToOnnxGates(kind, data, 5, 7), 5, 7))).toEqual(data);
    }
  });

  it('refuses data that is not whole gate blocks', () => {
    expect(() => torchToOnnxGates('LSTM', [1, 2, 3], 1)).toThrow(/4 gate blocks/);
  });
});
