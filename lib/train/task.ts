/**
 * What a training session needs from a task: sizes, where the head reads the recurrent layer, the
 * examples of each split, and how a list of examples becomes a batch with its loss.
 */
import type { LossResult } from '../nn/loss.ts';
import type { Tensor } from '../tensor.ts';

/** Where the Linear head reads: every time step (many-to-many) or the last valid step, h_n (many-to-one). */
export type Readout = 'every-step' | 'last-step';

/** A batch ready for the model: input [T, B, D], valid lengths, and the loss on the head's logits. */
export interface Batch {
  /** Input, time-major [T, B, D]. */
  readonly input: Tensor;
  /** Valid steps per sequence (pack_padded_sequence semantics), or null when all are T long. */
  readonly lengths: readonly number[] | null;
  /** Loss and gradient for logits [rows, outputSize]: rows = T·B (every-step) or B (last-step). */
  loss(logits: Tensor): LossResult & { readonly count: number };
}

/** A supervised sequence task. */
export interface TrainingTask<Example = unknown> {
  /** A short id: "names", "stocks", "spam". */
  readonly id: string;
  /** Features per time step, D. */
  readonly inputSize: number;
  /** Outputs of the head per row. */
  readonly outputSize: number;
  /** Where the head reads. */
  readonly readout: Readout;
  /** Training examples. */
  readonly train: readonly Example[];
  /** Held-out examples for the validation loss. */
  readonly validation: readonly Example[];
  /** Build a batch from examples (in the given order). */
  makeBatch(examples: readonly Example[]): Batch;
}
