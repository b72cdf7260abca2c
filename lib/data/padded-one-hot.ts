/**
 * A batch of id sequences of different lengths as one time-major tensor of one-hot rows, padded
 * with zero rows to the longest sequence, and the true lengths beside it. The recurrent layer then
 * treats every step past a sequence's length as padding (pack_padded_sequence semantics, see
 * lib/nn/sequence.ts): the state is carried unchanged and the output there is 0.
 */
import { allocate, fromData, type DType, type Tensor } from '../tensor.ts';

/** The padded one-hot input [T, B, V] and each sequence's length. */
export interface PaddedBatch {
  readonly input: Tensor;
  readonly lengths: number[];
}

/** One-hot encode and pad sequences of ids in 0 … vocabularySize−1; empty sequences and bad ids throw. */
export function paddedOneHot(sequences: readonly (readonly number[])[], vocabularySize: number, dtype: DType = 'float64'): PaddedBatch {
  if (sequences.length === 0) throw new RangeError('a batch needs at least one sequence');
  const lengths = sequences.map((ids, b) => {
    if (ids.length === 0) throw new RangeError(`sequence ${b} is empty`);
    return ids.length;
  });
  const T = Math.max(...lengths);
  const B = sequences.length;
  const data = allocate(T * B * vocabularySize, dtype);
  sequences.forEach((ids, b) => ids.forEach((id, t) => {
    if (!Number.isInteger(id) || id < 0 || id >= vocabularySize) throw new RangeError(`id ${id} at step ${t} of sequence ${b} is outside 0 … ${vocabularySize - 1}`);
    data[(t * B + b) * vocabularySize + id] = 1;
  }));
  return { input: fromData(data, [T, B, vocabularySize]), lengths };
}

/** Targets laid out time-major (row t·B + b), with ignoreIndex past each sequence's end. */
export function paddedTargets(sequences: readonly (readonly number[])[], steps: number, ignoreIndex = -100): Int32Array {
  const B = sequences.length;
  const targets = new Int32Array(steps * B).fill(ignoreIndex);
  sequences.forEach((ids, b) => ids.forEach((id, t) => { targets[t * B + b] = id; }));
  return targets;
}
