/**
 * The training session (lib/train/session.ts): bit-for-bit determinism, refusal of absurd settings
 * and empty data, halting on non-finite values, and the loss going down on the real name data.
 * Reference values: the sessions themselves run twice (determinism); lib's trainStep, whose parts
 * (BPTT, losses, Adam, clip_grad_norm_) test/lib/train/*.test.ts and test/lib/nn/*.test.ts check
 * against PyTorch fixtures, for a step-by-step agreement.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, type TrainingSession } from '../../../lib/train/session.ts';
import { SETTING_RANGES, checkSettings, settingsProblems, type TrainingSettings } from '../../../lib/train/settings.ts';
import { createNamesTask } from '../../../lib/train/tasks/names.ts';
import { createStocksTask } from '../../../lib/train/tasks/stocks.ts';
import { createSpamTask } from '../../../lib/train/tasks/spam.ts';
import { meanLoss } from '../../../lib/train/evaluate.ts';

const names = JSON.parse(readFileSync('public/data/names.json', 'utf8'));
const stocks = JSON.parse(readFileSync('public/data/stocks.json', 'utf8'));
const spam = JSON.parse(readFileSync('public/data/spam-sample.json', 'utf8'));
const smallNames = { train: names.train.slice(0, 300), validation: names.validation.slice(0, 40) };

const base: TrainingSettings = { kind: 'LSTM', hiddenSize: 8, optimizer: 'Adam', learningRate: 0.01, clipNorm: 1, batchSize: 8, seed: 3, validateEvery: 5 };

function run(session: TrainingSession, steps: number): number[] {
  for (let i = 0; i < steps; i++) session.step();
  return [...session.trainLosses, ...session.validationLosses.map((v) => v.loss)];
}

describe('determinism', () => {
  for (const kind of ['RNN', 'LSTM', 'GRU'] as const) {
    for (const optimizer of ['SGD', 'Adam'] as const) {
      it(`${kind} with ${optimizer}: the same seed and settings give the same losses, bit for bit`, () => {
        const settings = { ...base, kind, optimizer };
        const first = run(createSession(createNamesTask(smallNames), settings), 12);
        const second = run(createSession(createNamesTask(smallNames), settings), 12);
        expect(first).toHaveLength(12 + 3);
        first.forEach((loss, i) => expect(Object.is(loss, second[i])).toBe(true));
      });
    }
  }

  it('every task is deterministic, and another seed gives another curve', () => {
    const tasks = [
      () => createStocksTask(stocks.symbols.IBM, 6),
      () => createSpamTask(spam.messages),
    ];
    for (const make of tasks) {
      const a = run(createSession(make(), base), 6);
      const b = run(createSession(make(), base), 6);
      a.forEach((loss, i) => expect(Object.is(loss, b[i])).toBe(true));
      const other = run(createSession(make(), { ...base, seed: 4 }), 6);
      expect(other).not.toEqual(a);
    }
  });
});

describe('settings', () => {
  it('refuses absurd values, naming each setting', () => {
    expect(settingsProblems(base)).toEqual([]);
    expect(SETTING_RANGES.learningRate.min).toBe(1e-5);
    expect(() => checkSettings({ ...base, learningRate: 1e3 })).toThrow('learning rate 1000 is outside 0.00001 … 10');
    expect(() => checkSettings({ ...base, hiddenSize: 4096 })).toThrow('hidden size 4096 is outside 1 … 128');
    expect(() => checkSettings({ ...base, batchSize: 0 })).toThrow('batch size 0 is outside 1 … 256');
    expect(() => checkSettings({ ...base, batchSize: 2.5 })).toThrow('batch size must be a whole number');
    expect(() => checkSettings({ ...base, clipNorm: Number.NaN })).toThrow('clipping norm must be a number');
    expect(() => checkSettings({ ...base, kind: 'CNN' as never })).toThrow('model must be RNN, LSTM or GRU');
    expect(() => checkSettings({ ...base, optimizer: 'LBFGS' as never })).toThrow('optimizer must be SGD or Adam');
    expect(settingsProblems({ ...base, hiddenSize: 0, seed: -1 })).toHaveLength(2);
  });

  it('refuses empty data with a message', () => {
    expect(() => createSession(createNamesTask({ train: [], validation: ['ann'] }), base)).toThrow('the names task has no training examples');
    expect(() => createSession(createNamesTask({ train: ['ann'], validation: [] }), base)).toThrow('no validation examples');
    expect(() => createSession(createSpamTask([]), base)).toThrow('no training examples');
  });

  it('a batch larger than the data uses all of it', () => {
    const session = createSession(createNamesTask({ train: ['ann', 'bob'], validation: ['abba'] }), { ...base, batchSize: 200 });
    expect(session.step()).toBeGreaterThan(0);
  });
});

describe('halting', () => {
  it('stops with a message naming the step when the loss becomes non-finite, and stays stopped', () => {
    const session = createSession(createStocksTask(stocks.symbols.AAPL, 12), { ...base, optimizer: 'SGD', learningRate: 10, clipNorm: 0, validateEvery: 1000 });
    let steps = 0;
    while (!session.halted && steps < 500) { session.step(); steps++; }
    expect(session.halted).toMatch(/^Training stopped (at|after) step \d+: /);
    expect(session.halted).toContain('Lower the learning rate');
    expect(session.step()).toBeNull();
    expect(session.trainLosses.every(Number.isFinite)).toBe(true);
  });
});

describe('learning', () => {
  it('the validation loss of the name task falls in 60 Adam steps', () => {
    const task = createNamesTask(smallNames);
    const session = createSession(task, { ...base, hiddenSize: 16, validateEvery: 60 });
    run(session, 60);
    const [before, after] = session.validationLosses;
    expect(after!.loss).toBeLessThan(before!.loss);
    expect(after!.loss).toBe(meanLoss(session.model, session.head, task, task.validation));
  });
});

describe('agreement with lib/train/trainer.ts', () => {
  it('an every-step session with Adam and clipping takes the same steps as trainStep (torch-ordered), bit for bit', async () => {
    const { createRecurrent } = await import('../../../lib/nn/recurrent.ts');
    const { createLinear, linearParameters } = await import('../../../lib/nn/linear.ts');
    const { createRandom } = await import('../../../lib/random.ts');
    const { createAdamState } = await import('../../../lib/train/adam.ts');
    const { trainStep } = await import('../../../lib/train/trainer.ts');
    // One training name, so every batch is that name and both paths see the same data.
    const task = createNamesTask({ train: ['anna'], validation: ['nan'] });
    const settings = { ...base, kind: 'GRU' as const, hiddenSize: 5, validateEvery: 1000 };
    const session = createSession(task, settings);
    const random = createRandom(settings.seed);
    const model = createRecurrent('GRU', { inputSize: task.inputSize, hiddenSize: 5, random });
    const head = createLinear(5, task.outputSize, { random });
    const adam = createAdamState([...model.parameters, ...linearParameters(head)]);
    const batch = task.makeBatch(task.train);
    for (let i = 0; i < 5; i++) {
      const expected = trainStep(model, head, adam, batch.input, (logits) => batch.loss(logits), { adam: { lr: settings.learningRate }, clipNorm: { maxNorm: settings.clipNorm } });
      expect(Object.is(session.step(), expected.loss)).toBe(true);
    }
    session.model.parameters.forEach((p, k) => expect(Array.from(p.value)).toEqual(Array.from(model.parameters[k]!.value)));
  });
});
