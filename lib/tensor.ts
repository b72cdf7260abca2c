/**
 * Dense tensors: a flat typed array plus a row-major shape, as in PyTorch's contiguous layout.
 * float64 is the default (teaching widgets, tests); float32 is the speed path.
 */

/** Element type of a tensor. */
export type DType = 'float64' | 'float32';

/** The flat storage behind a tensor. */
export type FloatArray = Float64Array | Float32Array;

/** A nested JavaScript array of numbers, as torch's `.tolist()` produces. */
export type NestedNumbers = number | NestedNumbers[];

/** A dense row-major tensor. */
export interface Tensor {
  /** Size of each dimension, outermost first. */
  readonly shape: readonly number[];
  /** Elements in row-major order; length equals the product of shape. */
  readonly data: FloatArray;
}

/** Number of elements of a shape (1 for a scalar shape []). */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

/** A zero-filled typed array of the given dtype. */
export function allocate(length: number, dtype: DType = 'float64'): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** The dtype of a typed array. */
export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float32Array ? 'float32' : 'float64';
}

/** A zero tensor of the given shape. */
export function zeros(shape: readonly number[], dtype: DType = 'float64'): Tensor {
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0) throw new RangeError(`invalid shape [${shape.join(', ')}]`);
  }
  return { shape: [...shape], data: allocate(sizeOf(shape), dtype) };
}

/** Wrap existing data in a tensor, checking that its length matches the shape. */
export function fromData(data: FloatArray, shape: readonly number[]): Tensor {
  if (data.length !== sizeOf(shape)) {
    throw new RangeError(`data of length ${data.length} does not fit shape [${shape.join(', ')}]`);
  }
  return { shape: [...shape], data };
}

/** Build a tensor from a nested array (torch's `.tolist()`); ragged input throws, naming the path. */
export function fromNested(value: NestedNumbers, dtype: DType = 'float64', name = 'tensor'): Tensor {
  const shape: number[] = [];
  let probe: NestedNumbers = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0]!;
  }
  const data = allocate(sizeOf(shape), dtype);
  let offset = 0;
  const walk = (node: NestedNumbers, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') throw new TypeError(`${name}${path} is not a number`);
      data[offset++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new RangeError(`${name}${path} is ragged: expected length ${shape[depth]}`);
    }
    node.forEach((child, index) => walk(child, depth + 1, `${path}[${index}]`));
  };
  walk(value, 0, '');
  return { shape, data };
}

/** Turn a tensor back into a nested array, the inverse of fromNested. */
export function toNested(tensor: Tensor): NestedNumbers {
  const { shape, data } = tensor;
  if (shape.length === 0) return data[0]!;
  let offset = 0;
  const build = (depth: number): NestedNumbers[] => {
    const out: NestedNumbers[] = [];
    for (let i = 0; i < shape[depth]!; i++) {
      out.push(depth === shape.length - 1 ? data[offset++]! : build(depth + 1));
    }
    return out;
  };
  return build(0);
}

/** Throw a RangeError naming the tensor when its shape differs from the expected one. */
export function assertShape(name: string, tensor: Tensor, expected: readonly number[]): void {
  const same = tensor.shape.length === expected.length && tensor.shape.every((dim, i) => dim === expected[i]);
  if (!same) {
    throw new RangeError(`${name} has shape [${tensor.shape.join(', ')}], expected [${expected.join(', ')}]`);
  }
}

/** True when every element is finite (no NaN, no ±Infinity). */
export function allFinite(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) return false;
  return true;
}
