/** LSTM against GRU: parameter counts are lib's (lib/count.ts, checked against PyTorch's numel sums in test/lib), and the timer's arithmetic. */
import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../../../../lib/count.ts';
import { createRecurrent, parameterCount } from '../../../../lib/nn/recurrent.ts';
import { gatedParameterCount, measureSpeed } from '../../../../src/components/Gating/step-speed.ts';

describe('LSTM against GRU', () => {
  it('counts 4H(D+H+2) and 3H(D+H+2) parameters, as lib and a built model do', () => {
    expect(gatedParameterCount('LSTM', 32, 64)).toBe(4 * 64 * (32 + 64 + 2));
    expect(gatedParameterCount('GRU', 32, 64)).toBe(3 * 64 * (32 + 64 + 2));
    expect(gatedParameterCount('LSTM', 32, 64)).toBe(25_088);
    expect(gatedParameterCount('GRU', 32, 64)).toBe(18_816);
    expect(gatedParameterCount('LSTM', 10, 20)).toBe(2560); // the exercise's example
    for (const kind of ['LSTM', 'GRU'] as const) {
      expect(gatedParameterCount(kind, 7, 5)).toBe(recurrentParameterCount({ kind, inputSize: 7, hiddenSize: 5 }));
      expect(gatedParameterCount(kind, 7, 5)).toBe(parameterCount(createRecurrent(kind, { inputSize: 7, hiddenSize: 5 })));
    }
  });

  it('reports the median time per step of each kind from the clock it is given', () => {
    let tick = 0;
    const clock = () => (tick += 10); // every reading 10 ms after the last: each pass takes 10 ms
    const results = measureSpeed({ inputSize: 3, hiddenSize: 4, steps: 5, repeats: 3 }, clock);
    expect(results.map((r) => r.kind)).toEqual(['LSTM', 'GRU']);
    for (const result of results) expect(result.msPerStep).toBe(2); // 10 ms over 5 steps
    expect(results[0]!.parameters).toBe(4 * 4 * (3 + 4 + 2));
  });
});
