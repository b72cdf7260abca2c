/**
 * Finite-difference gradient checks in float64: every module, stacked, bidirectional, with lengths, batch-first,
 * without bias, and the RNN with a custom activation. Reference: central differences of the forward pass itself.
 */
import { describe, expect, it } from 'vitest';
import { customActivation } from '../../../lib/nn/activation.ts';
import { checkGradients } from './gradcheck.ts';

const small = { inputSize: 3, hiddenSize: 2 };

describe('BPTT gradients match central differences (ε = 1e-6, tolerance 1e-6 relative)', () => {
  for (const kind of ['RNN', 'LSTM', 'GRU'] as const) {
    it(`${kind}: 2 layers, bidirectional, lengths, h0/c0`, () => {
      const n = checkGradients(kind, { ...small, numLayers: 2, bidirectional: true }, { T: 4, B: 3 }, { lengths: [4, 2, 1], withInitial: true });
      expect(n).toBeGreaterThan(100);
    });
    it(`${kind}: batch-first, no bias, 1 layer`, () => {
      checkGradients(kind, { ...small, batchFirst: true, bias: false }, { T: 3, B: 2 }, { withInitial: true }, 11);
    });
  }

  it('RNN relu: 2 layers with lengths', () => {
    checkGradients('RNN', { ...small, numLayers: 2, nonlinearity: 'relu' }, { T: 4, B: 2 }, { lengths: [3, 4] }, 5);
  });

  it('RNN with a custom activation f(a) = a − a³/3, f′(a) = 1 − a² (a reader formula), bidirectional with lengths', () => {
    const cubic = customActivation('a − a³/3', (a) => a - (a * a * a) / 3, (a) => 1 - a * a);
    checkGradients('RNN', { ...small, bidirectional: true, nonlinearity: cubic }, { T: 3, B: 2 }, { lengths: [2, 3], withInitial: true }, 3);
  });
});
