/**
 * A named trainable tensor with its gradient, the unit that optimizers and clipping work on.
 * Names follow PyTorch's state-dict keys (weight_ih_l0, bias_hh_l1_reverse, weight, bias, …).
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';

/** A trainable tensor: its value and the gradient accumulated for it, both row-major. */
export interface Parameter {
  /** PyTorch state-dict key, e.g. "weight_hh_l0". */
  readonly name: string;
  /** Shape of value and grad. */
  readonly shape: readonly number[];
  /** Current value; optimizers update it in place. */
  readonly value: FloatArray;
  /** Accumulated gradient, same length as value; zeroed by zeroGrad. */
  readonly grad: FloatArray;
}

/** A parameter holding the given value, with a zero gradient of the same dtype. */
export function createParameter(name: string, shape: readonly number[], value: FloatArray): Parameter {
  let size = 1;
  for (const dim of shape) size *= dim;
  if (value.length !== size) throw new RangeError(`${name}: value has ${value.length} elements, shape [${shape.join(', ')}] needs ${size}`);
  return { name, shape: [...shape], value, grad: allocate(size, dtypeOf(value)) };
}

/** Reset every parameter's gradient to zero (PyTorch's optimizer.zero_grad(set_to_none=False)). */
export function zeroGrad(parameters: readonly Parameter[]): void {
  for (const parameter of parameters) parameter.grad.fill(0);
}

/** Add gradients keyed by parameter name into the parameters' grad buffers; unknown or missing keys throw. */
export function accumulateGrads(parameters: readonly Parameter[], grads: Readonly<Record<string, ArrayLike<number>>>): void {
  const known = new Set(parameters.map((p) => p.name));
  for (const key of Object.keys(grads)) if (!known.has(key)) throw new RangeError(`gradient for unknown parameter "${key}"`);
  for (const parameter of parameters) {
    const grad = grads[parameter.name];
    if (!grad) throw new RangeError(`missing gradient for parameter "${parameter.name}"`);
    if (grad.length !== parameter.grad.length) throw new RangeError(`gradient for "${parameter.name}" has ${grad.length} elements, expected ${parameter.grad.length}`);
    for (let i = 0; i < grad.length; i++) parameter.grad[i]! += grad[i]!;
  }
}
