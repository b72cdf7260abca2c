/**
 * The chapter's page variables, by their names in content/docs/gating.mdx, and how each widget reads its settings
 * from the page's values (anything missing or of the wrong type falls back to the widget's default).
 */
import type { ExplorerSettings, GatedKind } from './gate-explorer.ts';
import type { PathSettings } from './gradient-paths.ts';
import { DEFAULT_TASK, MAX_TASK_STEPS, type TaskSettings } from './task-training.ts';
import type { SpeedSettings } from './step-speed.ts';

/** Variables each widget needs, with their kinds, so the .astro wrappers fail the build on a typo. */
export const WIDGET_VARIABLES = {
  GateExplorer: { text: 'text', cell: 'choice', step: 'number', seed: 'number', H: 'number', fb: 'choice' },
  GradientPaths: { pT: 'number', seed: 'number', H: 'number', fb: 'choice' },
  TaskTrainer: { taskT: 'number', taskSeed: 'number' },
  SpeedCompare: { sD: 'number', sH: 'number' },
} as const;

/** The sentence the explorer starts with. */
export const DEFAULT_TEXT = 'the cat sat on the mat and then the dog sat on the log';

type Values = Readonly<Record<string, unknown>>;

function numberOf(values: Values, name: string, fallback: number): number {
  const value = values[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The remember bias (the choice fb: '0', '1' or '2') as a number; 1 when missing. */
export function rememberBiasOf(values: Values): number {
  return values.fb === '0' ? 0 : values.fb === '2' ? 2 : 1;
}

/** The gate explorer's settings. */
export function explorerSettings(values: Values): ExplorerSettings {
  const kind: GatedKind = values.cell === 'GRU' ? 'GRU' : 'LSTM';
  return {
    text: typeof values.text === 'string' ? values.text : DEFAULT_TEXT,
    kind,
    seed: numberOf(values, 'seed', 1),
    hiddenSize: numberOf(values, 'H', 8),
    rememberBias: rememberBiasOf(values),
  };
}

/** The step the explorer should outline, as requested (1-based). */
export function requestedStep(values: Values): number {
  return numberOf(values, 'step', 3);
}

/** The gradient-path widget's settings. */
export function pathSettings(values: Values): PathSettings {
  return { steps: numberOf(values, 'pT', 50), hiddenSize: numberOf(values, 'H', 8), seed: numberOf(values, 'seed', 1), rememberBias: rememberBiasOf(values) };
}

/** The training widget's settings, T capped at MAX_TASK_STEPS, and the message when it was. */
export function taskSettings(values: Values): { settings: TaskSettings; capMessage: string | null } {
  const requested = numberOf(values, 'taskT', DEFAULT_TASK.steps);
  const steps = Math.min(requested, MAX_TASK_STEPS);
  const capMessage = requested > MAX_TASK_STEPS
    ? `T = ${requested} is more than this page trains on: each step would take ${Math.round(requested / DEFAULT_TASK.steps)}× the default's time. Training uses T = ${MAX_TASK_STEPS}.`
    : null;
  return { settings: { ...DEFAULT_TASK, steps, seed: numberOf(values, 'taskSeed', DEFAULT_TASK.seed) }, capMessage };
}

/** The speed comparison's sizes (sequence length and repeats fixed). */
export function speedSettings(values: Values): SpeedSettings {
  return { inputSize: numberOf(values, 'sD', 32), hiddenSize: numberOf(values, 'sH', 64), steps: 50, repeats: 5 };
}
