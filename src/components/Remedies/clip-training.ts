/**
 * The clipping widget's numbers. Both come from lib: clipNormInPlace / clipValueInPlace (torch's
 * clip_grad_norm_ / clip_grad_value_) and sgdStep (torch.optim.SGD).
 *
 * - The first gradient of the exploding example, before and after clipping: its norm, its direction
 *   (the cosine between raw and clipped), and a few entries of ∂L/∂W_hh.
 * - A short SGD run with and without clipping: loss and gradient norm at every step, stopping honestly
 *   at the first step where the forward pass or the gradient is no longer a finite number.
 */
import { clipNormInPlace, clipValueInPlace } from '../../../lib/train/clip.ts';
import { createSgdState, sgdStep } from '../../../lib/train/sgd.ts';
import type { Parameter } from '../../../lib/nn/parameter.ts';
import { explodingExample } from './exploding-rnn.ts';
import { forwardBackward } from './gradient-step.ts';
import { TRAINING_STEPS, type ClipMode, type ClipSettings } from './clip-settings.ts';

/** The joint 2-norm of all gradients, as clip_grad_norm_ computes it (may be Infinity). */
export function totalGradNorm(parameters: readonly Parameter[]): number {
  let sum = 0;
  for (const { grad } of parameters) for (let i = 0; i < grad.length; i++) sum += grad[i]! * grad[i]!;
  return Math.sqrt(sum);
}

/** A problem with the settings themselves, or null when they can be used. */
export function settingsProblem(settings: ClipSettings): string | null {
  if (settings.mode === 'norm' && !(settings.maxNorm > 0)) {
    return `max_norm = ${settings.maxNorm} cannot be used: 0 scales every gradient to 0, so training stands still, and a negative max_norm would flip the gradient into an ascent. Choose max_norm > 0.`;
  }
  if (settings.mode === 'value' && !(settings.clipValue > 0)) return `clip_value = ${settings.clipValue} clamps every gradient entry to 0, so nothing would ever change. Choose clip_value > 0.`;
  if (!(settings.learningRate > 0) || !Number.isFinite(settings.learningRate)) return `The learning rate must be a positive number, got ${settings.learningRate}.`;
  if (!(settings.spectralRadius >= 0) || !Number.isFinite(settings.spectralRadius)) return `ρ must be a number ≥ 0, got ${settings.spectralRadius}.`;
  return null;
}

/** Clip in place as the mode says; returns false when the gradient could not be clipped (non-finite). */
export function clipInPlace(parameters: readonly Parameter[], mode: ClipMode, settings: ClipSettings): boolean {
  if (mode === 'norm') return clipNormInPlace(parameters, settings.maxNorm).finite;
  if (mode === 'value') return clipValueInPlace(parameters, settings.clipValue).finite && Number.isFinite(totalGradNorm(parameters));
  return Number.isFinite(totalGradNorm(parameters));
}

/** One entry of ∂L/∂W_hh before and after clipping. */
export interface GradientEntry {
  /** "W_hh[i, j]", 0-based as in torch. */
  readonly label: string;
  readonly raw: number;
  readonly clipped: number;
}

/** The first gradient, raw and clipped. */
export interface FirstGradient {
  readonly loss: number;
  readonly rawNorm: number;
  readonly clippedNorm: number;
  /** cos ∠(raw, clipped): 1 when only the length changed. */
  readonly cosine: number;
  /** The factor clip_grad_norm_ applied (mode norm), else null. */
  readonly clipCoef: number | null;
  /** Entries clamped by clip_grad_value_ (mode value), else null. */
  readonly clampedCount: number | null;
  /** All gradient entries. */
  readonly entryCount: number;
  /** The ENTRY_COUNT largest raw entries of ∂L/∂W_hh, by magnitude. */
  readonly entries: readonly GradientEntry[];
}

/** How many entries of ∂L/∂W_hh the widget lists. */
export const ENTRY_COUNT = 6;

