/** The messages between the chapter's widgets and the training worker. */
import type { StepLosses, TaskSettings } from './task-training.ts';
import type { SpeedResult, SpeedSettings } from './step-speed.ts';

/** What a widget asks the worker to do. */
export type WorkerRequest =
  | { readonly type: 'train'; readonly settings: TaskSettings }
  | { readonly type: 'stop' }
  | { readonly type: 'speed'; readonly settings: SpeedSettings };

/** What the worker answers. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly step: number; readonly total: number; readonly losses: readonly StepLosses[]; readonly halted: readonly string[] }
  | { readonly type: 'finished'; readonly step: number }
  | { readonly type: 'stopped' }
  | { readonly type: 'speed'; readonly results: readonly SpeedResult[] }
  | { readonly type: 'error'; readonly message: string };
