/**
 * The training worker's logic, apart from the Worker global so that it runs (and is tested) in Node:
 * it builds the task and sessions on 'init', runs time slices while running, and answers every
 * other message. Errors become 'refused' messages with the reason; nothing here throws to the caller.
 */
import { parameterCount } from '../../../lib/nn/recurrent.ts';
import { createSession, type TrainingSession } from '../../../lib/train/session.ts';
import { exportStateDict, importStateDict } from '../../../lib/train/state-dict-json.ts';
import { createTask, taskBaseline, taskReport, type AnyTask, type ReportOptions } from '../../../lib/train/tasks/registry.ts';
import type { FromWorker, LossPoint, SessionProgress, ToWorker } from './protocol.ts';
import { SLICE_MS, runSlice } from './time-slice.ts';

/** What the host needs from its surroundings: a way to post, to schedule the next slice, and a clock. */
export interface HostEnvironment {
  post(message: FromWorker): void;
  schedule(callback: () => void): void;
  now(): number;
}

/** The message handler of a training worker. */
export interface WorkerHost {
  handle(message: ToWorker): void;
}

interface Hosted {
  readonly id: string;
  readonly session: TrainingSession;
  /** Losses already posted. */
  sentTrain: number;
  sentValidation: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A host that posts through the environment. */
export function createWorkerHost(env: HostEnvironment): WorkerHost {
  let task: AnyTask | null = null;
  let hosted: Hosted[] = [];
  let reportOptions: ReportOptions = { temperature: 1, sampleCount: 8, sampleSeed: 1 };
  let running = false;
  let generation = 0; // a new init or a pause stops the slices scheduled before it
  let sliceStart = env.now();
  let sliceSteps = 0;
  let stepsPerSecond = 0;

  const progress = (): void => {
    const sessions: SessionProgress[] = hosted.map((h) => {
      const train: LossPoint[] = h.session.trainLosses.slice(h.sentTrain).map((loss, i) => [h.sentTrain + i + 1, loss]);
      const validation: LossPoint[] = h.session.validationLosses.slice(h.sentValidation).map((v) => [v.step, v.loss]);
      h.sentTrain = h.session.trainLosses.length;
      h.sentValidation = h.session.validationLosses.length;
      return { id: h.id, steps: h.session.steps, train, validation, halted: h.session.halted };
    });
    env.post({ type: 'progress', running, sessions, stepsPerSecond });
  };

  const report = (): void => {
    if (!task) return;
    const reports: Record<string, ReturnType<typeof taskReport>> = {};
    try {
      for (const h of hosted) reports[h.id] = taskReport(h.session, task, reportOptions);
      env.post({ type: 'report', reports });
    } catch (error) {
      env.post({ type: 'refused', message: `Could not score the model: ${describe(error)}` });
    }
  };

  const slice = (mine: number): void => {
    if (!running || mine !== generation) return;
    const validationsBefore = hosted.reduce((n, h) => n + h.session.validationLosses.length, 0);
    sliceSteps += runSlice(hosted.map((h) => h.session), SLICE_MS, env.now);
    const elapsed = env.now() - sliceStart;
    if (elapsed >= 1000) { stepsPerSecond = (sliceSteps * 1000) / elapsed; sliceStart = env.now(); sliceSteps = 0; }
    if (hosted.every((h) => h.session.halted)) running = false;
    progress();
    const validated = hosted.reduce((n, h) => n + h.session.validationLosses.length, 0) !== validationsBefore;
    if (validated || !running) report();
    if (running) env.schedule(() => slice(mine));
  };

  const handlers: { [K in ToWorker['type']]: (message: Extract<ToWorker, { type: K }>) => void } = {
    init(message) {
      generation++;
      running = false;
      task = null;
      hosted = [];
      try {
        task = createTask(message.task);
        const built = task;
        hosted = message.sessions.map((spec) => ({ id: spec.id, session: createSession(built, spec.settings), sentTrain: 0, sentValidation: 0 }));
      } catch (error) {
        task = null;
        hosted = [];
        env.post({ type: 'refused', message: describe(error) });
        return;
      }
      reportOptions = message.report;
      const parameterCounts: Record<string, number> = {};
      for (const h of hosted) parameterCounts[h.id] = parameterCount(h.session.model) + h.session.head.weight.value.length + (h.session.head.bias?.value.length ?? 0);
      env.post({ type: 'ready', baseline: taskBaseline(task), parameterCounts });
      progress();
      report();
    },
    run() {
      if (!task || running || hosted.every((h) => h.session.halted)) return;
      running = true;
      generation++;
      sliceStart = env.now();
      sliceSteps = 0;
      const mine = generation;
      env.schedule(() => slice(mine));
    },
    pause() {
      if (!running) return;
      running = false;
      generation++;
      progress();
      report();
    },
    step() {
      if (!task || running) return;
      for (const h of hosted) h.session.step();
      progress();
      report();
    },
    report(message) {
      reportOptions = message.options;
      report();
    },
    export(message) {
      const h = hosted.find((x) => x.id === message.id);
      if (!h || !task) return env.post({ type: 'refused', message: `No session "${message.id}" to export.` });
      const about = {
        task: task.id,
        readout: task.readout,
        ...(task.id === 'names' ? { vocabulary: task.vocabulary.symbols } : task.id === 'spam' ? { vocabulary: task.vocabulary.words } : {}),
        ...(task.id === 'stocks' ? { extra: { symbol_min: task.scaler.min, symbol_max: task.scaler.max, window: task.windowLength } } : {}),
      };
      env.post({ type: 'exported', id: h.id, json: exportStateDict(h.session.model, h.session.head, about) });
    },
    import(message) {
      const h = hosted.find((x) => x.id === message.id);
      if (!h) return env.post({ type: 'refused', message: `No session "${message.id}" to import into.` });
      const result = importStateDict(message.text, h.session.model, h.session.head);
      env.post({ type: 'imported', id: h.id, result });
      if (result.ok) report();
    },
  };

  return {
    handle(message) {
      try {
        const handler = handlers[message?.type as ToWorker['type']] as ((m: ToWorker) => void) | undefined;
        if (!handler) env.post({ type: 'refused', message: `Unknown message ${String(message?.type)}.` });
        else handler(message);
      } catch (error) {
        running = false;
        env.post({ type: 'refused', message: describe(error) });
      }
    },
  };
}
