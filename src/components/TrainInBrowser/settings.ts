/**
 * From the page's variables to a training configuration: the task with its options and the
 * session settings, checked against lib's ranges. Anything unusable gives messages, never a throw.
 */
import type { CellKind } from '../../../lib/count.ts';
import { settingsProblems, type OptimizerKind, type TrainingSettings } from '../../../lib/train/settings.ts';
import type { VariableValues } from '../../kit/variables.ts';

/** The chapter's three tasks. */
export type TaskId = 'names' | 'stocks' | 'spam';

/** What the page's variables ask for. */
export interface TrainingChoice {
  readonly task: TaskId;
  readonly settings: TrainingSettings;
  /** The stock symbol and window length (stock task). */
  readonly symbol: string;
  readonly windowLength: number;
  /** Sampling temperature τ (name task). */
  readonly temperature: number;
  /** Why the settings cannot be used; empty when they can. */
  readonly problems: readonly string[];
}

/** How often each task measures its validation loss (updates), so validation stays a small share of the time. */
export const VALIDATE_EVERY: Readonly<Record<TaskId, number>> = { names: 100, stocks: 20, spam: 20 };

/** Defaults used when a value is missing or of the wrong type. */
const FALLBACK = { task: 'names', model: 'LSTM', hidden: 32, optimizer: 'Adam', lr: 0.01, clip: 1, batch: 32, seed: 1, symbol: 'IBM', window: 12, temperature: 0.8 } as const;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The training configuration the variables describe. */
export function trainingChoice(values: VariableValues): TrainingChoice {
  const task = pick(values.task, ['names', 'stocks', 'spam'] as const, FALLBACK.task);
  const settings: TrainingSettings = {
    kind: pick<CellKind>(values.model, ['RNN', 'LSTM', 'GRU'], FALLBACK.model),
    hiddenSize: num(values.hidden, FALLBACK.hidden),
    optimizer: pick<OptimizerKind>(values.optimizer, ['Adam', 'SGD'], FALLBACK.optimizer),
    learningRate: num(values.lr, FALLBACK.lr),
    clipNorm: num(values.clip, FALLBACK.clip),
    batchSize: num(values.batch, FALLBACK.batch),
    seed: num(values.seed, FALLBACK.seed),
    validateEvery: VALIDATE_EVERY[task],
  };
  return {
    task,
    settings,
    symbol: typeof values.symbol === 'string' ? values.symbol : FALLBACK.symbol,
    windowLength: num(values.window, FALLBACK.window),
    temperature: num(values.temperature, FALLBACK.temperature),
    problems: settingsProblems(settings),
  };
}

/** A key that changes whenever the sessions must be rebuilt (anything but the temperature). */
export function rebuildKey(choice: TrainingChoice): string {
  const { task, settings, symbol, windowLength } = choice;
  return JSON.stringify([task, settings, task === 'stocks' ? [symbol, windowLength] : null]);
}
