/**
 * The main thread's handle on the training worker: starts it lazily, forwards replies, and turns a crash (a load
 * failure, an uncaught error, a message that cannot be read) into one `onFailure` call, so a widget can say so inline.
 */
import type { WorkerReply, WorkerRequest } from './worker-messages.ts';

/** A running worker connection. */
export interface TrainingClient {
  /** Send a request (starting the worker if needed). */
  send(request: WorkerRequest): void;
  /** End the worker at once (nothing more is reported). */
  terminate(): void;
}

/** Connect to a new training worker; `onReply` gets each reply, `onFailure` a sentence when the worker dies. */
export function createTrainingClient(onReply: (reply: WorkerReply) => void, onFailure: (message: string) => void): TrainingClient {
  let worker: Worker | null = null;
  const fail = (message: string) => {
    worker?.terminate();
    worker = null;
    onFailure(message);
  };
  const start = (): Worker | null => {
    if (worker) return worker;
    if (typeof Worker === 'undefined') {
      onFailure('This browser cannot run Web Workers, so the training cannot start here.');
      return null;
    }
    try {
      worker = new Worker(new URL('./task-training.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      fail(`The training worker could not start (${error instanceof Error ? error.message : String(error)}).`);
      return null;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      fail(`The training worker stopped unexpectedly${event.message ? ` (${event.message})` : ''}. The rest of the page still works; press Start to try again.`);
    };
    worker.onmessageerror = () => fail('A message from the training worker could not be read; training stopped.');
    return worker;
  };
  return {
    send(request) {
      start()?.postMessage(request);
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
