/**
 * Weight initialisers with torch.nn.init's formulas, writing into a FloatArray from a passed Random.
 * Our random stream is not torch's, so values differ; the distributions are the same.
 *
 *   fan_in = shape[1]·r,  fan_out = shape[0]·r,  r = Π shape[2:]      (torch's _calculate_fan_in_and_fan_out)
 *   default recurrent:  U(−1/√H, 1/√H)
 *   Xavier:   uniform bound = gain·√(6 / (fan_in + fan_out)),  normal std = gain·√(2 / (fan_in + fan_out))
 *   Kaiming:  std = gain / √fan,  uniform bound = √3 · std
 *   orthogonal: Q of the QR of a Gaussian [rows, Π shape[1:]] matrix, columns multiplied by sign(diag R)
 */
import type { FloatArray } from '../tensor.ts';
import type { Random } from '../random.ts';

/** Nonlinearities that torch.nn.init.calculate_gain knows. */
export type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/** Options for the Kaiming (He) initialisers; defaults are torch's. */
export interface KaimingOptions {
  /** Negative slope of leaky_relu (default 0). */
  readonly a?: number;
  /** Preserve the variance of the forward pass ('fan_in', default) or of the backward pass ('fan_out'). */
  readonly mode?: 'fan_in' | 'fan_out';
  /** The nonlinearity that follows (default 'leaky_relu', as torch). */
  readonly nonlinearity?: Nonlinearity;
}

function assertLength(data: FloatArray, shape: readonly number[]): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new RangeError(`data has ${data.length} elements, shape [${shape.join(', ')}] needs ${size}`);
}

/** The recommended gain for a nonlinearity, as torch.nn.init.calculate_gain (param is leaky_relu's slope, default 0.01). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear': case 'conv1d': case 'conv2d': case 'conv3d': case 'sigmoid': return 1;
    case 'tanh': return 5 / 3;
    case 'relu': return Math.SQRT2;
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu': return 3 / 4;
    default: throw new RangeError(`unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/** fan_in and fan_out of a weight shape (at least 2-D), as torch's _calculate_fan_in_and_fan_out. */
export function fanInOut(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) throw new RangeError(`fan in and fan out need a shape with ≥ 2 dimensions, got [${shape.join(', ')}]`);
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
}

/** Fill data with draws from U(low, high). */
export function uniformInit(data: FloatArray, low: number, high: number, random: Random): FloatArray {
  if (!(low <= high)) throw new RangeError(`uniform needs low ≤ high, got [${low}, ${high})`);
  for (let i = 0; i < data.length; i++) data[i] = random.uniform(low, high);
  return data;
}

/** Fill data with draws from N(mean, std²). */
export function normalInit(data: FloatArray, mean: number, std: number, random: Random): FloatArray {
  if (!(std >= 0)) throw new RangeError(`normal needs std ≥ 0, got ${std}`);
  for (let i = 0; i < data.length; i++) data[i] = random.normal(mean, std);
  return data;
}

/** PyTorch's default for RNN/LSTM/GRU weights and biases: U(−1/√H, 1/√H) with H the hidden size. */
export function recurrentDefaultInit(data: FloatArray, hiddenSize: number, random: Random): FloatArray {
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new RangeError(`hiddenSize must be an integer ≥ 1, got ${hiddenSize}`);
  const bound = 1 / Math.sqrt(hiddenSize);
  return uniformInit(data, -bound, bound, random);
}

/** Xavier (Glorot) uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)). */
export function xavierUniform(data: FloatArray, shape: readonly number[], random: Random, gain = 1): FloatArray {
  assertLength(data, shape);
  const { fanIn, fanOut } = fanInOut(shape);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniformInit(data, -bound, bound, random);
}

/** Xavier (Glorot) normal: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)). */
export function xavierNormal(data: FloatArray, shape: readonly number[], random: Random, gain = 1): FloatArray {
  assertLength(data, shape);
  const { fanIn, fanOut } = fanInOut(shape);
  return normalInit(data, 0, gain * Math.sqrt(2 / (fanIn + fanOut)), random);
}

/** The standard deviation Kaiming init targets: gain / √fan. */
export function kaimingStd(shape: readonly number[], options: KaimingOptions = {}): number {
  const { a = 0, mode = 'fan_in', nonlinearity = 'leaky_relu' } = options;
  const { fanIn, fanOut } = fanInOut(shape);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === 'fan_in' ? fanIn : fanOut);
}

