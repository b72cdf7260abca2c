/**
 * A character bigram model: the probability of the next symbol given only the current one,
 *
 *   P(b | a) = (count(a → b) + α) / (count(a → ·) + α·V)
 *
 * fitted by counting on training sequences, with add-α smoothing (α = 1: Laplace) so that a pair
 * never seen still gets a small probability. Bits per character on other sequences is the mean of
 * −log₂ P(b | a) over every transition, the end symbol included.
 */

/** Transition log-probabilities, logProbabilities[a·V + b] = ln P(b | a). */
export interface BigramModel {
  readonly vocabularySize: number;
  readonly logProbabilities: Float64Array;
}

/** Count the transitions of id sequences and smooth them with add-α. */
export function fitBigram(sequences: readonly (readonly number[])[], vocabularySize: number, alpha = 1): BigramModel {
  if (!(alpha > 0)) throw new RangeError(`smoothing α must be > 0, got ${alpha}`);
  const V = vocabularySize;
  const counts = new Float64Array(V * V);
  for (const ids of sequences) for (let t = 1; t < ids.length; t++) counts[ids[t - 1]! * V + ids[t]!]! += 1;
  const logProbabilities = new Float64Array(V * V);
  for (let a = 0; a < V; a++) {
    let row = 0;
    for (let b = 0; b < V; b++) row += counts[a * V + b]!;
    for (let b = 0; b < V; b++) logProbabilities[a * V + b] = Math.log((counts[a * V + b]! + alpha) / (row + alpha * V));
  }
  return { vocabularySize: V, logProbabilities };
}

/** Mean −log₂ P(next | current) over every transition of the sequences. */
export function bigramBitsPerCharacter(model: BigramModel, sequences: readonly (readonly number[])[]): number {
  let total = 0;
  let count = 0;
  for (const ids of sequences) {
    for (let t = 1; t < ids.length; t++) {
      total -= model.logProbabilities[ids[t - 1]! * model.vocabularySize + ids[t]!]!;
      count++;
    }
  }
  return total / count / Math.LN2;
}
