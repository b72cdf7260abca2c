/**
 * One training step of a recurrent stack with a Linear head applied at every time step:
 *
 *   zero grads → output = rnn(x) → logits = head(output) → loss(logits) → backward through head and rnn
 *   → accumulate into Parameter.grad → (optional) clip_grad_norm_ → Adam step
 *
 * the order torch code follows with optimizer.zero_grad(), loss.backward(), clip_grad_norm_ and optimizer.step().
 * The loss is any function of the logits flattened to [N, out] rows (N = T·B), so MSE, cross-entropy with class
 * indices and BCE all fit. Nothing is hidden: the optimizer's state is passed in and updated where it lies.
 */
import type { Tensor } from '../tensor.ts';
import type { LossResult } from '../nn/loss.ts';
import { linearBackward, linearForward, linearParameters, type Linear } from '../nn/linear.ts';
import { accumulateGrads, zeroGrad, type Parameter } from '../nn/parameter.ts';
import type { Recurrent } from '../nn/recurrent.ts';
import { recurrentBackward, recurrentForward } from '../nn/sequence.ts';
import { adamStep, type AdamOptions, type AdamState } from './adam.ts';
import { clipNormInPlace } from './clip.ts';

/** Options of trainStep. */
export interface TrainStepOptions {
  /** Adam's hyper-parameters (torch.optim.Adam's defaults where omitted). */
  readonly adam?: AdamOptions;
  /** Clip the joint gradient norm of all parameters to this before stepping (clip_grad_norm_); omitted: no clipping. */
  readonly clipNorm?: { readonly maxNorm: number; readonly normType?: number };
}

/** What one training step did. */
export interface TrainStepResult {
  /** The loss before the update. */
  readonly loss: number;
  /** The total gradient norm that clipping saw (clip_grad_norm_'s return value), or null without clipping. */
  readonly totalNorm: number | null;
  /** False when the loss or a gradient was non-finite; the parameters were then left unchanged. */
  readonly finite: boolean;
}

/** Every parameter of the recurrent stack and then the head, in the order torch's optimizer sees them. */
export function trainableParameters(model: Recurrent, head: Linear): Parameter[] {
  return [...model.parameters, ...linearParameters(head)];
}

/** One forward/backward/optimizer step on one batch, updating parameters and adamState in place. */
export function trainStep(
  model: Recurrent,
  head: Linear,
  adamState: AdamState,
  input: Tensor,
  loss: (logits: Tensor) => LossResult,
  options: TrainStepOptions = {},
): TrainStepResult {
  const parameters = trainableParameters(model, head);
  zeroGrad(parameters);
  const forward = recurrentForward(model, input);
  const logits = linearForward(head, forward.output);
  const rows = logits.data.length / head.outFeatures;
  const result = loss({ shape: [rows, head.outFeatures], data: logits.data });
  if (!result.finite) return { loss: result.loss, totalNorm: null, finite: false };
  const headGrads = linearBackward(head, forward.output, { shape: logits.shape, data: result.grad.data });
  accumulateGrads(linearParameters(head), headGrads.bias ? { weight: headGrads.weight, bias: headGrads.bias } : { weight: headGrads.weight });
  const back = recurrentBackward(model, forward, { gradOutput: headGrads.input });
  if (!back.finite) return { loss: result.loss, totalNorm: null, finite: false };
  accumulateGrads(model.parameters, back.grads);
  let totalNorm: number | null = null;
  if (options.clipNorm) {
    const clip = clipNormInPlace(parameters, options.clipNorm.maxNorm, { normType: options.clipNorm.normType });
    totalNorm = clip.totalNorm;
    if (!clip.finite) return { loss: result.loss, totalNorm, finite: false };
  }
  adamStep(parameters, adamState, options.adam);
  return { loss: result.loss, totalNorm, finite: true };
}
