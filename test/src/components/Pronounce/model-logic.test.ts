/**
 * The chapter's model logic on the committed G2P model, run by onnxruntime-web (WASM) in Node: the core's
 * replay of the encoder BiLSTM against ORT's `memory`, greedy attention rows, and the beam list. The reference
 * is onnxruntime running the files torch.onnx.export wrote (scripts/g2p/), in float32; the core runs float64.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEncoder } from '../../../../src/components/Pronounce/encoder-check.ts';
import { GATE_CHECK_TOLERANCE, maxDifference, replayEncoder } from '../../../../src/components/Pronounce/gate-replay.ts';
import { readEncoderWeights } from '../../../../src/components/Pronounce/encoder-weights.ts';
import { rowSumError } from '../../../../src/components/Pronounce/attention-view.ts';
import { beamWord, checkSpelling, decodeWord } from '../../../../src/components/Pronounce/word-decoding.ts';
import { letterIds } from '../../../../lib/seq2seq/phoneme-vocab.ts';
import type { G2pModel } from '../../../../src/components/Pronounce/g2p-model.ts';
import { lstmStep } from '../../../../lib/index.ts';
import { loadCommittedModel } from './g2p-runners.ts';
import { ENGINE_NAMES, latencyEngines } from '../../../../src/components/Pronounce/latency-engines.ts';
import { measureLatency } from '../../../../src/components/Pronounce/latency.ts';

let model: G2pModel;
beforeAll(async () => {
  model = await loadCommittedModel();
});

function checked(word: string): string {
  const check = checkSpelling(word);
  if (!check.ok) throw new Error(check.message);
  return check.word;
}

describe('the encoder replayed in the core', () => {
  for (const word of ['pronounce', 'a', "don't", 'supercalifragilistic']) {
    it(`equals ORT's memory within ${GATE_CHECK_TOLERANCE} on “${word}”, both directions`, async () => {
      const result = await checkEncoder(model, checked(word));
      if ('error' in result) throw new Error(result.error);
      expect(result.replay.letters).toBe(Array.from(word).length);
      expect(result.difference).toBeLessThanOrEqual(GATE_CHECK_TOLERANCE);
    });
  }
  it('keeps gates in their ranges and c, h consistent with them (h = o ⊙ tanh c)', () => {
    const replay = replayEncoder(readEncoderWeights(model.encoderBytes, model.vocab), letterIds(model.vocab, checked('gates')));
    for (const direction of replay.steps) {
      for (const step of direction) {
        for (const gate of [step.inputGate, step.forgetGate, step.outputGate]) for (const v of gate) expect(v > 0 && v < 1).toBe(true);
        step.h.forEach((h, j) => expect(h).toBeCloseTo(step.outputGate[j]! * Math.tanh(step.c[j]!), 12));
      }
    }
  });
  it('the backward direction starts at the last letter: its step there is one LSTM step from zeros', () => {
    const weights = readEncoderWeights(model.encoderBytes, model.vocab);
    const ids = letterIds(model.vocab, checked('cat'));
    const replay = replayEncoder(weights, ids);
    const E = weights.hiddenSize;
    const x = weights.embedding.slice(ids[2]! * weights.embeddingSize, (ids[2]! + 1) * weights.embeddingSize);
    const first = lstmStep(weights.directions[1], x, { h: new Float64Array(E), c: new Float64Array(E) });
    expect(Array.from(replay.steps[1][2]!.h)).toEqual(Array.from(first.h));
  });
  it('fails the check (NaN) when ORT memory has the wrong shape', () => {
    const replay = replayEncoder(readEncoderWeights(model.encoderBytes, model.vocab), letterIds(model.vocab, checked('ab')));
    expect(maxDifference(replay, new Float32Array(3))).toBeNaN();
  });
});

describe('greedy decoding and beam search on the model', () => {
  it('gives attention rows that are distributions over the letters', async () => {
    const outcome = await decodeWord(model, checked('pronounce'));
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.value.phonemes.length).toBeGreaterThan(0);
    for (const row of outcome.value.attention) expect(row).toHaveLength(9);
    expect(rowSumError(outcome.value.attention)).toBeLessThan(1e-5);
  });
  it('lists the beam best first (lib/seq2seq), and with k = 1 gives the greedy output', async () => {
    const letters = checked('colonel');
    const beam = await beamWord(model, letters, 5);
    if ('error' in beam) throw new Error(beam.error);
    expect(beam.value.length).toBeGreaterThan(0);
    for (let i = 1; i < beam.value.length; i++) expect(beam.value[i - 1]!.score).toBeGreaterThanOrEqual(beam.value[i]!.score);
    const greedy = await decodeWord(model, letters);
    const single = await beamWord(model, letters, 1);
    if ('error' in greedy || 'error' in single) throw new Error('decoding failed');
    expect(single.value[0]!.phonemes).toEqual(greedy.value.phonemes);
    expect(single.value[0]!.score).toBeCloseTo(greedy.value.score, 4);
  });
});

describe('the latency engines on the model', () => {
  it('runs the core and ORT-WASM, and says WebGPU is not available in Node, with a reason', async () => {
    const ids = letterIds(model.vocab, 'cat');
    const engines = await latencyEngines(model, ids);
    expect(engines.map((e) => e.name)).toEqual([ENGINE_NAMES.core, ENGINE_NAMES.wasm, ENGINE_NAMES.webgpu]);
    const webgpu = engines[2]!;
    expect('unavailable' in webgpu && webgpu.unavailable).toMatch(/^not available here: ./);
    const rows = await measureLatency(engines, { repeats: 2, letters: 3, now: () => performance.now(), yieldToPage: async () => {} });
    for (const row of rows.slice(0, 2)) expect('perStepMs' in row && row.perStepMs >= 0).toBe(true);
  });
});
