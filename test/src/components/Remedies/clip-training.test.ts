/**
 * The clipping widget against lib. Its model is lib's nn.RNN (ReLU) and nn.Linear, whose forward and backward
 * passes are checked against PyTorch fixtures in test/lib; clipping is lib's clip_grad_norm_ / clip_grad_value_
 * (also PyTorch-checked). Here: the loss is recomputed from lib's forward pass, the gradient is checked against
 * central finite differences on a non-exploding case, and the default state's numbers are recomputed with lib.
 */
import { describe, expect, it } from 'vitest';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { linearForward } from '../../../../lib/nn/linear.ts';
import { mseLoss } from '../../../../lib/nn/loss.ts';
import { clipNormInPlace, clipValueInPlace } from '../../../../lib/train/clip.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { EXAMPLE_SIZES, explodingExample } from '../../../../src/components/Remedies/exploding-rnn.ts';
import { forwardBackward } from '../../../../src/components/Remedies/gradient-step.ts';
import { clipSettingsFrom, DEFAULT_CLIP_SETTINGS, TRAINING_STEPS } from '../../../../src/components/Remedies/clip-settings.ts';
import { firstGradient, settingsProblem, trainingRun } from '../../../../src/components/Remedies/clip-training.ts';
import { clipView, lossSeries } from '../../../../src/components/Remedies/clip-view.ts';

const { batch: B, steps: T, hiddenSize: H } = EXAMPLE_SIZES;

/** The loss of the example, straight from lib's forward pass, head and MSE. */
function libLoss(spectralRadius: number, seed: number): number {
  const example = explodingExample(spectralRadius, seed);
  const out = recurrentForward(example.rnn, example.input).output.data;
  const prediction = linearForward(example.head, fromData(out.slice((T - 1) * B * H), [B, H]));
  return mseLoss(prediction, example.target).loss;
}

describe('forwardBackward', () => {
  it('gives the loss of lib’s forward pass', () => {
    const example = explodingExample(2, 1);
    const pass = forwardBackward(example);
    expect(pass.ok).toBe(true);
    expect(pass.loss).toBe(libLoss(2, 1));
  });

  it('leaves gradients that match central finite differences (ρ = 0.9, a few entries of every parameter)', () => {
    const example = explodingExample(0.9, 3);
    forwardBackward(example);
    for (const parameter of example.parameters) {
      for (const index of [0, Math.floor(parameter.value.length / 2), parameter.value.length - 1]) {
        const analytic = parameter.grad[index]!;
        const saved = parameter.value[index]!;
        const delta = 1e-6;
        parameter.value[index] = saved + delta;
        const up = forwardBackward(example).loss;
        parameter.value[index] = saved - delta;
        const down = forwardBackward(example).loss;
        parameter.value[index] = saved;
        expect(analytic).toBeCloseTo((up - down) / (2 * delta), 5);
      }
    }
  });
});

describe('firstGradient, default state (ρ = 2, clip by norm to 1)', () => {
  const first = firstGradient(DEFAULT_CLIP_SETTINGS)!;
  const example = explodingExample(2, 1);
  forwardBackward(example);
  const weightHh = example.rnn.cells[0]![0]!.weightHh;
  const raw = Float64Array.from(weightHh.grad);
  const lib = clipNormInPlace(example.parameters, 1);

  it('shows lib’s loss and clip_grad_norm_’s total norm and factor', () => {
    expect(first.loss).toBe(libLoss(2, 1));
    expect(first.rawNorm).toBeCloseTo(lib.totalNorm, 6);
    expect(first.rawNorm).toBeGreaterThan(1e6); // the exploding case the prose promises: "in the millions"
    expect(first.clipCoef).toBe(lib.clipCoef);
    expect(first.clippedNorm).toBeCloseTo(1, 6);
    expect(first.cosine).toBeCloseTo(1, 12);
  });

  it('lists the largest raw entries of ∂L/∂W_hh with their clipped values', () => {
    const largest = Math.max(...Array.from(raw, Math.abs));
    expect(Math.abs(first.entries[0]!.raw)).toBe(largest);
    for (const entry of first.entries) {
      const [i, j] = entry.label.match(/\d+/g)!.map(Number);
      expect(entry.raw).toBe(raw[i! * H + j!]);
      expect(entry.clipped).toBe(weightHh.grad[i! * H + j!]);
    }
  });

  it('in value mode clamps like clip_grad_value_ and turns the direction', () => {
    const value = firstGradient({ ...DEFAULT_CLIP_SETTINGS, mode: 'value' })!;
    const again = explodingExample(2, 1);
    forwardBackward(again);
    expect(value.clampedCount).toBe(clipValueInPlace(again.parameters, 0.1).clippedCount);
    for (const entry of value.entries) expect(Math.abs(entry.clipped)).toBe(0.1);
    expect(value.cosine).toBeLessThan(0.9);
  });
});

