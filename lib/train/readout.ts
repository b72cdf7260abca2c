/**
 * A recurrent layer followed by a Linear head, forward and backward, for both readouts:
 *
 *   every-step:  logits_t = h_t W_fcᵀ + b_fc  for every t      rows = T·B (time-major)
 *   last-step:   logits   = h_n W_fcᵀ + b_fc                    rows = B  (h_n: the state at each sequence's last valid step)
 *
 * Backward takes ∂L/∂logits and accumulates every parameter's gradient (recurrent layer, then head).
 */
import { linearBackward, linearForward, linearParameters, type Linear } from '../nn/linear.ts';
import { accumulateGrads } from '../nn/parameter.ts';
import type { Recurrent } from '../nn/recurrent.ts';
import { recurrentBackward, recurrentForward, type SequenceResult } from '../nn/sequence.ts';
import { fromData, type Tensor } from '../tensor.ts';
import type { Batch, Readout } from './task.ts';

/** A forward pass with what backward needs. */
export interface ReadoutForward {
  /** The recurrent layer's result. */
  readonly sequence: SequenceResult;
  /** What the head read, [rows, H]. */
  readonly features: Tensor;
  /** The head's output, [rows, outputSize]. */
  readonly logits: Tensor;
}

/** Run the layer over the batch and the head over the chosen readout. */
export function readoutForward(model: Recurrent, head: Linear, readout: Readout, batch: Batch): ReadoutForward {
  const sequence = recurrentForward(model, batch.input, { lengths: batch.lengths });
  const H = model.config.hiddenSize;
  const features = readout === 'every-step'
    ? fromData(sequence.output.data, [sequence.output.data.length / H, H])
    : fromData(sequence.hN.data.slice(sequence.hN.data.length - sequence.cache.batch * H), [sequence.cache.batch, H]);
  return { sequence, features, logits: linearForward(head, features) };
}

/** Accumulate ∂L/∂θ for the head and the layer from ∂L/∂logits; false when a gradient came out non-finite. */
export function readoutBackward(model: Recurrent, head: Linear, readout: Readout, forward: ReadoutForward, gradLogits: Tensor): boolean {
  const headGrads = linearBackward(head, forward.features, gradLogits);
  accumulateGrads(linearParameters(head), headGrads.bias ? { weight: headGrads.weight, bias: headGrads.bias } : { weight: headGrads.weight });
  const upstream = readout === 'every-step'
    ? { gradOutput: fromData(headGrads.input.data, forward.sequence.output.shape) }
    : { gradHN: fromData(headGrads.input.data, forward.sequence.hN.shape) };
  const back = recurrentBackward(model, forward.sequence, upstream);
  if (!back.finite) return false;
  accumulateGrads(model.parameters, back.grads);
  return true;
}
