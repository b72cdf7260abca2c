/**
 * The gate explorer: every number it shows in its default state, checked against lib's step API (lstmStep /
 * gruStep run one word at a time, a second path through lib), and step 3 of the default sentence against PyTorch:
 * the reference values were printed by the widget's own PyTorch block (explorer-code.ts) under /usr/bin/python3,
 * torch 1.13, float64, and are quoted here to 4 decimals.
 */
import { describe, expect, it } from 'vitest';
import { cellParams } from '../../../../lib/nn/recurrent.ts';
import { lstmStep } from '../../../../lib/nn/lstm.ts';
import { gruStep } from '../../../../lib/nn/gru.ts';
import { createExplorerModel, EXPLORER_INPUT_SIZE, exploreGates, stepShown, type ExplorerSettings } from '../../../../src/components/Gating/gate-explorer.ts';
import { DEFAULT_TEXT, explorerSettings } from '../../../../src/components/Gating/page-settings.ts';
import { embedWord } from '../../../../src/components/UnrolledRnn/embedding.ts';

const DEFAULTS: ExplorerSettings = explorerSettings({});

/** Each quantity's column at every step, by walking lib's step API word by word. */
function stepByStep(settings: ExplorerSettings, words: readonly string[]): Record<string, number[][]> {
  const model = createExplorerModel(settings.kind, settings.hiddenSize, settings.seed, settings.rememberBias);
  const p = cellParams(model, 0, 0);
  const H = settings.hiddenSize;
  let h = new Float64Array(H) as Float64Array;
  let c = new Float64Array(H) as Float64Array;
  const out: Record<string, number[][]> = {};
  const push = (key: string, values: ArrayLike<number>) => (out[key] ??= []).push(Array.from(values));
  for (const word of words) {
    const x = Float64Array.from(embedWord(word, EXPLORER_INPUT_SIZE, settings.seed));
    if (settings.kind === 'LSTM') {
      const step = lstmStep(p, x, { h, c });
      push('i', step.cache.inputGate); push('f', step.cache.forgetGate); push('g', step.cache.candidate);
      push('o', step.cache.outputGate); push('c', step.c!); push('h', step.h);
      h = step.h as Float64Array; c = step.c as Float64Array;
    } else {
      const step = gruStep(p, x, { h, c: null });
      push('r', step.cache.resetGate); push('z', step.cache.updateGate); push('n', step.cache.candidate); push('h', step.h);
      h = step.h as Float64Array;
    }
  }
  return out;
}

