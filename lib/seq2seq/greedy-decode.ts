/**
 * Greedy decoding: at each step take the most probable phoneme (lowest id on a tie), until
 * EOS or the length limit. Equals beam search with width 1.
 */
import { maxDecodeSteps, type EncodedWord, type Seq2SeqModel } from './g2p-model.ts';
import type { Hypothesis } from './hypothesis.ts';
import { phonemeSymbols } from './phoneme-vocab.ts';

/** Index of the largest value in row `row` of a [rows, width] matrix (first one on a tie). */
export function argmaxRow(matrix: Float32Array, row: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (matrix[row * width + j] > matrix[row * width + best]) best = j;
  return best;
}

/** Greedy decoding of an encoded word. */
export async function greedyDecode(model: Seq2SeqModel, word: EncodedWord, maxSteps = maxDecodeSteps(word.letters)): Promise<Hypothesis> {
  const vocabSize = model.vocab.phonemes.length;
  const ids: number[] = [];
  const attention: Float32Array[] = [];
  let token = model.vocab.bos;
  let h = word.h0;
  let c = word.c0;
  let score = 0;
  for (let t = 0; t < maxSteps; t++) {
    const out = await model.step(word, [token], h, c);
    token = argmaxRow(out.logProbs, 0, vocabSize);
    score += out.logProbs[token];
    attention.push(out.attention.slice(0, word.letters));
    if (token === model.vocab.eos) {
      return { phonemeIds: ids, phonemes: phonemeSymbols(model.vocab, ids), score, finished: true, attention };
    }
    ids.push(token);
    h = out.h;
    c = out.c;
  }
  return { phonemeIds: ids, phonemes: phonemeSymbols(model.vocab, ids), score, finished: false, attention };
}
