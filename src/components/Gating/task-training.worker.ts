/**
 * The training worker: a thin message adapter around task-training.ts (and step-speed.ts). It trains in slices of
 * about 40 ms, yielding between them so a "stop" message is read at once, and posts the new losses at least
 * every 100 ms. Messages in: WorkerRequest; out: WorkerReply.
 */
import { createTaskRun, haltMessages, isFinished, trainTaskStep, type StepLosses, type TaskRun } from './task-training.ts';
import { measureSpeed } from './step-speed.ts';
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

const SLICE_MS = 40;
const POST_EVERY_MS = 100;

let run: TaskRun | null = null;
let pending: StepLosses[] = [];
let lastPost = 0;

function post(reply: WorkerReply): void {
  (self as unknown as Worker).postMessage(reply);
}

function flush(): void {
  if (!run) return;
  post({ type: 'progress', step: run.step, total: run.settings.trainingSteps, losses: pending, halted: haltMessages(run) });
  pending = [];
  lastPost = performance.now();
}

function slice(current: TaskRun): void {
  if (run !== current) return; // stopped or restarted
  const start = performance.now();
  while (!isFinished(current) && performance.now() - start < SLICE_MS) pending.push(trainTaskStep(current));
  if (isFinished(current)) {
    flush();
    post({ type: 'finished', step: current.step });
    run = null;
    return;
  }
  if (performance.now() - lastPost >= POST_EVERY_MS) flush();
  setTimeout(() => slice(current), 0);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'train') {
      run = createTaskRun(request.settings);
      pending = [];
      lastPost = performance.now();
      const current = run;
      setTimeout(() => slice(current), 0);
    } else if (request.type === 'stop') {
      if (run) flush();
      run = null;
      post({ type: 'stopped' });
    } else if (request.type === 'speed') {
      post({ type: 'speed', results: measureSpeed(request.settings) });
    }
  } catch (error) {
    run = null;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
