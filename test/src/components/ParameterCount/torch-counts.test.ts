/**
 * The calculator's table totals and the comparison against PyTorch's own counts:
 * test/fixtures/ops/counts.json was written by scripts/make_op_fixtures.py, which builds each module
 * in PyTorch and sums p.numel() over module.parameters().
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../../lib/count.ts';
import { comparisonAt, headCount, tensorRows, totalCount } from '../../../../src/components/ParameterCount/parameter-count.ts';

interface RecurrentCase { module: CellKind; input_size: number; hidden_size: number; num_layers: number; bidirectional: boolean; bias: boolean; num_parameters: number }
interface LinearCase { in_features: number; out_features: number; bias: boolean; num_parameters: number }
interface Counts {
  recurrent: RecurrentCase[];
  linear: LinearCase[];
  comparison_chapter: { input_size: number; hidden_size: number; sequence_length: number; kernel_size: number; feed_forward: number; conv1d: number; rnn: number };
}
const counts = JSON.parse(readFileSync(new URL('../../../fixtures/ops/counts.json', import.meta.url), 'utf8')) as Counts;

describe('the per-tensor table against torch numel (counts.json)', () => {
  it('has cases to check', () => {
    expect(counts.recurrent.length).toBeGreaterThanOrEqual(24);
  });
  for (const c of counts.recurrent) {
    const config = { kind: c.module, inputSize: c.input_size, hiddenSize: c.hidden_size, numLayers: c.num_layers, bidirectional: c.bidirectional, bias: c.bias ? 'two' : 'none' } as const;
    it(`nn.${c.module}(${c.input_size}, ${c.hidden_size}, num_layers=${c.num_layers}, bidirectional=${c.bidirectional}, bias=${c.bias}) = ${c.num_parameters}`, () => {
      expect(tensorRows(config).reduce((sum, row) => sum + row.count, 0)).toBe(c.num_parameters);
      expect(totalCount(config)).toEqual({ ok: true, total: c.num_parameters });
    });
  }
});

describe('the head against torch numel (counts.json)', () => {
  it('nn.Linear(in, out) with a bias matches every fixture case that has one', () => {
    const withBias = counts.linear.filter((c) => c.bias);
    expect(withBias.length).toBeGreaterThan(0);
    for (const c of withBias) {
      expect(headCount({ kind: 'RNN', inputSize: 1, hiddenSize: c.in_features }, c.out_features)).toBe(c.num_parameters);
    }
  });
  it('a bidirectional layer doubles the head input: nn.Linear(256, 10) = 2,570 (hand count 256·10 + 10)', () => {
    expect(headCount({ kind: 'LSTM', inputSize: 100, hiddenSize: 128, bidirectional: true }, 10)).toBe(2570);
  });
});

describe('the chapter comparison against torch (counts.json comparison_chapter)', () => {
  it('D_in = 100, D_h = 128, T = 10, kernel 3, no biases', () => {
    const c = counts.comparison_chapter;
    expect(c.kernel_size).toBe(3);
    expect(comparisonAt(c.sequence_length, { kind: 'RNN', inputSize: c.input_size, hiddenSize: c.hidden_size })).toEqual({ feedForward: c.feed_forward, cnn: c.conv1d, recurrent: c.rnn });
  });
  it('with biases: each gains its bias vectors (torch: Linear(1000, 128) 128,128, Conv1d(100, 128, 3) 38,528, RNN(100, 128) 29,440)', () => {
    const rnnWithBias = counts.recurrent.find((c) => c.module === 'RNN' && c.input_size === 100 && c.hidden_size === 128 && c.num_layers === 1 && !c.bidirectional && c.bias)!;
    expect(comparisonAt(10, { kind: 'RNN', inputSize: 100, hiddenSize: 128, bias: 'two' }, true)).toEqual({ feedForward: 128128, cnn: 38528, recurrent: rnnWithBias.num_parameters });
  });
});