function flatGrads(parameters: readonly Parameter[]): Float64Array {
  const total = parameters.reduce((n, p) => n + p.grad.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const { grad } of parameters) { out.set(grad, offset); offset += grad.length; }
  return out;
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0, na = 0, nb = 0;
  // Divide by the largest entry first: a raw gradient of 1e200 would overflow its squared norm.
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!), Math.abs(b[i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) return scale === 0 ? 1 : Number.NaN;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! / scale, y = b[i]! / scale;
    dot += x * y; na += x * x; nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 1;
}

/** The first gradient of the example with these settings, raw and clipped; null when it is not finite. */
export function firstGradient(settings: ClipSettings): FirstGradient | null {
  const example = explodingExample(settings.spectralRadius, settings.seed);
  const pass = forwardBackward(example);
  if (!pass.ok) return null;
  const { parameters } = example;
  const weightHh = example.rnn.cells[0]![0]!.weightHh;
  const H = weightHh.shape[1]!;
  const rawHh = Float64Array.from(weightHh.grad);
  const raw = flatGrads(parameters);
  const rawNorm = totalGradNorm(parameters);
  if (!Number.isFinite(rawNorm)) return null;
  let clipCoef: number | null = null;
  let clampedCount: number | null = null;
  if (settings.mode === 'norm') clipCoef = clipNormInPlace(parameters, Math.max(settings.maxNorm, 0)).clipCoef;
  if (settings.mode === 'value') clampedCount = clipValueInPlace(parameters, Math.max(settings.clipValue, 0)).clippedCount;
  const clipped = flatGrads(parameters);
  const order = Array.from(rawHh.keys()).sort((i, j) => Math.abs(rawHh[j]!) - Math.abs(rawHh[i]!)).slice(0, ENTRY_COUNT);
  const entries = order.map((k) => ({ label: `W_hh[${Math.floor(k / H)}, ${k % H}]`, raw: rawHh[k]!, clipped: weightHh.grad[k]! }));
  return { loss: pass.loss, rawNorm, clippedNorm: totalGradNorm(parameters), cosine: cosine(raw, clipped), clipCoef, clampedCount, entryCount: raw.length, entries };
}

/** A training run: loss and raw gradient norm per step, and why it stopped early (null when it finished). */
export interface TrainingRun {
  readonly mode: ClipMode;
  /** Loss before step s's update, s = 1 … (finite values only). */
  readonly losses: readonly number[];
  /** The raw (unclipped) gradient norm at each step. */
  readonly gradNorms: readonly number[];
  /** The step (1-based) at which the run had to stop, with the reason, or null. */
  readonly failure: { readonly step: number; readonly message: string } | null;
}

/** Train the example for TRAINING_STEPS steps of SGD, clipping as `mode` says; stops at the first non-finite value. */
export function trainingRun(settings: ClipSettings, mode: ClipMode): TrainingRun {
  const example = explodingExample(settings.spectralRadius, settings.seed);
  const { parameters } = example;
  const state = createSgdState(parameters);
  const losses: number[] = [];
  const gradNorms: number[] = [];
  for (let step = 1; step <= TRAINING_STEPS; step++) {
    const pass = forwardBackward(example);
    if (!pass.ok && pass.reason === 'forward') {
      return { mode, losses, gradNorms, failure: { step, message: `the forward pass overflowed at step ${step}: the weights grew so large that the output is no longer a finite number` } };
    }
    const rawNorm = totalGradNorm(parameters);
    if (!pass.ok || !Number.isFinite(rawNorm)) {
      return { mode, losses, gradNorms, failure: { step, message: `the gradient norm overflowed (Infinity) at step ${step}; clipping cannot rescue an infinite gradient` } };
    }
    losses.push(pass.loss);
    gradNorms.push(rawNorm);
    clipInPlace(parameters, mode, settings);
    try {
      sgdStep(parameters, state, { lr: settings.learningRate });
    } catch (error) {
      return { mode, losses, gradNorms, failure: { step, message: `SGD refused step ${step}: ${(error as Error).message}` } };
    }
  }
  return { mode, losses, gradNorms, failure: null };
}
