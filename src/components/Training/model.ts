/**
 * The chapter's model: nn.RNN(D_in, H) with tanh and a Linear head H → D_out, PyTorch's default
 * initialisation drawn from a seed with lib's generator, every weight rounded to two decimals so the
 * PyTorch block can print the starting weights exactly and reproduce every loss.
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { createLinear, type Linear } from '../../../lib/nn/linear.ts';
import { trainableParameters } from '../../../lib/train/trainer.ts';
import type { Parameter } from '../../../lib/nn/parameter.ts';

/** An RNN layer and its Linear head. */
export interface SequenceModel {
  readonly rnn: Recurrent;
  readonly head: Linear;
  /** Every parameter in torch's order: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight, bias. */
  readonly parameters: readonly Parameter[];
}

/** Round to two decimals. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A seeded model D_in → H → D_out, weights rounded to two decimals. */
export function createSequenceModel(seed: number, inputSize: number, hiddenSize: number, outputSize: number): SequenceModel {
  const random = createRandom(seed);
  const rnn = createRNN({ inputSize, hiddenSize, random });
  const head = createLinear(hiddenSize, outputSize, { random });
  const parameters = trainableParameters(rnn, head);
  for (const parameter of parameters) {
    for (let i = 0; i < parameter.value.length; i++) parameter.value[i] = round2(parameter.value[i]!) + 0; // + 0 turns −0 into 0
  }
  return { rnn, head, parameters };
}

/** All parameter values, concatenated in torch's order (a snapshot). */
export function snapshotParameters(model: SequenceModel): Float64Array {
  const total = model.parameters.reduce((sum, p) => sum + p.value.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const p of model.parameters) {
    out.set(p.value, offset);
    offset += p.value.length;
  }
  return out;
}

/** Write a snapshot back into the model's parameters. */
export function restoreParameters(model: SequenceModel, snapshot: Float64Array): void {
  let offset = 0;
  for (const p of model.parameters) {
    p.value.set(snapshot.subarray(offset, offset + p.value.length));
    offset += p.value.length;
  }
}
