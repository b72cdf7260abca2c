/**
 * A Svelte rune helper around the kit's TrainerClient: the reactive state of one training run
 * (state, losses per session, baseline, reports) that the trainer and the race both show.
 * Loss arrays are replaced, never mutated, so charts see each change.
 */
import type { ImportResult, StateDictJson } from '../../../lib/train/state-dict-json.ts';
import type { ReportOptions, TaskBaseline, TaskReport } from '../../../lib/train/tasks/registry.ts';
import { TrainerClient, type TrainerSetup } from '../../kit/trainer/client.ts';
import type { FromWorker, LossPoint } from '../../kit/trainer/protocol.ts';
import type { TrainerState } from './status.ts';

/** One session's curves and halt message. */
export interface SessionCurves {
  readonly train: readonly LossPoint[];
  readonly validation: readonly LossPoint[];
  readonly steps: number;
  readonly halted: string | null;
}

/** The reactive run. Create it during component setup; call destroy() when the component leaves. */
export class TrainingRun {
  state = $state<TrainerState>('loading');
  message = $state('');
  stepsPerSecond = $state(0);
  curves = $state.raw<Readonly<Record<string, SessionCurves>>>({});
  baseline = $state.raw<TaskBaseline | null>(null);
  reports = $state.raw<Readonly<Record<string, TaskReport>>>({});
  parameterCounts = $state.raw<Readonly<Record<string, number>>>({});
  private client: TrainerClient | null = null;
  private pendingExport: ((json: StateDictJson) => void) | null = null;
  private pendingImport: ((result: ImportResult) => void) | null = null;

  /** Build (or rebuild) the sessions; any running training stops. */
  load(setup: TrainerSetup): void {
    this.client ??= new TrainerClient({ onMessage: (m) => this.receive(m), onCrash: (text) => this.crash(text) });
    this.curves = Object.fromEntries(setup.sessions.map((s) => [s.id, { train: [], validation: [], steps: 0, halted: null }]));
    this.reports = {};
    this.state = 'loading';
    this.message = '';
    this.client.load(setup);
  }

  /** Start or resume. */
  start(): void {
    this.client?.start();
  }

  /** Pause after the current slice. */
  pause(): void {
    this.client?.pause();
  }

  /** One update of every session. */
  step(): void {
    this.client?.step();
  }

  /** Back to the initial weights (a new worker after a crash). */
  reset(): void {
    if (!this.client) return;
    this.curves = Object.fromEntries(Object.keys(this.curves).map((id) => [id, { train: [], validation: [], steps: 0, halted: null }]));
    this.reports = {};
    this.state = 'loading';
    this.message = '';
    this.client.reset();
  }

  /** Fresh scores with new report options. */
  report(options: ReportOptions): void {
    this.client?.report(options);
  }

  /** A session's weights, once the worker sends them. */
  exportWeights(id: string): Promise<StateDictJson> {
    return new Promise((resolve) => {
      this.pendingExport = resolve;
      this.client?.exportWeights(id);
    });
  }

  /** Load a file's text into a session; resolves with the worker's verdict. */
  importWeights(id: string, text: string): Promise<ImportResult> {
    return new Promise((resolve) => {
      this.pendingImport = resolve;
      this.client?.importWeights(id, text);
    });
  }

  /** Stop the worker for good. */
  destroy(): void {
    this.client?.destroy();
    this.client = null;
  }

  /** Mark the run as unusable with a message (e.g. the data failed to load). */
  fail(message: string): void {
    this.state = 'refused';
    this.message = message;
  }

  private crash(text: string): void {
    this.state = 'crashed';
    this.message = text;
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.baseline = message.baseline;
        this.parameterCounts = message.parameterCounts;
        this.state = 'ready';
        break;
      case 'progress': {
        const next: Record<string, SessionCurves> = { ...this.curves };
        for (const s of message.sessions) {
          const old = next[s.id] ?? { train: [], validation: [], steps: 0, halted: null };
          next[s.id] = { train: [...old.train, ...s.train], validation: [...old.validation, ...s.validation], steps: s.steps, halted: s.halted };
        }
        this.curves = next;
        this.stepsPerSecond = message.stepsPerSecond;
        const halted = Object.values(next).filter((c) => c.halted);
        if (halted.length > 0 && halted.length === Object.keys(next).length) {
          this.state = 'halted';
          this.message = halted[0]!.halted!;
        } else if (this.state !== 'loading' || message.running) {
          this.state = message.running ? 'running' : Object.values(next).some((c) => c.steps > 0) ? 'paused' : 'ready';
        }
        break;
      }
      case 'report':
        this.reports = message.reports;
        break;
      case 'exported':
        this.pendingExport?.(message.json);
        this.pendingExport = null;
        break;
      case 'imported':
        this.pendingImport?.(message.result);
        this.pendingImport = null;
        break;
      case 'refused':
        this.state = 'refused';
        this.message = message.message;
        break;
    }
  }
}
