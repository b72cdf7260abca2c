/**
 * The truncation widget against lib: its schedule is lib's truncatedBptt (Williams & Peng's BPTT(k1, k2)); its
 * gradient norms come from lib's forward and backward over each window. With k1 = k2 = T the single window is
 * full BPTT, so its input gradients must equal lib's recurrentBackward on the whole sequence.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../lib/random.ts';
import { createRNN } from '../../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../../lib/nn/sequence.ts';
import { fromData } from '../../../../lib/tensor.ts';
import {
  DEFAULT_TRUNCATION, guaranteedReach, longestReach, TRUNCATION_SIZES, truncationProblem, truncationView,
} from '../../../../src/components/Remedies/truncation.ts';
import { gridCells, reachSummary } from '../../../../src/components/Remedies/truncation-grid.ts';
import { truncationSettingsFrom } from '../../../../src/components/Remedies/truncation-settings.ts';

const { steps: T, hiddenSize: H, inputSize: D } = TRUNCATION_SIZES;

/** ‖∂L/∂x_s‖ for L = the sum of every output, by lib's full BPTT on the widget's model. */
function fullInputGradNorms(seed: number): number[] {
  const random = createRandom(seed);
  const model = createRNN({ inputSize: D, hiddenSize: H, random });
  const input = fromData(Float64Array.from({ length: T * D }, () => random.normal()), [T, 1, D]);
  const forward = recurrentForward(model, input);
  const back = recurrentBackward(model, forward, { gradOutput: fromData(new Float64Array(T * H).fill(1), [T, 1, H]) });
  return Array.from({ length: T }, (_, s) => Math.hypot(...back.input.data.slice(s * D, (s + 1) * D)));
}

describe('truncationView', () => {
  it('default state: lib’s schedule, k1 = 4, k2 = 8: updates at e = 4, 8, …, 24 with windows of 8', () => {
    const view = truncationView(DEFAULT_TRUNCATION);
    expect(view.rows.map((r) => r.end)).toEqual([4, 8, 12, 16, 20, 24]);
    expect(view.rows.map((r) => r.windowStart)).toEqual([0, 0, 4, 8, 12, 16]);
    expect(view.rows.map((r) => r.lossStart)).toEqual([0, 4, 8, 12, 16, 20]);
    for (const row of view.rows) {
      row.inputGradNorms.forEach((norm, s) => {
        if (s < row.windowStart || s >= row.end) expect(norm).toBe(0);
        else expect(norm).toBeGreaterThan(0);
      });
    }
  });

  it('k1 = k2 = T is full BPTT: the same input gradients as lib’s recurrentBackward', () => {
    const view = truncationView({ k1: T, k2: T, distance: 1, seed: 5 });
    expect(view.rows).toHaveLength(1);
    const full = fullInputGradNorms(5);
    view.rows[0]!.inputGradNorms.forEach((norm, s) => expect(norm).toBeCloseTo(full[s]!, 12));
  });

  it('the copy probe: exactly 0 when d ≥ k2, the full-BPTT value when d < k2', () => {
    for (let distance = 1; distance < T; distance++) {
      const { probe } = truncationView({ ...DEFAULT_TRUNCATION, distance });
      expect(probe!.sourceStep).toBe(T - 1 - distance);
      expect(probe!.fullNorm).toBeGreaterThan(0);
      if (distance >= DEFAULT_TRUNCATION.k2) expect(probe!.truncatedNorm).toBe(0);
      else expect(probe!.truncatedNorm).toBeCloseTo(probe!.fullNorm, 14);
    }
  });

  it('reach: k2 − 1 at most, k2 − k1 guaranteed', () => {
    expect(longestReach(DEFAULT_TRUNCATION)).toBe(7);
    expect(guaranteedReach(DEFAULT_TRUNCATION)).toBe(4);
    expect(reachSummary(DEFAULT_TRUNCATION)).toContain('at least 4 steps back');
    expect(reachSummary({ ...DEFAULT_TRUNCATION, k1: 8, k2: 3 })).toContain('no gradient at all');
    expect(reachSummary({ ...DEFAULT_TRUNCATION, k1: 5, k2: 5 })).toContain('cut');
  });

  it('grid: loss cells are the update’s outputs inside the window, shading is in [0, 1]', () => {
    const view = truncationView({ ...DEFAULT_TRUNCATION, k1: 8, k2: 3 });
    const cells = gridCells(view.rows);
    expect(cells[0]!.map((c) => c.role).join(' ')).toBe(['outside', 'outside', 'outside', 'outside', 'outside', 'loss', 'loss', 'loss', ...Array(16).fill('outside')].join(' '));
    for (const row of cells) for (const cell of row) expect(cell.strength >= 0 && cell.strength <= 1).toBe(true);
  });

  it('bad settings give a message and no rows; garbage page values give the defaults', () => {
    for (const settings of [{ ...DEFAULT_TRUNCATION, k1: 0 }, { ...DEFAULT_TRUNCATION, k2: 25 }, { ...DEFAULT_TRUNCATION, distance: 2.5 }]) {
      expect(truncationProblem(settings)).not.toBeNull();
      expect(truncationView(settings).rows).toHaveLength(0);
    }
    expect(truncationSettingsFrom({ k1: 'x', k2: Number.POSITIVE_INFINITY })).toEqual(DEFAULT_TRUNCATION);
    expect(truncationSettingsFrom({ k1: 6, d: 9 })).toEqual({ ...DEFAULT_TRUNCATION, k1: 6, distance: 9 });
  });
});
