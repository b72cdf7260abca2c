/**
 * The race: the three cells on the same task, seed and settings. Session ids are the cell names;
 * the table shows each one's progress and headline score, formatted from the worker's numbers.
 */
import type { CellKind } from '../../../lib/count.ts';
import type { TaskReport } from '../../../lib/train/tasks/registry.ts';
import type { SessionSpec } from '../../kit/trainer/protocol.ts';
import { formatNumber } from '../../kit/format.ts';
import type { TrainingChoice } from './settings.ts';

/** The racers, in table order. */
export const RACERS: readonly CellKind[] = ['RNN', 'LSTM', 'GRU'];

/** One session per cell with the page's settings otherwise. */
export function raceSessions(choice: TrainingChoice): SessionSpec[] {
  return RACERS.map((kind) => ({ id: kind, settings: { ...choice.settings, kind } }));
}

/** The headline score of a report, in words ("3.012 bits/char", "RMSE $4.21", "92.5 % accurate"), or "—". */
export function headline(report: TaskReport | undefined): string {
  if (!report) return '—';
  if (report.task === 'names') return Number.isFinite(report.bitsPerCharacter) ? `${report.bitsPerCharacter.toFixed(3)} bits/char` : '—';
  if (report.task === 'stocks') return Number.isFinite(report.errors.rmse) ? `RMSE $${formatNumber(Number(report.errors.rmse.toFixed(2)))}` : '—';
  return `${(100 * report.metrics.accuracy).toFixed(1)} % accurate`;
}