describe('trainingRun', () => {
  it('without clipping, overflows in its first steps and says so', () => {
    const run = trainingRun(DEFAULT_CLIP_SETTINGS, 'none');
    expect(run.failure?.step).toBe(3);
    expect(run.failure?.message).toContain('overflowed at step 3');
    expect(run.losses).toHaveLength(2);
    expect(run.losses[0]).toBe(libLoss(2, 1));
  });

  it('with clipping by norm, runs every step and the loss falls', () => {
    const run = trainingRun(DEFAULT_CLIP_SETTINGS, 'norm');
    expect(run.failure).toBeNull();
    expect(run.losses).toHaveLength(TRAINING_STEPS);
    expect(run.losses[TRAINING_STEPS - 1]!).toBeLessThan(run.losses[0]! / 1e4);
  });

  it('reports an infinite gradient honestly (ρ = 10, learning rate 1)', () => {
    const run = trainingRun({ ...DEFAULT_CLIP_SETTINGS, spectralRadius: 10, learningRate: 1 }, 'none');
    expect(run.failure?.message).toMatch(/overflowed/);
    expect(run.losses.every(Number.isFinite)).toBe(true);
  });
});

describe('clipView and bad input', () => {
  it('refuses max_norm 0 or below, clip_value 0, and unusable learning rates with a message', () => {
    expect(settingsProblem({ ...DEFAULT_CLIP_SETTINGS, maxNorm: 0 })).toContain('max_norm = 0');
    expect(settingsProblem({ ...DEFAULT_CLIP_SETTINGS, maxNorm: -1 })).toContain('negative');
    expect(settingsProblem({ ...DEFAULT_CLIP_SETTINGS, mode: 'value', clipValue: 0 })).toContain('clip_value = 0');
    expect(settingsProblem({ ...DEFAULT_CLIP_SETTINGS, learningRate: Number.NaN })).toContain('learning rate');
    expect(settingsProblem({ ...DEFAULT_CLIP_SETTINGS, mode: 'none', maxNorm: 0 })).toBeNull();
    const view = clipView({ ...DEFAULT_CLIP_SETTINGS, maxNorm: -3 });
    expect(view.runs).toHaveLength(0);
    expect(view.problem).not.toBeNull();
  });

  it('never puts a non-finite number in the plot, even at ρ = 10 and a learning rate of 10', () => {
    for (const settings of [DEFAULT_CLIP_SETTINGS, { ...DEFAULT_CLIP_SETTINGS, spectralRadius: 10, learningRate: 10 }, { ...DEFAULT_CLIP_SETTINGS, mode: 'value' as const }]) {
      const view = clipView(settings);
      for (const series of lossSeries(view)) for (const [x, y] of series.points) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(view.first === null || Number.isFinite(view.first.rawNorm)).toBe(true);
    }
  });

  it('reuses the unclipped run when only a clipping control moves, and recomputes it when ρ moves', () => {
    const before = clipView(DEFAULT_CLIP_SETTINGS).runs[0];
    expect(clipView({ ...DEFAULT_CLIP_SETTINGS, maxNorm: 2, mode: 'value' }).runs[0]).toBe(before);
    const moved = clipView({ ...DEFAULT_CLIP_SETTINGS, spectralRadius: 1.5 }).runs[0]!;
    expect(moved).not.toBe(before);
    expect(moved).toEqual(trainingRun({ ...DEFAULT_CLIP_SETTINGS, spectralRadius: 1.5 }, 'none'));
  });

  it('reads the page values, and falls back to the defaults for anything unusable', () => {
    expect(clipSettingsFrom({})).toEqual(DEFAULT_CLIP_SETTINGS);
    expect(clipSettingsFrom({ mode: 'banana', maxnorm: Number.NaN, lr: 'x', rho: 3 })).toEqual({ ...DEFAULT_CLIP_SETTINGS, spectralRadius: 3 });
    expect(clipSettingsFrom({ mode: 'value', clipvalue: 0.5 }).clipValue).toBe(0.5);
  });
});
