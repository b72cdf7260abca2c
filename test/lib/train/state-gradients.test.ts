/**
 * ‖∂L/∂h_t‖ and ‖∂L/∂c_t‖ per step for an LSTM, from lib's full backward (stateGradientNorms), against PyTorch.
 *
 * Reference values: test/fixtures/gradient-paths/lstm_state_gradients.json, written by
 * scripts/make_gradient_path_fixture.py (`/usr/bin/python3 scripts/make_gradient_path_fixture.py`, PyTorch 1.13,
 * float64): an nn.LSTM unrolled by hand with nn.LSTMCell, h_t and c_t kept with retain_grad(), loss L_T = Σ h_T.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromData, fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent, loadStateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { hiddenGradientNorms, stateGradientNorms } from '../../../lib/train/bptt.ts';

interface StateGradientCase {
  config: { input_size: number; hidden_size: number; steps: number; batch: number };
  state_dict: Record<string, NestedNumbers>;
  input: NestedNumbers;
  output: number[][][];
  hidden_norms: number[];
  cell_norms: number[];
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/gradient-paths/lstm_state_gradients.json', import.meta.url), 'utf8')) as StateGradientCase;

describe('stateGradientNorms', () => {
  const { input_size: D, hidden_size: H, steps: T, batch: B } = fixture.config;
  const model = createRecurrent('LSTM', { inputSize: D, hiddenSize: H });
  loadStateDict(model, fixture.state_dict);
  const forward = recurrentForward(model, fromNested(fixture.input));
  const gradOutput = new Float64Array(T * B * H).fill(1, (T - 1) * B * H); // L_T = Σ h_T
  const norms = stateGradientNorms(model, forward, { gradOutput: fromData(gradOutput, [T, B, H]) });

  it('runs the same forward pass as PyTorch', () => {
    forward.output.data.forEach((v, i) => expect(Math.abs(v - fixture.output.flat(2)[i]!)).toBeLessThan(1e-12));
  });

  it('‖∂L_T/∂h_t‖ and ‖∂L_T/∂c_t‖ match PyTorch\'s retain_grad norms at every step (relative 1e-10)', () => {
    expect(norms.hidden).toHaveLength(T);
    expect(norms.cell).toHaveLength(T);
    for (let t = 0; t < T; t++) {
      expect(Math.abs(norms.hidden[t]! - fixture.hidden_norms[t]!)).toBeLessThanOrEqual(1e-10 * fixture.hidden_norms[t]!);
      expect(Math.abs(norms.cell![t]! - fixture.cell_norms[t]!)).toBeLessThanOrEqual(1e-10 * fixture.cell_norms[t]!);
    }
    // The hidden norms are the same numbers hiddenGradientNorms has always given.
    expect(norms.hidden).toEqual(hiddenGradientNorms(model, forward, { gradOutput: fromData(gradOutput, [T, B, H]) }));
  });

  it('in this fixture the cell path keeps more of the gradient at the first step than the hidden path', () => {
    expect(fixture.cell_norms[0]! / fixture.cell_norms[T - 1]!).toBeGreaterThan(fixture.hidden_norms[0]! / fixture.hidden_norms[T - 1]!);
  });

  it('gives null cell norms for the RNN and GRU, and keeps inactive rows\' ∂L/∂c_t equal to what enters them', () => {
    const rnn = createRecurrent('GRU', { inputSize: 2, hiddenSize: 2, random: createRandom(1) });
    const x = fromData(Float64Array.from({ length: 6 }, (_, i) => i / 6), [3, 1, 2]);
    expect(stateGradientNorms(rnn, recurrentForward(rnn, x), { gradOutput: fromData(new Float64Array(6).fill(1), [3, 1, 2]) }).cell).toBeNull();
    // Row 1 ends after one step: past it, its state is carried unchanged, so nothing but ∂L/∂c_n reaches c_t there.
    const lstm = createRecurrent('LSTM', { inputSize: 2, hiddenSize: 2, random: createRandom(2) });
    const x2 = fromData(Float64Array.from({ length: 12 }, (_, i) => Math.sin(i)), [3, 2, 2]);
    const f = recurrentForward(lstm, x2, { lengths: [3, 1] });
    const gradCN = fromData(Float64Array.from([0, 0, 0.5, -2]), [1, 2, 2]);
    const withCell = stateGradientNorms(lstm, f, { gradCN });
    expect(withCell.cell![2]).toBeCloseTo(Math.hypot(0.5, 2), 14); // t = 2: row 0's dc is 0, row 1's is ∂L/∂c_n
    expect(withCell.cell![1]).toBeCloseTo(Math.hypot(0.5, 2), 14); // still carried through the inactive step
  });
});
