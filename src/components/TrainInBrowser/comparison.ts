/**
 * The "model against baseline" table of each task: one row per score, the model's value (or "—"
 * before there is one) beside the baseline's, and which is better. Pure formatting of numbers the
 * worker computed with lib/.
 */
import { formatNumber } from '../../kit/format.ts';
import type { TaskBaseline, TaskReport } from '../../../lib/train/tasks/registry.ts';

/** One row of the table. */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly model: string;
  readonly baseline: string;
  /** 'model', 'baseline', 'tie' or null when there is nothing to compare. */
  readonly better: 'model' | 'baseline' | 'tie' | null;
}

/** The table's column names and rows. */
export interface Comparison {
  readonly baselineName: string;
  readonly rows: readonly ComparisonRow[];
}

/** The names the page gives each baseline. */
export const BASELINE_NAMES = { names: 'Bigram (add-one)', stocks: 'Next = this month', spam: 'TF-IDF + log. regression' } as const;

function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatNumber(Number(value.toFixed(digits)));
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(100 * value).toFixed(1)} %`;
}

function better(model: number | null | undefined, baseline: number | null | undefined, lowerIsBetter: boolean): ComparisonRow['better'] {
  if (model === null || model === undefined || baseline === null || baseline === undefined || !Number.isFinite(model) || !Number.isFinite(baseline)) return null;
  if (model === baseline) return 'tie';
  return (model < baseline) === lowerIsBetter ? 'model' : 'baseline';
}

/** The comparison for a baseline and, when there is one, the model's report (same task). */
export function comparison(baseline: TaskBaseline, report: TaskReport | undefined): Comparison {
  if (baseline.task === 'names') {
    const model = report?.task === 'names' ? report.bitsPerCharacter : null;
    return {
      baselineName: BASELINE_NAMES.names,
      rows: [{ key: 'bpc', label: 'Held-out bits per character (lower is better)', model: fixed(model, 3), baseline: fixed(baseline.bitsPerCharacter, 3), better: better(model, baseline.bitsPerCharacter, true) }],
    };
  }
  if (baseline.task === 'stocks') {
    const errors = report?.task === 'stocks' ? report.errors : null;
    return {
      baselineName: BASELINE_NAMES.stocks,
      rows: [
        { key: 'rmse', label: 'Test RMSE in $ (lower is better)', model: fixed(errors?.rmse, 2), baseline: fixed(baseline.errors.rmse, 2), better: better(errors?.rmse, baseline.errors.rmse, true) },
        { key: 'mae', label: 'Test MAE in $ (lower is better)', model: fixed(errors?.mae, 2), baseline: fixed(baseline.errors.mae, 2), better: better(errors?.mae, baseline.errors.mae, true) },
      ],
    };
  }
  const metrics = report?.task === 'spam' ? report.metrics : null;
  const b = baseline.metrics;
  return {
    baselineName: BASELINE_NAMES.spam,
    rows: [
      { key: 'accuracy', label: 'Held-out accuracy', model: percent(metrics?.accuracy), baseline: percent(b.accuracy), better: better(metrics?.accuracy, b.accuracy, false) },
      { key: 'precision', label: 'Held-out precision', model: percent(metrics?.precision), baseline: percent(b.precision), better: better(metrics?.precision, b.precision, false) },
      { key: 'recall', label: 'Held-out recall', model: percent(metrics?.recall), baseline: percent(b.recall), better: better(metrics?.recall, b.recall, false) },
    ],
  };
}

/** The stock chart's series: actual, model and baseline prices over the test months (x = year as a decimal). */
export function stockSeries(baseline: TaskBaseline, report: TaskReport | undefined): { name: string; points: [number, number][] }[] {
  if (baseline.task !== 'stocks') return [];
  const xs = baseline.dates.map((date) => {
    const [year, month] = date.split('-').map(Number);
    return (year ?? 0) + ((month ?? 1) - 1) / 12;
  });
  const line = (name: string, ys: readonly number[]) => ({ name, points: xs.map((x, i): [number, number] => [Number(x.toFixed(3)), ys[i]!]).filter(([, y]) => Number.isFinite(y)) });
  return [
    line('actual', baseline.actual),
    ...(report?.task === 'stocks' ? [line('model', report.predicted)] : []),
    line('next = this month', baseline.predicted),
  ];
}
