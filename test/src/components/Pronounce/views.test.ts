/** The widgets' view logic: page settings, the beam table, the attention heatmap, the gates view, vocab parsing (hand-checked cases). */
import { describe, expect, it } from 'vitest';
import { attentionHeatmap, rowSumError } from '../../../../src/components/Pronounce/attention-view.ts';
import { beamRows } from '../../../../src/components/Pronounce/beam-view.ts';
import { vocabFromBytes } from '../../../../src/components/Pronounce/g2p-files.ts';
import { checkSpelling } from '../../../../src/components/Pronounce/word-decoding.ts';
import type { EncoderReplay, GateStep } from '../../../../src/components/Pronounce/gate-replay.ts';
import { gateHeatmap, letterRows, letterShown, UNITS_SHOWN } from '../../../../src/components/Pronounce/gates-view.ts';
import { beamWidthOf, DEFAULT_BEAM, DEFAULT_WORD, letterOf, MAX_BEAM, wordOf } from '../../../../src/components/Pronounce/page-settings.ts';

describe('page settings', () => {
  it('fall back to the defaults for missing or wrong values and clamp the beam width', () => {
    expect(wordOf({})).toBe(DEFAULT_WORD);
    expect(wordOf({ word: 42 })).toBe(DEFAULT_WORD);
    expect(beamWidthOf({ beam: 'x' })).toBe(DEFAULT_BEAM);
    expect(beamWidthOf({ beam: Number.NaN })).toBe(DEFAULT_BEAM);
    expect(beamWidthOf({ beam: 99 })).toBe(MAX_BEAM);
    expect(beamWidthOf({ beam: 0 })).toBe(1);
    expect(letterOf({ letter: 3.4 })).toBe(3);
  });
});

describe('beamRows', () => {
  it('sorts best first, marks only the winner, and gives e^score as a percentage', () => {
    const rows = beamRows([
      { phonemes: ['B', 'AA', 'K', 'S'], score: -1.2 },
      { phonemes: ['B', 'AA', 'K', 'S'], score: Math.log(0.5) },
      { phonemes: ['B', 'OW'], score: Number.NaN },
    ]);
    expect(rows.map((r) => r.score)).toEqual(['−0.693', '−1.200', '−∞']);
    expect(rows.map((r) => r.winner)).toEqual([true, false, false]);
    expect(rows.map((r) => r.finished)).toEqual([true, true, true]);
    expect(rows[0]!.probability).toBe('50.0 %');
    expect(rows[2]!.probability).toBe('0 %');
    expect(rows[0]!.length).toBe(4);
  });
});

describe('attentionHeatmap', () => {
  it('labels rows by phoneme (the end step "end") and columns by letter, and never passes NaN on', () => {
    const map = attentionHeatmap('box', ['B', 'AA'], [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0, Number.NaN, 1]]);
    expect(map.rowLabels).toEqual(['B', 'AA', 'end']);
    expect(map.columnLabels).toEqual(['b', 'o', 'x']);
    expect(map.values[2]).toEqual([0, 0, 1]);
  });
  it('measures how far rows are from summing to 1', () => {
    expect(rowSumError([[0.5, 0.5], [0.25, 0.5]])).toBeCloseTo(0.25, 12);
  });
});

function fakeStep(value: number): GateStep {
  const filled = (v: number) => new Float64Array(8).fill(v);
  return { inputGate: filled(value), forgetGate: filled(value + 0.1), candidate: filled(-value), outputGate: filled(0.5), c: filled(value * 2), h: filled(value / 2) };
}

describe('gates view', () => {
  const replay: EncoderReplay = { letters: 2, hiddenSize: 8, steps: [[fakeStep(0.1), fakeStep(0.2)], [fakeStep(0.3), fakeStep(0.4)]] };
  it('stacks the first units of i, f, g, o as rows and letters as columns', () => {
    const map = gateHeatmap(replay, 1, ['a', 'b']);
    expect(map.rowLabels).toHaveLength(4 * UNITS_SHOWN);
    expect(map.rowLabels[UNITS_SHOWN]).toBe('f1');
    expect(map.values[0]).toEqual([0.3, 0.4]);
    expect(map.values[2 * UNITS_SHOWN]).toEqual([-0.3, -0.4]);
  });
  it("gives the chosen letter's six quantities for both directions", () => {
    const rows = letterRows(replay, 2);
    expect(rows).toHaveLength(12);
    expect(rows[4]).toMatchObject({ symbol: 'c', values: Array(UNITS_SHOWN).fill(0.4) });
    expect(rows[11]!.direction).toBe('← backward');
  });
  it('clamps the letter to the word and says so', () => {
    expect(letterShown(9, 4)).toEqual({ letter: 4, message: 'The word has 4 letters; showing letter 4.' });
    expect(letterShown(2, 4)).toEqual({ letter: 2, message: null });
  });
});

describe('vocabFromBytes', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  it('reads the contract fields', () => {
    const vocab = vocabFromBytes(encode({ letters: ['<pad>', "'", 'a'], phonemes: ['<pad>', '<bos>', '<eos>', 'AA'], bos: 1, eos: 2, encoder: { embedding: 'e', lstm: 'l' }, params: 10 }));
    expect(vocab.encoder.lstm).toBe('l');
  });
  it('throws a message saying the files do not fit the page, for bad JSON or missing fields', () => {
    expect(() => vocabFromBytes(encode({ letters: [] }))).toThrow(/does not match this page/);
    expect(() => vocabFromBytes(new TextEncoder().encode('{'))).toThrow(/does not match this page/);
  });
});

describe('checkSpelling', () => {
  it('gives the letters of a good word and a message naming bad characters', () => {
    expect(checkSpelling(' Box ')).toEqual({ ok: true, word: 'box', letters: ['b', 'o', 'x'] });
    const bad = checkSpelling('b4#');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('“4”');
    expect(checkSpelling('a'.repeat(31)).ok).toBe(false);
    expect(checkSpelling('').ok).toBe(false);
  });
});
