/**
 * A training session: one model (a recurrent layer and a Linear head), one task, one optimizer, and
 * a seeded batch order. Each step() is one optimizer update, in torch's order:
 *
 *   zero_grad → logits = fc(rnn(x)) → loss → backward → clip_grad_norm_ (if on) → optimizer.step()
 *
 * Everything random (initial weights, batch order) comes from the seed, so equal settings give an
 * equal loss sequence, bit for bit. A non-finite loss or gradient halts the session with a message;
 * the weights are then left as they were before that step.
 */
import { createLinear, linearParameters, type Linear } from '../nn/linear.ts';
import { zeroGrad, type Parameter } from '../nn/parameter.ts';
import { createRecurrent, type Recurrent } from '../nn/recurrent.ts';
import { createRandom, type Random } from '../random.ts';
import { clipNormInPlace } from './clip.ts';
import { createOptimizer, type Optimizer } from './optimizer.ts';
import { readoutBackward, readoutForward } from './readout.ts';
import { checkSettings, type TrainingSettings } from './settings.ts';
import type { TrainingTask } from './task.ts';
import { meanLoss } from './evaluate.ts';

/** A validation loss and the update count it was measured at. */
export interface ValidationPoint {
  readonly step: number;
  readonly loss: number;
}

/** A live training session. */
export interface TrainingSession {
  readonly settings: TrainingSettings;
  readonly task: TrainingTask;
  readonly model: Recurrent;
  readonly head: Linear;
  /** Updates done so far. */
  readonly steps: number;
  /** The training loss of every update, in order. */
  readonly trainLosses: readonly number[];
  /** Validation losses, the first at step 0. */
  readonly validationLosses: readonly ValidationPoint[];
  /** Why training stopped, or null while it can go on. */
  readonly halted: string | null;
  /** One optimizer update; returns its training loss, or null when halted (now or before). */
  step(): number | null;
}

/** The mixing constant that separates the batch-order stream from the weight stream of the same seed. */
const ORDER_STREAM = 0x5bd1e995;

/** A Fisher–Yates shuffle of 0 … n−1 from the generator. */
function permutation(n: number, random: Random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A session for the task with the settings; refuses bad settings and empty splits with a RangeError. */
export function createSession(task: TrainingTask, settings: TrainingSettings): TrainingSession {
  checkSettings(settings);
  if (task.train.length === 0) throw new RangeError(`Refused: the ${task.id} task has no training examples.`);
  if (task.validation.length === 0) throw new RangeError(`Refused: the ${task.id} task has no validation examples.`);
  const weights = createRandom(settings.seed);
  const model = createRecurrent(settings.kind, { inputSize: task.inputSize, hiddenSize: settings.hiddenSize, random: weights });
  const head = createLinear(settings.hiddenSize, task.outputSize, { random: weights });
  const parameters: Parameter[] = [...model.parameters, ...linearParameters(head)];
  const optimizer: Optimizer = createOptimizer(settings.optimizer, parameters, settings.learningRate);
  const order = createRandom(settings.seed ^ ORDER_STREAM);
  const batchSize = Math.min(settings.batchSize, task.train.length);
  let epochOrder = permutation(task.train.length, order);
  let cursor = 0;
  const trainLosses: number[] = [];
  const validationLosses: ValidationPoint[] = [];
  let halted: string | null = null;

  const nextExamples = (): unknown[] => {
    const examples: unknown[] = [];
    while (examples.length < batchSize) {
      if (cursor === epochOrder.length) { epochOrder = permutation(task.train.length, order); cursor = 0; }
      examples.push(task.train[epochOrder[cursor++]!]!);
    }
    return examples;
  };

  const advice = 'Lower the learning rate or turn on clipping, then reset.';
  const halt = (why: string): null => {
    halted = `Training stopped at step ${trainLosses.length + 1}: ${why}. The weights are those after step ${trainLosses.length}. ${advice}`;
    return null;
  };

  const validate = (): void => {
    const loss = meanLoss(model, head, task, task.validation);
    if (!Number.isFinite(loss)) halted = `Training stopped after step ${trainLosses.length}: the validation loss is ${loss}. ${advice}`;
    else validationLosses.push({ step: trainLosses.length, loss });
  };

  const session: TrainingSession = {
    settings, task, model, head,
    get steps() { return trainLosses.length; },
    trainLosses,
    validationLosses,
    get halted() { return halted; },
    step() {
      if (halted) return null;
      try {
        zeroGrad(parameters);
        const batch = task.makeBatch(nextExamples());
        const forward = readoutForward(model, head, task.readout, batch);
        const loss = batch.loss(forward.logits);
        if (!Number.isFinite(loss.loss)) return halt(`the training loss is ${loss.loss}`);
        if (!loss.finite || !readoutBackward(model, head, task.readout, forward, loss.grad)) return halt('a gradient is non-finite');
        if (settings.clipNorm > 0) {
          const clip = clipNormInPlace(parameters, settings.clipNorm);
          if (!clip.finite) return halt(`the gradient norm is ${clip.totalNorm}`);
        }
        optimizer.step();
        trainLosses.push(loss.loss);
      } catch (error) {
        return halt(error instanceof Error ? error.message : String(error));
      }
      if (trainLosses.length % settings.validateEvery === 0) validate();
      return halted ? null : trainLosses[trainLosses.length - 1]!;
    },
  };
  validate();
  return session;
}
