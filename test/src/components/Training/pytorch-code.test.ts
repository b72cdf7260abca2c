/** The PyTorch block follows the settings; torch-runs.json (see training.test.ts) shows the default code runs and agrees with lib. */
import { describe, expect, it } from 'vitest';
import { trainingCode } from '../../../../src/components/Training/pytorch-code.ts';

describe('trainingCode', () => {
  it('mirrors the word, sizes, loss, optimiser and k', () => {
    const code = trainingCode({ word: 'banana', H: 5, lr: 0.25, reduction: 'sum', k: 30, seed: 3 })!;
    expect(code).toContain("word = 'banana'");
    expect(code).toContain('V, H = len(vocab), 5');
    expect(code).toContain("nn.CrossEntropyLoss(reduction='sum')");
    expect(code).toContain('torch.optim.SGD(params, lr=0.25)');
    expect(code).toContain('for step in range(30):');
    expect(code).toContain('seed 3');
  });
  it('escapes the reader\'s word as a Python string', () => {
    expect(trainingCode({ word: "it's \\ ok" })).toContain(`word = "it's \\\\ ok"`);
  });
  it('sampling uses torch.multinomial with the temperature', () => {
    const code = trainingCode({ decode: 'sample', temp: 0.5 })!;
    expect(code).toContain('torch.softmax(z / 0.5, dim=-1)');
    expect(code).toContain('torch.multinomial');
  });
  it('a word with no pairs gives no code', () => {
    expect(trainingCode({ word: 'a' })).toBeUndefined();
  });
});
