/**
 * The PyTorch block really mirrors the widget: torch-reference.json holds the h_t that PyTorch 1.13 printed
 * running the code pytorchCode() writes (made by torch-reference.gen.ts), and the widget's h_t must match.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/components/UnrolledRnn/tokens.ts';
import { unrolledView } from '../../../../src/components/UnrolledRnn/unrolled-rnn.ts';
import reference from './torch-reference.json' with { type: 'json' };
import { TORCH_CASES } from './torch-cases.ts';

describe('the widget against PyTorch running the chapter\'s code', () => {
  it('covers every case', () => expect(reference).toHaveLength(TORCH_CASES.length));
  for (const [i, c] of TORCH_CASES.entries()) {
    it(`gives PyTorch's h_t at every step: "${c.sentence}", D_in = ${c.setup.inputSize}, D_h = ${c.setup.hiddenSize}, seed ${c.setup.seed}`, () => {
      const steps = unrolledView(c.setup, tokenize(c.sentence).tokens).steps;
      const torch = reference[i]!;
      expect(torch.sentence).toBe(c.sentence);
      expect(steps).toHaveLength(torch.h.length);
      steps.forEach((step, t) => step.h.forEach((v, k) => expect(v).toBeCloseTo(torch.h[t]![k]!, 12)));
    });
  }
});
