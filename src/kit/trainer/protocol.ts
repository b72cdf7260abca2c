/**
 * The messages between a page and the training worker. Everything is plain data (structured-clone
 * safe): settings, task data, loss points, reports. One worker hosts one task and any number of
 * sessions on it (one for the trainer, three for a race), time-slicing between them.
 */
import type { ImportResult, StateDictJson } from '../../../lib/train/state-dict-json.ts';
import type { ReportOptions, TaskBaseline, TaskReport, TaskSpec } from '../../../lib/train/tasks/registry.ts';
import type { TrainingSettings } from '../../../lib/train/settings.ts';

/** One session to create: an id the page chooses and its settings. */
export interface SessionSpec {
  readonly id: string;
  readonly settings: TrainingSettings;
}

/** Page → worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly task: TaskSpec; readonly sessions: readonly SessionSpec[]; readonly report: ReportOptions }
  | { readonly type: 'run' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'report'; readonly options: ReportOptions }
  | { readonly type: 'export'; readonly id: string }
  | { readonly type: 'import'; readonly id: string; readonly text: string };

/** A loss point: the update count and the loss. */
export type LossPoint = readonly [step: number, loss: number];

/** What changed in one session since the last progress message. */
export interface SessionProgress {
  readonly id: string;
  /** Updates done so far. */
  readonly steps: number;
  /** New training losses, in order. */
  readonly train: readonly LossPoint[];
  /** New validation losses, in order. */
  readonly validation: readonly LossPoint[];
  /** Why the session stopped, or null. */
  readonly halted: string | null;
}

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'ready'; readonly baseline: TaskBaseline; readonly parameterCounts: Readonly<Record<string, number>> }
  | { readonly type: 'progress'; readonly running: boolean; readonly sessions: readonly SessionProgress[]; readonly stepsPerSecond: number }
  | { readonly type: 'report'; readonly reports: Readonly<Record<string, TaskReport>> }
  | { readonly type: 'exported'; readonly id: string; readonly json: StateDictJson }
  | { readonly type: 'imported'; readonly id: string; readonly result: ImportResult }
  | { readonly type: 'refused'; readonly message: string };
