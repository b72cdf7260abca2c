/**
 * The settings of a training session and the one place their allowed ranges live. Absurd values
 * (a learning rate of 1e3, a hidden size of 4096, a batch of 0) are refused with a message that
 * names the setting, before any model is built.
 */
import type { CellKind } from '../count.ts';

/** Which optimizer updates the weights: torch.optim.SGD (momentum 0.9) or torch.optim.Adam (default betas). */
export type OptimizerKind = 'SGD' | 'Adam';

/** Everything that decides a session's loss curve; equal settings and seed give equal curves. */
export interface TrainingSettings {
  /** RNN, LSTM or GRU. */
  readonly kind: CellKind;
  /** Hidden units H of the single recurrent layer. */
  readonly hiddenSize: number;
  /** SGD or Adam. */
  readonly optimizer: OptimizerKind;
  /** Learning rate η. */
  readonly learningRate: number;
  /** clip_grad_norm_'s max_norm; 0 turns clipping off. */
  readonly clipNorm: number;
  /** Training examples per optimizer update. */
  readonly batchSize: number;
  /** Seeds the initial weights and the order of the batches. */
  readonly seed: number;
  /** Compute the validation loss every this many updates. */
  readonly validateEvery: number;
}

/** An inclusive numeric range, with whether values must be whole numbers. */
export interface SettingRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The reader's name for the setting, used in messages. */
  readonly label: string;
}

/** The allowed range of every numeric setting. */
export const SETTING_RANGES = {
  hiddenSize: { min: 1, max: 128, integer: true, label: 'hidden size' },
  learningRate: { min: 1e-5, max: 10, integer: false, label: 'learning rate' },
  clipNorm: { min: 0, max: 1000, integer: false, label: 'clipping norm' },
  batchSize: { min: 1, max: 256, integer: true, label: 'batch size' },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, label: 'seed' },
  validateEvery: { min: 1, max: 10_000, integer: true, label: 'validation interval' },
} as const satisfies Record<string, SettingRange>;

const KINDS: readonly string[] = ['RNN', 'LSTM', 'GRU'];
const OPTIMIZERS: readonly string[] = ['SGD', 'Adam'];

/** One message per setting outside its range or of the wrong kind; empty when all are fine. */
export function settingsProblems(settings: TrainingSettings): string[] {
  const problems: string[] = [];
  if (!KINDS.includes(settings.kind)) problems.push(`model must be RNN, LSTM or GRU, got ${String(settings.kind)}`);
  if (!OPTIMIZERS.includes(settings.optimizer)) problems.push(`optimizer must be SGD or Adam, got ${String(settings.optimizer)}`);
  for (const [key, range] of Object.entries(SETTING_RANGES) as [keyof typeof SETTING_RANGES, SettingRange][]) {
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${range.label} must be a number, got ${String(value)}`);
    else if (range.integer && !Number.isInteger(value)) problems.push(`${range.label} must be a whole number, got ${value}`);
    else if (value < range.min || value > range.max) problems.push(`${range.label} ${value} is outside ${range.min} … ${range.max}`);
  }
  return problems;
}

/** Throw a RangeError listing every problem (see settingsProblems), or return the settings unchanged. */
export function checkSettings(settings: TrainingSettings): TrainingSettings {
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new RangeError(`Refused: ${problems.join('; ')}.`);
  return settings;
}
