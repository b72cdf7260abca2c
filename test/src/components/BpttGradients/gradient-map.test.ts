/**
 * The gradient map's numbers. The widget computes them with lib's backward kernels (pairwiseGradientNorms,
 * hiddenGradientNorms); these tests recompute them on a second lib path, the explicit Jacobian products
 * J_t ⋯ J_{k+1} of rnnJacobians, as ‖uᵀ J_t ⋯ J_{k+1}‖. lib's BPTT itself is checked against PyTorch in
 * test/lib (test/parity.test.ts) and against hand-written recurrences in test/lib/train/bptt.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fromData } from '../../../../lib/tensor.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { jacobianProduct, pairwiseGradientNorms, rnnJacobians } from '../../../../lib/train/bptt.ts';
import { tanhActivation } from '../../../../lib/nn/activation.ts';
import { toRows } from '../../../../src/kit/plot-data.ts';
import { computeGradientMap, createGradientModel, HEATMAP_WINDOW, INPUT_SIZE, type GradientSettings } from '../../../../src/components/BpttGradients/gradient-map.ts';
import { gradientView } from '../../../../src/components/BpttGradients/gradient-view.ts';
import { DEFAULTS, readSettings } from '../../../../src/components/BpttGradients/page-settings.ts';

const DEFAULT_SETTINGS: GradientSettings = { seed: DEFAULTS.seed, rho: DEFAULTS.rho, steps: DEFAULTS.steps, hiddenSize: DEFAULTS.hiddenSize, activation: tanhActivation };

/** ‖uᵀ ∂h_t/∂h_k‖ for 0-based t, k, from lib's explicit Jacobians. */
function productNorms(settings: GradientSettings) {
  const drawn = createGradientModel(settings)!;
  const forward = recurrentForward(drawn.model, fromData(drawn.inputs, [settings.steps, 1, INPUT_SIZE]));
  const jacobians = rnnJacobians(drawn.model, forward);
  const H = settings.hiddenSize;
  return (t: number, k: number) => {
    const P = jacobianProduct(jacobians, t, k);
    let sum = 0;
    for (let c = 0; c < H; c++) {
      let v = 0;
      for (let r = 0; r < H; r++) v += drawn.u[r]! * P[r * H + c]!;
      sum += v * v;
    }
    return Math.sqrt(sum);
  };
}

describe('the gradient map, default settings (ρ = 0.9, T = 40, D_h = 16, tanh, seed 1)', () => {
  const result = computeGradientMap(DEFAULT_SETTINGS);
  if (!result.ok) throw new Error(result.message);
  const { map } = result;
  const expected = productNorms(DEFAULT_SETTINGS);

  it('every pair ‖∂L_t/∂h_k‖ equals ‖uᵀ J_t ⋯ J_{k+1}‖ from lib’s Jacobians; the diagonal is 1; above it, nothing', () => {
    expect(map.windowStart).toBe(1);
    expect(map.pairNorms).toHaveLength(40);
    for (let t = 0; t < 40; t++) {
      expect(map.pairNorms[t]![t]).toBeCloseTo(1, 12);
      for (let k = 0; k <= t; k++) expect(map.pairNorms[t]![k]! / expected(t, k)).toBeCloseTo(1, 10);
      for (let k = t + 1; k < 40; k++) expect(map.pairNorms[t]![k]).toBeNaN();
    }
  });

  it('the line ‖∂L_T/∂h_k‖ is the map’s last row, and shows vanishing: ‖∂L_T/∂h_1‖ ≈ 5.1e−5', () => {
    map.lastStepNorms.forEach((norm, k) => expect(norm / map.pairNorms[39]![k]!).toBeCloseTo(1, 10));
    expect(map.lastStepNorms[0]).toBeCloseTo(5.109e-5, 8);
    expect(map.brokenStep).toBeUndefined();
  });

  it('ρ(W_hh) = 0.9, ‖W_hh‖₂ ≥ ρ, and γ is the largest tanh′ = 1 − h² over the run', () => {
    expect(map.matrix.rho).toBe(0.9);
    expect(map.matrix.spectralNorm).toBeCloseTo(1.43851, 4);
    const drawn = createGradientModel(DEFAULT_SETTINGS)!;
    const forward = recurrentForward(drawn.model, fromData(drawn.inputs, [40, 1, INPUT_SIZE]));
    const largest = Math.max(...Array.from(forward.output.data, (h) => 1 - h * h));
    expect(map.maxSlope).toBeCloseTo(largest, 14);
  });

  it('the view: 820 cells, a colour scale to 10^±5, three series, no notes', () => {
    const view = gradientView(readSettings({}));
    expect(view.cells).toHaveLength(820);
    expect(view.scaleEnd).toBe(5);
    expect(view.series.map((s) => s.name)).toEqual(['log₁₀ ‖∂L_T/∂h_k‖', '(T−k) log₁₀ ρ', 'bound: (T−k) log₁₀(γ‖W_hh‖₂)']);
    expect(view.series[1]!.points[0]).toEqual([1, expect.closeTo(39 * Math.log10(0.9), 12)]);
    expect(view.notes).toEqual([]);
    expect(view.firstStepNorm).toBeCloseTo(5.109e-5, 8);
  });
});

