/** The LSTM exercise's checking and the PyTorch mirror's text. Reference counts: lib/count.ts, itself checked against torch in test/lib. */
import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../../../../lib/count.ts';
import { checkFormulaAnswer, sampleAssignments } from '../../../../src/kit/exercise.ts';
import { EXERCISE_SIZES, exerciseReference, formatBytes, memoryBytes } from '../../../../src/components/ParameterCount/parameter-count.ts';
import { constructorCall, pytorchCode } from '../../../../src/components/ParameterCount/pytorch-code.ts';

const variables = Object.entries(EXERCISE_SIZES).map(([name, [min, max]]) => ({ name, min, max }));
const SEED = 3; // the seed content/docs/parameters.mdx gives <CountExercise>

describe('the "write the LSTM count" exercise', () => {
  it('is checked on eight different random sizes, the same ones for the same seed', () => {
    const sizes = sampleAssignments(variables, SEED, 8);
    expect(new Set(sizes.map((s) => `${s.get('D')},${s.get('H')}`)).size).toBe(8);
    expect(sampleAssignments(variables, SEED, 8)).toEqual(sizes);
    for (const s of sizes) {
      expect(s.get('D')).toBeGreaterThanOrEqual(1);
      expect(s.get('H')).toBeLessThanOrEqual(300);
    }
  });
  it("uses lib/count.ts's LSTM count as the reference", () => {
    const reference = exerciseReference('LSTM');
    expect(reference(new Map([['D', 10], ['H', 20]]))).toBe(2560); // hand count: 4·20·(10 + 20 + 2)
    expect(reference(new Map([['D', 7], ['H', 3]]))).toBe(recurrentParameterCount({ kind: 'LSTM', inputSize: 7, hiddenSize: 3 }));
  });
  it('accepts any correct way of writing the count', () => {
    for (const answer of ['4*H*(D+H+2)', '4*H^2 + 4*H*D + 8*H', '(D + H + 2) * H * 4']) {
      expect(checkFormulaAnswer(answer, exerciseReference('LSTM'), variables, { seed: SEED }).status, answer).toBe('correct');
    }
  });
  it('rejects near misses: one bias, no bias, a GRU, a plain RNN', () => {
    for (const answer of ['4*H*(D+H+1)', '4*H*(D+H)', '3*H*(D+H+2)', 'H*(D+H+2)', '4*D*(D+H+2)']) {
      expect(checkFormulaAnswer(answer, exerciseReference('LSTM'), variables, { seed: SEED }).status, answer).toBe('incorrect');
    }
  });
  it('reports garbage as invalid, not as wrong', () => {
    expect(checkFormulaAnswer('4*H*(', exerciseReference('LSTM'), variables, { seed: SEED }).status).toBe('invalid');
    expect(checkFormulaAnswer('T*H', exerciseReference('LSTM'), variables, { seed: SEED }).status).toBe('invalid');
  });
});

describe('the PyTorch mirror', () => {
  it('writes the constructor PyTorch needs', () => {
    expect(constructorCall({ kind: 'RNN', inputSize: 100, hiddenSize: 128 })).toBe('nn.RNN(100, 128)');
    expect(constructorCall({ kind: 'LSTM', inputSize: 5, hiddenSize: 7, numLayers: 2, bidirectional: true, bias: 'none' })).toBe('nn.LSTM(5, 7, num_layers=2, bidirectional=True, bias=False)');
  });
  it("prints the page defaults' numbers as torch does (RNN(100, 128): 29,440; Linear(128, 10): 1,290)", () => {
    const code = pytorchCode({ kind: 'RNN', inputSize: 100, hiddenSize: 128, numLayers: 1, bidirectional: false, bias: 'two' }, 10);
    expect(code).toContain('rnn = nn.RNN(100, 128)\n');
    expect(code).toContain('head = nn.Linear(128, 10)');
    expect(code).toContain('# weight_ih_l0 (128, 100) 12800\n# weight_hh_l0 (128, 128) 16384\n# bias_ih_l0 (128,) 128\n# bias_hh_l0 (128,) 128\n');
    expect(code).toContain('print(sum(p.numel() for p in rnn.parameters()))\n# 29440');
    expect(code).toContain('print(sum(p.numel() for p in head.parameters()))\n# 1290');
    expect(code).not.toMatch(/NaN|undefined/);
  });
  it('with one merged bias builds the two-bias layer and subtracts bias_hh (29,440 − 128 = 29,312)', () => {
    const code = pytorchCode({ kind: 'RNN', inputSize: 100, hiddenSize: 128, bias: 'one' }, 10);
    expect(code).toContain('rnn = nn.RNN(100, 128)\n');
    expect(code).toContain('# 29440\n');
    expect(code).toContain("if not n.startswith('bias_hh')))\n# 29312");
  });
  it('bidirectional: _reverse tensors and a head on 2·D_h', () => {
    const code = pytorchCode({ kind: 'GRU', inputSize: 5, hiddenSize: 7, numLayers: 2, bidirectional: true, bias: 'two' }, 3);
    expect(code).toContain('# weight_ih_l1_reverse (21, 14) 294');
    expect(code).toContain('head = nn.Linear(14, 3)');
    expect(code).toContain(`# ${recurrentParameterCount({ kind: 'GRU', inputSize: 5, hiddenSize: 7, numLayers: 2, bidirectional: true })}\n`);
  });
});

describe('memory', () => {
  it('4 bytes per float32 weight, 16 with gradients and Adam moments', () => {
    expect(memoryBytes(29440)).toEqual({ weights: 117760, adamTraining: 471040 });
    expect(formatBytes(117760)).toBe('117.8 kB');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(4 * 8_000_000)).toBe('32.0 MB');
    expect(formatBytes(NaN)).toBe('—');
  });
});
