/**
 * One forward and backward pass of the exploding example, with lib only: the RNN over all T steps, the head
 * on the last state, MSE against the target, the head's backward, then BPTT through the RNN. The gradients
 * land in every Parameter.grad, as loss.backward() leaves them in torch.
 */
import { recurrentBackward, recurrentForward } from '../../../lib/nn/sequence.ts';
import { linearBackward, linearForward, linearParameters } from '../../../lib/nn/linear.ts';
import { mseLoss } from '../../../lib/nn/loss.ts';
import { accumulateGrads, zeroGrad } from '../../../lib/nn/parameter.ts';
import { allFinite, fromData } from '../../../lib/tensor.ts';
import { EXAMPLE_SIZES, type ExplodingExample } from './exploding-rnn.ts';

/** The loss, or what went wrong: the forward pass or the gradient stopped being finite. */
export type BackwardResult =
  | { readonly ok: true; readonly loss: number }
  | { readonly ok: false; readonly loss: number; readonly reason: 'forward' | 'gradient' };

/** Zero the grads, run forward and backward, and leave ∂L/∂θ in each parameter's grad. */
export function forwardBackward(example: ExplodingExample): BackwardResult {
  const { rnn, head, input, target, parameters } = example;
  const { batch: B, steps: T, hiddenSize: H } = EXAMPLE_SIZES;
  zeroGrad(parameters);
  const forward = recurrentForward(rnn, input);
  const last = fromData(forward.output.data.slice((T - 1) * B * H), [B, H]);
  if (!allFinite(last.data)) return { ok: false, loss: Infinity, reason: 'forward' };
  const prediction = linearForward(head, last);
  if (!allFinite(prediction.data)) return { ok: false, loss: Infinity, reason: 'forward' };
  const loss = mseLoss(prediction, target);
  if (!loss.finite) return { ok: false, loss: loss.loss, reason: 'forward' };
  const headGrads = linearBackward(head, last, { shape: prediction.shape, data: loss.grad.data });
  accumulateGrads(linearParameters(head), { weight: headGrads.weight, bias: headGrads.bias! });
  const gradOutput = new Float64Array(T * B * H);
  gradOutput.set(headGrads.input.data, (T - 1) * B * H);
  const back = recurrentBackward(rnn, forward, { gradOutput: fromData(gradOutput, [T, B, H]) });
  accumulateGrads(rnn.parameters, back.grads);
  return back.finite ? { ok: true, loss: loss.loss } : { ok: false, loss: loss.loss, reason: 'gradient' };
}
