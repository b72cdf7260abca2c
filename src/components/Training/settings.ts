/**
 * The chapter's page values read defensively: anything missing, of the wrong type or out of range
 * falls back to the frontmatter's default, so a widget never computes from garbage.
 */
import type { Reduction } from '../../../lib/nn/loss.ts';
import { cleanText, type VariableValues } from '../../kit/variables.ts';
import type { Decoding } from './generation.ts';

/** The defaults and limits, as declared in content/docs/training.mdx. */
export const DEFAULTS = { word: 'hello', hiddenSize: 8, lr: 0.5, reduction: 'mean', steps: 10, seed: 1, decoding: 'greedy', temperature: 1 } as const;
/** The most characters a word holds (its vocabulary is at most this large). */
export const MAX_WORD = 16;
/** Limits of the number variables. */
export const LIMITS = { hiddenSize: [1, 16], lr: [0.001, 1000], steps: [0, 200], seed: [1, 999], temperature: [0.1, 3] } as const;

/** The two tasks of the loss widget. */
export type TaskName = 'characters' | 'sine';

/** Everything the chapter's widgets read from the page. */
export interface TrainingPageSettings {
  readonly word: string;
  readonly hiddenSize: number;
  readonly lr: number;
  readonly reduction: Reduction;
  readonly steps: number;
  readonly seed: number;
  readonly decoding: Decoding;
  readonly temperature: number;
  readonly task: TaskName;
}

/** A number within [min, max], else the fallback; integers are rounded when `integer`. */
function maybeNumber(value: unknown, [min, max]: readonly [number, number], fallback: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const number = integer ? Math.round(value) : value;
  return number >= min && number <= max ? number : fallback;
}

/** One of the allowed strings, else the fallback. */
function maybeOption<T extends string>(value: unknown, options: readonly T[], fallback: T): T {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Read the page values; invalid ones fall back to the defaults. */
export function readSettings(values: VariableValues): TrainingPageSettings {
  return {
    word: typeof values.word === 'string' ? cleanText(values.word, MAX_WORD).text : DEFAULTS.word,
    hiddenSize: maybeNumber(values.H, LIMITS.hiddenSize, DEFAULTS.hiddenSize, true),
    lr: maybeNumber(values.lr, LIMITS.lr, DEFAULTS.lr),
    reduction: maybeOption(values.reduction, ['mean', 'sum'], DEFAULTS.reduction),
    steps: maybeNumber(values.k, LIMITS.steps, DEFAULTS.steps, true),
    seed: maybeNumber(values.seed, LIMITS.seed, DEFAULTS.seed, true),
    decoding: maybeOption(values.decode, ['greedy', 'sample'], DEFAULTS.decoding),
    temperature: maybeNumber(values.temp, LIMITS.temperature, DEFAULTS.temperature),
    task: maybeOption(values.task, ['characters', 'sine'], 'characters'),
  };
}

/** A loss or norm for reading: four significant digits, exponent form when huge or tiny, a real minus sign. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  const text = magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3) ? value.toExponential(2) : value.toFixed(magnitude >= 100 ? 1 : 3);
  return text === '-0.000' ? '0.000' : text.replace('-', '−');
}
