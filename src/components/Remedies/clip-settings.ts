/** The clipping widget's settings, read from the page's variables (anything missing or unusable takes the default). */
import type { VariableValues } from '../../kit/variables.ts';
import { readNumber } from './read-number.ts';

/** How gradients are clipped before each SGD step. */
export type ClipMode = 'none' | 'norm' | 'value';

/** What the reader sets: clipping mode and thresholds, learning rate, ρ(W_hh), seed. */
export interface ClipSettings {
  readonly mode: ClipMode;
  /** max_norm of clip_grad_norm_. */
  readonly maxNorm: number;
  /** clip_value of clip_grad_value_. */
  readonly clipValue: number;
  /** SGD learning rate α. */
  readonly learningRate: number;
  /** ρ, the magnitude of every eigenvalue of W_hh at the start. */
  readonly spectralRadius: number;
  readonly seed: number;
}

/** The page's defaults, as the frontmatter declares them. */
export const DEFAULT_CLIP_SETTINGS: ClipSettings = { mode: 'norm', maxNorm: 1, clipValue: 0.1, learningRate: 0.01, spectralRadius: 2, seed: 1 };

/** SGD steps each training run takes. */
export const TRAINING_STEPS = 25;


/** The settings the page's values describe: mode, maxnorm, clipvalue, lr, rho, seed. */
export function clipSettingsFrom(values: VariableValues): ClipSettings {
  const d = DEFAULT_CLIP_SETTINGS;
  const mode = values.mode === 'none' || values.mode === 'norm' || values.mode === 'value' ? values.mode : d.mode;
  return {
    mode,
    maxNorm: readNumber(values, 'maxnorm', d.maxNorm),
    clipValue: readNumber(values, 'clipvalue', d.clipValue),
    learningRate: readNumber(values, 'lr', d.learningRate),
    spectralRadius: readNumber(values, 'rho', d.spectralRadius),
    seed: readNumber(values, 'seed', d.seed),
  };
}
