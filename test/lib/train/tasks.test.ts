/**
 * The chapter's three tasks, their baselines and reports, the metrics, logistic regression and
 * name sampling. Expected values are worked by hand or computed here with lib's own pieces
 * (fitBigram, slidingWindows, fitMinMax), which have hand-checked tests of their own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bigramBitsPerCharacter, fitBigram } from '../../../lib/data/bigram.ts';
import { createRandom } from '../../../lib/random.ts';
import { fitLogisticRegression, logisticProbability } from '../../../lib/train/logistic-regression.ts';
import { binaryMetrics, regressionErrors } from '../../../lib/train/metrics.ts';
import { sampleNames } from '../../../lib/train/sample-names.ts';
import { readoutForward } from '../../../lib/train/readout.ts';
import { createSession } from '../../../lib/train/session.ts';
import { createNamesTask } from '../../../lib/train/tasks/names.ts';
import { createSpamTask, isHeldOut, MAX_WORDS } from '../../../lib/train/tasks/spam.ts';
import { createStocksTask, TRAIN_SHARE } from '../../../lib/train/tasks/stocks.ts';
import { createTask, taskBaseline, taskReport } from '../../../lib/train/tasks/registry.ts';
import type { TrainingSettings } from '../../../lib/train/settings.ts';

const names = JSON.parse(readFileSync('public/data/names.json', 'utf8'));
const stocks = JSON.parse(readFileSync('public/data/stocks.json', 'utf8'));
const spam = JSON.parse(readFileSync('public/data/spam-sample.json', 'utf8'));
const settings: TrainingSettings = { kind: 'GRU', hiddenSize: 6, optimizer: 'Adam', learningRate: 0.01, clipNorm: 1, batchSize: 8, seed: 2, validateEvery: 10 };

describe('the data files', () => {
  it('names: a fixed split, every 10th name held out, no name in both', () => {
    expect(names.train.length).toBe(7580);
    expect(names.validation.length).toBe(842);
    const train = new Set(names.train);
    expect(names.validation.some((n: string) => train.has(n))).toBe(false);
  });
  it('stocks: five symbols in date order', () => {
    expect(Object.keys(stocks.symbols)).toEqual(['AAPL', 'AMZN', 'GOOG', 'IBM', 'MSFT']);
    const ibm = stocks.symbols.IBM;
    expect([...ibm.dates].sort()).toEqual(ibm.dates);
    expect(ibm.prices).toHaveLength(123);
  });
});

describe('names task', () => {
  const task = createNamesTask(names);
  it('reads ". a n n" and predicts "a n n .", ignoring padding', () => {
    expect(task.vocabulary.symbols).toHaveLength(28);
    expect(task.inputSize).toBe(28);
    const ann = task.train.find((ids) => ids.length === 5)!;
    const batch = task.makeBatch([ann, task.train.find((ids) => ids.length === 4)!]);
    expect(batch.input.shape).toEqual([4, 2, 28]);
    expect(batch.lengths).toEqual([4, 3]);
  });
  it('the baseline is the bigram fitted on the training names, scored on the held-out ones', () => {
    const baseline = taskBaseline(task);
    const expected = bigramBitsPerCharacter(fitBigram(task.train, 28, 1), task.validation);
    expect(baseline).toEqual({ task: 'names', bitsPerCharacter: expected });
    expect(expected).toBeCloseTo(3.5019, 4);
  });
  it('the report gives bpc = validation cross-entropy / ln 2, and seeded samples', () => {
    const small = createNamesTask({ train: names.train.slice(0, 200), validation: names.validation.slice(0, 20) });
    const session = createSession(small, settings);
    const report = taskReport(session, small, { temperature: 0.8, sampleCount: 4, sampleSeed: 1 });
    if (report.task !== 'names') throw new Error('wrong task');
    expect(report.bitsPerCharacter).toBe(session.validationLosses[0]!.loss / Math.LN2);
    expect(report.samples).toHaveLength(4);
    expect(taskReport(session, small, { temperature: 0.8, sampleCount: 4, sampleSeed: 1 })).toEqual(report);
    for (const name of report.samples) expect(name).toMatch(/^[a-z-]{0,20}$/);
    expect(() => sampleNames(session.model, session.head, small.vocabulary, { count: 1, temperature: 0, maxLength: 5, random: createRandom(1) })).toThrow('temperature must lie in');
  });
});

describe('stocks task', () => {
  const task = createStocksTask(stocks.symbols.IBM, 12);
  it('splits in time, scales with the training months only, and windows with next-month targets', () => {
    expect(task.testStart).toBe(Math.floor(123 * TRAIN_SHARE));
    const trainPrices = stocks.symbols.IBM.prices.slice(0, task.testStart);
    expect(task.scaler).toEqual({ min: Math.min(...trainPrices), max: Math.max(...trainPrices) });
    expect(task.train).toHaveLength(task.testStart - 12);
    expect(task.validation).toHaveLength(123 - task.testStart);
    expect(task.train.every((w) => w.targetIndex < task.testStart)).toBe(true);
    expect(task.validation[0]!.targetIndex).toBe(task.testStart);
  });
  it('the baseline predicts this month\'s price for next month', () => {
    const baseline = taskBaseline(task);
    if (baseline.task !== 'stocks') throw new Error('wrong task');
    const prices = stocks.symbols.IBM.prices;
    expect(baseline.predicted[0]).toBe(prices[task.testStart - 1]);
    expect(baseline.actual[0]).toBe(prices[task.testStart]);
    expect(baseline.errors).toEqual(regressionErrors(baseline.predicted, baseline.actual));
  });
  it('the report is in dollars, one prediction per test month', () => {
    const report = taskReport(createSession(task, settings), task, { temperature: 1, sampleCount: 0, sampleSeed: 1 });
    if (report.task !== 'stocks') throw new Error('wrong task');
    expect(report.predicted).toHaveLength(task.validation.length);
    expect(report.predicted.every(Number.isFinite)).toBe(true);
  });
  it('refuses a bad window or a short series', () => {
    expect(() => createStocksTask(stocks.symbols.IBM, 1)).toThrow('window length');
    expect(() => createStocksTask({ dates: ['a', 'b', 'c'], prices: [1, 2, 3] }, 2)).toThrow('too short');
    expect(() => createTask({ task: 'weather' } as never)).toThrow('unknown task weather');
  });
});

describe('spam task', () => {
  const task = createSpamTask(spam.messages);
  it('holds out every 5th message and pads variable lengths', () => {
    expect(task.train).toHaveLength(160);
    expect(task.validation).toHaveLength(40);
    expect(isHeldOut(4)).toBe(true);
    const batch = task.makeBatch(task.train.slice(0, 8));
    expect(batch.input.shape[0]).toBeLessThanOrEqual(MAX_WORDS);
    expect(batch.lengths).toEqual(task.train.slice(0, 8).map((e) => e.ids.length));
  });
  it('the TF-IDF + logistic regression baseline scores the held-out messages', () => {
    const baseline = taskBaseline(task);
    if (baseline.task !== 'spam') throw new Error('wrong task');
    expect(baseline.metrics.truePositives + baseline.metrics.falseNegatives).toBe(task.validation.filter((e) => e.label === 1).length);
    expect(baseline.metrics.accuracy).toBeGreaterThan(0.8);
  });
});

describe('metrics and logistic regression', () => {
  it('binary metrics by hand, with undefined precision and recall as null', () => {
    expect(binaryMetrics([1, 1, 0, 0], [1, 0, 1, 0])).toMatchObject({ accuracy: 0.5, precision: 0.5, recall: 0.5 });
    expect(binaryMetrics([0, 0], [0, 0])).toMatchObject({ accuracy: 1, precision: null, recall: null });
    expect(() => binaryMetrics([], [])).toThrow('at least one');
  });
  it('RMSE and MAE by hand', () => {
    expect(regressionErrors([1, 3], [2, 1])).toEqual({ rmse: Math.sqrt(2.5), mae: 1.5 });
  });
  it('logistic regression separates a separable set', () => {
    const model = fitLogisticRegression([[1, 0], [0, 1]], [1, 0], { iterations: 200 });
    expect(logisticProbability(model, [1, 0])).toBeGreaterThan(0.9);
    expect(logisticProbability(model, [0, 1])).toBeLessThan(0.1);
  });
});

describe('padding and masking', () => {
  it('a short message padded in a batch gets the same logit as alone (h_n is its own last word)', () => {
    const task = createSpamTask(spam.messages);
    const session = createSession(task, settings);
    const short = task.train.reduce((a, b) => (b.ids.length < a.ids.length ? b : a));
    const long = task.train.find((e) => e.ids.length === MAX_WORDS)!;
    expect(short.ids.length).toBeLessThan(MAX_WORDS);
    const alone = readoutForward(session.model, session.head, 'last-step', task.makeBatch([short])).logits.data[0]!;
    const padded = readoutForward(session.model, session.head, 'last-step', task.makeBatch([long, short])).logits.data[1]!;
    expect(padded).toBeCloseTo(alone, 14);
  });
  it('padding adds no loss terms: a short name counts the same predictions alone or in a padded batch', () => {
    const task = createNamesTask({ train: ['al', 'alexandra'], validation: ['al'] });
    const session = createSession(task, settings);
    const terms = (examples: readonly (readonly number[])[]) => {
      const batch = task.makeBatch(examples);
      return batch.loss(readoutForward(session.model, session.head, 'every-step', batch).logits).count;
    };
    // "al" predicts a, l, . (3 terms); "alexandra" 10 more; the 7 padded steps of "al" add none.
    expect(terms([task.train[0]!])).toBe(3);
    expect(terms(task.train)).toBe(3 + 10);
  });
});
