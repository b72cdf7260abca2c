/**
 * The G2P model's warm-up, which the kit's loader times on each backend to keep the faster: the
 * encoder on one word, then a few greedy decoder steps, exactly as a reader's decoding runs them.
 */
import type { ModelRunner } from '../../../lib/onnx/runner.ts';
import { createSeq2SeqModel } from '../../../lib/seq2seq/g2p-model.ts';
import { letterIds } from '../../../lib/seq2seq/phoneme-vocab.ts';
import { G2P_FILES, vocabFromBytes } from './g2p-files.ts';

/** The word the warm-up encodes. */
export const WARM_UP_WORD = 'unrolled';
/** Decoder steps after the encoder. */
export const WARM_UP_DECODER_STEPS = 4;

/** Index of the largest value in row 0 of [1, V] log-probabilities. */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

/** Runs the encoder once and WARM_UP_DECODER_STEPS greedy decoder steps; returns the number of model runs (for per-step time). */
export async function g2pWarmUp(runners: Record<string, ModelRunner>, files: Record<string, Uint8Array>): Promise<number> {
  const vocab = vocabFromBytes(files[G2P_FILES.vocab]!);
  const model = createSeq2SeqModel(runners[G2P_FILES.encoder]!, runners[G2P_FILES.decoder]!, vocab);
  const word = await model.encode(letterIds(vocab, WARM_UP_WORD));
  let [h, c, token] = [word.h0, word.c0, vocab.bos];
  for (let step = 0; step < WARM_UP_DECODER_STEPS; step++) {
    const out = await model.step(word, [token], h, c);
    [h, c, token] = [out.h, out.c, argmax(out.logProbs)];
  }
  return 1 + WARM_UP_DECODER_STEPS;
}
