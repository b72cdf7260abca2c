/**
 * One full training step of the chapter's model on the character task, with lib's pieces in the order
 * PyTorch code runs them:
 *
 *   optimizer.zero_grad()         zeroGrad
 *   output, h_n = rnn(x)          recurrentForward        h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h)
 *   z = head(output)              linearForward           z_t = W_hy h_t + b_y
 *   loss = criterion(z, y)        crossEntropyLoss        L = Σ_t ℓ_t  (or its mean)
 *   loss.backward()               linearBackward, recurrentBackward (BPTT)
 *   optimizer.step()              sgdStep                 W ← W − α ∇W
 *
 * lib's trainStep (lib/train/trainer.ts) does the same with Adam; this chapter needs plain SGD, so the
 * steps are written out here with lib's functions. Nothing is computed outside lib.
 */
import { crossEntropyLoss, type Reduction } from '../../../lib/nn/loss.ts';
import { linearBackward, linearForward, linearParameters } from '../../../lib/nn/linear.ts';
import { accumulateGrads, zeroGrad } from '../../../lib/nn/parameter.ts';
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { sgdStep, type SgdState } from '../../../lib/train/sgd.ts';
import { oneHotInputs, type CharTask } from './char-task.ts';
import type { SequenceModel } from './model.ts';

/** The gradient norm ‖∇W‖ of one parameter, by its PyTorch name. */
export interface GradientNorm {
  readonly name: string;
  readonly norm: number;
}

/** The forward half of a step: the summed or averaged loss, each ℓ_t, and the logits. */
export interface ForwardLoss {
  readonly loss: number;
  /** ℓ_t = −log softmax(z_t)[y_t], t = 1 … T. */
  readonly stepLosses: readonly number[];
  /** z_t, [T, V] row-major. */
  readonly logits: Float64Array;
}

/** What one step did, or where it stopped. */
export type StepRecord =
  | { readonly ok: true; readonly loss: number; readonly stepLosses: readonly number[]; readonly gradNorms: readonly GradientNorm[]; readonly totalGradNorm: number }
  | { readonly ok: false; readonly loss: number; readonly message: string };

/** ℓ_t for each step, from lib's cross-entropy on one row at a time (reduction 'sum' of one term is the term). */
export function perStepCrossEntropy(logits: Float64Array, targets: readonly number[], classes: number): number[] {
  return targets.map((y, t) => crossEntropyLoss({ shape: [1, classes], data: logits.subarray(t * classes, (t + 1) * classes) }, [y], { reduction: 'sum' }).loss);
}

/** The loss of the model on the task, forward only (no caches kept, no gradients): what inference would compute. */
export function evaluateLoss(model: SequenceModel, task: CharTask, reduction: Reduction): ForwardLoss {
  const V = task.vocabulary.length;
  const T = task.targetIndices.length;
  const forward = recurrentForward(model.rnn, { shape: [T, 1, V], data: oneHotInputs(task) });
  const logits = linearForward(model.head, forward.output).data as Float64Array;
  const { loss } = crossEntropyLoss({ shape: [T, V], data: logits }, task.targetIndices, { reduction });
  return { loss, stepLosses: perStepCrossEntropy(logits, task.targetIndices, V), logits };
}

/** Euclidean norm of an array. */
function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return Math.sqrt(sum);
}

/** The error's message, with a capital first letter. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One SGD step in place (parameters and state change); a non-finite loss or gradient stops it and says why, updating nothing. */
export function sgdTrainingStep(model: SequenceModel, task: CharTask, state: SgdState, lr: number, reduction: Reduction): StepRecord {
  const V = task.vocabulary.length;
  const T = task.targetIndices.length;
  zeroGrad(model.parameters);
  const forward = recurrentForward(model.rnn, { shape: [T, 1, V], data: oneHotInputs(task) });
  const logits = linearForward(model.head, forward.output);
  let result;
  try {
    result = crossEntropyLoss({ shape: [T, V], data: logits.data }, task.targetIndices, { reduction });
  } catch (error) {
    return { ok: false, loss: Number.NaN, message: `The forward pass overflowed: ${describe(error)}.` };
  }
  if (!result.finite) return { ok: false, loss: result.loss, message: 'The loss or its gradient is not a finite number.' };
  const headGrads = linearBackward(model.head, forward.output, { shape: logits.shape, data: result.grad.data });
  accumulateGrads(linearParameters(model.head), { weight: headGrads.weight, bias: headGrads.bias! });
  const back = recurrentBackward(model.rnn, forward, { gradOutput: headGrads.input });
  accumulateGrads(model.rnn.parameters, back.grads);
  const gradNorms = model.parameters.map((p) => ({ name: p.name, norm: norm(p.grad) }));
  const totalGradNorm = Math.sqrt(gradNorms.reduce((sum, g) => sum + g.norm * g.norm, 0));
  try {
    sgdStep(model.parameters, state, { lr });
  } catch (error) {
    return { ok: false, loss: result.loss, message: `${describe(error)}.` };
  }
  const stepLosses = perStepCrossEntropy(logits.data as Float64Array, task.targetIndices, V);
  return { ok: true, loss: result.loss, stepLosses, gradNorms, totalGradNorm };
}
