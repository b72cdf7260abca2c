/**
 * Losses on raw outputs (logits), each returning the loss and its gradient with respect to the input,
 * with PyTorch's reductions: 'mean' divides by the number of terms, 'sum' adds them.
 *
 *   cross-entropy:   ℓ_n = −log softmax(z_n)[y_n] = logΣ_c exp(z_nc) − z_n,y_n      ∂ℓ_n/∂z_n = softmax(z_n) − onehot(y_n)
 *   MSE:             ℓ_i = (x_i − y_i)²                                           ∂ℓ_i/∂x_i = 2 (x_i − y_i)
 *   BCE with logits: ℓ_i = max(x_i, 0) − x_i y_i + log(1 + exp(−|x_i|))           ∂ℓ_i/∂x_i = σ(x_i) − y_i
 *
 * Shapes are checked exactly (no broadcasting); non-finite inputs throw, naming the tensor.
 */
import { allFinite, allocate, dtypeOf, type Tensor } from '../tensor.ts';

/** How per-element losses are combined, as torch's `reduction` argument. */
export type Reduction = 'mean' | 'sum';

/** A loss value with its gradient with respect to the input (logits). */
export interface LossResult {
  /** The reduced loss; NaN when no term counts under 'mean' (as torch). */
  readonly loss: number;
  /** ∂loss/∂input, the input's shape. */
  readonly grad: Tensor;
  /** False when the loss or any gradient entry is NaN or ±Infinity: report it, do not step on it. */
  readonly finite: boolean;
}

/** Options for crossEntropyLoss. */
export interface CrossEntropyOptions {
  /** 'mean' (default) divides by the number of non-ignored targets; 'sum' adds. */
  readonly reduction?: Reduction;
  /** Targets equal to this class index contribute nothing (default −100, as torch). */
  readonly ignoreIndex?: number;
}

/** Options for mseLoss and bceWithLogitsLoss. */
export interface ElementwiseLossOptions {
  /** 'mean' (default) divides by the number of elements; 'sum' adds. */
  readonly reduction?: Reduction;
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function assertFinite(name: string, tensor: Tensor): void {
  if (!allFinite(tensor.data)) throw new RangeError(`${name} of shape ${shapeText(tensor.shape)} contains a non-finite value`);
}

function assertSameShape(input: Tensor, target: Tensor): void {
  const same = input.shape.length === target.shape.length && input.shape.every((d, i) => d === target.shape[i]);
  if (!same) throw new RangeError(`target has shape ${shapeText(target.shape)}, expected the input's shape ${shapeText(input.shape)}`);
}

function result(loss: number, grad: Tensor): LossResult {
  return { loss, grad, finite: Number.isFinite(loss) && allFinite(grad.data) };
}

/**
 * Softmax cross-entropy on logits [N, C] with class-index targets (length N), as F.cross_entropy.
 * With 'mean' and every target ignored the loss is NaN (0/0) and the gradient is zero, exactly as torch 1.13.
 */
export function crossEntropyLoss(logits: Tensor, targets: ArrayLike<number>, options: CrossEntropyOptions = {}): LossResult & { readonly count: number } {
  const { reduction = 'mean', ignoreIndex = -100 } = options;
  if (logits.shape.length !== 2) throw new RangeError(`logits has shape ${shapeText(logits.shape)}, expected [N, C]`);
  const [N, C] = logits.shape as [number, number];
  if (targets.length !== N) throw new RangeError(`targets has length ${targets.length}, expected N = ${N} for logits ${shapeText(logits.shape)}`);
  assertFinite('logits', logits);
  for (let n = 0; n < N; n++) {
    const y = targets[n]!;
    if (y === ignoreIndex) continue;
    if (!Number.isInteger(y) || y < 0 || y >= C) throw new RangeError(`targets[${n}] = ${y} is not a class index in [0, ${C}) nor ignoreIndex ${ignoreIndex}`);
  }
  const z = logits.data;
  const grad = allocate(N * C, dtypeOf(z));
  let total = 0;
  let count = 0;
  for (let n = 0; n < N; n++) {
    const y = targets[n]!;
    if (y === ignoreIndex) continue;
    count++;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, z[n * C + c]!);
    let sumExp = 0;
    for (let c = 0; c < C; c++) sumExp += Math.exp(z[n * C + c]! - max);
    const logSumExp = max + Math.log(sumExp);
    total += logSumExp - z[n * C + y]!;
    // Gradient of this row before reduction: softmax − onehot.
    for (let c = 0; c < C; c++) grad[n * C + c] = Math.exp(z[n * C + c]! - logSumExp) - (c === y ? 1 : 0);
  }
  // torch divides by the count of non-ignored targets; for count 0 the loss is 0/0 = NaN and the gradient stays 0.
  const scale = reduction === 'mean' ? (count > 0 ? 1 / count : 0) : 1;
  if (scale !== 1) for (let i = 0; i < grad.length; i++) grad[i]! *= scale;
  const loss = reduction === 'mean' ? total / count : total;
  return { ...result(loss, { shape: [N, C], data: grad }), count };
}

/** Mean squared error between input and target of the same shape, as F.mse_loss. */
export function mseLoss(input: Tensor, target: Tensor, options: ElementwiseLossOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  assertSameShape(input, target);
  assertFinite('input', input);
  assertFinite('target', target);
  const x = input.data;
  const y = target.data;
  const grad = allocate(x.length, dtypeOf(x));
  const scale = reduction === 'mean' ? 1 / x.length : 1;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const diff = x[i]! - y[i]!;
    total += diff * diff;
    grad[i] = 2 * diff * scale;
  }
  return result(reduction === 'mean' ? total / x.length : total, { shape: [...input.shape], data: grad });
}

/** Binary cross-entropy on logits with targets in [0, 1], in the numerically stable form, as F.binary_cross_entropy_with_logits. */
export function bceWithLogitsLoss(logits: Tensor, target: Tensor, options: ElementwiseLossOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  assertSameShape(logits, target);
  assertFinite('logits', logits);
  assertFinite('target', target);
  const x = logits.data;
  const y = target.data;
  const grad = allocate(x.length, dtypeOf(x));
  const scale = reduction === 'mean' ? 1 / x.length : 1;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    // log(1 + e^x) − x y, written so that exp never overflows: max(x,0) + log1p(e^−|x|) − x y.
    total += Math.max(xi, 0) - xi * y[i]! + Math.log1p(Math.exp(-Math.abs(xi)));
    const sigmoid = xi >= 0 ? 1 / (1 + Math.exp(-xi)) : Math.exp(xi) / (1 + Math.exp(xi));
    grad[i] = (sigmoid - y[i]!) * scale;
  }
  return result(reduction === 'mean' ? total / x.length : total, { shape: [...logits.shape], data: grad });
}
