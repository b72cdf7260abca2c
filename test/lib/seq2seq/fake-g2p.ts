/**
 * Test helper: a G2P model made of fake ModelRunners whose decoder is a fixed Markov chain over
 * the previous token, so beam search can be followed by hand. Phonemes: 3 = A, 4 = B.
 *   after BOS: A 0.5, B 0.4, EOS 0.1
 *   after A:   A 0.35, B 0.35, EOS 0.3      (a tie: the lower id, A, ranks first)
 *   after B:   A 0.05, B 0.05, EOS 0.9
 * Attention puts all weight on letter (previous token mod S).
 */
import type { ModelRunner, RunnerTensor } from '../../../lib/onnx/runner.ts';
import { createSeq2SeqModel, type Seq2SeqModel } from '../../../lib/seq2seq/g2p-model.ts';
import type { G2PVocab } from '../../../lib/seq2seq/phoneme-vocab.ts';

/** The fake model's vocabulary. */
export const FAKE_VOCAB: G2PVocab = {
  letters: ['<pad>', "'", 'a', 'b', 'c'],
  phonemes: ['<pad>', '<bos>', '<eos>', 'A', 'B'],
  bos: 1,
  eos: 2,
  encoder: { embedding: 'embedding', lstm: 'lstm' },
  params: 0,
};

const NEVER = 1e-9;
/** Next-token probabilities by previous token, indexed like FAKE_VOCAB.phonemes. */
export const TRANSITIONS: Record<number, number[]> = {
  1: [NEVER, NEVER, 0.1, 0.5, 0.4],
  3: [NEVER, NEVER, 0.3, 0.35, 0.35],
  4: [NEVER, NEVER, 0.9, 0.05, 0.05],
};

/** The float32 log-probability the fake decoder reports for `next` after `previous`. */
export function fakeLogProb(previous: number, next: number): number {
  return Math.fround(Math.log(TRANSITIONS[previous][next]));
}

const fakeEncoder: ModelRunner = {
  inputNames: ['letters'],
  outputNames: ['memory', 'h0', 'c0'],
  async run(feeds) {
    const letters = feeds.letters.dims[1];
    return {
      memory: { type: 'float32', data: new Float32Array(letters * 2), dims: [1, letters, 2] },
      h0: { type: 'float32', data: new Float32Array([0.5]), dims: [1, 1] },
      c0: { type: 'float32', data: new Float32Array([-0.5]), dims: [1, 1] },
    };
  },
};

const fakeDecoderStep: ModelRunner = {
  inputNames: ['token', 'h', 'c', 'memory'],
  outputNames: ['log_probs', 'attention', 'h_out', 'c_out'],
  async run(feeds: Record<string, RunnerTensor>) {
    const tokens = Array.from(feeds.token.data as BigInt64Array, Number);
    const letters = feeds.memory.dims[1];
    const vocabSize = FAKE_VOCAB.phonemes.length;
    const logProbs = new Float32Array(tokens.length * vocabSize);
    const attention = new Float32Array(tokens.length * letters);
    tokens.forEach((token, b) => {
      for (let next = 0; next < vocabSize; next++) logProbs[b * vocabSize + next] = fakeLogProb(token, next);
      attention[b * letters + (token % letters)] = 1;
    });
    return {
      log_probs: { type: 'float32', data: logProbs, dims: [tokens.length, vocabSize] },
      attention: { type: 'float32', data: attention, dims: [tokens.length, letters] },
      h_out: feeds.h,
      c_out: feeds.c,
    };
  },
};

/** The fake G2P model. */
export function fakeG2P(): Seq2SeqModel {
  return createSeq2SeqModel(fakeEncoder, fakeDecoderStep, FAKE_VOCAB);
}
