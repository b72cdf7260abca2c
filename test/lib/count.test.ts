/**
 * lib/count.ts against PyTorch's sum(p.numel() for p in module.parameters()): test/fixtures/ops/counts.json,
 * written by scripts/make_op_fixtures.py (PyTorch 1.13) for RNN/LSTM/GRU × layers 1–3 × uni/bidirectional × bias,
 * nn.Linear and nn.Conv1d, and the comparison chapter's three models.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  conv1dParameterCount, feedForwardParameterCount, gateCount, linearParameterCount, recurrentParameterCount, type CellKind,
} from '../../lib/count.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/ops/counts.json', import.meta.url), 'utf8'));

describe('recurrent counts equal torch (fixture counts.json)', () => {
  for (const c of fixture.recurrent) {
    const label = `${c.module}(${c.input_size}, ${c.hidden_size}, num_layers=${c.num_layers}, bias=${c.bias}, bidirectional=${c.bidirectional})`;
    it(`${label} = ${c.num_parameters}`, () => {
      expect(recurrentParameterCount({
        kind: c.module as CellKind, inputSize: c.input_size, hiddenSize: c.hidden_size,
        numLayers: c.num_layers, bidirectional: c.bidirectional, bias: c.bias ? 'two' : 'none',
      })).toBe(c.num_parameters);
    });
  }
});

describe('Linear and Conv1d counts equal torch (fixture counts.json)', () => {
  it('nn.Linear', () => {
    for (const c of fixture.linear) expect(linearParameterCount(c.in_features, c.out_features, c.bias)).toBe(c.num_parameters);
  });
  it('nn.Conv1d', () => {
    for (const c of fixture.conv1d) expect(conv1dParameterCount(c.in_channels, c.out_channels, c.kernel_size, c.bias)).toBe(c.num_parameters);
  });
});

describe("the comparison chapter's default: D_in = 100, D_h = 128, T = 10, kernel 3, no biases", () => {
  const c = fixture.comparison_chapter;
  it('feed-forward 128,000 / 1-D CNN 38,400 / RNN 29,184, as torch counts them', () => {
    expect([c.feed_forward, c.conv1d, c.rnn]).toEqual([128_000, 38_400, 29_184]);
    expect(feedForwardParameterCount(c.sequence_length, c.input_size, c.hidden_size, false)).toBe(c.feed_forward);
    expect(conv1dParameterCount(c.input_size, c.hidden_size, c.kernel_size, false)).toBe(c.conv1d);
    expect(recurrentParameterCount({ kind: 'RNN', inputSize: c.input_size, hiddenSize: c.hidden_size, bias: 'none' })).toBe(c.rnn);
  });
  it('by hand: RNN = H·D + H·H = 128·100 + 128·128 = 12,800 + 16,384 = 29,184', () => {
    expect(128 * 100 + 128 * 128).toBe(29_184);
  });
});

describe('count helpers', () => {
  it('gate counts and the merged-bias mode', () => {
    expect([gateCount('RNN'), gateCount('GRU'), gateCount('LSTM')]).toEqual([1, 3, 4]);
    // One merged bias per cell: LSTM(2, 3) = 4·3·(2 + 3 + 1) = 72 (torch's two-vector form has 84).
    expect(recurrentParameterCount({ kind: 'LSTM', inputSize: 2, hiddenSize: 3, bias: 'one' })).toBe(72);
    expect(recurrentParameterCount({ kind: 'LSTM', inputSize: 2, hiddenSize: 3 })).toBe(84);
  });
  it('bad sizes throw, naming the argument', () => {
    expect(() => recurrentParameterCount({ kind: 'GRU', inputSize: 0, hiddenSize: 3 })).toThrow(/inputSize/);
    expect(() => recurrentParameterCount({ kind: 'GRU', inputSize: 2, hiddenSize: 3, numLayers: 1.5 })).toThrow(/numLayers/);
    expect(() => linearParameterCount(3, -1)).toThrow(/outFeatures/);
    expect(() => feedForwardParameterCount(0, 2, 2)).toThrow(/sequenceLength/);
    expect(() => conv1dParameterCount(2, 2, 0)).toThrow(/kernelSize/);
  });
});
