/**
 * The gradient-path widget: its curves are lib's hiddenGradientNorms (lib/train/bptt.ts, itself checked against
 * PyTorch fixtures in test/lib) for a loss at the last step only; here they are recomputed from lib directly, and
 * the vanish and overflow messages are checked.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRecurrent } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { hiddenGradientNorms, stateGradientNorms } from '../../../../lib/train/bptt.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { curveMessages, curvePoints, describeProblem, gradientPaths, pathInputs, pathSeries } from '../../../../src/components/Gating/gradient-paths.ts';
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
      // The LSTM's ∂L/∂c_k norms are lib's too (stateGradientNorms, checked against PyTorch in test/lib/train/state-gradients.test.ts).
      const state = stateGradientNorms(model, forward, { gradOutput: fromData(grad, [50, 1, 8]) });
      expect(curve.cellNorms).toEqual(state.cell);
      if (curve.kind === 'LSTM') expect(curve.cellFirstToLast).toBe(state.cell![0]! / state.cell![49]!);
      else expect(curve.cellFirstToLast).toBeNull();
    }
    // The chapter's claim: at bias 1 the gated cells keep about a million times more gradient at k = 1.
    const [rnn, lstm, gru] = curves;
    expect(rnn!.firstToLast).toBeLessThan(1e-11);
    expect(lstm!.firstToLast).toBeGreaterThan(1e-7);
    expect(gru!.firstToLast).toBeGreaterThan(1e-7);
  });

  it('the chapter\'s numbers: ∂L/∂c keeps more than ∂L/∂h at k = 1 (defaults: about 4e-6 against 6e-7; bias 2: 5e-3 against 5e-4)', () => {
    const lstmAt = (bias: number, steps = 50) => gradientPaths({ steps, hiddenSize: 8, seed: 1, rememberBias: bias })[1]!;
    const one = lstmAt(1);
    expect(one.cellFirstToLast!).toBeGreaterThan(3.5e-6);
    expect(one.cellFirstToLast!).toBeLessThan(4.5e-6);
    expect(one.firstToLast).toBeGreaterThan(5.5e-7);
    expect(one.firstToLast).toBeLessThan(6.5e-7);
    const two = lstmAt(2);
    expect(two.cellFirstToLast!).toBeGreaterThan(4.5e-3);
    expect(two.cellFirstToLast!).toBeLessThan(5.5e-3);
    expect(two.firstToLast).toBeGreaterThan(4.5e-4);
    expect(two.firstToLast).toBeLessThan(5.5e-4);
    for (const bias of [0, 1, 2]) expect(lstmAt(bias).cellFirstToLast!).toBeGreaterThan(lstmAt(bias).firstToLast);
    expect(lstmAt(1, 300).cellFirstToLast!).toBeGreaterThan(lstmAt(1, 300).firstToLast);
  });

  it('plots ∂L/∂h for every kind, then the LSTM\'s ∂L/∂c, so the h colours stay where they were', () => {
    const series = pathSeries(gradientPaths({ steps: 5, hiddenSize: 2, seed: 1, rememberBias: 1 }));
    expect(series.map((s) => s.name)).toEqual(['RNN ‖∂L/∂h‖', 'LSTM ‖∂L/∂h‖', 'GRU ‖∂L/∂h‖', 'LSTM ‖∂L/∂c‖']);
    expect(series.every((s) => s.points.length === 5)).toBe(true);
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
    expect(describeProblem('LSTM ‖∂L/∂c‖', [0, 1], 'zh-CN')).toBe('LSTM ‖∂L/∂c‖：梯度范数在第 k = 1 步降到 1e-300 以下（梯度已经消失）；之前的时间步不再绘制。');
    const broken = { kind: 'LSTM' as const, norms: [1, NaN, Infinity, 0, 2], firstToLast: 0.5, cellNorms: [0, 1, 1, 1, 1], cellFirstToLast: 0, message: null };
    expect(curvePoints(broken)).toEqual([[1, 1], [5, 2]]);
    expect(curveMessages([broken], 'en')).toEqual([
      'LSTM: the gradient norm fell below 1e-300 at step k = 4 (it has vanished); steps before it are not drawn.',
      'LSTM ‖∂L/∂c‖: the gradient norm fell below 1e-300 at step k = 1 (it has vanished); steps before it are not drawn.',
    ]);
  });
});
