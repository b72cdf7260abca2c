/**
 * The initialisation widget against lib: W_hh comes from lib/nn/init.ts (torch.nn.init's formulas); the state
 * norms and gradient norms are recomputed here from lib's recurrentForward and hiddenGradientNorms (lib's RNN
 * forward and backward are checked against PyTorch fixtures in test/lib).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRNN } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { hiddenGradientNorms } from '../../../../lib/train/bptt.ts';
import { fromData } from '../../../../lib/tensor.ts';
import {
  DEFAULT_INIT, gradNormSeries, hiddenNormSeries, INIT_INPUT_SIZE, initProblem, initView, runScheme, type InitSettings,
} from '../../../../src/components/Remedies/init-compare.ts';
import { initRecurrentWeight, SCHEMES, type Scheme } from '../../../../src/components/Remedies/init-schemes.ts';
import { initSettingsFrom } from '../../../../src/components/Remedies/init-settings.ts';

/** ‖h_t‖ and ‖∂L_T/∂h_t‖ straight from lib, for the same model the widget builds. */
function libNorms(scheme: Scheme, settings: InitSettings): { hidden: number[]; grads: number[] } {
  const { activation, gain, hiddenSize: H, steps: T, seed } = settings;
  const random = createRandom(seed);
  const model = createRNN({ inputSize: INIT_INPUT_SIZE, hiddenSize: H, nonlinearity: activation, random });
  model.cells[0]![0]!.biasIh!.value.fill(0);
  model.cells[0]![0]!.biasHh!.value.fill(0);
  const input = fromData(Float64Array.from({ length: T * INIT_INPUT_SIZE }, () => random.normal()), [T, 1, INIT_INPUT_SIZE]);
  initRecurrentWeight(model.cells[0]![0]!.weightHh.value as Float64Array, H, scheme, gain, activation, createRandom(seed + 7919));
  const forward = recurrentForward(model, input);
  const hidden = Array.from({ length: T }, (_, t) => Math.hypot(...forward.output.data.slice(t * H, (t + 1) * H)));
  const upstream = new Float64Array(T * H).fill(1, (T - 1) * H);
  return { hidden, grads: hiddenGradientNorms(model, forward, { gradOutput: fromData(upstream, [T, 1, H]) }) };
}

describe('initView, default state (tanh, g = 1, H = 16, T = 50)', () => {
  const view = initView(DEFAULT_INIT);
  it('shows every scheme’s norms as lib computes them', () => {
    for (const result of view.results) {
      const lib = libNorms(result.scheme, DEFAULT_INIT);
      result.hiddenNorms.forEach((norm, t) => expect(norm).toBeCloseTo(lib.hidden[t]!, 12));
      result.gradNorms.forEach((norm, t) => expect(norm).toBeCloseTo(lib.grads[t]!, 12));
      expect(result.overflow).toBeNull();
    }
  });

  it('orthogonal and identity: ρ = σ_max = σ_min = 1; the default: ρ < 1 and a vanishing gradient', () => {
    const by = Object.fromEntries(view.results.map((r) => [r.scheme, r]));
    for (const scheme of ['orthogonal', 'identity'] as const) {
      expect(by[scheme]!.spectralRadius).toBeCloseTo(1, 4);
      expect(by[scheme]!.largestSingular).toBeCloseTo(1, 10);
      expect(by[scheme]!.smallestSingular).toBeCloseTo(1, 10);
    }
    expect(by.default!.spectralRadius).toBeLessThan(0.7);
    expect(by.default!.gradNorms[0]!).toBeLessThan(1e-10); // "about twelve orders of magnitude" in the prose
    expect(by.kaiming!.spectralRadius).toBeGreaterThan(1.5); // tanh's gain 5/3
  });

  it('with ReLU and g = 1 the identity (IRNN) passes gradient entries of exactly 0 or 1: norms are square roots of counts', () => {
    const identity = runScheme('identity', { ...DEFAULT_INIT, activation: 'relu' });
    expect(identity.gradNorms[DEFAULT_INIT.steps - 1]).toBe(4); // ‖(1, …, 1)‖ with H = 16
    for (const norm of identity.gradNorms) expect(Number.isInteger(Math.round(norm * norm * 1e9) / 1e9)).toBe(true);
    expect(Math.min(...identity.gradNorms)).toBe(1);
    const orthogonal = runScheme('orthogonal', { ...DEFAULT_INIT, activation: 'relu' });
    expect(orthogonal.gradNorms[0]!).toBeLessThan(1e-8); // "vanishes by nine orders of magnitude"
  });
});

describe('initView, bad input', () => {
  it('ReLU with g = 3 and T = 2000 overflows honestly, and the plots get only finite, positive points', () => {
    // The identity start with gain 3 is W_hh = 3I: with ReLU the state grows like 3^t and passes
    // 1e308 near t = 650, so at least that scheme must report an overflow.
    const view = initView({ ...DEFAULT_INIT, activation: 'relu', gain: 3, steps: 2000 });
    const overflowed = view.results.filter((r) => r.overflow);
    expect(overflowed.map((r) => r.scheme)).toContain('identity');
    for (const r of overflowed) expect(r.overflow).toMatch(/overflowed/);
    for (const series of [...hiddenNormSeries(view), ...gradNormSeries(view)]) {
      for (const [, y] of series.points) expect(Number.isFinite(y) && y > 0).toBe(true);
    }
  });

  it('refuses impossible sizes with a message', () => {
    expect(initProblem({ ...DEFAULT_INIT, hiddenSize: 0 })).toContain('H must be');
    expect(initProblem({ ...DEFAULT_INIT, steps: 1e6 })).toContain('T must be');
    expect(initProblem({ ...DEFAULT_INIT, gain: -1 })).toContain('gain');
    expect(initView({ ...DEFAULT_INIT, gain: Number.NaN }).results).toHaveLength(0);
  });

  it('reads the page values; garbage gives the defaults', () => {
    expect(initSettingsFrom({})).toEqual(DEFAULT_INIT);
    expect(initSettingsFrom({ act: 'ReLU', H: 'abc', T: 80 })).toEqual({ ...DEFAULT_INIT, activation: 'relu', steps: 80 });
    expect(SCHEMES).toHaveLength(5);
  });
});
