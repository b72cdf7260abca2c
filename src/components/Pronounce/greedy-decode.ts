/**
 * Greedy decoding over two ModelRunners (encoder, one decoder step): a stand-in until lib/seq2seq lands,
 * whose greedy and beam search replace it.
 */
import type { ModelRunner, RunnerTensor } from '../../../lib/onnx/runner.ts';
import type { G2pVocab } from './g2p-files.ts';

/** A decoded word: phonemes (end symbol left out), the attention row of every step (end step included), the summed log-probability. */
export interface GreedyResult {
  readonly phonemes: string[];
  readonly attention: number[][];
  readonly score: number;
  /** False when decoding stopped at the length cap before the end symbol. */
  readonly finished: boolean;
}

const int64 = (values: readonly number[], dims: number[]): RunnerTensor => ({ type: 'int64', data: BigInt64Array.from(values.map(BigInt)), dims });

/** Greedy decoding of letter ids, at most 2·S + 5 phonemes. */
export async function greedyDecode(encoder: ModelRunner, decoder: ModelRunner, vocab: G2pVocab, letterIds: readonly number[]): Promise<GreedyResult> {
  const encoded = await encoder.run({ letters: int64(letterIds, [1, letterIds.length]) });
  let h = encoded.h0!, c = encoded.c0!;
  const memory = encoded.memory!;
  const phonemes: string[] = [], attention: number[][] = [];
  let token = vocab.bos, score = 0;
  for (let step = 0; step < 2 * letterIds.length + 5; step++) {
    const out = await decoder.run({ token: int64([token], [1]), h, c, memory });
    const logProbs = out.log_probs!.data as Float32Array;
    let best = 0;
    for (let v = 1; v < logProbs.length; v++) if (logProbs[v]! > logProbs[best]!) best = v;
    score += logProbs[best]!;
    attention.push(Array.from(out.attention!.data as Float32Array));
    if (best === vocab.eos) return { phonemes, attention, score, finished: true };
    phonemes.push(vocab.phonemes[best]!);
    token = best;
    h = out.h_out!;
    c = out.c_out!;
  }
  return { phonemes, attention, score, finished: false };
}
