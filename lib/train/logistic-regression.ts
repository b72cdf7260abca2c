/**
 * Logistic regression by full-batch gradient descent, the classic baseline for text classification
 * on TF-IDF features:
 *
 *   p(spam | x) = σ(w·x + b)        L = mean BCE(p, y) + (λ/2) ‖w‖²
 *   ∂L/∂w = mean (p − y) x + λ w    ∂L/∂b = mean (p − y)
 *
 * Weights start at zero and the steps are fixed, so the fit is deterministic.
 */

/** A fitted model: one weight per feature and a bias. */
export interface LogisticRegression {
  readonly weights: Float64Array;
  readonly bias: number;
}

/** Options of fitLogisticRegression. */
export interface LogisticOptions {
  /** Gradient-descent steps (default 500). */
  readonly iterations?: number;
  /** Step size (default 1). */
  readonly learningRate?: number;
  /** L2 penalty λ (default 1e-3). */
  readonly l2?: number;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** P(label 1) for one feature row. */
export function logisticProbability(model: LogisticRegression, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < row.length; j++) z += model.weights[j]! * row[j]!;
  return sigmoid(z);
}

/** Fit on feature rows (equal lengths) and 0/1 labels. */
export function fitLogisticRegression(rows: readonly (readonly number[])[], labels: readonly number[], options: LogisticOptions = {}): LogisticRegression {
  const { iterations = 500, learningRate = 1, l2 = 1e-3 } = options;
  if (rows.length === 0 || rows.length !== labels.length) throw new RangeError(`need matching rows and labels, got ${rows.length} and ${labels.length}`);
  const features = rows[0]!.length;
  const weights = new Float64Array(features);
  let bias = 0;
  const gradient = new Float64Array(features);
  for (let step = 0; step < iterations; step++) {
    gradient.fill(0);
    let gradBias = 0;
    rows.forEach((row, n) => {
      const error = logisticProbability({ weights, bias }, row) - labels[n]!;
      gradBias += error;
      for (let j = 0; j < features; j++) gradient[j]! += error * row[j]!;
    });
    for (let j = 0; j < features; j++) weights[j]! -= learningRate * (gradient[j]! / rows.length + l2 * weights[j]!);
    bias -= learningRate * (gradBias / rows.length);
  }
  return { weights, bias };
}
