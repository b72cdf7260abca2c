/** The training Web Worker: a thin adapter that hands messages to the worker host and posts its answers. */
import { createWorkerHost } from './worker-host.ts';
import type { ToWorker } from './protocol.ts';

const host = createWorkerHost({
  post: (message) => self.postMessage(message),
  schedule: (callback) => setTimeout(callback, 0),
  now: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent<ToWorker>) => host.handle(event.data));
