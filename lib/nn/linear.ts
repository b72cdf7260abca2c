/**
 * Linear layer, PyTorch's nn.Linear:  y = x Wᵀ + b
 *
 *   x: [N, in]   W (weight): [out, in]   b (bias): [out]   y: [N, out]
 *
 * Backward, for an upstream gradient dy = ∂L/∂y of shape [N, out]:
 *   ∂L/∂x = dy W        [N, in]
 *   ∂L/∂W = dyᵀ x       [out, in]
 *   ∂L/∂b = Σ_n dy[n]   [out]
 *
 * Any leading dimensions are allowed, as in torch: [..., in] → [..., out], treated as N rows.
 */
import { allFinite, allocate, dtypeOf, type DType, type FloatArray, type Tensor } from '../tensor.ts';
import type { Random } from '../random.ts';
import { createParameter, type Parameter } from './parameter.ts';

/** A Linear layer's sizes and parameters, named "weight" and "bias" as in PyTorch's state dict. */
export interface Linear {
  /** Input features, the last dimension of x. */
  readonly inFeatures: number;
  /** Output features, the last dimension of y. */
  readonly outFeatures: number;
  /** Weight W, shape [outFeatures, inFeatures]. */
  readonly weight: Parameter;
  /** Bias b, shape [outFeatures]; null when the layer has no bias. */
  readonly bias: Parameter | null;
}

/** Options for createLinear. */
export interface LinearOptions {
  /** Whether the layer adds a bias (default true). */
  readonly bias?: boolean;
  /** Element type of the parameters (default 'float64'). */
  readonly dtype?: DType;
  /** Draws PyTorch's default init U(−1/√in, 1/√in) for weight and bias; without it the parameters are zero. */
  readonly random?: Random;
}

/** The gradients of a Linear layer's backward pass. */
export interface LinearGrads {
  /** ∂L/∂x, the input's shape. */
  readonly input: Tensor;
  /** ∂L/∂W, shape [out, in]. */
  readonly weight: FloatArray;
  /** ∂L/∂b, shape [out]; null when the layer has no bias. */
  readonly bias: FloatArray | null;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
}

/** A Linear layer in → out; with a Random, initialised as torch does (kaiming_uniform(a=√5) ≡ U(−1/√in, 1/√in)). */
export function createLinear(inFeatures: number, outFeatures: number, options: LinearOptions = {}): Linear {
  positiveInteger('inFeatures', inFeatures);
  positiveInteger('outFeatures', outFeatures);
  const { bias = true, dtype = 'float64', random } = options;
  const bound = 1 / Math.sqrt(inFeatures);
  const draw = (length: number): FloatArray => {
    const data = allocate(length, dtype);
    if (random) for (let i = 0; i < length; i++) data[i] = random.uniform(-bound, bound);
    return data;
  };
  return {
    inFeatures,
    outFeatures,
    weight: createParameter('weight', [outFeatures, inFeatures], draw(outFeatures * inFeatures)),
    bias: bias ? createParameter('bias', [outFeatures], draw(outFeatures)) : null,
  };
}

/** The layer's parameters in PyTorch's order (weight, then bias). */
export function linearParameters(layer: Linear): Parameter[] {
  return layer.bias ? [layer.weight, layer.bias] : [layer.weight];
}

function rowsOf(layer: Linear, name: string, tensor: Tensor, features: number): number {
  const { shape, data } = tensor;
  if (shape.length < 1 || shape[shape.length - 1] !== features) {
    throw new RangeError(`${name} has shape [${shape.join(', ')}], expected [..., ${features}] for Linear(${layer.inFeatures}, ${layer.outFeatures})`);
  }
  if (!allFinite(data)) throw new RangeError(`${name} of shape [${shape.join(', ')}] contains a non-finite value`);
  return data.length / features;
}

/** Forward pass y = x Wᵀ + b over input [..., in]; non-finite input throws. */
export function linearForward(layer: Linear, input: Tensor): Tensor {
  const { inFeatures: I, outFeatures: O } = layer;
  const rows = rowsOf(layer, 'input', input, I);
  const W = layer.weight.value;
  const b = layer.bias?.value;
  const x = input.data;
  const y = allocate(rows * O, dtypeOf(x));
  for (let n = 0; n < rows; n++) {
    for (let o = 0; o < O; o++) {
      let sum = b ? b[o]! : 0;
      for (let i = 0; i < I; i++) sum += x[n * I + i]! * W[o * I + i]!;
      y[n * O + o] = sum;
    }
  }
  return { shape: [...input.shape.slice(0, -1), O], data: y };
}

/** Backward pass: from the forward input and ∂L/∂y, return ∂L/∂x, ∂L/∂W and ∂L/∂b (a pure function). */
export function linearBackward(layer: Linear, input: Tensor, gradOutput: Tensor): LinearGrads {
  const { inFeatures: I, outFeatures: O } = layer;
  const rows = rowsOf(layer, 'input', input, I);
  const gradRows = rowsOf(layer, 'gradOutput', gradOutput, O);
  const leading = input.shape.slice(0, -1).join(', ');
  if (gradRows !== rows || gradOutput.shape.slice(0, -1).join(', ') !== leading) {
    throw new RangeError(`gradOutput has shape [${gradOutput.shape.join(', ')}], expected [${leading ? `${leading}, ` : ''}${O}]`);
  }
  const W = layer.weight.value;
  const x = input.data;
  const dy = gradOutput.data;
  const dtype = dtypeOf(W);
  const dx = allocate(rows * I, dtypeOf(x));
  const dW = allocate(O * I, dtype);
  const db = layer.bias ? allocate(O, dtype) : null;
  for (let n = 0; n < rows; n++) {
    for (let o = 0; o < O; o++) {
      const g = dy[n * O + o]!;
      if (db) db[o]! += g;
      for (let i = 0; i < I; i++) {
        dx[n * I + i]! += g * W[o * I + i]!;
        dW[o * I + i]! += g * x[n * I + i]!;
      }
    }
  }
  return { input: { shape: [...input.shape], data: dx }, weight: dW, bias: db };
}
