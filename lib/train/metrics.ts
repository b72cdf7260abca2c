/**
 * Scores for predictions on held-out data.
 *
 *   accuracy  = (TP + TN) / n        precision = TP / (TP + FP)        recall = TP / (TP + FN)
 *   RMSE      = √(mean (ŷ − y)²)     MAE       = mean |ŷ − y|
 *
 * Precision is undefined (null) when nothing was predicted positive, recall when there is no
 * positive example: reporting 0 or NaN there would be a lie of a different kind.
 */

/** Accuracy, precision and recall of binary predictions, with the confusion counts. */
export interface BinaryMetrics {
  readonly accuracy: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

/** Metrics of predicted labels against true labels (both 0/1 or booleans, same length ≥ 1). */
export function binaryMetrics(predicted: readonly (number | boolean)[], actual: readonly (number | boolean)[]): BinaryMetrics {
  if (predicted.length !== actual.length) throw new RangeError(`${predicted.length} predictions for ${actual.length} labels`);
  if (predicted.length === 0) throw new RangeError('metrics need at least one example');
  let tp = 0, fp = 0, tn = 0, fn = 0;
  predicted.forEach((p, i) => {
    const yes = Boolean(p);
    const truth = Boolean(actual[i]);
    if (yes && truth) tp++;
    else if (yes) fp++;
    else if (truth) fn++;
    else tn++;
  });
  return {
    accuracy: (tp + tn) / predicted.length,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn,
  };
}

/** Root-mean-square and mean absolute error of predictions against actual values. */
export interface RegressionErrors {
  readonly rmse: number;
  readonly mae: number;
}

/** RMSE and MAE (same length ≥ 1). */
export function regressionErrors(predicted: readonly number[], actual: readonly number[]): RegressionErrors {
  if (predicted.length !== actual.length) throw new RangeError(`${predicted.length} predictions for ${actual.length} values`);
  if (predicted.length === 0) throw new RangeError('errors need at least one value');
  let squares = 0;
  let absolutes = 0;
  predicted.forEach((p, i) => {
    const diff = p - actual[i]!;
    squares += diff * diff;
    absolutes += Math.abs(diff);
  });
  return { rmse: Math.sqrt(squares / predicted.length), mae: absolutes / predicted.length };
}
