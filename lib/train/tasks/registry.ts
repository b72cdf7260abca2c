/**
 * The three tasks behind one door, so a worker can build any of them from plain data (what
 * postMessage can carry), and ask for its baseline and its report without knowing which it is.
 */
import type { TrainingSession } from '../session.ts';
import { createNamesTask, type NamesData, type NamesTask } from './names.ts';
import { namesBaseline, namesReport } from './names-report.ts';
import { createSpamTask, type SpamMessage, type SpamTask } from './spam.ts';
import { spamBaseline, spamReport } from './spam-report.ts';
import { createStocksTask, type StockSeries, type StocksTask } from './stocks.ts';
import { stocksBaseline, stocksReport } from './stocks-report.ts';

/** A task and its data, as plain JSON. */
export type TaskSpec =
  | { readonly task: 'names'; readonly data: NamesData }
  | { readonly task: 'stocks'; readonly symbol: string; readonly series: StockSeries; readonly windowLength: number }
  | { readonly task: 'spam'; readonly messages: readonly SpamMessage[] };

/** Any of the three tasks. */
export type AnyTask = NamesTask | StocksTask | SpamTask;

/** Options for a report: the name task's sampling. */
export interface ReportOptions {
  readonly temperature: number;
  readonly sampleCount: number;
  readonly sampleSeed: number;
}

/** A task's baseline, tagged with the task. */
export type TaskBaseline =
  | ({ readonly task: 'names' } & ReturnType<typeof namesBaseline>)
  | ({ readonly task: 'stocks' } & ReturnType<typeof stocksBaseline>)
  | { readonly task: 'spam'; readonly metrics: ReturnType<typeof spamBaseline> };

/** A session's current scores (and samples), tagged with the task. */
export type TaskReport =
  | ({ readonly task: 'names' } & ReturnType<typeof namesReport>)
  | ({ readonly task: 'stocks' } & ReturnType<typeof stocksReport>)
  | { readonly task: 'spam'; readonly metrics: ReturnType<typeof spamReport> };

/** Build the task a spec describes (throws on unusable data). */
export function createTask(spec: TaskSpec): AnyTask {
  if (spec.task === 'names') return createNamesTask(spec.data);
  if (spec.task === 'stocks') return createStocksTask(spec.series, spec.windowLength);
  if (spec.task === 'spam') return createSpamTask(spec.messages);
  throw new RangeError(`unknown task ${String((spec as { task?: unknown }).task)}`);
}

/** The task's baseline scores. */
export function taskBaseline(task: AnyTask): TaskBaseline {
  if (task.id === 'names') return { task: 'names', ...namesBaseline(task) };
  if (task.id === 'stocks') return { task: 'stocks', ...stocksBaseline(task) };
  return { task: 'spam', metrics: spamBaseline(task) };
}

/** The session's scores on the held-out split (and, for names, samples). */
export function taskReport(session: TrainingSession, task: AnyTask, options: ReportOptions): TaskReport {
  if (task.id === 'names') return { task: 'names', ...namesReport(session, task, { temperature: options.temperature, count: options.sampleCount, sampleSeed: options.sampleSeed }) };
  if (task.id === 'stocks') return { task: 'stocks', ...stocksReport(session, task) };
  return { task: 'spam', metrics: spamReport(session, task) };
}
