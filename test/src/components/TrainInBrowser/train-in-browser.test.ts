/**
 * The chapter's pure widget logic (src/components/TrainInBrowser): settings from page variables,
 * data specs, loss thinning, status text and its throttle, the comparison tables, the race, and the
 * PyTorch code. Scores come from lib (taskBaseline, taskReport), recomputed here and compared; the
 * default PyTorch code was run once with PyTorch 1.13 (/usr/bin/python3) and printed a loss.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../lib/train/session.ts';
import { createTask, taskBaseline, taskReport } from '../../../../lib/train/tasks/registry.ts';
import { comparison, stockSeries } from '../../../../src/components/TrainInBrowser/comparison.ts';
import { DATA_FILES, dataUrl, taskSpecFromFile } from '../../../../src/components/TrainInBrowser/data.ts';
import { MAX_PLOT_POINTS, lossSeries, thinPoints } from '../../../../src/components/TrainInBrowser/loss-history.ts';
import { loadSnippet, pytorchCode } from '../../../../src/components/TrainInBrowser/pytorch-code.ts';
import { headline, raceSessions } from '../../../../src/components/TrainInBrowser/race.ts';
import { VALIDATE_EVERY, rebuildKey, trainingChoice } from '../../../../src/components/TrainInBrowser/settings.ts';
import { STATUS_INTERVAL_MS, shouldAnnounce, statusText } from '../../../../src/components/TrainInBrowser/status.ts';
import { TASK_SIZES } from '../../../../src/components/TrainInBrowser/task-facts.ts';

const names = JSON.parse(readFileSync('public/data/names.json', 'utf8'));
const stocks = JSON.parse(readFileSync('public/data/stocks.json', 'utf8'));
const spam = JSON.parse(readFileSync('public/data/spam-sample.json', 'utf8'));

describe('settings from page variables', () => {
  it('the defaults: an LSTM with 32 units, Adam at 0.01, clipping at 1, batches of 32, seed 1', () => {
    const choice = trainingChoice({});
    expect(choice.task).toBe('names');
    expect(choice.settings).toEqual({ kind: 'LSTM', hiddenSize: 32, optimizer: 'Adam', learningRate: 0.01, clipNorm: 1, batchSize: 32, seed: 1, validateEvery: VALIDATE_EVERY.names });
    expect(choice.problems).toEqual([]);
  });
  it('garbage falls back to defaults; values out of range are named', () => {
    const garbage = trainingChoice({ task: 'weather', model: 'CNN', hidden: 'many', lr: Number.NaN });
    expect(garbage.task).toBe('names');
    expect(garbage.settings.kind).toBe('LSTM');
    expect(garbage.settings.learningRate).toBe(0.01);
    expect(trainingChoice({ lr: 1e3, hidden: 4096, batch: 0 }).problems).toEqual([
      'hidden size 4096 is outside 1 … 128', 'learning rate 1000 is outside 0.00001 … 10', 'batch size 0 is outside 1 … 256',
    ]);
  });
  it('the temperature does not rebuild the model; everything else does', () => {
    const key = rebuildKey(trainingChoice({}));
    expect(rebuildKey(trainingChoice({ temperature: 1.5 }))).toBe(key);
    expect(rebuildKey(trainingChoice({ seed: 2 }))).not.toBe(key);
    expect(rebuildKey(trainingChoice({ symbol: 'MSFT' }))).toBe(key); // the symbol matters only for stocks
    expect(rebuildKey(trainingChoice({ task: 'stocks', symbol: 'MSFT' }))).not.toBe(rebuildKey(trainingChoice({ task: 'stocks' })));
  });
});

describe('data', () => {
  it('URLs live under the base path', () => {
    expect(dataUrl('/', DATA_FILES.names)).toBe('/data/names.json');
    expect(dataUrl('/course/rnn', DATA_FILES.stocks)).toBe('/course/rnn/data/stocks.json');
  });
  it('specs come from the files; wrong files say what is missing', () => {
    expect(taskSpecFromFile('names', names, 'IBM', 12).task).toBe('names');
    expect(taskSpecFromFile('stocks', stocks, 'MSFT', 6)).toMatchObject({ task: 'stocks', symbol: 'MSFT', windowLength: 6 });
    expect(taskSpecFromFile('spam', spam, 'IBM', 12).task).toBe('spam');
    expect(() => taskSpecFromFile('names', { words: [] }, 'IBM', 12)).toThrow('names.json has no train and validation lists');
    expect(() => taskSpecFromFile('stocks', stocks, 'TSLA', 12)).toThrow('stocks.json has no symbol TSLA');
    expect(() => taskSpecFromFile('spam', null, 'IBM', 12)).toThrow('spam-sample.json has no messages');
  });
  it('the task sizes the code uses are the tasks\' own', () => {
    expect(createTask(taskSpecFromFile('names', names, 'IBM', 12)).inputSize).toBe(TASK_SIZES.names.inputSize);
    expect(createTask(taskSpecFromFile('spam', spam, 'IBM', 12)).inputSize).toBe(TASK_SIZES.spam.inputSize);
  });
});

describe('loss history', () => {
  it('keeps short curves, thins long ones by averaging, and drops non-finite points', () => {
    expect(thinPoints([[1, 2], [2, Number.NaN], [3, 4]])).toEqual([[1, 2], [3, 4]]);
    const long = Array.from({ length: 1000 }, (_, i) => [i + 1, i] as const);
    const thin = thinPoints(long);
    expect(thin.length).toBeLessThanOrEqual(MAX_PLOT_POINTS);
    expect(thin[0]).toEqual([2.5, 1.5]); // the mean of the first run of 4
    expect(lossSeries([{ label: 'GRU ', train: [[1, 2]], validation: [[0, 3]] }]).map((s) => s.name)).toEqual(['GRU train', 'GRU validation']);
  });
});

describe('status', () => {
  it('says what is happening, without NaN', () => {
    const facts = { state: 'running' as const, steps: 1234, trainLoss: 2.123456, validationLoss: Number.NaN, stepsPerSecond: 71.6, message: '' };
    expect(statusText(facts)).toBe('Training: 1,234 updates; training loss 2.1235 (72 updates/s).');
    expect(statusText({ ...facts, state: 'paused', steps: 1 })).toBe('Paused after 1 update; training loss 2.1235.');
    expect(statusText({ ...facts, state: 'crashed', message: 'The training worker crashed.' })).toContain('press Reset to start a new worker');
  });
  it('announces at once on a change of state or when idle, else every few seconds', () => {
    expect(shouldAnnounce('running', 'paused', 0, 1)).toBe(true);
    expect(shouldAnnounce('running', 'running', 0, 1)).toBe(false);
    expect(shouldAnnounce('running', 'running', 0, STATUS_INTERVAL_MS)).toBe(true);
    expect(shouldAnnounce('paused', 'paused', 0, 1)).toBe(true);
  });
});

describe('model against baseline', () => {
  it('names: the bigram\'s held-out bpc from lib beside the model\'s', () => {
    const task = createTask({ task: 'names', data: names });
    const baseline = taskBaseline(task);
    const empty = comparison(baseline, undefined);
    expect(empty.rows[0]).toMatchObject({ model: '—', baseline: '3.502', better: null });
    const small = createTask({ task: 'names', data: { train: names.train.slice(0, 100), validation: names.validation } });
    const report = taskReport(createSession(small, trainingChoice({ hidden: 4 }).settings), small, { temperature: 1, sampleCount: 1, sampleSeed: 1 });
    const row = comparison(baseline, report).rows[0]!;
    if (report.task !== 'names') throw new Error('wrong task');
    expect(row.model).toBe(report.bitsPerCharacter.toFixed(3).replace(/0+$/, ''));
    expect(row.better).toBe('baseline'); // an untrained model is worse than the bigram
  });
  it('stocks: RMSE and MAE in dollars, and the chart series', () => {
    const task = createTask({ task: 'stocks', symbol: 'IBM', series: stocks.symbols.IBM, windowLength: 12 });
    const baseline = taskBaseline(task);
    if (baseline.task !== 'stocks') throw new Error('wrong task');
    const table = comparison(baseline, undefined);
    expect(table.rows.map((r) => r.baseline)).toEqual([baseline.errors.rmse.toFixed(2), baseline.errors.mae.toFixed(2)].map((t) => String(Number(t))));
    const series = stockSeries(baseline, undefined);
    expect(series.map((s) => s.name)).toEqual(['actual', 'next = this month']);
    expect(series[0]!.points[0]![1]).toBe(baseline.actual[0]);
  });
  it('spam: percentages, and null precision shown as —', () => {
    const task = createTask({ task: 'spam', messages: spam.messages });
    const baseline = taskBaseline(task);
    if (baseline.task !== 'spam') throw new Error('wrong task');
    expect(comparison(baseline, undefined).rows[0]!.baseline).toBe(`${(100 * baseline.metrics.accuracy).toFixed(1)} %`);
    const none = { task: 'spam' as const, metrics: { ...baseline.metrics, precision: null } };
    expect(comparison(none, none).rows[1]).toMatchObject({ model: '—', baseline: '—', better: null });
  });
});

describe('race', () => {
  it('three sessions with the page settings and each cell', () => {
    const sessions = raceSessions(trainingChoice({ seed: 5 }));
    expect(sessions.map((s) => [s.id, s.settings.kind, s.settings.seed])).toEqual([['RNN', 'RNN', 5], ['LSTM', 'LSTM', 5], ['GRU', 'GRU', 5]]);
    expect(headline(undefined)).toBe('—');
    expect(headline({ task: 'names', bitsPerCharacter: 3.14159, samples: [] })).toBe('3.142 bits/char');
  });
});

describe('PyTorch code', () => {
  it('mirrors the settings and the task', () => {
    const names = pytorchCode(trainingChoice({}), TASK_SIZES.names);
    expect(names).toContain('rnn = nn.LSTM(input_size=28, hidden_size=32)');
    expect(names).toContain('opt = torch.optim.Adam(params, lr=0.01)');
    expect(names).toContain('torch.nn.utils.clip_grad_norm_(params, max_norm=1)');
    expect(names).toContain('ignore_index=-100');
    const stocksCode = pytorchCode(trainingChoice({ task: 'stocks', model: 'GRU', optimizer: 'SGD', lr: 0.05, clip: 0, window: 6 }), TASK_SIZES.stocks);
    expect(stocksCode).toContain('opt = torch.optim.SGD(params, lr=0.05, momentum=0.9)');
    expect(stocksCode).toContain('x = torch.rand(6, 32, 1) * 2 - 1');
    expect(stocksCode).not.toContain('clip_grad_norm_');
    expect(pytorchCode(trainingChoice({ task: 'spam' }), TASK_SIZES.spam)).toContain('binary_cross_entropy_with_logits');
  });
  it('the load snippet has at most five lines', () => {
    expect(loadSnippet('GRU', 'x.json').split('\n')).toHaveLength(5);
    expect(loadSnippet('GRU', 'x.json')).toContain('torch.nn.GRU(');
  });
});
