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
  it('width 3, 3 steps: every candidate, best first, with its score', async () => {
    // step 1 keeps EOS (.1, finished), A (.5), B (.4); step 2 keeps B·EOS (.36), A·A (.175),
    // A·B (.175, tie with A·A: lower token first); step 3 keeps A·B·EOS (.1575), A·A·A and
    // A·A·B (.06125 each), cut off by the length limit.
    const candidates = await search(3, 3);
    expect(candidates.map((c) => [c.phonemes.join(' '), c.finished])).toEqual([
      ['B', true],
      ['A B', true],
      ['', true],
      ['A A A', false],
      ['A A B', false],
    ]);
    const paths = [[B, EOS], [A, B, EOS], [EOS], [A, A, A], [A, A, B]];
    candidates.forEach((c, k) => expect(c.score).toBe(pathScore(paths[k])));
    expect(Math.exp(candidates[0].score)).toBeCloseTo(0.36, 6);
  });

  it('width 2 lets the live set shrink as candidates finish', async () => {
    // step 1: A, B live; step 2: B·EOS finishes, only A·A stays live; step 3: A·A·A, A·A·B.
    const candidates = await search(2, 3);
    expect(candidates.map((c) => c.phonemes.join(' '))).toEqual(['B', 'A A A', 'A A B']);
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
