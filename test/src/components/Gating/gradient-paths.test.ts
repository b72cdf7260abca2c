/**
 * The gradient-path widget: its curves are lib's hiddenGradientNorms (lib/train/bptt.ts, itself checked against
 * PyTorch fixtures in test/lib) for a loss at the last step only; here they are recomputed from lib directly, and
 * the vanish and overflow messages are checked.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRecurrent } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { hiddenGradientNorms } from '../../../../lib/train/bptt.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { curvePoints, describeProblem, gradientPaths, pathInputs } from '../../../../src/components/Gating/gradient-paths.ts';
import { pathSettings } from '../../../../src/components/Gating/page-settings.ts';
import { setRememberBias } from '../../../../src/components/Gating/remember-bias.ts';

describe('gradientPaths', () => {
  it('defaults (T = 50, H = 8, seed 1, bias 1): each curve is lib\'s ‖∂L_T/∂h_k‖ for L_T = Σ h_T', () => {
    const settings = pathSettings({});
    expect(settings).toEqual({ steps: 50, hiddenSize: 8, seed: 1, rememberBias: 1 });
    const curves = gradientPaths(settings);
    expect(curves.map((c) => c.kind)).toEqual(['RNN', 'LSTM', 'GRU']);
    for (const curve of curves) {
      const model = createRecurrent(curve.kind, { inputSize: 4, hiddenSize: 8, random: createRandom(1) });
      setRememberBias(model, 1);
      const forward = recurrentForward(model, pathInputs(50, 1));
      const grad = new Float64Array(50 * 8);
      grad.fill(1, 49 * 8);
      const norms = hiddenGradientNorms(model, forward, { gradOutput: fromData(grad, [50, 1, 8]) });
      expect(curve.norms).toEqual(norms);
      expect(curve.norms[49]).toBeCloseTo(Math.sqrt(8), 12); // ∂L_T/∂h_T is all ones
      expect(curve.firstToLast).toBe(norms[0]! / norms[49]!);
      expect(curve.message).toBeNull();
    }
    // The chapter's claim: at bias 1 the gated cells keep about a million times more gradient at k = 1.
    const [rnn, lstm, gru] = curves;
    expect(rnn!.firstToLast).toBeLessThan(1e-11);
    expect(lstm!.firstToLast).toBeGreaterThan(1e-7);
    expect(gru!.firstToLast).toBeGreaterThan(1e-7);
  });

  it('the remember bias moves the gated curves and leaves the RNN alone', () => {
    const at = (bias: number) => gradientPaths({ steps: 50, hiddenSize: 8, seed: 1, rememberBias: bias }).map((c) => c.firstToLast);
    const [zero, one, two] = [at(0), at(1), at(2)];
    expect(zero[0]).toBe(one[0]);
    expect(one[0]).toBe(two[0]);
    for (const k of [1, 2]) {
      expect(zero[k]!).toBeLessThan(one[k]!);
      expect(one[k]!).toBeLessThan(two[k]!);
    }
  });

  it('a gradient that vanishes below 1e-300 is named, with its step, and left out of the plot', () => {
    // One unit and 600 steps: the RNN's gradient shrinks by about 0.2 per step and passes 1e-300 well before step 1.
    const [rnn] = gradientPaths({ steps: 600, hiddenSize: 1, seed: 1, rememberBias: 1 });
    expect(rnn!.message).toMatch(/^RNN: the gradient norm fell below 1e-300 at step k = \d+ \(it has vanished\)/);
    const points = curvePoints(rnn!);
    expect(points.length).toBeLessThan(600);
    expect(points.every(([, y]) => Number.isFinite(y) && y >= 1e-300)).toBe(true);
  });

  it('overflow and NaN are reported, never drawn', () => {
    expect(describeProblem('LSTM', [Infinity, 1, 1])).toBe('LSTM: the gradient norm overflowed (Infinity) at step k = 1; steps before it are not drawn.');
    expect(describeProblem('GRU', [1, NaN, 1])).toMatch(/overflowed \(NaN\) at step k = 2/);
    expect(curvePoints({ kind: 'GRU', norms: [1, NaN, Infinity, 0, 2], firstToLast: 0.5, message: null })).toEqual([[1, 1], [5, 2]]);
  });
});