/** Kaiming (He) uniform: U(−b, b) with b = √3 · gain / √fan. */
export function kaimingUniform(data: FloatArray, shape: readonly number[], random: Random, options: KaimingOptions = {}): FloatArray {
  assertLength(data, shape);
  const bound = Math.sqrt(3) * kaimingStd(shape, options);
  return uniformInit(data, -bound, bound, random);
}

/** Kaiming (He) normal: N(0, std²) with std = gain / √fan. */
export function kaimingNormal(data: FloatArray, shape: readonly number[], random: Random, options: KaimingOptions = {}): FloatArray {
  assertLength(data, shape);
  return normalInit(data, 0, kaimingStd(shape, options), random);
}

/**
 * The sign-corrected Q of a row-major [rows, cols] matrix, as torch.nn.init.orthogonal_ computes it:
 * QR by Householder reflections (of the transpose when rows < cols), then Q's columns times sign(diag R).
 * The result has orthonormal columns (rows ≥ cols) or orthonormal rows (rows < cols).
 */
export function orthogonalize(matrix: ArrayLike<number>, rows: number, cols: number): Float64Array {
  if (matrix.length !== rows * cols) throw new RangeError(`matrix has ${matrix.length} elements, [${rows}, ${cols}] needs ${rows * cols}`);
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const n = tall ? cols : rows;
  // A is m × n (m ≥ n), row-major; it becomes R above the diagonal as the reflections are applied.
  const A = new Float64Array(m * n);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) A[tall ? r * n + c : c * n + r] = matrix[r * cols + c]!;
  const reflectors: Float64Array[] = [];
  const diagR = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // v = x + sign(x₀)‖x‖e₀ maps column k below the diagonal onto a multiple of e₀, with R_kk = −sign(x₀)‖x‖.
    const v = new Float64Array(m - k);
    let normSq = 0;
    for (let i = k; i < m; i++) { v[i - k] = A[i * n + k]!; normSq += v[i - k]! * v[i - k]!; }
    const norm = Math.sqrt(normSq);
    const sign = v[0]! >= 0 ? 1 : -1;
    diagR[k] = -sign * norm;
    v[0]! += sign * norm;
    let vNormSq = 0;
    for (let i = 0; i < v.length; i++) vNormSq += v[i]! * v[i]!;
    // Normalised so that H = I − 2 v vᵀ; a zero column needs no reflection (v stays 0, H = I).
    if (vNormSq > 0) for (let i = 0; i < v.length; i++) v[i]! /= Math.sqrt(vNormSq);
    reflectors.push(v);
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k]! * A[i * n + j]!;
      for (let i = k; i < m; i++) A[i * n + j]! -= 2 * v[i - k]! * dot;
    }
  }
  // Q = H₀ H₁ … H_{n−1} applied to the first n columns of the identity, right to left.
  const Q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) Q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = reflectors[k]!;
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k]! * Q[i * n + j]!;
      for (let i = k; i < m; i++) Q[i * n + j]! -= 2 * v[i - k]! * dot;
    }
  }
  // torch: q *= sign(diag(r)), which makes the factorisation unique (R with a positive diagonal).
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const q = Q[i * n + j]! * (diagR[j]! < 0 ? -1 : diagR[j]! > 0 ? 1 : 0);
      if (tall) out[i * cols + j] = q;
      else out[j * cols + i] = q;
    }
  }
  return out;
}

/** Orthogonal init, as torch.nn.init.orthogonal_: a sign-corrected Q from a Gaussian matrix, times gain. */
export function orthogonalInit(data: FloatArray, shape: readonly number[], random: Random, gain = 1): FloatArray {
  if (shape.length < 2) throw new RangeError(`orthogonal init needs a shape with ≥ 2 dimensions, got [${shape.join(', ')}]`);
  assertLength(data, shape);
  const rows = shape[0]!;
  const cols = data.length / rows;
  const gaussian = new Float64Array(rows * cols);
  for (let i = 0; i < gaussian.length; i++) gaussian[i] = random.normal();
  const q = orthogonalize(gaussian, rows, cols);
  for (let i = 0; i < q.length; i++) data[i] = gain * q[i]!;
  return data;
}

/** Set the forget-gate block f (entries H…2H−1, gate order i,f,g,o) of an LSTM bias_ih or bias_hh [4H] to value. */
export function setForgetGateBias(bias: FloatArray, hiddenSize: number, value = 1): FloatArray {
  if (bias.length !== 4 * hiddenSize) throw new RangeError(`LSTM bias has ${bias.length} elements, expected 4·hiddenSize = ${4 * hiddenSize}`);
  bias.fill(value, hiddenSize, 2 * hiddenSize);
  return bias;
}
