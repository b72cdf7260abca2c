/** The "same in PyTorch" blocks: they carry the widgets' settings and exactly the weights the widget uses. */
import { describe, expect, it } from 'vitest';
import { tanhActivation } from '../../../../lib/nn/activation.ts';
import { shapesCode, stepCode } from '../../../../src/components/ForwardPass/pytorch-code.ts';
import { pythonActivation } from '../../../../src/components/ForwardPass/python-formula.ts';
import { createStepModel } from '../../../../src/components/ForwardPass/step-through.ts';

describe('shapesCode', () => {
  it('mirrors the configuration', () => {
    const code = shapesCode({ batch: 2, steps: 5, inputSize: 10, hiddenSize: 20, numLayers: 1, batchFirst: true, bidirectional: false });
    expect(code).toContain('nn.RNN(input_size=10, hidden_size=20, num_layers=1,');
    expect(code).toContain('batch_first=True, bidirectional=False)');
    expect(code).toContain('x = torch.zeros(2, 5, 10)');
    const timeFirst = shapesCode({ batch: 3, steps: 7, inputSize: 8, hiddenSize: 16, numLayers: 2, batchFirst: false, bidirectional: true });
    expect(timeFirst).toContain('x = torch.zeros(7, 3, 8)  # [T, B, D_in]');
    expect(timeFirst).toContain('bidirectional=True');
  });
});

describe('stepCode', () => {
  const model = createStepModel(1, tanhActivation);
  it('prints every weight and input exactly as the widget holds them', () => {
    const code = stepCode(model, 'tanh', '', 'softmax', 2);
    const numbers = (line: string) => (line.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const lineOf = (key: string) => code.split('\n').find((l) => l.includes(key))!;
    const p = model.rnn.cells[0]![0]!;
    expect(numbers(lineOf('weight_ih_l0.copy_')).slice(1)).toEqual(Array.from(p.weightIh.value)); // slice: the "0" of l0
    expect(numbers(lineOf('weight_hh_l0.copy_')).slice(1)).toEqual(Array.from(p.weightHh.value));
    expect(numbers(lineOf('head.weight.copy_'))).toEqual(Array.from(model.head.weight.value));
    expect(numbers(lineOf('x = torch.tensor'))).toEqual(model.inputs.flat());
    expect(code).toContain('t = 2');
    expect(code).toContain('torch.softmax(z, dim=-1)');
  });
  it('relu, sigmoid and identity', () => {
    expect(stepCode(model, 'ReLU', '', 'sigmoid', 1)).toContain("nonlinearity='relu'");
    expect(stepCode(model, 'ReLU', '', 'sigmoid', 1)).toContain('torch.sigmoid(z)');
    expect(stepCode(model, 'tanh', '', 'identity', 1)).toContain('y = z ');
  });
  it('the reader\'s f becomes a lambda and a hand-written loop', () => {
    const code = stepCode(model, 'yours', 'a / (1 + abs(a))', 'softmax', 3);
    expect(code).toContain('f = lambda a: a / (1 + torch.abs(a))');
    expect(code).toContain('h = f(a)');
  });
});

describe('pythonActivation', () => {
  it.each([
    ['a / (1 + abs(a))', 'a / (1 + torch.abs(a))'],
    ['2a + 1', '2 * a + 1'],
    ['max(0.1*a, a)', 'torch.maximum(0.1 * a, a)'],
    ['a^2 - pi', 'a ** 2 - math.pi'],
    ['1/log(a, 2)', '1 / (torch.log(a) / math.log(2))'],
    ['2*mod(a, 3)', '2 * ((a) % (3))'],
    ['tanh(1)*a', 'torch.tanh(torch.tensor(1)) * a'],
    ['sigmoid(a)*a', 'torch.sigmoid(a) * a'],
  ])('%s → %s', (text, python) => {
    expect(pythonActivation(text)).toBe(python);
  });
  it('has no translation for what torch has no direct counterpart for', () => {
    expect(pythonActivation('a > 0 ? a : 0')).toBeUndefined();
    expect(pythonActivation('a +')).toBeUndefined();
  });
});