describe('exploreGates', () => {
  it('defaults: an LSTM, H = 8, over the 14 words of the default sentence, six panels', () => {
    expect(DEFAULTS).toEqual({ text: DEFAULT_TEXT, kind: 'LSTM', seed: 1, hiddenSize: 8, rememberBias: 1 });
    const view = exploreGates(DEFAULTS);
    expect(view.words).toHaveLength(14);
    expect(view.panels.map((p) => p.key)).toEqual(['i', 'f', 'g', 'o', 'c', 'h']);
    for (const panel of view.panels) {
      expect(panel.values).toHaveLength(8);
      for (const row of panel.values) expect(row).toHaveLength(14);
    }
  });

  for (const kind of ['LSTM', 'GRU'] as const) {
    it(`${kind}: every gate at every step equals lib's step API, word by word`, () => {
      const settings = { ...DEFAULTS, kind };
      const view = exploreGates(settings);
      const expected = stepByStep(settings, view.words);
      for (const panel of view.panels) {
        const columns = expected[panel.key]!;
        panel.values.forEach((row, unit) => row.forEach((value, t) => expect(value).toBe(columns[t]![unit])));
      }
      view.inputs.forEach((x, t) => expect(x).toEqual(embedWord(view.words[t]!, EXPLORER_INPUT_SIZE, 1)));
    });
  }

  it('matches PyTorch at step 3 ("sat") of "the cat sat on the mat" (torch 1.13, the widget\'s own PyTorch block)', () => {
    const torch: Record<string, Record<string, number[]>> = {
      LSTM: {
        i: [0.5549, 0.4355, 0.3685, 0.6616, 0.4781, 0.4167, 0.3644, 0.5364],
        f: [0.6705, 0.6706, 0.5919, 0.67, 0.6111, 0.698, 0.7775, 0.7142],
        c: [0.6624, 0.2102, 0.3885, -0.2329, -0.0095, 0.1054, 0.1982, -0.4402],
        h: [0.2035, 0.1043, 0.2142, -0.0778, -0.0056, 0.0644, 0.0734, -0.1142],
      },
      GRU: {
        r: [0.5672, 0.3944, 0.3072, 0.6365, 0.658, 0.303, 0.3213, 0.6449],
        z: [0.6496, 0.7001, 0.5899, 0.6623, 0.5773, 0.6726, 0.7707, 0.7125],
        n: [0.4554, 0.1189, 0.0531, -0.1604, 0.1348, 0.2482, 0.2079, 0.2531],
        h: [0.3348, 0.1988, 0.0591, -0.0431, 0.2151, 0.0961, 0.1527, -0.0485],
      },
    };
    for (const kind of ['LSTM', 'GRU'] as const) {
      const view = exploreGates({ ...DEFAULTS, kind, text: 'the cat sat on the mat' });
      for (const [key, values] of Object.entries(torch[kind]!)) {
        const panel = view.panels.find((p) => p.key === key)!;
        values.forEach((value, unit) => expect(panel.values[unit]![2]).toBeCloseTo(value, 4));
      }
    }
  });

  it('sets the remember bias: the f block (LSTM) or z block (GRU) of b_ih to the value, of b_hh to 0', () => {
    for (const [kind, bias] of [['LSTM', 2], ['GRU', 0]] as const) {
      const p = cellParams(createExplorerModel(kind, 8, 1, bias), 0, 0);
      expect(Array.from(p.biasIh!.subarray(8, 16))).toEqual(new Array(8).fill(bias));
      expect(Array.from(p.biasHh!.subarray(8, 16))).toEqual(new Array(8).fill(0));
    }
    // σ(1) ≈ 0.73 is the forget gate's centre with bias 1 and no input: the default panel sits around it.
    const f = exploreGates(DEFAULTS).panels.find((p) => p.key === 'f')!.values.flat();
    expect(f.reduce((a, b) => a + b, 0) / f.length).toBeGreaterThan(0.6);
  });

  it('empty or wordless text: no panels, an honest message, never a throw', () => {
    const empty = exploreGates({ ...DEFAULTS, text: '   ' });
    expect(empty.panels).toEqual([]);
    expect(empty.textMessage).toMatch(/Type a sentence/);
    const garbage = exploreGates({ ...DEFAULTS, text: '!!! ??? 🙂' });
    expect(garbage.panels).toEqual([]);
    expect(garbage.textMessage).toMatch(/No words found/);
    expect(stepShown(garbage, 3)).toEqual({ step: 0, message: null });
  });

  it('long text is cut at 40 words, with a message', () => {
    const view = exploreGates({ ...DEFAULTS, text: Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') });
    expect(view.words).toHaveLength(40);
    expect(view.textMessage).toMatch(/60 words; the widgets read the first 40/);
    expect(view.panels.every((p) => p.values.flat().every(Number.isFinite))).toBe(true);
  });
});

describe('stepShown', () => {
  it('keeps a step inside the sentence and says when it had to move it', () => {
    const view = exploreGates({ ...DEFAULTS, text: 'one two three' });
    expect(stepShown(view, 2)).toEqual({ step: 2, message: null });
    expect(stepShown(view, 40)).toEqual({ step: 3, message: 'The sentence has 3 words, so step 3 is shown instead of step 40.' });
  });
});
