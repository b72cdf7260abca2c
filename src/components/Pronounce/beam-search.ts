/**
 * Beam search over two ModelRunners (encoder, one decoder step), the beam run as one batch: a stand-in until
 * lib/seq2seq lands, whose beam search replaces it.
 */
import type { ModelRunner, RunnerTensor } from '../../../lib/onnx/runner.ts';
import type { G2pVocab } from './g2p-files.ts';

/** A finished candidate: its phonemes (end symbol left out) and its summed log-probability, end step included. */
export interface BeamCandidate {
  readonly phonemes: string[];
  readonly score: number;
}

interface Hypothesis {
  readonly tokens: number[];
  readonly score: number;
  readonly row: number;
}

const int64 = (values: readonly number[], dims: number[]): RunnerTensor => ({ type: 'int64', data: BigInt64Array.from(values.map(BigInt)), dims });
const float32 = (data: Float32Array, dims: number[]): RunnerTensor => ({ type: 'float32', data, dims });

/** The rows `rows` of a [B, ...] float32 tensor, stacked. */
function gather(tensor: RunnerTensor, rows: readonly number[]): RunnerTensor {
  const width = tensor.data.length / tensor.dims[0]!;
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set((tensor.data as Float32Array).subarray(row * width, (row + 1) * width), i * width));
  return float32(out, [rows.length, ...tensor.dims.slice(1)]);
}

/** Beam search of width k on letter ids; every finished candidate, best first (at most k; at most 2·S + 5 phonemes). */
export async function beamSearch(encoder: ModelRunner, decoder: ModelRunner, vocab: G2pVocab, letterIds: readonly number[], width: number): Promise<BeamCandidate[]> {
  const encoded = await encoder.run({ letters: int64(letterIds, [1, letterIds.length]) });
  let h = encoded.h0!, c = encoded.c0!;
  let beams: Hypothesis[] = [{ tokens: [], score: 0, row: 0 }];
  const finished: BeamCandidate[] = [];
  const maxSteps = 2 * letterIds.length + 5;
  for (let step = 0; step < maxSteps && beams.length > 0 && finished.length < width; step++) {
    const rows = beams.map((beam) => beam.row);
    const out = await decoder.run({
      token: int64(beams.map((beam) => beam.tokens.at(-1) ?? vocab.bos), [beams.length]),
      h: gather(h, rows),
      c: gather(c, rows),
      memory: gather(encoded.memory!, beams.map(() => 0)),
    });
    const logProbs = out.log_probs!.data as Float32Array;
    const V = out.log_probs!.dims[1]!;
    const extensions: { beam: number; token: number; score: number }[] = [];
    beams.forEach((beam, b) => {
      for (let v = 0; v < V; v++) if (v !== vocab.bos && v !== 0) extensions.push({ beam: b, token: v, score: beam.score + logProbs[b * V + v]! });
    });
    extensions.sort((x, y) => y.score - x.score);
    const next: Hypothesis[] = [];
    for (const extension of extensions.slice(0, width - finished.length)) {
      const tokens = [...beams[extension.beam]!.tokens];
      if (extension.token === vocab.eos) finished.push({ phonemes: tokens.map((t) => vocab.phonemes[t]!), score: extension.score });
      else next.push({ tokens: [...tokens, extension.token], score: extension.score, row: extension.beam });
    }
    beams = next;
    h = out.h_out!;
    c = out.c_out!;
  }
  return finished.sort((x, y) => y.score - x.score);
}
