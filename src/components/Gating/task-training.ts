/**
 * Training an RNN, an LSTM and a GRU side by side on "remember the first symbol" (first-symbol-task.ts): the same
 * seeded batches for all three, a Linear head read at the last step only, cross-entropy, gradient clipping to norm 1
 * and Adam, one lib trainStep per model per step. Pure and deterministic: the same settings give the same losses,
 * bit for bit, in Node, in a worker or anywhere else. The worker (task-training.worker.ts) only drives it.
 */
import { createRandom, type Random } from '../../../lib/random.ts';
import { createRecurrent, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { createLinear, type Linear } from '../../../lib/nn/linear.ts';
import { crossEntropyLoss } from '../../../lib/nn/loss.ts';
import { createAdamState, type AdamState } from '../../../lib/train/adam.ts';
import { trainStep, trainableParameters } from '../../../lib/train/trainer.ts';
import type { CellKind } from '../../../lib/count.ts';
import { firstSymbolBatch, SYMBOLS, TASK_INPUT_SIZE } from './first-symbol-task.ts';
import { setRememberBias } from './remember-bias.ts';

/** The settings of one training run. */
export interface TaskSettings {
  /** Sequence length T. */
  readonly steps: number;
  /** Seeds the three models' weights and the batches. */
  readonly seed: number;
  /** Hidden units H of each model. */
  readonly hiddenSize: number;
  /** Sequences per batch, B. */
  readonly batch: number;
  /** Adam's learning rate. */
  readonly learningRate: number;
  /** The joint gradient norm is clipped to this before each step. */
  readonly maxNorm: number;
  /** Total bias of the LSTM's f and the GRU's z at the start. */
  readonly rememberBias: number;
  /** Training steps per model, the budget. */
  readonly trainingSteps: number;
}

/** The defaults, picked by trying them in Node (see the chapter): the RNN stays at chance, LSTM and GRU reach ≈ 0. */
export const DEFAULT_TASK: TaskSettings = {
  steps: 40, seed: 1, hiddenSize: 12, batch: 16, learningRate: 0.01, maxNorm: 1, rememberBias: 2, trainingSteps: 800,
};

/** The longest sequence the widget trains on; longer T is capped with a message. */
export const MAX_TASK_STEPS = 200;

/** One model in training: its layers, optimizer state and its own copy of the batch stream. */
interface Learner {
  readonly kind: CellKind;
  readonly model: Recurrent;
  readonly head: Linear;
  readonly adam: AdamState;
  readonly data: Random;
  /** Set when training stopped for this model (a non-finite loss or gradient). */
  halted: string | null;
}

/** A training run: three learners and the step count. */
export interface TaskRun {
  readonly settings: TaskSettings;
  readonly learners: readonly Learner[];
  /** Steps done so far (each model does one per step). */
  step: number;
}

/** The losses of one step, by kind (null for a model that has halted). */
export type StepLosses = Readonly<Record<CellKind, number | null>>;

/** The kinds trained, in legend order. */
export const TASK_KINDS: readonly CellKind[] = ['RNN', 'LSTM', 'GRU'];

/** Start a run: each model drawn from the seed (PyTorch's init), the same batch stream (seed + 1) for each. */
export function createTaskRun(settings: TaskSettings): TaskRun {
  const learners = TASK_KINDS.map((kind): Learner => {
    const init = createRandom(settings.seed);
    const model = createRecurrent(kind, { inputSize: TASK_INPUT_SIZE, hiddenSize: settings.hiddenSize, random: init });
    const head = createLinear(settings.hiddenSize, SYMBOLS, { random: init });
    setRememberBias(model, settings.rememberBias);
    return { kind, model, head, adam: createAdamState(trainableParameters(model, head)), data: createRandom(settings.seed + 1), halted: null };
  });
  return { settings, learners, step: 0 };
}

/** One training step of one learner; a non-finite loss or gradient halts it with a message instead of stepping. */
function stepLearner(learner: Learner, settings: TaskSettings, step: number): number | null {
  if (learner.halted) return null;
  const batch = firstSymbolBatch(learner.data, settings.steps, settings.batch);
  try {
    const result = trainStep(learner.model, learner.head, learner.adam, batch.input, (logits) => crossEntropyLoss(logits, batch.targets), {
      adam: { lr: settings.learningRate },
      clipNorm: { maxNorm: settings.maxNorm },
    });
    if (!result.finite) {
      learner.halted = `${learner.kind}: the loss or a gradient became non-finite at step ${step} (loss ${result.loss}); its training stopped there.`;
      return null;
    }
    return result.loss;
  } catch (error) {
    learner.halted = `${learner.kind}: training stopped at step ${step}, where the numeric core refused a value (${error instanceof Error ? error.message : String(error)}).`;
    return null;
  }
}

/** Advance every learner by one step; returns each one's loss before its update. */
export function trainTaskStep(run: TaskRun): StepLosses {
  run.step += 1;
  const losses = {} as Record<CellKind, number | null>;
  for (const learner of run.learners) losses[learner.kind] = stepLearner(learner, run.settings, run.step);
  return losses;
}

/** The halt messages of the learners that stopped, in legend order. */
export function haltMessages(run: TaskRun): string[] {
  return run.learners.flatMap((learner) => (learner.halted ? [learner.halted] : []));
}

/** Whether the run has used its budget, or every model has halted. */
export function isFinished(run: TaskRun): boolean {
  return run.step >= run.settings.trainingSteps || run.learners.every((learner) => learner.halted);
}
