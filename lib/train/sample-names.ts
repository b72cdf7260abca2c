/**
 * Sampling names from a trained character model: start from the boundary ".", feed each drawn
 * character back in, and stop at the next "." (or at maxLength). Each draw is from
 *
 *   P(c) = softmax(z / τ)_c
 *
 * with temperature τ: τ < 1 sharpens the distribution (safer, more common names), τ > 1 flattens it
 * (stranger ones). The same generator state gives the same names.
 */
import type { CharacterVocabulary } from '../data/characters.ts';
import { linearForward, type Linear } from '../nn/linear.ts';
import type { Recurrent } from '../nn/recurrent.ts';
import { recurrentForward } from '../nn/sequence.ts';
import { softmax } from '../nn/softmax.ts';
import type { Random } from '../random.ts';
import { allocate, fromData, type Tensor } from '../tensor.ts';

/** The temperatures sampling accepts. */
export const TEMPERATURE_RANGE = { min: 0.05, max: 5 } as const;

/** Options of sampleNames. */
export interface SampleOptions {
  /** How many names. */
  readonly count: number;
  /** τ, within TEMPERATURE_RANGE. */
  readonly temperature: number;
  /** Longest name drawn; a longer one is cut there. */
  readonly maxLength: number;
  readonly random: Random;
}

/** Draw an index from probabilities with one uniform number. */
function draw(probabilities: readonly number[], u: number): number {
  let cumulative = 0;
  for (let k = 0; k < probabilities.length; k++) {
    cumulative += probabilities[k]!;
    if (u < cumulative) return k;
  }
  return probabilities.length - 1;
}

/** Sample `count` names from a character model (input and output size = the vocabulary size). */
export function sampleNames(model: Recurrent, head: Linear, vocabulary: CharacterVocabulary, options: SampleOptions): string[] {
  const { count, temperature, maxLength, random } = options;
  if (!(temperature >= TEMPERATURE_RANGE.min && temperature <= TEMPERATURE_RANGE.max)) {
    throw new RangeError(`temperature must lie in ${TEMPERATURE_RANGE.min} … ${TEMPERATURE_RANGE.max}, got ${temperature}`);
  }
  const V = vocabulary.symbols.length;
  const { dtype } = model.config;
  const names = Array.from({ length: count }, () => '');
  const done = Array.from({ length: count }, () => false);
  let current = new Array<number>(count).fill(0);
  let h: Tensor | null = null;
  let c: Tensor | null = null;
  for (let t = 0; t < maxLength + 1 && done.includes(false); t++) {
    const x = allocate(count * V, dtype);
    current.forEach((id, b) => { x[b * V + id] = 1; });
    const step = recurrentForward(model, fromData(x, [1, count, V]), { h0: h, c0: c });
    h = step.hN;
    c = step.cN;
    const logits = linearForward(head, fromData(step.output.data, [count, model.config.hiddenSize])).data;
    current = current.map((_, b) => {
      const scaled = Array.from(logits.subarray(b * V, (b + 1) * V), (z) => z / temperature);
      const id = draw(softmax(scaled), random.next());
      if (done[b]) return 0;
      if (id === 0 || names[b]!.length >= maxLength) done[b] = true;
      else names[b] += vocabulary.symbols[id];
      return id;
    });
  }
  return names;
}
