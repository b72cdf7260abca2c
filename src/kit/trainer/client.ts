/**
 * The page's side of the training worker: start, pause, single step, resume, reset, scoring,
 * export and import, over the messages of protocol.ts. A worker that crashes (an error event) or is
 * killed is reported through onCrash with a message; the page keeps working, and reset() starts a
 * fresh worker. Clients register on globalThis.__unrolledTrainers so browser tests can kill one.
 */
import type { ReportOptions, TaskSpec } from '../../../lib/train/tasks/registry.ts';
import { kitText } from '../i18n/kit-text.ts';
import type { Locale } from '../locale.ts';
import type { FromWorker, SessionSpec, ToWorker } from './protocol.ts';

/** Callbacks of a client. */
export interface TrainerHandlers {
  /** Every message the worker posts. */
  onMessage(message: FromWorker): void;
  /** The worker died; the message says how. */
  onCrash(message: string): void;
  /** The language of the crash messages (default English). */
  readonly locale?: Locale;
}

/** What a training run needs to (re)build its sessions. */
export interface TrainerSetup {
  readonly task: TaskSpec;
  readonly sessions: readonly SessionSpec[];
  readonly report: ReportOptions;
}

/** Makes the worker; the default bundles trainer.worker.ts (Vite resolves the URL under the site's base path). */
export type WorkerFactory = () => Worker;

/** The default worker factory. */
export const createTrainingWorker: WorkerFactory = () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });

declare global {
  // eslint-disable-next-line no-var
  var __unrolledTrainers: TrainerClient[] | undefined;
}

/** A training worker with its controls. */
export class TrainerClient {
  private worker: Worker | null = null;
  private setup: TrainerSetup | null = null;
  private crashed = false;

  constructor(private readonly handlers: TrainerHandlers, private readonly makeWorker: WorkerFactory = createTrainingWorker) {
    (globalThis.__unrolledTrainers ??= []).push(this);
  }

  /** Whether a worker is alive. */
  get alive(): boolean {
    return this.worker !== null && !this.crashed;
  }

  /** Build the task and sessions in a (new, if needed) worker; nothing runs until start(). */
  load(setup: TrainerSetup): void {
    this.setup = setup;
    this.ensureWorker();
    this.send({ type: 'init', task: setup.task, sessions: setup.sessions, report: setup.report });
  }

  /** Run continuously (start and resume). */
  start(): void {
    this.send({ type: 'run' });
  }

  /** Stop after the current slice. */
  pause(): void {
    this.send({ type: 'pause' });
  }

  /** One optimizer update of every session (while paused). */
  step(): void {
    this.send({ type: 'step' });
  }

  /** Back to the initial weights of the last setup; after a crash, in a new worker. */
  reset(): void {
    if (this.crashed) this.dispose();
    if (this.setup) this.load(this.setup);
  }

  /** Ask for fresh scores (e.g. samples at a new temperature). */
  report(options: ReportOptions): void {
    this.send({ type: 'report', options });
  }

  /** Ask for a session's weights as a state dict. */
  exportWeights(id: string): void {
    this.send({ type: 'export', id });
  }

  /** Load a state dict file's text into a session. */
  importWeights(id: string, text: string): void {
    this.send({ type: 'import', id, text });
  }

  /** Kill the worker as a crash would (used by tests and by the page when it is left). */
  kill(reason = kitText(this.handlers.locale).trainerStopped): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.crashed = true;
    this.handlers.onCrash(reason);
  }

  /** Terminate the worker quietly; a later load() starts a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.crashed = false;
  }

  /** Terminate the worker and unregister the client (when its widget leaves the page). */
  destroy(): void {
    this.dispose();
    globalThis.__unrolledTrainers = (globalThis.__unrolledTrainers ?? []).filter((client) => client !== this);
  }

  private ensureWorker(): void {
    if (this.worker && !this.crashed) return;
    this.crashed = false;
    try {
      const worker = this.makeWorker();
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.handlers.onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        this.crashed = true;
        worker.terminate();
        this.handlers.onCrash(kitText(this.handlers.locale).trainerCrashed(event.message ?? ''));
      });
      worker.addEventListener('messageerror', () => this.handlers.onCrash(kitText(this.handlers.locale).trainerUnreadable));
      this.worker = worker;
    } catch (error) {
      this.crashed = true;
      this.handlers.onCrash(kitText(this.handlers.locale).trainerCouldNotStart(error instanceof Error ? error.message : String(error)));
    }
  }

  private send(message: ToWorker): void {
    if (!this.worker || this.crashed) return;
    this.worker.postMessage(message);
  }
}
