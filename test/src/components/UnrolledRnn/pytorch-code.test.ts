/** The PyTorch mirror's text: sizes, words, the widget's own numbers, and the step it prints. Counts from lib. */
import { describe, expect, it } from 'vitest';
import { parameterByName, parameterCount } from '../../../../lib/nn/recurrent.ts';
import { embedWord } from '../../../../src/components/UnrolledRnn/embedding.ts';
import { pythonString, pytorchCode } from '../../../../src/components/UnrolledRnn/pytorch-code.ts';
import { createWidgetRnn, DEFAULT_SETUP } from '../../../../src/components/UnrolledRnn/unrolled-rnn.ts';

const words = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
const model = createWidgetRnn(DEFAULT_SETUP);
const code = pytorchCode(words, DEFAULT_SETUP, model, 5);

describe('pytorchCode in the default state', () => {
  it("builds nn.Embedding over the sentence's vocabulary and nn.RNN with the widget's sizes", () => {
    expect(code).toContain("words = ['the', 'cat', 'sat', 'on', 'the', 'mat']");
    expect(code).toContain('embedding = nn.Embedding(len(vocab), 4)');
    expect(code).toContain('rnn = nn.RNN(input_size=4, hidden_size=6)');
    expect(code).toContain('# [T] = [6]');
  });
  it("copies in the widget's exact weights and word vectors", () => {
    const firstRow = Array.from(parameterByName(model, 'weight_hh_l0').subarray(0, 6)).join(', ');
    expect(code).toContain(`[${firstRow}],`);
    expect(code).toContain(`rnn.bias_hh_l0.copy_(torch.tensor([${Array.from(parameterByName(model, 'bias_hh_l0')).join(', ')}]))`);
    expect(code).toContain(`[${embedWord('mat', 4, 1).join(', ')}],  # mat`);
    expect(code.match(/# the$/gm)).toHaveLength(1); // one row per distinct word
  });
  it('prints h_5 (index 4) and the parameter count from lib', () => {
    expect(code).toContain("print(output[4, 0])  # h_5, after 'the'");
    expect(code).toContain(`# ${parameterCount(model)}, whatever`);
    expect(parameterCount(model)).toBe(72);
  });
  it('clamps the step into the sentence and says so when there are no words', () => {
    expect(pytorchCode(words, DEFAULT_SETUP, model, 40)).toContain('print(output[5, 0])  # h_6');
    expect(pytorchCode([], DEFAULT_SETUP, model, 1)).toMatch(/^# No words/);
  });
});

describe('pythonString', () => {
  it('escapes quotes and backslashes', () => {
    expect(pythonString("don't")).toBe("'don\\'t'");
    expect(pythonString('a\\b')).toBe("'a\\\\b'");
  });
});
