/**
 * Runs heavy gradient maps in a Web Worker: one job at a time, the newest settings win (an older job is stopped,
 * not waited for), and the reader can stop a job. Light settings never come here; the widget computes them inline.
 */
import type { GradientPhase } from './gradient-map.ts';
import type { GradientView } from './gradient-view.ts';
import type { PageSettings } from './page-settings.ts';
import type { GradientReply } from './gradient.worker.ts';

/** What the runner tells the widget. */
export interface RunnerEvents {
  /** A phase of the current job started. */
  onPhase(phase: GradientPhase): void;
  /** The current job finished. */
  onView(view: GradientView): void;
  /** The worker failed (e.g. it could not be loaded). */
  onError(message: string): void;
}

/** A worker-backed runner: start a job (stopping any other), or stop. */
export interface GradientRunner {
  start(settings: PageSettings): void;
  stop(): void;
}

/** A runner that creates its worker on the first job, keeps it while idle, and replaces it when a job is cut short. */
export function createGradientRunner(events: RunnerEvents): GradientRunner {
  let worker: Worker | undefined;
  let busy = false;
  let current = 0;
  const stop = () => {
    worker?.terminate(); // terminating is the only way to interrupt a synchronous computation
    worker = undefined;
    busy = false;
    current++;
  };
  const create = () => {
    const created = new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<GradientReply>) => {
      if (event.data.id !== current) return; // a reply to a job that was replaced
      if ('view' in event.data) {
        busy = false;
        events.onView(event.data.view);
      } else events.onPhase(event.data.phase);
    };
    created.onerror = (event) => {
      event.preventDefault();
      busy = false;
      events.onError(event.message || 'the background computation failed to start');
    };
    return created;
  };
  return {
    start(settings) {
      if (busy) stop(); // the running job cannot be interrupted any other way
      current++;
      worker ??= create();
      busy = true;
      worker.postMessage({ id: current, settings: { ...settings } });
    },
    stop,
  };
}
