/**
 * The fixed-length contrast: a feed-forward layer reads exactly L word vectors laid end to end
 * (L·D_in inputs), so a sentence must be padded or cut to L words, and its weights grow with L;
 * the RNN reads any number of words with one set of weights. Counts come from lib/count.ts.
 */
import { feedForwardParameterCount, recurrentParameterCount } from '../../../lib/count.ts';
import type { Series } from '../../kit/plot-data.ts';

/** The token that fills an empty slot of the fixed-length input. */
export const PAD = '<pad>';

/** One of the L input slots of the feed-forward net. */
export interface Slot {
  /** The word in this slot, or PAD. */
  readonly word: string;
  readonly padded: boolean;
}

/** The sentence as a fixed-length input: L slots, and the words that did not fit. */
export interface FixedInput {
  readonly slots: readonly Slot[];
  /** Words past the L-th, which the feed-forward net never sees. */
  readonly dropped: readonly string[];
  readonly paddedCount: number;
}

/** Pad the words with PAD up to L, or cut them to L. */
export function fitToLength(words: readonly string[], length: number): FixedInput {
  const slots: Slot[] = Array.from({ length }, (_, i) => (i < words.length ? { word: words[i]!, padded: false } : { word: PAD, padded: true }));
  return { slots, dropped: words.slice(length), paddedCount: Math.max(0, length - words.length) };
}

/** The parameter counts the widget shows, all from lib/count.ts (biases included). */
export interface LengthCounts {
  /** A Linear on L·D_in inputs to H outputs: the net built for L words. */
  readonly feedForwardFixed: number;
  /** The same layer sized for the sentence's T words (what it would take to read them all). */
  readonly feedForwardSentence: number;
  /** nn.RNN(D_in, H), PyTorch's two biases: the same for every length. */
  readonly recurrent: number;
}

/** Counts for a window of L words, a sentence of T words (T ≥ 1), D_in and H. */
export function lengthCounts(length: number, sentenceLength: number, inputSize: number, hiddenSize: number): LengthCounts {
  return {
    feedForwardFixed: feedForwardParameterCount(length, inputSize, hiddenSize),
    feedForwardSentence: feedForwardParameterCount(Math.max(1, sentenceLength), inputSize, hiddenSize),
    recurrent: recurrentParameterCount({ kind: 'RNN', inputSize, hiddenSize }),
  };
}

/** Plot series labels. */
export const SERIES_NAMES = { feedForward: 'Feed-forward on T words', recurrent: 'RNN (any T)' } as const;

/** Parameters against the number of words T = 1 … maxT, for the feed-forward layer and the RNN. */
export function lengthSeries(maxT: number, inputSize: number, hiddenSize: number): Series[] {
  const ts = Array.from({ length: Math.max(1, Math.floor(maxT)) }, (_, i) => i + 1);
  const recurrent = recurrentParameterCount({ kind: 'RNN', inputSize, hiddenSize });
  return [
    { name: SERIES_NAMES.feedForward, points: ts.map((t) => [t, feedForwardParameterCount(t, inputSize, hiddenSize)] as const) },
    { name: SERIES_NAMES.recurrent, points: ts.map((t) => [t, recurrent] as const) },
  ];
}
