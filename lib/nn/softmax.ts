/**
 * softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, the output function for one class out of several.
 * Computed as e^{z − max z} / Σ e^{z − max z}: the shift cancels in the ratio and keeps e^{z} from overflowing.
 * Its gradient is not needed on its own: cross-entropy on logits (loss.ts) folds it in as softmax − onehot.
 */

/** softmax of one vector of logits; a non-finite logit throws, naming its position. */
export function softmax(logits: ArrayLike<number>): number[] {
  if (logits.length === 0) throw new RangeError('softmax needs at least one logit');
  let top = -Infinity;
  for (let k = 0; k < logits.length; k++) {
    const z = logits[k]!;
    if (!Number.isFinite(z)) throw new RangeError(`softmax: logit ${k} is ${z}`);
    if (z > top) top = z;
  }
  const exps = Array.from(logits, (z) => Math.exp(z - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}
