/**
 * The chapter's exploding example: a ReLU RNN whose W_hh is ρ·Q (Q orthogonal, so every eigenvalue has
 * magnitude ρ), a Linear head on the last state, and a seeded batch of sequences. Every draw goes through
 * lib's seeded generator and initialisers, so the same settings always rebuild the same model and data.
 *
 * Task: after T steps, output the first input x_1 (mean squared error over the batch).
 */
import { createRandom } from '../../../lib/random.ts';
import { createRNN, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { createLinear, linearParameters, type Linear } from '../../../lib/nn/linear.ts';
import { orthogonalInit } from '../../../lib/nn/init.ts';
import type { Parameter } from '../../../lib/nn/parameter.ts';
import { fromData, type Tensor } from '../../../lib/tensor.ts';

/** Fixed sizes of the example: batch B, steps T, hidden units H, one input feature. */
export const EXAMPLE_SIZES = { batch: 4, steps: 30, hiddenSize: 8, inputSize: 1 } as const;

/** A model, its head, inputs [T, B, 1] and targets [B, 1]. */
export interface ExplodingExample {
  readonly rnn: Recurrent;
  readonly head: Linear;
  readonly input: Tensor;
  readonly target: Tensor;
  /** The RNN's parameters, then the head's: the order torch's model.parameters() gives. */
  readonly parameters: readonly Parameter[];
}

/** Build the example for a spectral radius ρ and a seed. Draw order: RNN default init, W_hh, head, inputs. */
export function explodingExample(spectralRadius: number, seed: number): ExplodingExample {
  const { batch: B, steps: T, hiddenSize: H, inputSize: D } = EXAMPLE_SIZES;
  const random = createRandom(seed);
  const rnn = createRNN({ inputSize: D, hiddenSize: H, nonlinearity: 'relu', random });
  orthogonalInit(rnn.cells[0]![0]!.weightHh.value, [H, H], random, spectralRadius);
  const head = createLinear(H, 1, { random });
  const x = Float64Array.from({ length: T * B * D }, () => random.normal());
  const y = Float64Array.from({ length: B }, (_, b) => x[b * D]!);
  return { rnn, head, input: fromData(x, [T, B, D]), target: fromData(y, [B, 1]), parameters: [...rnn.parameters, ...linearParameters(head)] };
}
