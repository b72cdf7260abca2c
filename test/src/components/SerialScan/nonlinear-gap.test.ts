/**
 * Widget 2 against lib: the tanh trajectory must equal lib's nn.RNN forward pass (recurrentForward, itself
 * checked against PyTorch in test/lib) with W_ih = B, W_hh = A and no bias, and the linear one lib's
 * parallelScan. The default state's numbers (s = 0.02) are recomputed here.
 */
import { describe, expect, it } from 'vitest';
import { createRNN, loadStateDict } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { parallelScan } from '../../../../lib/scan.ts';
import { fromData } from '../../../../lib/tensor.ts';
import { formatNumber } from '../../../../src/kit/format.ts';
import { DEFAULT_SETTINGS, exampleRecurrence, INPUT_SIZE } from '../../../../src/components/SerialScan/recurrence.ts';
import {
  gapPercent, gapSeries, nearlyLinear, nonlinearGap, plotCutMessage, PLOT_LIMIT, trajectorySeries,
} from '../../../../src/components/SerialScan/nonlinear-gap.ts';

/** h_1…h_T of lib's RNN layer on the example recurrence. */
function libRnnStates(settings = DEFAULT_SETTINGS): Float64Array {
  const { A, B, x } = exampleRecurrence(settings);
  const model = createRNN({ inputSize: INPUT_SIZE, hiddenSize: settings.hiddenSize, bias: false });
  loadStateDict(model, { weight_ih_l0: B, weight_hh_l0: A });
  return recurrentForward(model, fromData(x.data, [settings.sequenceLength, 1, INPUT_SIZE])).output.data as Float64Array;
}

describe('nonlinearGap, default state', () => {
  const result = nonlinearGap(DEFAULT_SETTINGS);
  it('runs the same tanh recurrence as lib’s nn.RNN and the same linear one as lib’s scan', () => {
    const rnn = libRnnStates();
    result.tanhStates.forEach((value, i) => expect(value).toBeCloseTo(rnn[i]!, 14));
    expect(Array.from(result.linearStates)).toEqual(Array.from(parallelScan(exampleRecurrence(DEFAULT_SETTINGS)).states));
  });
  it('by hand for step 1: h_1 = tanh(B x_1) against B x_1', () => {
    const { B, x } = exampleRecurrence(DEFAULT_SETTINGS);
    for (let i = 0; i < 4; i++) {
      const a = B.data[i * 2]! * x.data[0]! + B.data[i * 2 + 1]! * x.data[1]!;
      expect(result.linearStates[i]).toBeCloseTo(a, 15);
      expect(result.tanhStates[i]).toBeCloseTo(Math.tanh(a), 15);
    }
  });
  it('shows the largest gap, its step, its percentage and the verdict', () => {
    const rnn = libRnnStates();
    const linear = parallelScan(exampleRecurrence(DEFAULT_SETTINGS)).states;
    let gap = 0, step = 0, largest = 0;
    for (let t = 0; t < 16; t++) {
      let g = 0;
      for (let i = 0; i < 4; i++) {
        g = Math.max(g, Math.abs(rnn[t * 4 + i]! - linear[t * 4 + i]!));
        largest = Math.max(largest, Math.abs(linear[t * 4 + i]!));
      }
      if (g > gap) [gap, step] = [g, t + 1];
    }
    expect(result.largestGap!.value).toBeCloseTo(gap, 14);
    expect(result.largestGap!.step).toBe(step);
    expect(result.largestLinear).toBe(largest);
    expect(formatNumber(result.largestGap!.value)).toBe('0.00173311');
    expect(step).toBe(14);
    expect(gapPercent(result)).toBe(1.32);
    expect(formatNumber(result.largestLinear)).toBe('0.131519');
    expect(nearlyLinear(result)).toBe(true);
    expect(plotCutMessage(result)).toBeNull();
  });
  it('plots h_t[1] / s for both and the gap in percent, 16 points each', () => {
    const [tanh, linear] = trajectorySeries(result, DEFAULT_SETTINGS);
    expect(tanh!.points).toHaveLength(16);
    expect(linear!.points[0]![1]).toBeCloseTo(result.linearStates[0]! / 0.02, 12);
    const [gap] = gapSeries(result, 4);
    expect(Math.max(...gap!.points.map(([, y]) => y))).toBeCloseTo(100 * (result.largestGap!.value / result.largestLinear), 12);
  });
});

describe('nonlinearGap, larger inputs and a growing state', () => {
  it('large inputs open the gap: not nearly linear at s = 1', () => {
    const result = nonlinearGap({ ...DEFAULT_SETTINGS, inputScale: 1 });
    expect(nearlyLinear(result)).toBe(false);
    expect(gapPercent(result)).toBeGreaterThan(50);
  });
  it('the linear trajectory divided by s does not depend on s', () => {
    const a = trajectorySeries(nonlinearGap(DEFAULT_SETTINGS), DEFAULT_SETTINGS)[1]!.points;
    const settings = { ...DEFAULT_SETTINGS, inputScale: 2 };
    const b = trajectorySeries(nonlinearGap(settings), settings)[1]!.points;
    a.forEach(([, y], i) => expect(b[i]![1]).toBeCloseTo(y, 10));
  });
  it('ρ = 3, T = 1024, s = 3: reports the overflow, cuts the plots at 1e6, and never plots NaN or ∞', () => {
    const settings = { ...DEFAULT_SETTINGS, sequenceLength: 1024, hiddenSize: 8, spectralRadius: 3, inputScale: 3 };
    const result = nonlinearGap(settings);
    expect(result.overflowStep).toBeGreaterThan(600);
    expect(result.comparedSteps).toBe(result.overflowStep! - 1);
    expect(result.plottedSteps).toBeLessThan(result.comparedSteps);
    expect(plotCutMessage(result)).toMatch(/^The plots stop at step \d+/);
    expect(Number.isFinite(gapPercent(result))).toBe(true);
    for (const series of [...trajectorySeries(result, settings), ...gapSeries(result, 8)]) {
      for (const [, y] of series.points) {
        expect(Number.isFinite(y)).toBe(true);
        expect(Math.abs(y)).toBeLessThanOrEqual(PLOT_LIMIT / 3 + 1e-9 + 100);
      }
    }
  });
});