describe('a long sequence shows its last 60 steps', () => {
  it('T = 100: the window’s pairs equal the full run’s pairs for the same steps (lib’s pairwise norms over all 100)', () => {
    const settings = { ...DEFAULT_SETTINGS, steps: 100, rho: 1.3, hiddenSize: 6 };
    const result = computeGradientMap(settings);
    if (!result.ok) throw new Error(result.message);
    const { map } = result;
    expect(map.windowStart).toBe(41);
    expect(map.pairNorms).toHaveLength(HEATMAP_WINDOW);
    const drawn = createGradientModel(settings)!;
    const forward = recurrentForward(drawn.model, fromData(drawn.inputs, [100, 1, INPUT_SIZE]));
    const gradOutput = new Float64Array(100 * 6);
    for (let t = 0; t < 100; t++) gradOutput.set(drawn.u, t * 6);
    const full = pairwiseGradientNorms(drawn.model, forward, fromData(gradOutput, [100, 1, 6]));
    for (let i = 0; i < HEATMAP_WINDOW; i += 7) for (let j = 0; j <= i; j += 3) expect(map.pairNorms[i]![j]! / full[40 + i]![40 + j]!).toBeCloseTo(1, 9);
    expect(map.lastStepNorms).toHaveLength(100);
    map.lastStepNorms.forEach((norm, k) => expect(norm / full[99]![k]!).toBeCloseTo(1, 9));
  });
});

