/**
 * Beam search, the same algorithm as scripts/g2p/decode.py (which made the test fixtures):
 *
 *   live = [BOS with score 0]. At each step every live beam expands over ALL phonemes, with
 *   score + log-probability (summed in float64). All expansions are ranked by score, highest
 *   first; ties go to the lower live-beam index, then the lower phoneme id. The top `width`
 *   are kept: those ending in EOS become finished candidates, the rest the next live beams (so
 *   the live set shrinks as candidates finish). It stops when nothing is live, when the best
 *   finished candidate scores at least as high as every live beam (scores only fall, so none
 *   could overtake it), or after the length limit; beams still live then are returned as
 *   unfinished candidates.
 *
 * The result lists every candidate, best score first (ties: finished before unfinished, then in
 * the order they were made). With width 1 this is greedy decoding.
 */
import { maxDecodeSteps, type EncodedWord, type Seq2SeqModel } from './g2p-model.ts';
import type { Hypothesis } from './hypothesis.ts';
import { phonemeSymbols } from './phoneme-vocab.ts';

/** The widest beam the decoder accepts. */
export const MAX_BEAM_WIDTH = 10;

interface LiveBeam {
  readonly ids: number[];
  readonly score: number;
  readonly h: Float32Array;
  readonly c: Float32Array;
  readonly attention: Float32Array[];
}

interface Expansion {
  readonly score: number;
  readonly beam: number;
  readonly token: number;
}

/** Rank expansions: higher score first, then lower beam index, then lower phoneme id. */
export function compareExpansions(a: Expansion, b: Expansion): number {
  return b.score - a.score || a.beam - b.beam || a.token - b.token;
}

function stackRows(rows: readonly Float32Array[]): Float32Array {
  const width = rows[0].length;
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, k) => out.set(row, k * width));
  return out;
}

function bestScore(beams: readonly { readonly score: number }[]): number {
  return Math.max(...beams.map((beam) => beam.score));
}

/** Beam search of width 1–10 over an encoded word; every candidate, best first. */
export async function beamSearch(
  model: Seq2SeqModel,
  word: EncodedWord,
  width: number,
  maxSteps = maxDecodeSteps(word.letters),
): Promise<Hypothesis[]> {
  if (!Number.isInteger(width) || width < 1 || width > MAX_BEAM_WIDTH) {
    throw new RangeError(`beam width must be an integer from 1 to ${MAX_BEAM_WIDTH}, not ${width}`);
  }
  const { vocab } = model;
  const vocabSize = vocab.phonemes.length;
  const hidden = word.hiddenSize;
  let live: LiveBeam[] = [{ ids: [], score: 0, h: word.h0, c: word.c0, attention: [] }];
  const finished: Hypothesis[] = [];
  const hypothesis = (ids: number[], score: number, done: boolean, attention: Float32Array[]): Hypothesis => ({
    phonemeIds: ids,
    phonemes: phonemeSymbols(vocab, ids),
    score,
    finished: done,
    attention,
  });

  for (let t = 0; t < maxSteps && live.length > 0; t++) {
    const tokens = live.map((beam) => beam.ids.at(-1) ?? vocab.bos);
    const out = await model.step(word, tokens, stackRows(live.map((b) => b.h)), stackRows(live.map((b) => b.c)));
    const expansions: Expansion[] = [];
    live.forEach((beam, b) => {
      for (let token = 0; token < vocabSize; token++) {
        expansions.push({ score: beam.score + out.logProbs[b * vocabSize + token], beam: b, token });
      }
    });
    expansions.sort(compareExpansions);
    const next: LiveBeam[] = [];
    for (const { score, beam: b, token } of expansions.slice(0, width)) {
      const parent = live[b];
      const attention = [...parent.attention, out.attention.slice(b * word.letters, (b + 1) * word.letters)];
      if (token === vocab.eos) {
        finished.push(hypothesis(parent.ids, score, true, attention));
      } else {
        const h = out.h.slice(b * hidden, (b + 1) * hidden);
        const c = out.c.slice(b * hidden, (b + 1) * hidden);
        next.push({ ids: [...parent.ids, token], score, h, c, attention });
      }
    }
    live = next;
    // Early stop: every step adds a log-probability ≤ 0, so no live beam can overtake a finished
    // candidate that already scores at least as high as all of them.
    if (finished.length > 0 && live.length > 0 && bestScore(finished) >= bestScore(live)) break;
  }
  const candidates = [...finished, ...live.map((beam) => hypothesis(beam.ids, beam.score, false, beam.attention))];
  return candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => b.candidate.score - a.candidate.score || a.order - b.order)
    .map(({ candidate }) => candidate);
}
