/** The training widget's record of losses: every step kept, drawn as means over windows of steps, with chance as a line. */
import type { Series } from '../../kit/plot-data.ts';
import type { CellKind } from '../../../lib/count.ts';
import { CHANCE_LOSS, SYMBOLS } from './first-symbol-task.ts';
import { TASK_KINDS, type StepLosses } from './task-training.ts';

/** Losses per kind, by step (null where a model had halted). */
export type LossHistory = Record<CellKind, (number | null)[]>;

/** An empty history. */
export function emptyHistory(): LossHistory {
  return { RNN: [], LSTM: [], GRU: [] };
}

/** The history with a batch of steps appended (a new object; the old one is left as it was). */
export function appendLosses(history: LossHistory, steps: readonly StepLosses[]): LossHistory {
  const next = emptyHistory();
  for (const kind of TASK_KINDS) next[kind] = [...history[kind], ...steps.map((losses) => losses[kind])];
  return next;
}

/** The name of the chance-level series. */
export const CHANCE_NAME = `chance (ln ${SYMBOLS})`;

/** One series per kind, each point the mean loss over `window` steps at its last step, plus the chance line over the budget. */
export function lossSeries(history: LossHistory, budget: number, window = 10): Series[] {
  const curves = TASK_KINDS.map((kind): Series => {
    const losses = history[kind];
    const points: [number, number][] = [];
    for (let end = window; end <= losses.length + window - 1; end += window) {
      const slice = losses.slice(end - window, Math.min(end, losses.length)).filter((v): v is number => v !== null && Number.isFinite(v));
      if (slice.length > 0) points.push([Math.min(end, losses.length), slice.reduce((a, b) => a + b, 0) / slice.length]);
    }
    return { name: kind, points };
  });
  return [...curves, { name: CHANCE_NAME, points: [[0, CHANCE_LOSS], [budget, CHANCE_LOSS]] }];
}

/** The latest loss of each kind, for the status line (null before any, or after a halt). */
export function latestLosses(history: LossHistory): Record<CellKind, number | null> {
  const last = (values: readonly (number | null)[]) => (values.length > 0 ? values[values.length - 1]! : null);
  return { RNN: last(history.RNN), LSTM: last(history.LSTM), GRU: last(history.GRU) };
}