describe('bad input: honest messages, never NaN in a plot, never a throw', () => {
  const plotted = (settings: Record<string, unknown>) => {
    const view = gradientView(readSettings(settings as never));
    for (const row of toRows(view.series)) expect(Number.isFinite(row.y)).toBe(true);
    return view;
  };

  it('linear, ρ = 10, T = 1000: the state leaves float64 at step 310, the gradient’s norm from k = 691 back; hatched pairs', () => {
    const view = plotted({ act: 'linear', rho: 10, T: 1000 });
    expect(view.notes[0]).toContain('The map shows the last 60 steps');
    expect(view.notes[1]).toContain("passed float64's largest number (about 1.8e308) at step 310");
    // With f = identity and ρ = 10 the norm grows about tenfold per step back, so it passes 1.8e308 some 309 steps before T.
    expect(view.notes[2]).toContain('From step k = 691 back (309 steps before T = 1000), ‖∂L_T/∂h_k‖ is beyond float64');
    // f′ = 1 never reads the broken states, so the gradients after k = 691 are still drawn.
    expect(view.series[0]!.points.filter(([, y]) => Number.isFinite(y))).toHaveLength(309);
    expect(view.notes[3]).toContain('1830 pairs of the map overflowed or could not be computed');
    expect(Number.isNaN(view.firstStepNorm)).toBe(true);
    // The reference lines are plotted as logarithms, so they stay finite at any length.
    expect(view.series[1]!.points[0]![1]).toBeCloseTo(999, 9);
  });

  it('ReLU, ρ = 10, T = 1000: after the states break, ReLU′ would read them as 0; those gradients are not drawn', () => {
    const view = plotted({ act: 'ReLU', rho: 10, T: 1000 });
    expect(view.notes[1]).toContain('at step 365. The states from there on, and every gradient that needs them, are not numbers');
    expect(view.notes.some((note) => note.includes('exactly 0'))).toBe(false);
    expect(view.series[0]!.points.filter(([, y]) => Number.isFinite(y))).toHaveLength(1);
    expect(view.cells.every((cell) => Number.isNaN(cell.log))).toBe(true);
  });

  it('tanh, ρ = 10, T = 1000: saturation keeps everything finite', () => {
    const view = plotted({ rho: 10, T: 1000 });
    expect(view.notes).toHaveLength(1);
    expect(Number.isFinite(view.firstStepNorm)).toBe(true);
  });

  it('linear, ρ = 0.1, T = 1000: norms underflow to exactly 0 and are said to', () => {
    const view = plotted({ act: 'linear', rho: 0.1, T: 1000 });
    expect(view.notes.some((note) => /is exactly 0 for \d+ of the 1000 steps: it fell below about 1e−308/.test(note))).toBe(true);
    expect(view.firstStepNorm).toBe(0);
  });

  it('a reader formula that overflows: the step, the a, and the reason', () => {
    const view = plotted({ act: 'yours', fx: 'exp(a)*1e300' });
    expect(view.notes[0]).toMatch(/^The forward pass broke at step 1: your f at a = .+ gives no finite value \(the result is too large/);
    expect(view.formulaError).toBeUndefined();
  });

  it('a reader formula that returns Infinity (1/0) or does not parse: a message, no map', () => {
    expect(plotted({ act: 'yours', fx: 'a + 1/0' }).notes[0]).toContain('gives no finite value (the result is infinite');
    const broken = plotted({ act: 'yours', fx: 'a +' });
    expect(broken.formulaError).toContain('Cannot read the formula');
    expect(broken.map).toBeUndefined();
    expect(broken.cells).toEqual([]);
  });

  it('ReLU: exact zeros are explained; garbage page values fall back to the defaults', () => {
    const relu = plotted({ act: 'ReLU', rho: 0.2, T: 1000 });
    expect(relu.notes.some((note) => note.includes('ReLU′ = 0'))).toBe(true);
    const garbage = readSettings({ rho: Number.NaN, T: -4, H: 1e9, seed: 'x', act: 'softmax', fx: 42 } as never);
    expect(garbage).toEqual({ rho: 0.9, steps: 40, hiddenSize: 16, seed: 1, activation: 'tanh', formula: DEFAULTS.formula, alpha: 0.5 });
  });
});

describe('what runs where', () => {
  it('the defaults are light enough for the main thread; T = 1000, D_h = 32 or a reader formula go to the worker', async () => {
    const { workEstimate, MAIN_THREAD_WORK } = await import('../../../../src/components/BpttGradients/gradient-view.ts');
    expect(workEstimate(readSettings({}))).toBeLessThanOrEqual(MAIN_THREAD_WORK);
    expect(workEstimate(readSettings({ T: 1000, H: 32 }))).toBeGreaterThan(MAIN_THREAD_WORK);
    expect(workEstimate(readSettings({ act: 'yours' }))).toBeGreaterThan(MAIN_THREAD_WORK);
  });

  it('the phases are reported in order, and the learning rate does not make a different map', async () => {
    const { sameSettings } = await import('../../../../src/components/BpttGradients/page-settings.ts');
    const phases: string[] = [];
    computeGradientMap(DEFAULT_SETTINGS, (phase) => phases.push(phase));
    expect(phases).toEqual(['forward', 'backward', 'pairs']);
    expect(sameSettings(readSettings({ alpha: 1 }), readSettings({}))).toBe(true);
    expect(sameSettings(readSettings({ rho: 1 }), readSettings({}))).toBe(false);
  });
});
