/** The truncation widget's grid: what each cell (update × step) is, for display, from lib's schedule and gradient norms. */
import type { TruncationSettings, UpdateRow } from './truncation.ts';

/** A step's role in one update: its output feeds the loss (and gets gradient), it only passes gradient back, or it is outside the window. */
export type CellRole = 'loss' | 'window' | 'outside';

/** One grid cell. */
export interface GridCell {
  readonly role: CellRole;
  /** ‖∂L_update/∂x_s‖ (0 outside the window). */
  readonly gradNorm: number;
  /** Shade strength in [0, 1]: log-scaled gradient norm, 0 for none. */
  readonly strength: number;
}

/** Gradient norms below this show as the faintest shade (a log scale needs a floor). */
const FLOOR = 1e-6;

/** Each update's cells, from lib's windows: loss outputs are [max(lossStart, windowStart), end), the window [windowStart, end). */
export function gridCells(rows: readonly UpdateRow[]): GridCell[][] {
  let largest = FLOOR;
  for (const row of rows) for (const norm of row.inputGradNorms) if (Number.isFinite(norm)) largest = Math.max(largest, norm);
  const span = Math.log(largest / FLOOR);
  return rows.map((row) => row.inputGradNorms.map((gradNorm, s) => {
    const role: CellRole = s < row.windowStart || s >= row.end ? 'outside' : s >= Math.max(row.lossStart, row.windowStart) ? 'loss' : 'window';
    const strength = role === 'outside' || !(gradNorm > 0) ? 0 : Math.max(0.08, Math.log(Math.max(gradNorm, FLOOR) / FLOOR) / (span || 1));
    return { role, gradNorm, strength: Math.min(1, strength) };
  }));
}

/** One sentence on what truncation keeps, for these k1 and k2. */
export function reachSummary(settings: TruncationSettings): string {
  const { k1, k2 } = settings;
  if (k2 < k1) return `With k2 = ${k2} < k1 = ${k1}, the first ${k1 - k2} outputs of every block lie outside the window: their losses send no gradient at all.`;
  if (k2 === k1) return `With k2 = k1 = ${k1}, the last output of a block reaches ${k2 - 1} steps back, but the first one only its own step: dependencies across block borders are cut.`;
  return `Every output sends gradient at least ${k2 - k1} steps back (the first of a block) and at most ${k2 - 1} (the last).`;
}
