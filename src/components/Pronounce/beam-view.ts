/** The beam list as the widget shows it: candidates best first, the winner marked, scores and probabilities readable. */

/** One finished candidate of a beam search: its phonemes (end symbol left out) and its summed log-probability. */
export interface BeamCandidateInput {
  readonly phonemes: readonly string[];
  readonly score: number;
  /** False when the length limit cut the candidate off before its end symbol. */
  readonly finished?: boolean;
}

/** One row of the beam table. */
export interface BeamRow {
  readonly rank: number;
  readonly phonemes: string;
  readonly length: number;
  /** The score, three decimals, with a true minus sign. */
  readonly score: string;
  /** e^score, the model's probability of the whole output, as a percentage. */
  readonly probability: string;
  readonly winner: boolean;
  readonly finished: boolean;
}

/** A signed number with a true minus sign. */
function signed(value: number, digits: number): string {
  return value.toFixed(digits).replace('-', '−');
}

/** The candidates, best (highest score) first; the first is the winner. Non-finite scores sort last and read "−∞". */
export function beamRows(candidates: readonly BeamCandidateInput[]): BeamRow[] {
  const scoreOf = (c: BeamCandidateInput) => (Number.isFinite(c.score) ? c.score : Number.NEGATIVE_INFINITY);
  return [...candidates]
    .sort((a, b) => scoreOf(b) - scoreOf(a))
    .map((candidate, index) => {
      const score = scoreOf(candidate);
      const probability = Math.exp(score) * 100;
      return {
        rank: index + 1,
        phonemes: candidate.phonemes.join(' '),
        length: candidate.phonemes.length,
        score: Number.isFinite(score) ? signed(score, 3) : '−∞',
        probability: probability >= 0.1 ? `${probability.toFixed(1)} %` : probability > 0 ? '< 0.1 %' : '0 %',
        winner: index === 0,
        finished: candidate.finished !== false,
      };
    });
}
