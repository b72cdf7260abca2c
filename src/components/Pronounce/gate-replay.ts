/**
 * The G2P encoder's bidirectional LSTM replayed letter by letter in the course's own core (lib's lstmStep),
 * from the weights stored in encoder.onnx, keeping every gate; and the check of its hidden states against
 * the `memory` output onnxruntime computed for the same word.
 */
import { lstmStep, type CellParams } from '../../../lib/index.ts';

/** The encoder's weights in PyTorch's names and layouts, as lib/onnx reads them from encoder.onnx. */
export interface EncoderWeights {
  /** The letter embedding table, [letters, embeddingSize], row-major. */
  readonly embedding: Float64Array;
  readonly embeddingSize: number;
  /** E, the hidden size of each direction. */
  readonly hiddenSize: number;
  /** One direction's cell: index 0 forward (weight_ih_l0 …), index 1 backward (weight_ih_l0_reverse …). */
  readonly directions: readonly [CellParams, CellParams];
}

/** What one direction computed at one letter: the four gates, the cell state and the hidden state, E numbers each. */
export interface GateStep {
  readonly inputGate: Float64Array;
  readonly forgetGate: Float64Array;
  readonly candidate: Float64Array;
  readonly outputGate: Float64Array;
  readonly c: Float64Array;
  readonly h: Float64Array;
}

/** The replay of one word: steps[direction][position], indexed by the letter's position in the word for both directions. */
export interface EncoderReplay {
  readonly letters: number;
  readonly hiddenSize: number;
  readonly steps: readonly [readonly GateStep[], readonly GateStep[]];
}

/** The embedding row of a letter id. */
function embed(weights: EncoderWeights, id: number): Float64Array {
  const size = weights.embeddingSize;
  return Float64Array.from(weights.embedding.subarray(id * size, (id + 1) * size));
}

/** Runs one direction over the word (the backward one from the last letter to the first); returns steps by position. */
function runDirection(weights: EncoderWeights, direction: 0 | 1, ids: readonly number[]): GateStep[] {
  const p = weights.directions[direction];
  const E = weights.hiddenSize;
  let state: { h: Float64Array; c: Float64Array | null } = { h: new Float64Array(E), c: new Float64Array(E) };
  const steps: GateStep[] = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const position = direction === 0 ? k : ids.length - 1 - k;
    const { h, c, cache } = lstmStep(p, embed(weights, ids[position]!), state);
    steps[position] = {
      inputGate: cache.inputGate as Float64Array,
      forgetGate: cache.forgetGate as Float64Array,
      candidate: cache.candidate as Float64Array,
      outputGate: cache.outputGate as Float64Array,
      c: c as Float64Array,
      h: h as Float64Array,
    };
    state = { h: h as Float64Array, c: c as Float64Array };
  }
  return steps;
}

/** Replays the encoder's BiLSTM on a word's letter ids, in float64. */
export function replayEncoder(weights: EncoderWeights, ids: readonly number[]): EncoderReplay {
  return { letters: ids.length, hiddenSize: weights.hiddenSize, steps: [runDirection(weights, 0, ids), runDirection(weights, 1, ids)] };
}

/**
 * The largest |core − ORT| over every hidden state: memory is ORT's encoder output [1, S, 2E] (forward half
 * first at each position). NaN when the shapes disagree, so a mismatch can never read as a pass.
 */
export function maxDifference(replay: EncoderReplay, memory: Float32Array | Float64Array): number {
  const E = replay.hiddenSize;
  if (memory.length !== replay.letters * 2 * E) return Number.NaN;
  let max = 0;
  for (let t = 0; t < replay.letters; t++) {
    for (let direction = 0; direction < 2; direction++) {
      const h = replay.steps[direction as 0 | 1][t]!.h;
      for (let j = 0; j < E; j++) max = Math.max(max, Math.abs(h[j]! - memory[t * 2 * E + direction * E + j]!));
    }
  }
  return max;
}

/** The agreement the chapter calls a pass: float32 ORT against float64 core. */
export const GATE_CHECK_TOLERANCE = 1e-5;

/** Whether the core's states equal ORT's within GATE_CHECK_TOLERANCE (NaN fails). */
export function agrees(difference: number): boolean {
  return Number.isFinite(difference) && difference <= GATE_CHECK_TOLERANCE;
}
