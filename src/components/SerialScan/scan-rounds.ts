/**
 * The scan's rounds, step by step (the round view's logic). lib/scan.ts's Hillis–Steele scan starts with
 * F_t = f_t at every position t = 1…T; in round r (offset d = 2^{r−1}) every t > d sets F_t ← F_t ∘ F_{t−d},
 * all at once. After round r, F_t covers the steps max(1, t − 2^r + 1) … t; it is finished (F_t(h_0) = h_t)
 * once it reaches step 1.
 */

/** One position of the scan after some round: which steps its map composes, and what this round did to it. */
export interface PositionAfterRound {
  /** The position t (1-based). */
  readonly t: number;
  /** The first step F_t covers: F_t = f_t ∘ … ∘ f_from. */
  readonly from: number;
  /** The position it combined with in this round (t − offset), or null if it waited. */
  readonly combinedWith: number | null;
  /** Whether F_t covers every step from 1, so h_t is known. */
  readonly done: boolean;
}

/** The state of the whole scan after a round. */
export interface RoundState {
  /** The round shown, clamped to 0 … depth. */
  readonly round: number;
  /** ⌈log₂ T⌉, the number of rounds the scan needs. */
  readonly depth: number;
  /** The offset of this round (2^{round−1}), or null for round 0 (nothing combined yet). */
  readonly offset: number | null;
  /** Every position, 1 … T. */
  readonly positions: readonly PositionAfterRound[];
  /** Combines (one matrix–matrix product each) done in this round. */
  readonly combines: number;
  /** Combines done in rounds 1 … round together. */
  readonly combinesSoFar: number;
  /** Positions finished after this round. */
  readonly finished: number;
}

/** ⌈log₂ T⌉ by doubling, exactly (no floating-point log): the rounds a Hillis–Steele scan over T items takes. */
export function scanDepth(sequenceLength: number): number {
  let depth = 0;
  for (let span = 1; span < sequenceLength; span *= 2) depth++;
  return depth;
}

/** The scan over T positions after the given round (0 = before any round; values past the depth show the end). */
export function roundState(sequenceLength: number, round: number): RoundState {
  const T = Math.max(0, Math.floor(sequenceLength));
  const depth = scanDepth(T);
  const shown = Math.min(Math.max(0, Math.floor(round)), depth);
  const offset = shown === 0 ? null : 2 ** (shown - 1);
  const span = 2 ** shown; // steps each F_t covers after this round (fewer near the start)
  let combinesSoFar = 0;
  for (let d = 1, r = 1; r <= shown; d *= 2, r++) combinesSoFar += T - d;
  const positions = Array.from({ length: T }, (_, i) => {
    const t = i + 1;
    const from = Math.max(1, t - span + 1);
    return { t, from, combinedWith: offset !== null && t > offset ? t - offset : null, done: from === 1 };
  });
  return {
    round: shown,
    depth,
    offset,
    positions,
    combines: offset === null ? 0 : Math.max(0, T - offset),
    combinesSoFar,
    finished: positions.filter((p) => p.done).length,
  };
}
