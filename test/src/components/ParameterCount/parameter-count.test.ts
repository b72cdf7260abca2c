import { describe, expect, it } from 'vitest';
import { recurrentParameterCount, type BiasMode, type CellKind } from '../../../../lib/count.ts';
import { comparisonAt, comparisonSeries, configFromValues, tensorRows } from '../../../../src/components/ParameterCount/parameter-count.ts';

describe('tensorRows', () => {
  it('lists PyTorch names and shapes (nn.LSTM(10, 20, num_layers=2, bidirectional=True), as named_parameters() prints)', () => {
    const rows = tensorRows({ kind: 'LSTM', inputSize: 10, hiddenSize: 20, numLayers: 2, bidirectional: true });
    expect(rows.map((r) => r.name)).toEqual([
      'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
      'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
      'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1',
      'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse',
    ]);
    expect(rows[0]!.shape).toEqual([80, 10]);
    expect(rows[8]!.shape).toEqual([80, 40]); // layer 1 reads both directions: 2 · 20
  });
  it('sums to lib/count.ts for every cell, bias mode, depth and direction', () => {
    for (const kind of ['RNN', 'GRU', 'LSTM'] as CellKind[]) {
      for (const bias of ['two', 'one', 'none'] as BiasMode[]) {
        for (const numLayers of [1, 3]) {
          for (const bidirectional of [false, true]) {
            const config = { kind, inputSize: 7, hiddenSize: 5, numLayers, bidirectional, bias };
            const sum = tensorRows(config).reduce((total, row) => total + row.count, 0);
            expect(sum, JSON.stringify(config)).toBe(recurrentParameterCount(config));
          }
        }
      }
    }
  });
  it('matches a hand count: nn.LSTM(10, 20) has 4·20·(10 + 20 + 2) = 2,560 parameters', () => {
    expect(tensorRows({ kind: 'LSTM', inputSize: 10, hiddenSize: 20 }).reduce((t, r) => t + r.count, 0)).toBe(2560);
  });
});

describe('comparison against T', () => {
  it('gives the page defaults 128,000 / 38,400 / 29,184 (D_in = 100, D_h = 128, T = 10, no biases)', () => {
    expect(comparisonAt(10, { kind: 'RNN', inputSize: 100, hiddenSize: 128 })).toEqual({ feedForward: 128000, cnn: 38400, recurrent: 29184 });
  });
  it('grows only for the feed-forward net', () => {
    const [ff, cnn, rnn] = comparisonSeries(50, { kind: 'RNN', inputSize: 100, hiddenSize: 128 });
    expect(ff!.points).toHaveLength(50);
    expect(ff!.points[49]).toEqual([50, 640000]);
    expect(new Set(cnn!.points.map(([, y]) => y))).toEqual(new Set([38400]));
    expect(new Set(rnn!.points.map(([, y]) => y))).toEqual(new Set([29184]));
  });
});

describe('configFromValues', () => {
  it('reads choices by their numbers', () => {
    const numbers = new Map([['D', 3], ['H', 4], ['L', 2], ['d', 2], ['B', 1], ['T', 5]]);
    expect(configFromValues({ cell: 'GRU' }, numbers)).toEqual({ kind: 'GRU', inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, bias: 'one' });
    expect(configFromValues({ cell: 'nonsense' }, new Map()).kind).toBe('RNN');
  });
});
