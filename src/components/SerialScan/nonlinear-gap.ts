/**
 * Widget 2's logic: the true nonlinear recurrence h_t = tanh(A h_{t−1} + B x_t), run step by step with
 * lib's RNN cell (W_hh = A, W_ih = B, no biases), against the linear recurrence h_t = A h_{t−1} + B x_t
 * computed by lib's parallel scan. The gap between them is what a scan cannot give you.
 */
import { rnnStep } from '../../../lib/nn/rnn.ts';
import type { CellParams } from '../../../lib/nn/cell.ts';
import { parallelScan } from '../../../lib/scan.ts';
import type { Series } from '../../kit/plot-data.ts';
import { exampleRecurrence, firstOverflowStep, INPUT_SIZE, type ScanSettings } from './recurrence.ts';

/** Both trajectories and their gap, for steps 1 … shownSteps. */
export interface NonlinearGap {
  /** h_t for the tanh recurrence, [T, H] row-major. */
  readonly tanhStates: Float64Array;
  /** h_t for the linear recurrence (by scan), [T, H] row-major. */
  readonly linearStates: Float64Array;
  /** max_i |h_t,i(tanh) − h_t,i(linear)| for t = 1 … shownSteps. */
  readonly gaps: readonly number[];
  /** The largest gap, and the step where it happens (null when no step is shown). */
  readonly largestGap: { readonly value: number; readonly step: number } | null;
  /** The first step where the linear states passed 1e308, or null. */
  readonly overflowStep: number | null;
  /** How many steps are shown (all T, or those before the overflow). */
  readonly shownSteps: number;
  /** max over the shown t, i of |h_t,i(linear)|: the size the gap is measured against. */
  readonly largestLinear: number;
}

/** The largest gap as a percentage of the largest linear |h_t,i|, to three significant digits (0 when nothing is shown). */
export function gapPercent(result: NonlinearGap): number {
  if (result.largestGap === null || result.largestLinear === 0) return 0;
  return Number(((100 * result.largestGap.value) / result.largestLinear).toPrecision(3));
}

/** Whether the largest gap is at most 2% of the linear states' size: tanh then barely bends the trajectory. */
export function nearlyLinear(result: NonlinearGap): boolean {
  return result.largestGap !== null && gapPercent(result) <= 2;
}

/** Run the tanh RNN (lib's rnnStep) and the linear scan (lib's parallelScan) on the example recurrence. */
export function nonlinearGap(settings: ScanSettings): NonlinearGap {
  const problem = exampleRecurrence(settings);
  const T = settings.sequenceLength;
  const H = settings.hiddenSize;
  const cell: CellParams = { inputSize: INPUT_SIZE, hiddenSize: H, weightIh: problem.B.data, weightHh: problem.A.data, biasIh: null, biasHh: null };
  const tanhStates = new Float64Array(T * H);
  let h: Float64Array = new Float64Array(H);
  for (let t = 0; t < T; t++) {
    const step = rnnStep(cell, problem.x.data.subarray(t * INPUT_SIZE, (t + 1) * INPUT_SIZE), { h, c: null });
    h = Float64Array.from(step.h);
    tanhStates.set(h, t * H);
  }
  const linearStates = parallelScan(problem).states;
  const overflowStep = firstOverflowStep(linearStates, H);
  const shownSteps = overflowStep === null ? T : overflowStep - 1;
  const gaps: number[] = [];
  let largestGap: NonlinearGap['largestGap'] = null;
  let largestLinear = 0;
  for (let t = 0; t < shownSteps; t++) {
    let gap = 0;
    for (let i = 0; i < H; i++) {
      gap = Math.max(gap, Math.abs(tanhStates[t * H + i]! - linearStates[t * H + i]!));
      largestLinear = Math.max(largestLinear, Math.abs(linearStates[t * H + i]!));
    }
    gaps.push(gap);
    if (largestGap === null || gap > largestGap.value) largestGap = { value: gap, step: t + 1 };
  }
  return { tanhStates, linearStates, gaps, largestGap, overflowStep, shownSteps, largestLinear };
}

/**
 * The first unit of both states divided by the input scale s, against t. Divided by s, the linear
 * trajectory is the same for every s (it is linear in the inputs); the tanh one flattens as s grows.
 */
export function trajectorySeries(result: NonlinearGap, settings: ScanSettings): Series[] {
  const { hiddenSize: H, inputScale: s } = settings;
  const steps = Array.from({ length: result.shownSteps }, (_, i) => i + 1);
  return [
    { name: 'tanh RNN', points: steps.map((t) => [t, result.tanhStates[(t - 1) * H]! / s] as const) },
    { name: 'linear (scan)', points: steps.map((t) => [t, result.linearStates[(t - 1) * H]! / s] as const) },
  ];
}

/** The gap at each step as a percentage of the largest linear |h_t,i| shown: 100 · max_i |h_t,i(tanh) − h_t,i(linear)| / largestLinear. */
export function gapSeries(result: NonlinearGap): Series[] {
  const size = result.largestLinear > 0 ? result.largestLinear : 1;
  return [{ name: 'gap, % of the largest |h|', points: result.gaps.map((gap, i) => [i + 1, (100 * gap) / size] as const) }];
}
