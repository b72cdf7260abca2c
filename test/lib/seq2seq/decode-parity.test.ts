// The committed G2P model run by onnxruntime-web (WASM, Node) through lib/seq2seq against
// PyTorch's decoding of the same checkpoint: test/fixtures/g2p/decode.json, written by
// scripts/g2p/make_fixtures.py. Phonemes must match exactly; scores, attention and encoder
// memory within 1e-4 (float32 ONNX vs float32 PyTorch, summed in float64).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { beamSearch } from '../../../lib/seq2seq/beam-search.ts';
import { errorRates } from '../../../lib/seq2seq/error-rate.ts';
import type { Seq2SeqModel } from '../../../lib/seq2seq/g2p-model.ts';
import { greedyDecode } from '../../../lib/seq2seq/greedy-decode.ts';
import { letterIds } from '../../../lib/seq2seq/phoneme-vocab.ts';
import { G2P_DIR, loadCommittedG2P } from './ort-node-runner.ts';

interface Fixture {
  models: Record<string, string>;
  beamWidth: number;
  cases: {
    word: string;
    greedy: string[];
    greedyAttention: number[][];
    memoryFirstRow: number[];
    beam4: { phonemes: string[]; score: number; finished: boolean }[];
    beam4BestAttention: number[][];
  }[];
  sample: { words: string[]; references: string[][]; greedy: string[][]; per: number; wer: number };
}

const TOLERANCE = 1e-4;
const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/g2p/decode.json', import.meta.url), 'utf8'),
);

function expectRowsClose(actual: readonly Float32Array[], expected: number[][]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, t) => {
    expect(row.length).toBe(expected[t].length);
    row.forEach((value, s) => expect(Math.abs(value - expected[t][s])).toBeLessThanOrEqual(TOLERANCE));
  });
}

let model: Seq2SeqModel;
beforeAll(async () => {
  model = await loadCommittedG2P();
});

describe('G2P decoding matches PyTorch', () => {
  it('the fixtures were made from the committed model files', () => {
    for (const [file, sha256] of Object.entries(fixture.models)) {
      const actual = createHash('sha256').update(readFileSync(`${G2P_DIR}${file}`)).digest('hex');
      expect(actual, `${file} changed: rerun scripts/g2p/make_fixtures.py`).toBe(sha256);
    }
  });

  for (const c of fixture.cases) {
    it(`"${c.word}": encoder memory, greedy and beam-${fixture.beamWidth}`, async () => {
      const word = await model.encode(letterIds(model.vocab, c.word));
      expect(word.memoryWidth).toBe(c.memoryFirstRow.length);
      word.memory
        .slice(0, word.memoryWidth)
        .forEach((value, k) => expect(Math.abs(value - c.memoryFirstRow[k])).toBeLessThanOrEqual(TOLERANCE));

      const greedy = await greedyDecode(model, word);
      expect(greedy.phonemes).toEqual(c.greedy);
      expectRowsClose(greedy.attention, c.greedyAttention);

      const beams = await beamSearch(model, word, fixture.beamWidth);
      expect(beams.map((b) => [b.phonemes, b.finished])).toEqual(c.beam4.map((b) => [b.phonemes, b.finished]));
      beams.forEach((b, k) => expect(Math.abs(b.score - c.beam4[k].score)).toBeLessThanOrEqual(TOLERANCE));
      expectRowsClose(beams[0].attention, c.beam4BestAttention);

      const [widthOne] = await beamSearch(model, word, 1);
      expect(widthOne).toEqual(greedy);
    });
  }

  it(`greedy on a ${fixture.sample.words.length}-word held-out sample: same phonemes, PER and WER`, async () => {
    const predictions: string[][] = [];
    for (const spelling of fixture.sample.words) {
      const word = await model.encode(letterIds(model.vocab, spelling));
      predictions.push([...(await greedyDecode(model, word)).phonemes]);
    }
    expect(predictions).toEqual(fixture.sample.greedy);
    const rates = errorRates(predictions, fixture.sample.references);
    expect(rates.per).toBeCloseTo(fixture.sample.per, 12);
    expect(rates.wer).toBeCloseTo(fixture.sample.wer, 12);
  });
});
