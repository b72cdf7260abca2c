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

/** The linear state's size beyond which the plots stop: past it the tanh curve would be a flat line at the bottom. */
export const PLOT_LIMIT = 1e6;

/** Both trajectories and their gap. */
export interface NonlinearGap {
  /** h_t for the tanh recurrence, [T, H] row-major. */
  readonly tanhStates: Float64Array;
  /** h_t for the linear recurrence (by scan), [T, H] row-major. */
  readonly linearStates: Float64Array;
  /** max_i |h_t,i(tanh) − h_t,i(linear)| for t = 1 … comparedSteps. */
  readonly gaps: readonly number[];
  /** The largest gap, and the step where it happens (null when no step is compared). */
  readonly largestGap: { readonly value: number; readonly step: number } | null;
  /** max over the compared t, i of |h_t,i(linear)|: the size the gap is measured against. */
  readonly largestLinear: number;
  /** The first step where the linear states passed 1e308, or null. */
  readonly overflowStep: number | null;
  /** Steps compared: all T, or those before the overflow. */
  readonly comparedSteps: number;
  /** Steps plotted: the compared ones up to the first whose linear state passes PLOT_LIMIT. */
  readonly plottedSteps: number;
}

/** max_i |v_i| over one row of a [T, H] array. */
function rowMax(states: Float64Array, t: number, H: number): number {
  let largest = 0;
  for (let i = 0; i < H; i++) largest = Math.max(largest, Math.abs(states[t * H + i]!));
  return largest;
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
  const comparedSteps = overflowStep === null ? T : overflowStep - 1;
  const gaps: number[] = [];
  let largestGap: NonlinearGap['largestGap'] = null;
  let largestLinear = 0;
  let plottedSteps = comparedSteps;
  for (let t = 0; t < comparedSteps; t++) {
    let gap = 0;
    for (let i = 0; i < H; i++) gap = Math.max(gap, Math.abs(tanhStates[t * H + i]! - linearStates[t * H + i]!));
    const size = rowMax(linearStates, t, H);
    largestLinear = Math.max(largestLinear, size);
    if (size > PLOT_LIMIT && plottedSteps === comparedSteps) plottedSteps = t;
    gaps.push(gap);
    if (largestGap === null || gap > largestGap.value) largestGap = { value: gap, step: t + 1 };
  }
  return { tanhStates, linearStates, gaps, largestGap, largestLinear, overflowStep, comparedSteps, plottedSteps };
}

/** The largest gap as a percentage of the largest linear |h_t,i|, to three significant digits (0 when nothing is compared). */
export function gapPercent(result: NonlinearGap): number {
  if (result.largestGap === null || result.largestLinear === 0) return 0;
  return Number((100 * (result.largestGap.value / result.largestLinear)).toPrecision(3));
}

/** Whether the largest gap is at most 2% of the linear states' size: tanh then barely bends the trajectory. */
export function nearlyLinear(result: NonlinearGap): boolean {
  return result.largestGap !== null && gapPercent(result) <= 2;
}

/**
 * The first unit of both states divided by the input scale s, against t (plotted steps only). Divided
 * by s, the linear trajectory is the same for every s (it is linear in the inputs); the tanh one
 * flattens as s grows.
 */
export function trajectorySeries(result: NonlinearGap, settings: ScanSettings): Series[] {
  const { hiddenSize: H, inputScale: s } = settings;
  const steps = Array.from({ length: result.plottedSteps }, (_, i) => i + 1);
  return [
    { name: 'tanh RNN', points: steps.map((t) => [t, result.tanhStates[(t - 1) * H]! / s] as const) },
    { name: 'linear (scan)', points: steps.map((t) => [t, result.linearStates[(t - 1) * H]! / s] as const) },
  ];
}

/** The gap at each plotted step as a percentage of the largest linear |h_t,i| among the plotted steps. */
export function gapSeries(result: NonlinearGap, hiddenSize: number): Series[] {
  let size = 0;
  for (let t = 0; t < result.plottedSteps; t++) size = Math.max(size, rowMax(result.linearStates, t, hiddenSize));
  const scale = size > 0 ? size : 1;
  const points = result.gaps.slice(0, result.plottedSteps).map((gap, i) => [i + 1, 100 * (gap / scale)] as const);
  return [{ name: 'gap, % of the largest |h|', points }];
}

/** The note under the plots when they stop early, or null when they show every compared step. */
export function plotCutMessage(result: NonlinearGap): string | null {
  if (result.plottedSteps === result.comparedSteps) return null;
  return `The plots stop at step ${result.plottedSteps}: after it the linear state passes ${PLOT_LIMIT.toExponential(0).replace('+', '')} in size and would flatten everything else. The numbers above cover all ${result.comparedSteps} steps.`;
}
