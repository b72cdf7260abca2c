/**
 * The unrolled RNN widget's numbers. References: lib's own sequence driver (recurrentForward, checked
 * against PyTorch in test/lib/nn) run over the same model and word vectors, one step worked by hand
 * from the weights, and lib/count.ts for the parameter count.
 */
import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../../../../lib/count.ts';
import { createRandom } from '../../../../lib/random.ts';
import { createRNN, parameterByName } from '../../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { fromNested } from '../../../../lib/tensor.ts';
import { embedWord, hashWord, roundTo } from '../../../../src/components/UnrolledRnn/embedding.ts';
import { DEFAULT_SENTENCE, tokenize } from '../../../../src/components/UnrolledRnn/tokens.ts';
import { clampStep, createWidgetRnn, DEFAULT_SETUP, toMatrix, unrolledView, WEIGHT_DECIMALS } from '../../../../src/components/UnrolledRnn/unrolled-rnn.ts';

const words = tokenize(DEFAULT_SENTENCE).tokens;
const { inputSize: D, hiddenSize: H, seed } = DEFAULT_SETUP;
const view = unrolledView(DEFAULT_SETUP, words);

describe('the word vectors', () => {
  it('are a fixed lookup: the same word gives the same vector, other words or seeds other vectors', () => {
    expect(embedWord('the', 4, 1)).toEqual(embedWord('the', 4, 1));
    expect(embedWord('the', 4, 1)).not.toEqual(embedWord('cat', 4, 1));
    expect(embedWord('the', 4, 1)).not.toEqual(embedWord('the', 4, 2));
    expect(embedWord('the', 7, 1)).toHaveLength(7);
  });
  it('are rounded to three decimals, and the hash is FNV-1a (hand-checked: "" → 0x811c9dc5, "a" → 0xe40c292c)', () => {
    for (const v of embedWord('sentence', 8, 5)) expect(roundTo(v, 3)).toBe(v);
    expect(hashWord('')).toBe(0x811c9dc5);
    expect(hashWord('a')).toBe(0xe40c292c);
  });
});

describe('the unrolled RNN in its default state (the sentence "the cat sat on the mat", D_in = 4, D_h = 6, seed 1)', () => {
  it("builds lib's seeded nn.RNN(4, 6), with its weights rounded to four decimals", () => {
    const raw = createRNN({ inputSize: D, hiddenSize: H, random: createRandom(seed) });
    const model = createWidgetRnn(DEFAULT_SETUP);
    for (const name of ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']) {
      const expected = Array.from(parameterByName(raw, name), (v) => roundTo(v, WEIGHT_DECIMALS));
      expect(Array.from(parameterByName(model, name))).toEqual(expected);
    }
    expect(view.weightXh).toEqual(toMatrix(parameterByName(model, 'weight_ih_l0'), H, D));
    expect(view.weightHh).toEqual(toMatrix(parameterByName(model, 'weight_hh_l0'), H, H));
  });

  it("shows, at every step, the h_t that lib's sequence driver computes for the whole sentence at once", () => {
    const model = createWidgetRnn(DEFAULT_SETUP);
    const input = fromNested(words.map((word) => [embedWord(word, D, seed)])); // [T, 1, D]
    const { output } = recurrentForward(model, input);
    expect(view.steps).toHaveLength(6);
    view.steps.forEach((step, t) => {
      expect(step.word).toBe(words[t]);
      expect(step.x).toEqual(embedWord(words[t]!, D, seed));
      const expected = Array.from(output.data.subarray(t * H, (t + 1) * H));
      step.h.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 14));
    });
  });

  it('computes h_1 = tanh(W_xh x_1 + b_ih + b_hh) (h_0 = 0), checked by hand from the weights', () => {
    const model = createWidgetRnn(DEFAULT_SETUP);
    const W = parameterByName(model, 'weight_ih_l0');
    const b = Array.from(parameterByName(model, 'bias_ih_l0'), (v, i) => v + parameterByName(model, 'bias_hh_l0')[i]!);
    const x = embedWord('the', D, seed);
    for (let i = 0; i < H; i++) {
      let a = b[i]!;
      for (let j = 0; j < D; j++) a += W[i * D + j]! * x[j]!;
      expect(view.steps[0]!.h[i]).toBeCloseTo(Math.tanh(a), 14);
    }
  });

  it('reads "the" twice with the same x but leaves different states (the memory of the words in between)', () => {
    expect(view.steps[4]!.x).toEqual(view.steps[0]!.x);
    const gap = Math.max(...view.steps[4]!.h.map((v, k) => Math.abs(v - view.steps[0]!.h[k]!)));
    expect(gap).toBeGreaterThan(0.01);
    for (const step of view.steps) for (const v of step.h) expect(Math.abs(v)).toBeLessThan(1);
  });

  it('uses one set of weights at every step, and counts 72 parameters, as lib/count.ts does', () => {
    expect(view.shared).toBe(true);
    expect(new Set(view.steps.map((s) => s.params)).size).toBe(1);
    expect(view.parameterCount).toBe(recurrentParameterCount({ kind: 'RNN', inputSize: D, hiddenSize: H }));
    expect(view.parameterCount).toBe(72); // hand count: 6 · (4 + 6 + 2), the number the chapter's prose uses
    expect(unrolledView(DEFAULT_SETUP, tokenize('a '.repeat(40)).tokens).parameterCount).toBe(72);
  });

  it('gives no steps (and throws nothing) for no words, and works at the size limits', () => {
    expect(unrolledView(DEFAULT_SETUP, []).steps).toEqual([]);
    const big = unrolledView({ inputSize: 8, hiddenSize: 12, seed: 9999 }, tokenize('w '.repeat(40)).tokens);
    expect(big.steps).toHaveLength(40);
    for (const step of big.steps) for (const v of step.h) expect(Number.isFinite(v)).toBe(true);
    const tiny = unrolledView({ inputSize: 1, hiddenSize: 1, seed: 0 }, ['a']);
    expect(tiny.parameterCount).toBe(recurrentParameterCount({ kind: 'RNN', inputSize: 1, hiddenSize: 1 }));
  });
});

describe('clampStep', () => {
  it('keeps t within 1…T, and 0 when there are no words', () => {
    expect(clampStep(5, 6)).toBe(5);
    expect(clampStep(40, 6)).toBe(6);
    expect(clampStep(0, 6)).toBe(1);
    expect(clampStep(Number.NaN, 6)).toBe(1);
    expect(clampStep(3, 0)).toBe(0);
  });
});
