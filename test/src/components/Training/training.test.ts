/**
 * The training widgets against two references:
 *  - PyTorch 1.13: torch-runs.json holds what the chapter's own PyTorch block printed (made by
 *    make-torch-fixture.ts with Debian's python3-torch): losses, generated text, gradient norms, to 6 decimals;
 *  - lib itself by another route: a central finite difference of lib's forward loss for the gradient norms.
 */
import { describe, expect, it } from 'vitest';
import { charTask } from '../../../../src/components/Training/char-task.ts';
import { evaluateLoss, sgdTrainingStep } from '../../../../src/components/Training/sgd-training-step.ts';
import { initialModel, modelAfter, trajectoryFor, type TrainingSettings } from '../../../../src/components/Training/trajectory.ts';
import { trainingView } from '../../../../src/components/Training/training-view.ts';
import { generationView } from '../../../../src/components/Training/generation-view.ts';
import { readSettings } from '../../../../src/components/Training/settings.ts';
import { createSgdState } from '../../../../lib/train/sgd.ts';
import fixture from './torch-runs.json' with { type: 'json' };

/** The numbers a run printed. */
function parsePrints(stdout: string) {
  const curve = [...stdout.matchAll(/^L\(theta_(\d+)\) = ([\d.]+)$/gm)].map((m) => Number(m[2]));
  const after = Number(/^loss after k steps: ([\d.e-]+)$/m.exec(stdout)![1]);
  const generated = /^generated: (.*)$/m.exec(stdout)![1]!;
  const norms = Object.fromEntries([...stdout.matchAll(/^(\w+) gradient norm ([\d.]+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
  const [, before, afterStep] = /^loss before ([\d.]+), after ([\d.]+)$/m.exec(stdout)!.map(Number);
  return { curve, after, generated, norms, before: before!, afterStep: afterStep! };
}

/** The committed runs, typed: page values as the widgets read them. */
const torchRuns = fixture.runs as { name: string; values: Record<string, string | number>; stdout: string }[];

describe.each(torchRuns)('against PyTorch: $name', ({ values, stdout }) => {
  const torch = parsePrints(stdout);
  const view = trainingView(values);
  const k = readSettings(values).steps;
  it('the loss curve L(θ_0 … θ_k) equals torch\'s printed losses', () => {
    expect(view.curve).toHaveLength(k + 1);
    torch.curve.forEach((loss, j) => expect(view.curve[j]![1]).toBeCloseTo(loss, 6));
    expect(view.curve[k]![1]).toBeCloseTo(torch.after, 12);
  });
  it('step k + 1: gradient norms of every parameter, the loss before and after', () => {
    for (const row of view.detail!.parameters) expect(row.norm).toBeCloseTo(torch.norms[row.name]!, 6);
    expect(view.detail!.lossBefore).toBeCloseTo(torch.before, 6);
    expect(view.detail!.lossAfter).toBeCloseTo(torch.afterStep, 6);
  });
  it('greedy generation writes what torch writes', () => {
    expect(generationView(values).text).toBe(torch.generated);
  });
});

describe('the default training view (hello, D_h = 8, α = 0.5, mean, k = 10, seed 1)', () => {
  const view = trainingView({});
  it('has no message, failure or warning, and the loss falls at every step', () => {
    expect(view.message ?? view.failure ?? view.warning).toBeUndefined();
    expect(view.stepsTaken).toBe(10);
    for (let j = 1; j < view.curve.length; j++) expect(view.curve[j]![1]).toBeLessThan(view.curve[j - 1]![1]);
    expect(view.detail!.lossAfter).toBeLessThan(view.detail!.lossBefore);
  });
  it('each update size is α‖∇W‖ and the total norm joins them', () => {
    const { parameters, totalGradNorm } = view.detail!;
    parameters.forEach((p) => expect(p.update).toBeCloseTo(0.5 * p.norm, 15));
    expect(totalGradNorm).toBeCloseTo(Math.hypot(...parameters.map((p) => p.norm)), 12);
  });
  it('the per-step losses of step 11 add up to T times the mean loss', () => {
    const { stepLosses, lossBefore } = view.detail!;
    expect(stepLosses.reduce((a, b) => a + b, 0)).toBeCloseTo(4 * lossBefore, 12);
  });
  it('gradient norms match a central finite difference of lib\'s forward loss', () => {
    const built = charTask('hello');
    if (!built.ok) throw new Error('hello');
    const settings: TrainingSettings = { task: built.task, hiddenSize: 8, lr: 0.5, reduction: 'mean', seed: 1 };
    const model = modelAfter(trajectoryFor(settings, 11), 10);
    const delta = 1e-6;
    for (const parameter of model.parameters) {
      let squared = 0;
      for (let i = 0; i < parameter.value.length; i++) {
        const keep = parameter.value[i]!;
        parameter.value[i] = keep + delta;
        const up = evaluateLoss(model, built.task, 'mean').loss;
        parameter.value[i] = keep - delta;
        const down = evaluateLoss(model, built.task, 'mean').loss;
        parameter.value[i] = keep;
        squared += ((up - down) / (2 * delta)) ** 2;
      }
      const shown = view.detail!.parameters.find((p) => p.name === parameter.name)!.norm;
      expect(Math.abs(Math.sqrt(squared) - shown)).toBeLessThan(1e-7);
    }
  });
});

describe('extending a trajectory gives the same numbers as training from scratch', () => {
  it('k = 3 then k = 12 equals k = 12 at once (the cache only adds steps)', () => {
    const built = charTask('banana');
    if (!built.ok) throw new Error('banana');
    const settings: TrainingSettings = { task: built.task, hiddenSize: 6, lr: 0.2, reduction: 'mean', seed: 7 };
    trajectoryFor(settings, 3);
    const extended = trajectoryFor(settings, 12).records.slice(0, 12).map((r) => r.loss);
    const model = initialModel(settings);
    const state = createSgdState(model.parameters);
    const fresh = Array.from({ length: 12 }, () => sgdTrainingStep(model, built.task, state, 0.2, 'mean').loss);
    expect(extended).toEqual(fresh);
  });
});

describe('bad input never shows NaN and never throws', () => {
  it('an empty or one-character word gives a message and no numbers', () => {
    for (const word of ['', 'x']) {
      const view = trainingView({ word });
      expect(view.message).toBeTruthy();
      expect(view.curve).toEqual([]);
      expect(generationView({ word }).message).toBeTruthy();
    }
  });
  it('α = 1000: the loss climbs into the thousands, stays finite, and the widget says so', () => {
    const view = trainingView({ lr: 1000, k: 10 });
    expect(view.warning).toContain('went up');
    expect(view.curve.every(([, loss]) => Number.isFinite(loss))).toBe(true);
    expect(view.curve.at(-1)![1]).toBeGreaterThan(100);
  });
  it('the maximum k and the largest sizes still compute', () => {
    const view = trainingView({ k: 200, H: 16, word: 'abcdefghijklmnop' });
    expect(view.stepsTaken).toBe(200);
    expect(view.curve.every(([, loss]) => Number.isFinite(loss))).toBe(true);
  });
  it('garbage page values fall back to the defaults', () => {
    const garbage = { word: 42, H: 1e9, lr: -3, reduction: 'median', k: 'lots', seed: Number.NaN, decode: 'beam', temp: 0 } as never;
    expect(trainingView(garbage).curve).toEqual(trainingView({}).curve);
    expect(generationView(garbage).text).toBe('helll');
  });
  it('a weight that overflowed stops training at that step with a message; nothing is updated', () => {
    const built = charTask('hello');
    if (!built.ok) throw new Error('hello');
    const model = initialModel({ task: built.task, hiddenSize: 4, lr: 1, reduction: 'mean', seed: 1 });
    model.head.weight.value[0] = Number.POSITIVE_INFINITY;
    const before = Array.from(model.rnn.parameters[0]!.value);
    const record = sgdTrainingStep(model, built.task, createSgdState(model.parameters), 1, 'mean');
    expect(record.ok).toBe(false);
    if (!record.ok) expect(record.message).toContain('non-finite');
    expect(Array.from(model.rnn.parameters[0]!.value)).toEqual(before);
  });
});

describe('generation', () => {
  it('greedy: heeee before training, helll after 10 steps, hello after 15', () => {
    expect(generationView({ k: 0 }).text).toBe('heeee');
    expect(generationView({ k: 10 }).text).toBe('helll');
    expect(generationView({ k: 15 }).text).toBe('hello');
    expect(generationView({ k: 15 }).matches).toBe(4);
  });
  it('its first step\'s probabilities are the softmax of the training forward pass\'s first logits (teacher forcing and free running agree at t = 1)', () => {
    const built = charTask('hello');
    if (!built.ok) throw new Error('hello');
    const { logits } = evaluateLoss(initialModel({ task: built.task, hiddenSize: 8, lr: 0.5, reduction: 'mean', seed: 1 }), built.task, 'mean');
    const z = Array.from(logits.subarray(0, 4));
    const expected = z.map((v) => Math.exp(v) / z.reduce((s, w) => s + Math.exp(w), 0));
    generationView({ k: 0 }).steps[0]!.distribution.forEach((d, c) => expect(d.probability).toBeCloseTo(expected[c]!, 14));
  });
  it('sampling is seeded: the same settings give the same text; probabilities sum to 1', () => {
    const a = generationView({ k: 10, decode: 'sample', temp: 2 });
    expect(generationView({ k: 10, decode: 'sample', temp: 2 }).text).toBe(a.text);
    for (const step of a.steps) expect(step.distribution.reduce((s, d) => s + d.probability, 0)).toBeCloseTo(1, 12);
  });
});

describe('a time budget trains in slices and ends where training in one go ends', () => {
  it('a 0 ms budget takes one step per call, reports pending, and converges to the same curve', () => {
    const values = { word: 'mississippi', H: 12, k: 40, lr: 0.3, seed: 9 };
    const first = trainingView(values, 0);
    expect(first.pending).toBe(true);
    expect(first.stepsTaken).toBeLessThan(40);
    expect(first.warning).toBeUndefined();
    let view = first;
    for (let calls = 0; view.pending && calls < 100; calls++) view = trainingView(values, 0);
    expect(view.pending).toBe(false);
    expect(view.stepsTaken).toBe(40);
    expect(view.curve).toEqual(trainingView(values).curve);
    expect(generationView(values, 0).pending).toBe(false);
  });
});
