/**
 * The bidirectional pitfall, computed: a tiny bidirectional nn.RNN (lib's, checked against PyTorch in
 * test/lib/nn/bidirectional.test.ts) reads one short sequence, batch_first. output[0, t] = [h→_t ; h←_t] in
 * PyTorch's layout. The backward direction starts at the last step, so its summary of the whole sequence is
 * output[:, 0, H:] = h_n[-1], while output[:, -1, H:] has read only the last input.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { fromData } from '../../../lib/tensor.ts';
import type { CellBlock } from '../../kit/heatmap.ts';
import type { ChoiceOption } from '../../kit/choice-exercise.ts';
import type { BidirectionalText } from './bidirectional-text.ts';

/** Steps T, input size D and hidden size H of the demonstration. */
export const BIDI_STEPS = 5;
export const BIDI_INPUT_SIZE = 2;
export const BIDI_HIDDEN_SIZE = 3;

/** What the widget shows, all from lib's forward passes. */
export interface BidirectionalRun {
  /** output[0] as rows t = 0…T−1 of [h→_t ; h←_t], 2H numbers each. */
  readonly output: number[][];
  /** h_n[:, 0]: row 0 forward, row 1 backward. */
  readonly hN: number[][];
  /** The backward half of output[:, 0] when the model reads x[:, -1:] alone: what one step of reading gives. */
  readonly lastStepOnly: number[];
  /** |Δ output| when only the last input x[:, -1] changes (each of its features + 1). */
  readonly futureChange: number[][];
}

/** The seeded model: PyTorch's default init from `seed`. */
export function bidirectionalModel(seed: number): Recurrent {
  return createRNN({ inputSize: BIDI_INPUT_SIZE, hiddenSize: BIDI_HIDDEN_SIZE, batchFirst: true, bidirectional: true, random: createRandom(seed) });
}

/** The seeded input [1, T, D] from N(0, 1), drawn with a generator of its own (seed + 1). */
export function bidirectionalInput(seed: number): Float64Array {
  const random = createRandom(seed + 1);
  return Float64Array.from({ length: BIDI_STEPS * BIDI_INPUT_SIZE }, () => random.normal());
}

const rowsOf = (data: ArrayLike<number>, width: number): number[][] =>
  Array.from({ length: data.length / width }, (_, r) => Array.from(data).slice(r * width, (r + 1) * width));

/** Run the demonstration for a seed. */
export function bidirectionalRun(seed: number): BidirectionalRun {
  const [T, D, H] = [BIDI_STEPS, BIDI_INPUT_SIZE, BIDI_HIDDEN_SIZE];
  const model = bidirectionalModel(seed);
  const x = bidirectionalInput(seed);
  const full = recurrentForward(model, fromData(x, [1, T, D]));
  const last = recurrentForward(model, fromData(x.slice((T - 1) * D), [1, 1, D]));
  const changed = x.slice();
  for (let j = 0; j < D; j++) changed[(T - 1) * D + j]! += 1;
  const moved = recurrentForward(model, fromData(changed, [1, T, D]));
  return {
    output: rowsOf(full.output.data, 2 * H),
    hN: rowsOf(full.hN.data, H),
    lastStepOnly: Array.from(last.output.data.subarray(H, 2 * H)),
    futureChange: rowsOf(moved.output.data.map((v, i) => Math.abs(v - full.output.data[i]!)), 2 * H),
  };
}

/** The largest |a_i − b_i|. */
export function largestDifference(a: readonly number[], b: readonly number[]): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
}

/** The slices the question offers. */
export type SliceId = 'lastRow' | 'lastBackward' | 'lastForward' | 'firstBackward';

/** The offered slices in order, with their Python code and the cells of output[0] they take. */
export const SLICES: readonly { readonly id: SliceId; readonly code: string; readonly block: CellBlock }[] = [
  { id: 'lastRow', code: 'output[:, -1]', block: { rowStart: BIDI_STEPS - 1, rowEnd: BIDI_STEPS, columnStart: 0, columnEnd: 2 * BIDI_HIDDEN_SIZE } },
  { id: 'lastBackward', code: 'output[:, -1, H:]', block: { rowStart: BIDI_STEPS - 1, rowEnd: BIDI_STEPS, columnStart: BIDI_HIDDEN_SIZE, columnEnd: 2 * BIDI_HIDDEN_SIZE } },
  { id: 'lastForward', code: 'output[:, -1, :H]', block: { rowStart: BIDI_STEPS - 1, rowEnd: BIDI_STEPS, columnStart: 0, columnEnd: BIDI_HIDDEN_SIZE } },
  { id: 'firstBackward', code: 'output[:, 0, H:]', block: { rowStart: 0, rowEnd: 1, columnStart: BIDI_HIDDEN_SIZE, columnEnd: 2 * BIDI_HIDDEN_SIZE } },
];

/** The numbers of output[0] inside a slice's block, row by row. */
export function sliceValues(run: BidirectionalRun, id: SliceId): number[] {
  const { block } = SLICES.find((s) => s.id === id)!;
  return run.output.slice(block.rowStart, block.rowEnd).flatMap((row) => row.slice(block.columnStart, block.columnEnd));
}

/** The question's answers, each with an explanation that quotes the run's own numbers. */
export function sliceOptions(run: BidirectionalRun, text: BidirectionalText): ChoiceOption[] {
  const evidence: Record<SliceId, string> = {
    lastRow: text.whyLastRow(largestDifference(sliceValues(run, 'lastBackward'), run.lastStepOnly)),
    lastBackward: text.whyLastBackward(largestDifference(sliceValues(run, 'lastBackward'), run.lastStepOnly)),
    lastForward: text.whyLastForward(largestDifference(sliceValues(run, 'lastForward'), run.hN[0]!)),
    firstBackward: text.whyFirstBackward(largestDifference(sliceValues(run, 'firstBackward'), run.hN[1]!)),
  };
  return SLICES.map(({ id, code }) => ({ id, label: code, correct: id === 'firstBackward', explanation: evidence[id] }));
}

/** Column labels: →1…→H for the forward half, ←1…←H for the backward half. */
export function halfLabels(): string[] {
  return Array.from({ length: 2 * BIDI_HIDDEN_SIZE }, (_, c) => (c < BIDI_HIDDEN_SIZE ? `→${c + 1}` : `←${c - BIDI_HIDDEN_SIZE + 1}`));
}

/** From futureChange: the largest move of the forward half before the last row (0), and of the backward half of row 0. */
export function changeSummary(run: BidirectionalRun): { forward: number; backward: number } {
  const H = BIDI_HIDDEN_SIZE;
  const forward = Math.max(0, ...run.futureChange.slice(0, -1).flatMap((row) => row.slice(0, H)));
  const backward = Math.max(0, ...run.futureChange[0]!.slice(H));
  return { forward, backward };
}

/** The change grid's colour scale: its smallest non-zero entry, so every entry that moved at all shows in full colour. */
export function changeScale(run: BidirectionalRun): number {
  const moved = run.futureChange.flat().filter((v) => v > 0);
  return moved.length > 0 ? Math.min(...moved) : 1;
}
