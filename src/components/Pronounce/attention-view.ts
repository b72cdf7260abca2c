/** The attention matrix as the kit Heatmap takes it: one row per output phoneme, one column per letter. */

/** The heatmap's props for a decoded word. */
export interface AttentionHeatmap {
  readonly values: number[][];
  readonly rowLabels: string[];
  readonly columnLabels: string[];
  readonly label: string;
}

/**
 * The heatmap of a greedy decoding: `attention[t]` holds the weights over the letters when phoneme t was
 * written; the end symbol's row, when present, is labelled "end". Rows with the wrong length are dropped,
 * and non-finite weights read as 0, so the grid never shows NaN.
 */
export function attentionHeatmap(word: string, phonemes: readonly string[], attention: readonly ArrayLike<number>[]): AttentionHeatmap {
  const letters = Array.from(word);
  const rows = attention.filter((row) => row.length === letters.length);
  return {
    values: rows.map((row) => Array.from(row, (weight) => (Number.isFinite(weight) ? weight : 0))),
    rowLabels: rows.map((_, t) => phonemes[t] ?? 'end'),
    columnLabels: letters,
    label: `Attention while writing “${word}”: a row per phoneme, a column per letter; each row sums to 1`,
  };
}

/** The largest |1 − row sum| of a set of attention rows (how far from a distribution they are). */
export function rowSumError(attention: readonly ArrayLike<number>[]): number {
  let worst = 0;
  for (const row of attention) {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j]!;
    worst = Math.max(worst, Math.abs(1 - sum));
  }
  return worst;
}
