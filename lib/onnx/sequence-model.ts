/**
 * The core model that lib/onnx exports and imports: a recurrent stack (nn.RNN / nn.LSTM / nn.GRU, any
 * number of layers, optionally bidirectional and batch-first) with an optional Linear head on every step,
 * i.e. PyTorch's `fc(rnn(x)[0])`.
 */
import type { Recurrent } from '../nn/recurrent.ts';
import { linearForward, type Linear } from '../nn/linear.ts';
import { recurrentForward } from '../nn/sequence.ts';
import type { Tensor } from '../tensor.ts';

/** A recurrent stack and the Linear head applied to its output at every step (null: the stack's output itself). */
export interface SequenceModel {
  /** The stack; its config.batchFirst says whether input and output are [B, T, ·]. */
  readonly recurrent: Recurrent;
  /** The head, in features = directions · H; null when the model ends at the stack. */
  readonly head: Linear | null;
}

/** The model's output for input [T, B, D] ([B, T, D] if batch-first): fc(rnn(x).output), zero initial state. */
export function sequenceModelForward(model: SequenceModel, input: Tensor): Tensor {
  const { output } = recurrentForward(model.recurrent, input);
  return model.head ? linearForward(model.head, output) : output;
}
