/**
 * Task B, next-step price: one symbol's monthly closing prices (vega-datasets' stocks.csv is
 * monthly, so "tomorrow" here is next month). The series is split in time: the first 80 % of
 * months train, the rest test. Prices are MinMax-scaled to [−1, 1] with the training months only,
 * cut into windows of L months, and the model (many-to-one: h_n → Linear) predicts the month after
 * each window, with mean squared error in scaled units.
 */
import { fitMinMax, scaleMinMax, type MinMaxScaler } from '../../data/min-max.ts';
import { slidingWindows, type SeriesWindow } from '../../data/windows.ts';
import { mseLoss } from '../../nn/loss.ts';
import { allocate, fromData } from '../../tensor.ts';
import type { TrainingTask } from '../task.ts';

/** One symbol's series as public/data/stocks.json holds it. */
export interface StockSeries {
  readonly dates: readonly string[];
  readonly prices: readonly number[];
}

/** The share of the series (from its start) used for training. */
export const TRAIN_SHARE = 0.8;

/** The allowed window lengths L. */
export const WINDOW_RANGE = { min: 2, max: 24 } as const;

/** The stock task; examples are windows of scaled prices. */
export interface StocksTask extends TrainingTask<SeriesWindow> {
  readonly id: 'stocks';
  readonly series: StockSeries;
  readonly scaler: MinMaxScaler;
  /** Index of the first test month. */
  readonly testStart: number;
  readonly windowLength: number;
}

/** The stock task for one series and window length; too short a series, or a bad price, throws. */
export function createStocksTask(series: StockSeries, windowLength: number): StocksTask {
  if (!Number.isInteger(windowLength) || windowLength < WINDOW_RANGE.min || windowLength > WINDOW_RANGE.max) {
    throw new RangeError(`window length must be a whole number in ${WINDOW_RANGE.min} … ${WINDOW_RANGE.max}, got ${windowLength}`);
  }
  const { prices } = series;
  if (prices.length !== series.dates.length) throw new RangeError(`${prices.length} prices for ${series.dates.length} dates`);
  const testStart = Math.floor(prices.length * TRAIN_SHARE);
  if (testStart <= windowLength || prices.length - testStart < 1) {
    throw new RangeError(`a series of ${prices.length} months is too short for windows of ${windowLength}`);
  }
  const scaler = fitMinMax(prices.slice(0, testStart));
  const scaled = prices.map((price) => scaleMinMax(scaler, price));
  const windows = slidingWindows(scaled, windowLength);
  return {
    id: 'stocks',
    series, scaler, testStart, windowLength,
    inputSize: 1,
    outputSize: 1,
    readout: 'last-step',
    train: windows.filter((w) => w.targetIndex < testStart),
    validation: windows.filter((w) => w.targetIndex >= testStart),
    makeBatch(examples) {
      const B = examples.length;
      const input = allocate(windowLength * B);
      examples.forEach((w, b) => w.values.forEach((v, t) => { input[t * B + b] = v; }));
      const target = fromData(Float64Array.from(examples, (w) => w.target), [B, 1]);
      return {
        input: fromData(input, [windowLength, B, 1]),
        lengths: null,
        loss: (logits) => ({ ...mseLoss(logits, target), count: B }),
      };
    },
  };
}
