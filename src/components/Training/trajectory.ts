/**
 * Training from the seed, k steps at a time: the loss before every step, each step's record, and a
 * snapshot of the parameters before every step (so the model after k steps can be shown or sampled).
 * A trajectory is kept per setting and only extended when more steps are asked for, so moving the
 * step slider costs at most the new steps; widgets on the page share it.
 */
import type { Reduction } from '../../../lib/nn/loss.ts';
import { createSgdState, type SgdState } from '../../../lib/train/sgd.ts';
import type { CharTask } from './char-task.ts';
import { createSequenceModel, restoreParameters, snapshotParameters, type SequenceModel } from './model.ts';
import { evaluateLoss, sgdTrainingStep, type StepRecord } from './sgd-training-step.ts';

/** Main-thread time one recomputation may spend training, in the browser; longer runs continue in later tasks. */
export const FRAME_BUDGET_MS = 6;

/** What fixes a trajectory: the task, the model size, the optimiser and the seed. */
export interface TrainingSettings {
  readonly task: CharTask;
  readonly hiddenSize: number;
  readonly lr: number;
  readonly reduction: Reduction;
  readonly seed: number;
}

/** Training so far: records[j] is step j + 1 (taken from the parameters in snapshots[j]). */
export interface Trajectory {
  readonly settings: TrainingSettings;
  readonly records: StepRecord[];
  /** snapshots[j]: the parameters after j steps. */
  readonly snapshots: Float64Array[];
  /** The step (1-based) that could not be taken, once training has stopped. */
  failedAt: number | null;
  /** The live model (its parameters are those after snapshots.length − 1 steps) and the optimiser state. */
  readonly model: SequenceModel;
  readonly state: SgdState;
}

/** The model the settings start from (step 0). */
export function initialModel(settings: TrainingSettings): SequenceModel {
  const V = settings.task.vocabulary.length;
  return createSequenceModel(settings.seed, V, settings.hiddenSize, V);
}

/** A fresh trajectory at step 0. */
export function startTrajectory(settings: TrainingSettings): Trajectory {
  const model = initialModel(settings);
  return { settings, records: [], snapshots: [snapshotParameters(model)], failedAt: null, model, state: createSgdState(model.parameters) };
}

/** Take steps until `steps` are recorded, one fails, or (after at least one step) the clock passes `deadline` (performance.now() ms). */
export function extendTrajectory(trajectory: Trajectory, steps: number, deadline = Infinity): Trajectory {
  const { task, lr, reduction } = trajectory.settings;
  let taken = 0;
  while (trajectory.records.length < steps && trajectory.failedAt === null && (taken === 0 || performance.now() < deadline)) {
    taken++;
    const record = sgdTrainingStep(trajectory.model, task, trajectory.state, lr, reduction);
    trajectory.records.push(record);
    if (record.ok) trajectory.snapshots.push(snapshotParameters(trajectory.model));
    else trajectory.failedAt = trajectory.records.length;
  }
  return trajectory;
}

/** The model after `steps` steps (a new object; the trajectory must hold that many snapshots). */
export function modelAfter(trajectory: Trajectory, steps: number): SequenceModel {
  const model = initialModel(trajectory.settings);
  restoreParameters(model, trajectory.snapshots[Math.min(steps, trajectory.snapshots.length - 1)]!);
  return model;
}

/** The loss after the last snapshot, forward only, or NaN when the forward pass cannot be computed. */
export function lossAfter(trajectory: Trajectory, steps: number): number {
  try {
    return evaluateLoss(modelAfter(trajectory, steps), trajectory.settings.task, trajectory.settings.reduction).loss;
  } catch {
    return Number.NaN;
  }
}

/** Trajectories by settings key; a handful are kept, the least recently used dropped. */
const cache = new Map<string, Trajectory>();
const CACHE_SIZE = 8;

/** A stable key for the settings. */
function keyOf(settings: TrainingSettings): string {
  const { task, hiddenSize, lr, reduction, seed } = settings;
  return JSON.stringify([task.characters.join(''), hiddenSize, lr, reduction, seed]);
}

/** Whether the trajectory still lacks some of the `steps` asked for (it was cut short by a time budget, not by a failure). */
export function isPending(trajectory: Trajectory, steps: number): boolean {
  return trajectory.failedAt === null && trajectory.records.length < steps;
}

/**
 * The shared trajectory for these settings with `steps` steps taken (or stopped earlier by a failure).
 * With a time budget (ms) it returns when the budget is spent, possibly short: call again to go on.
 */
export function trajectoryFor(settings: TrainingSettings, steps: number, budgetMs = Infinity): Trajectory {
  const deadline = performance.now() + budgetMs;
  const key = keyOf(settings);
  let trajectory = cache.get(key);
  if (trajectory) cache.delete(key);
  else trajectory = startTrajectory(settings);
  cache.set(key, trajectory);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return extendTrajectory(trajectory, steps, deadline);
}
