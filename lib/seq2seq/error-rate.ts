/**
 * How wrong a pronunciation is. PER (phoneme error rate) sums the Levenshtein distances
 * between predicted and reference phoneme sequences and divides by the summed reference
 * length; WER (word error rate) is the share of words with any error at all. These are the
 * definitions scripts/g2p/metrics.py uses for metrics.json.
 */

/** Edit distance between two sequences: fewest insertions, deletions and substitutions (each costs 1). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** PER and WER over paired predictions and references, with the counts behind them. */
export interface ErrorRates {
  readonly per: number;
  readonly wer: number;
  readonly edits: number;
  readonly referenceLength: number;
  readonly wrongWords: number;
  readonly words: number;
}

/** PER and WER of predicted phoneme sequences against references (0 for an empty list, not NaN). */
export function errorRates<T>(predictions: readonly (readonly T[])[], references: readonly (readonly T[])[]): ErrorRates {
  if (predictions.length !== references.length) {
    throw new Error(`${predictions.length} predictions for ${references.length} references`);
  }
  let edits = 0;
  let referenceLength = 0;
  let wrongWords = 0;
  references.forEach((reference, k) => {
    const distance = levenshtein(predictions[k], reference);
    edits += distance;
    referenceLength += reference.length;
    if (distance > 0) wrongWords += 1;
  });
  return {
    per: referenceLength === 0 ? 0 : edits / referenceLength,
    wer: references.length === 0 ? 0 : wrongWords / references.length,
    edits,
    referenceLength,
    wrongWords,
    words: references.length,
  };
}
