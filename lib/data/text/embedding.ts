/**
 * Word embeddings as a lookup table: a matrix E with one row of D_e numbers per vocabulary word.
 * A word's vector is simply its row, E[id], which is what an RNN reads as x_t. nn.Embedding(V, D_e)
 * is exactly this: weight has shape [V, D_e] and is initialised from N(0, 1). Trained embeddings
 * (Mikolov et al. 2013) place words used in similar contexts near each other; here E is random.
 */
import type { Random } from '../../random.ts';
import { zeros, type Tensor } from '../../tensor.ts';

/** An embedding table E, row-major [numEmbeddings, embeddingDim], as nn.Embedding's weight. */
export interface EmbeddingTable {
  /** V: how many rows (vocabulary words). */
  readonly numEmbeddings: number;
  /** D_e: numbers per word. */
  readonly embeddingDim: number;
  /** E, shape [V, D_e]. */
  readonly weight: Tensor;
}

/** A table with every entry drawn from N(0, 1), nn.Embedding's default initialisation. */
export function createEmbedding(numEmbeddings: number, embeddingDim: number, random: Random): EmbeddingTable {
  for (const [name, size] of [['numEmbeddings', numEmbeddings], ['embeddingDim', embeddingDim]] as const) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${size}`);
  }
  const weight = zeros([numEmbeddings, embeddingDim]);
  for (let i = 0; i < weight.data.length; i++) weight.data[i] = random.normal();
  return { numEmbeddings, embeddingDim, weight };
}

/** The rows E[id] for a sequence of ids: a [T, D_e] list of vectors. An id outside 0 … V − 1 throws. */
export function embeddingLookup(table: EmbeddingTable, ids: readonly number[]): number[][] {
  const { numEmbeddings: size, embeddingDim: dim, weight } = table;
  return ids.map((id) => {
    if (!Number.isInteger(id) || id < 0 || id >= size) throw new RangeError(`index ${id} is out of range for an embedding of ${size} rows`);
    return Array.from(weight.data.subarray(id * dim, (id + 1) * dim));
  });
}
