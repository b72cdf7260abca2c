/**
 * The training worker's logic (src/kit/trainer/worker-host.ts and time-slice.ts) in Node, with a fake
 * clock and a manual scheduler: init, single steps, running in slices with progress after each,
 * pausing, refusals, and the same losses as a session driven directly (lib/train/session.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../lib/train/session.ts';
import { createNamesTask } from '../../../../lib/train/tasks/names.ts';
import type { TrainingSettings } from '../../../../lib/train/settings.ts';
import type { FromWorker, ToWorker } from '../../../../src/kit/trainer/protocol.ts';
import { runSlice } from '../../../../src/kit/trainer/time-slice.ts';
import { createWorkerHost } from '../../../../src/kit/trainer/worker-host.ts';

const names = JSON.parse(readFileSync('public/data/names.json', 'utf8'));
const data = { train: names.train.slice(0, 200), validation: names.validation.slice(0, 20) };
const settings: TrainingSettings = { kind: 'LSTM', hiddenSize: 6, optimizer: 'Adam', learningRate: 0.01, clipNorm: 1, batchSize: 8, seed: 1, validateEvery: 5 };
const report = { temperature: 0.8, sampleCount: 3, sampleSeed: 1 };

function harness() {
  const posted: FromWorker[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  const host = createWorkerHost({ post: (m) => posted.push(m), schedule: (f) => queue.push(f), now: () => (clock += 7) });
  const send = (m: ToWorker) => host.handle(m);
  const drain = (limit: number) => { for (let i = 0; i < limit && queue.length; i++) queue.shift()!(); };
  return { posted, queue, send, drain, of: <T extends FromWorker['type']>(type: T) => posted.filter((m) => m.type === type) as Extract<FromWorker, { type: T }>[] };
}

describe('worker host', () => {
  it('init posts the baseline, the step-0 validation and a report; step adds one update', () => {
    const h = harness();
    h.send({ type: 'init', task: { task: 'names', data }, sessions: [{ id: 'main', settings }], report });
    expect(h.of('ready')[0]!.baseline.task).toBe('names');
    expect(h.of('progress')[0]!.sessions[0]!.validation).toHaveLength(1);
    expect(h.of('report')).toHaveLength(1);
    h.send({ type: 'step' });
    const last = h.of('progress').at(-1)!;
    expect(last.sessions[0]!.steps).toBe(1);
    expect(last.sessions[0]!.train).toHaveLength(1);
  });

  it('runs in slices, posting progress after each, and stops scheduling on pause', () => {
    const h = harness();
    h.send({ type: 'init', task: { task: 'names', data }, sessions: [{ id: 'a', settings }, { id: 'b', settings: { ...settings, kind: 'GRU' } }], report });
    const before = h.of('progress').length;
    h.send({ type: 'run' });
    h.drain(4);
    const progress = h.of('progress').slice(before);
    expect(progress.length).toBe(4);
    expect(progress.every((p) => p.running)).toBe(true);
    h.send({ type: 'pause' });
    expect(h.of('progress').at(-1)!.running).toBe(false);
    h.drain(10); // a slice queued before the pause does nothing
    expect(h.queue).toHaveLength(0);
  });

  it('gives the same losses as a session driven directly', () => {
    const h = harness();
    h.send({ type: 'init', task: { task: 'names', data }, sessions: [{ id: 'main', settings }], report });
    for (let i = 0; i < 6; i++) h.send({ type: 'step' });
    const sent = h.of('progress').flatMap((p) => p.sessions[0]!.train.map(([, loss]) => loss));
    const direct = createSession(createNamesTask(data), settings);
    for (let i = 0; i < 6; i++) direct.step();
    sent.forEach((loss, i) => expect(Object.is(loss, direct.trainLosses[i])).toBe(true));
  });

  it('refuses bad settings, empty data and unknown messages with a message, never a throw', () => {
    const h = harness();
    h.send({ type: 'init', task: { task: 'names', data }, sessions: [{ id: 'x', settings: { ...settings, hiddenSize: 4096 } }], report });
    expect(h.of('refused')[0]!.message).toContain('hidden size 4096 is outside 1 … 128');
    h.send({ type: 'init', task: { task: 'names', data: { train: [], validation: [] } }, sessions: [{ id: 'x', settings }], report });
    expect(h.of('refused')[1]!.message).toContain('no training examples');
    h.send({ type: 'fly' } as never);
    expect(h.of('refused')[2]!.message).toContain('Unknown message fly');
    h.send({ type: 'run' }); // nothing to run: ignored
    expect(h.queue).toHaveLength(0);
  });

  it('exports a state dict and imports it back; a bad file gets the reason', () => {
    const h = harness();
    h.send({ type: 'init', task: { task: 'names', data }, sessions: [{ id: 'main', settings }], report });
    h.send({ type: 'export', id: 'main' });
    const exported = h.of('exported')[0]!.json;
    expect(exported.metadata.vocabulary?.[0]).toBe('.');
    h.send({ type: 'import', id: 'main', text: JSON.stringify(exported) });
    expect(h.of('imported')[0]!.result.ok).toBe(true);
    h.send({ type: 'import', id: 'main', text: '{"format":"unrolled-state-dict","version":1}' });
    expect(h.of('imported')[1]!.result).toEqual({ ok: false, message: 'The file lacks its "metadata" or "state_dict" object.' });
  });
});

describe('time slices', () => {
  it('round-robins until the budget is spent, and ends early on a validation', () => {
    const calls: string[] = [];
    const make = (id: string, validateAt = -1) => {
      const validations: number[] = [];
      let steps = 0;
      return { halted: null, validationLosses: validations, step: () => { calls.push(id); steps++; if (steps === validateAt) validations.push(1); return 1; } };
    };
    let clock = 0;
    expect(runSlice([make('a'), make('b')], 50, () => (clock += 10))).toBe(10);
    expect(calls.slice(0, 4)).toEqual(['a', 'b', 'a', 'b']);
    calls.length = 0;
    expect(runSlice([make('a', 2)], 1e9, () => 0)).toBe(2);
    expect(runSlice([{ halted: 'stopped', validationLosses: [], step: () => null }], 50, () => 0)).toBe(0);
  });
});
