/**
 * The GRU's reset gate after W_hn (PyTorch) and before it (Cho et al. 2014), one step, against
 * test/fixtures/gru-reset/gru_reset.json: both forms written out in torch 1.13, float64, from an nn.GRUCell's
 * weights (scripts/make_gru_reset_fixture.py; its PyTorch form is asserted equal to nn.GRUCell there).
 * Plus a one-unit case checked by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import type { CellParams } from '../../../lib/nn/cell.ts';
import { gruStep } from '../../../lib/nn/gru.ts';
import { gruStepParts } from '../../../lib/nn/gru-reset.ts';

interface Form { hidden_candidate: NestedNumbers; n: NestedNumbers; h: NestedNumbers }
const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/gru-reset/gru_reset.json', import.meta.url)), 'utf8')) as {
  input_size: number; hidden_size: number; weight_ih: NestedNumbers; weight_hh: NestedNumbers; bias_ih: NestedNumbers; bias_hh: NestedNumbers;
  x: NestedNumbers; h_prev: NestedNumbers; r: NestedNumbers; z: NestedNumbers; after: Form; before: Form; gru_cell_h: NestedNumbers;
};
const data = (nested: NestedNumbers) => fromNested(nested).data;
const params: CellParams = {
  inputSize: fixture.input_size, hiddenSize: fixture.hidden_size,
  weightIh: data(fixture.weight_ih), weightHh: data(fixture.weight_hh), biasIh: data(fixture.bias_ih), biasHh: data(fixture.bias_hh),
};
const x = data(fixture.x);
const hPrev = data(fixture.h_prev);

function within(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!), `${label}[${i}]`).toBeLessThanOrEqual(1e-12);
}

describe('gruStepParts against torch 1.13 (both placements of the reset gate)', () => {
  for (const reset of ['after', 'before'] as const) {
    it(`reset ${reset} W_hn: r, z, the state's share, n and h_t`, () => {
      const parts = gruStepParts(params, x, hPrev, reset);
      const form = fixture[reset];
      within(parts.resetGate, data(fixture.r), 'r');
      within(parts.updateGate, data(fixture.z), 'z');
      within(parts.hiddenCandidate, data(form.hidden_candidate), 'hidden candidate');
      within(parts.candidate, data(form.n), 'n');
      within(parts.h, data(form.h), 'h');
    });
  }

  it("the 'after' form is lib's gruStep (PyTorch's nn.GRUCell); the 'before' form is not", () => {
    const step = gruStep(params, x, { h: hPrev, c: null });
    within(gruStepParts(params, x, hPrev, 'after').h, step.h, 'after vs gruStep');
    within(step.h, data(fixture.gru_cell_h), 'gruStep vs nn.GRUCell');
    const before = gruStepParts(params, x, hPrev, 'before').h;
    expect(Math.max(...before.map((v, i) => Math.abs(v - step.h[i]!)))).toBeGreaterThan(1e-3);
  });
});

describe('gruStepParts by hand: one unit, one input', () => {
  // Zero weights for r and z give r = z = σ(0) = 1/2. With W_in = 0, b_in = 0, W_hn = 2, b_hn = 1 and h = 1:
  //   after:  r (W_hn h + b_hn) = 0.5 · 3 = 1.5      before: W_hn (r h) + b_hn = 2 · 0.5 + 1 = 2
  // With one unit the two differ by exactly (1 − r) b_hn, so they agree when b_hn = 0.
  const oneUnit = (biasHn: number): CellParams => ({
    inputSize: 1, hiddenSize: 1,
    weightIh: Float64Array.from([0, 0, 0]), weightHh: Float64Array.from([0, 0, 2]),
    biasIh: Float64Array.from([0, 0, 0]), biasHh: Float64Array.from([0, 0, biasHn]),
  });
  const one = Float64Array.from([1]);

  it('gives the hand-computed candidates and states', () => {
    const after = gruStepParts(oneUnit(1), one, one, 'after');
    const before = gruStepParts(oneUnit(1), one, one, 'before');
    expect(after.resetGate[0]).toBe(0.5);
    expect(after.hiddenCandidate[0]).toBeCloseTo(1.5, 15);
    expect(before.hiddenCandidate[0]).toBeCloseTo(2, 15);
    expect(after.h[0]).toBeCloseTo(0.5 * Math.tanh(1.5) + 0.5, 15);
    expect(before.h[0]).toBeCloseTo(0.5 * Math.tanh(2) + 0.5, 15);
  });

  it('agrees between the forms when b_hn = 0 and there is one unit', () => {
    expect(gruStepParts(oneUnit(0), one, one, 'before').h[0]).toBeCloseTo(gruStepParts(oneUnit(0), one, one, 'after').h[0]!, 15);
  });
});
