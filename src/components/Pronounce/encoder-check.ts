/** The gates widget's work: run the encoder on onnxruntime, replay it in the core, and compare the hidden states. */
import type { RunnerTensor } from '../../../lib/onnx/runner.ts';
import { timed } from '../../kit/timing.ts';
import { readEncoderWeights } from './encoder-weights.ts';
import { maxDifference, replayEncoder, type EncoderReplay, type EncoderWeights } from './gate-replay.ts';
import type { G2pModel } from './g2p-model.ts';
import { letterIds } from '../../../lib/seq2seq/phoneme-vocab.ts';

/** The replay and its check against ORT's memory, or a message saying why there is none. */
export type EncoderCheck = { readonly replay: EncoderReplay; readonly difference: number } | { readonly error: string };

const weightsOf = new WeakMap<G2pModel, EncoderWeights | { error: string }>();

/** The encoder's weights for the core, read from encoder.onnx once per model. */
export function encoderWeights(model: G2pModel): EncoderWeights | { error: string } {
  if (!weightsOf.has(model)) {
    try {
      weightsOf.set(model, readEncoderWeights(model.encoderBytes, model.vocab));
    } catch (error) {
      weightsOf.set(model, { error: `The core could not read the encoder's weights: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return weightsOf.get(model)!;
}

/** The letters of a word as the encoder's int64 input [1, S]. */
export function lettersTensor(ids: readonly number[]): RunnerTensor {
  return { type: 'int64', data: BigInt64Array.from(ids.map(BigInt)), dims: [1, ids.length] };
}

/** Runs ORT's encoder and the core's replay on a checked word and measures their largest disagreement. */
export async function checkEncoder(model: G2pModel, word: string): Promise<EncoderCheck> {
  const weights = encoderWeights(model);
  if ('error' in weights) return weights;
  try {
    const ids = letterIds(model.vocab, word);
    const { memory } = await model.encoder.run({ letters: lettersTensor(ids) });
    const replay = timed('pronounce-gates-replay', () => replayEncoder(weights, ids));
    return { replay, difference: maxDifference(replay, memory!.data as Float32Array) };
  } catch (error) {
    return { error: `The encoder failed on this word: ${error instanceof Error ? error.message : String(error)}` };
  }
}
