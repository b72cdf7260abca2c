/**
 * Widget 1's logic: run lib/scan.ts's sequentialScan and parallelScan on the example recurrence and
 * compare their answers (equal up to rounding), their depth (T against ⌈log₂ T⌉) and their work.
 */
import { parallelScan, sequentialScan, type ScanCost } from '../../../lib/scan.ts';
import { fromData } from '../../../lib/tensor.ts';
import type { Series } from '../../kit/plot-data.ts';
import { earliestStep, exampleRecurrence, firstOverflowStep, type ScanSettings } from './recurrence.ts';

/** Both methods on one recurrence: their costs, and how far apart their states are. */
export interface ScanComparison {
  /** The loop's cost (depth T). */
  readonly sequential: ScanCost;
  /** The scan's cost (depth ⌈log₂ T⌉). */
  readonly scan: ScanCost;
  /** max over t, i of |h_t,i(loop) − h_t,i(scan)| over the steps compared; null when no step could be compared. */
  readonly maxDifference: number | null;
  /** max over t, i of |h_t,i| (loop) over the same steps: the size the difference is measured against. */
  readonly largestState: number | null;
  /** The first step whose state passed 1e308 in either method, or null. */
  readonly overflowStep: number | null;
  /** How many steps were compared (all T, or those before the overflow). */
  readonly comparedSteps: number;
  /** The scan's flops over the loop's, to one decimal. */
  readonly flopsRatio: number;
}

/** Run both methods from lib/scan.ts and compare them step by step, stopping before an overflow. */
export function compareScan(settings: ScanSettings): ScanComparison {
  const problem = exampleRecurrence(settings);
  const H = settings.hiddenSize;
  const loop = sequentialScan(problem);
  const scan = parallelScan(problem);
  const overflowStep = earliestStep(firstOverflowStep(loop.states, H), firstOverflowStep(scan.states, H));
  const comparedSteps = overflowStep === null ? settings.sequenceLength : overflowStep - 1;
  let maxDifference = 0;
  let largestState = 0;
  for (let i = 0; i < comparedSteps * H; i++) {
    maxDifference = Math.max(maxDifference, Math.abs(loop.states[i]! - scan.states[i]!));
    largestState = Math.max(largestState, Math.abs(loop.states[i]!));
  }
  return {
    sequential: loop.cost,
    scan: scan.cost,
    maxDifference: comparedSteps > 0 ? maxDifference : null,
    largestState: comparedSteps > 0 ? largestState : null,
    overflowStep,
    comparedSteps,
    flopsRatio: Math.round((10 * scan.cost.flops) / loop.cost.flops) / 10,
  };
}

/** The T values the depth plot samples: every T up to 64, then powers of two, the T just past each, and an even spread. */
export function depthSampleLengths(maxT: number): number[] {
  const lengths = new Set<number>();
  for (let T = 1; T <= Math.min(64, maxT); T++) lengths.add(T);
  for (let power = 64; power <= maxT; power *= 2) {
    lengths.add(power);
    if (power + 1 <= maxT) lengths.add(power + 1);
  }
  for (let k = 1; k <= 32; k++) lengths.add(Math.max(1, Math.round((maxT * k) / 32)));
  return [...lengths].sort((a, b) => a - b);
}

/** Depth against T for both methods, each point measured by running lib/scan.ts (on a 1 × 1 recurrence: depth does not depend on H). */
export function depthSeries(maxT: number): Series[] {
  const lengths = depthSampleLengths(maxT);
  const one = fromData(Float64Array.of(0.5), [1, 1]);
  const depths = lengths.map((T) => {
    const problem = { A: one, B: one, x: fromData(new Float64Array(T).fill(1), [T, 1]) };
    return { T, loop: sequentialScan(problem).cost.depth, scan: parallelScan(problem).cost.depth };
  });
  return [
    { name: 'Loop: T rounds', points: depths.map((d) => [d.T, d.loop] as const) },
    { name: 'Scan: ⌈log₂ T⌉ rounds', points: depths.map((d) => [d.T, d.scan] as const) },
  ];
}
