/** A decoded pronunciation: what greedy decoding and beam search both return. */

/** One decoded phoneme sequence with its score and the attention behind it. */
export interface Hypothesis {
  /** Phoneme ids, EOS excluded. */
  readonly phonemeIds: readonly number[];
  /** The same as ARPAbet symbols. */
  readonly phonemes: readonly string[];
  /** Summed log-probability of every token chosen, EOS included when finished (float64 sum). */
  readonly score: number;
  /** True when the decoder chose EOS; false when the length limit cut it off. */
  readonly finished: boolean;
  /** Attention over the letters at each decoder step (one row per chosen token, EOS included). */
  readonly attention: readonly Float32Array[];
}
