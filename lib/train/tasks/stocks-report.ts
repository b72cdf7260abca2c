/**
 * What the page shows for the price task: on the test months, the model's predictions in dollars
 * beside the actual prices, and the errors of the model and of the baseline "next = this month's
 * price" (persistence), which any model must beat to be worth anything.
 */
import { unscaleMinMax } from '../../data/min-max.ts';
import { regressionErrors, type RegressionErrors } from '../metrics.ts';
import { readoutForward } from '../readout.ts';
import type { TrainingSession } from '../session.ts';
import type { StocksTask } from './stocks.ts';

/** The actual test prices and the persistence baseline's predictions and errors. */
export function stocksBaseline(task: StocksTask) {
  const prices = task.series.prices;
  const actual = task.validation.map((w) => prices[w.targetIndex]!);
  const predicted = task.validation.map((w) => prices[w.targetIndex - 1]!);
  return { dates: task.validation.map((w) => task.series.dates[w.targetIndex]!), actual, predicted, errors: regressionErrors(predicted, actual) };
}

/** The model's test predictions in price units and their errors. */
export function stocksReport(session: TrainingSession, task: StocksTask): { readonly predicted: number[]; readonly errors: RegressionErrors } {
  const batch = task.makeBatch(task.validation);
  const { logits } = readoutForward(session.model, session.head, 'last-step', batch);
  const predicted = Array.from(logits.data, (scaled) => unscaleMinMax(task.scaler, scaled));
  const actual = task.validation.map((w) => task.series.prices[w.targetIndex]!);
  return { predicted, errors: regressionErrors(predicted, actual) };
}
