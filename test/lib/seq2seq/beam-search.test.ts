// Beam search on a fake model whose probabilities are a fixed table (fake-g2p.ts), so every
// expected candidate and score below is worked out by hand from that table.
import { describe, expect, it } from 'vitest';
import { beamSearch } from '../../../lib/seq2seq/beam-search.ts';
import { greedyDecode } from '../../../lib/seq2seq/greedy-decode.ts';
import { fakeG2P, fakeLogProb } from './fake-g2p.ts';

const BOS = 1;
const EOS = 2;
const A = 3;
const B = 4;
/** Summed float32 log-probabilities of a token path starting after BOS. */
function pathScore(tokens: number[]): number {
  let previous = BOS;
  let score = 0;
  for (const token of tokens) {
    score += fakeLogProb(previous, token);
    previous = token;
  }
  return score;
}

async function search(width: number, maxSteps: number) {
  const model = fakeG2P();
  const word = await model.encode([2, 3, 4]);
  return beamSearch(model, word, width, maxSteps);
}

describe('beamSearch on a hand-checkable fake model', () => {
  it('width 3: every candidate, best first, with its score; stops once a finished one leads', async () => {
    // step 1 keeps EOS (.1, finished), A (.5), B (.4); step 2 keeps B·EOS (.36, finished), A·A
    // (.175) and A·B (.175, tie with A·A: lower token first). B·EOS now scores higher than every
    // live beam, and scores only fall, so the search stops there: A·A and A·B are cut off.
    const candidates = await search(3, 3);
    expect(candidates.map((c) => [c.phonemes.join(' '), c.finished])).toEqual([
      ['B', true],
      ['A A', false],
      ['A B', false],
      ['', true],
    ]);
    const paths = [[B, EOS], [A, A], [A, B], [EOS]];
    candidates.forEach((c, k) => expect(c.score).toBe(pathScore(paths[k])));
    expect(Math.exp(candidates[0].score)).toBeCloseTo(0.36, 6);
  });

  it('runs to the length limit while a live beam still leads', async () => {
    // Width 3 with a limit of 1 step: EOS (.1) finished, A (.5) and B (.4) still live and ahead.
    const candidates = await search(3, 1);
    expect(candidates.map((c) => [c.phonemes.join(' '), c.finished])).toEqual([
      ['A', false],
      ['B', false],
      ['', true],
    ]);
  });

  it('width 2 lets the live set shrink as candidates finish', async () => {
    // step 1: A, B live; step 2: B·EOS (.36) finishes and only A·A (.175) stays live; B·EOS
    // already beats it, so the search stops.
    const candidates = await search(2, 3);
    expect(candidates.map((c) => [c.phonemes.join(' '), c.finished])).toEqual([
      ['B', true],
      ['A A', false],
    ]);
  });

  it('keeps one attention row per chosen token, EOS included', async () => {
    const [best] = await search(3, 3);
    // B·EOS: rows after BOS (1 mod 3 = letter 1) and after B (4 mod 3 = letter 1).
    expect(best.attention.map((row) => Array.from(row))).toEqual([
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('width 1 is greedy decoding', async () => {
    const model = fakeG2P();
    const word = await model.encode([2, 3, 4]);
    const greedy = await greedyDecode(model, word, 4);
    const [beam] = await beamSearch(model, word, 1, 4);
    expect(greedy.phonemes).toEqual(['A', 'A', 'A', 'A']);
    expect(greedy.finished).toBe(false);
    expect(beam).toEqual(greedy);
  });

  it('rejects widths outside 1–10', async () => {
    const model = fakeG2P();
    const word = await model.encode([2]);
    for (const width of [0, 11, 1.5, Number.NaN]) {
      await expect(beamSearch(model, word, width)).rejects.toThrow(RangeError);
    }
  });
});
