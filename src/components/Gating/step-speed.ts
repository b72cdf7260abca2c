/**
 * LSTM against GRU, live: parameter counts from lib/count.ts and the time of one forward + backward pass per time
 * step of lib's nn.LSTM and nn.GRU at the reader's sizes. Timing is a measurement, never asserted in a test.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { recurrentParameterCount } from '../../../lib/count.ts';
import { fromData } from '../../../lib/tensor.ts';
import type { GatedKind } from './gate-explorer.ts';

/** The sizes the speed comparison runs at. */
export interface SpeedSettings {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Sequence length of each timed pass. */
  readonly steps: number;
  /** Timed repetitions per kind (after one warm-up). */
  readonly repeats: number;
}

/** One kind's figures. */
export interface SpeedResult {
  readonly kind: GatedKind;
  /** PyTorch's parameter count, 4H(D+H+2) or 3H(D+H+2). */
  readonly parameters: number;
  /** Median milliseconds of forward + backward per time step (batch of one sequence). */
  readonly msPerStep: number;
}

/** The gated kinds compared. */
export const SPEED_KINDS: readonly GatedKind[] = ['LSTM', 'GRU'];

/** The parameter count of nn.LSTM(D, H) or nn.GRU(D, H), from lib. */
export function gatedParameterCount(kind: GatedKind, inputSize: number, hiddenSize: number): number {
  return recurrentParameterCount({ kind, inputSize, hiddenSize });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Time forward + backward of each kind at these sizes (float64, batch 1); `now` is the clock (performance.now). */
export function measureSpeed(settings: SpeedSettings, now: () => number = () => performance.now()): SpeedResult[] {
  const { inputSize: D, hiddenSize: H, steps: T, repeats } = settings;
  const random = createRandom(7);
  const input = fromData(Float64Array.from({ length: T * D }, () => random.normal()), [T, 1, D]);
  const gradOutput = fromData(new Float64Array(T * H).fill(1), [T, 1, H]);
  const models = SPEED_KINDS.map((kind) => createRecurrent(kind, { inputSize: D, hiddenSize: H, random: createRandom(1) }));
  const times: number[][] = SPEED_KINDS.map(() => []);
  // Two warm-up rounds, then the kinds take turns, so a slower moment of the machine hits both alike.
  for (let r = -2; r < repeats; r++) {
    models.forEach((model, index) => {
      const start = now();
      recurrentBackward(model, recurrentForward(model, input), { gradOutput });
      if (r >= 0) times[index]!.push((now() - start) / T);
    });
  }
  return SPEED_KINDS.map((kind, index) => ({ kind, parameters: gatedParameterCount(kind, D, H), msPerStep: median(times[index]!) }));
}
