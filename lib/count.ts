/**
 * Parameter counts, equal to PyTorch's `sum(p.numel() for p in module.parameters())`.
 *
 * A recurrent layer with G gate blocks (RNN 1, GRU 3, LSTM 4), input size D and hidden size H has
 *   weight_ih: G·H × D,  weight_hh: G·H × H,  bias_ih: G·H,  bias_hh: G·H
 * per direction. Layers after the first see D = H · directions.
 */

/** Which recurrent cell a layer uses. */
export type CellKind = 'RNN' | 'LSTM' | 'GRU';

/** How a layer's biases are counted: PyTorch's two vectors, one merged vector, or none. */
export type BiasMode = 'two' | 'one' | 'none';

/** The sizes that decide a recurrent stack's parameter count. */
export interface RecurrentCountConfig {
  /** Which cell: RNN, LSTM or GRU. */
  readonly kind: CellKind;
  /** Features per time step, D_in. */
  readonly inputSize: number;
  /** Hidden units per direction, D_h. */
  readonly hiddenSize: number;
  /** Stacked layers (default 1). */
  readonly numLayers?: number;
  /** Run a second, reversed direction per layer (default false). */
  readonly bidirectional?: boolean;
  /** Bias vectors per cell (default 'two', as PyTorch). */
  readonly bias?: BiasMode;
}

/** Gate blocks stacked in each weight matrix: RNN 1, GRU 3 (r,z,n), LSTM 4 (i,f,g,o). */
export function gateCount(kind: CellKind): number {
  return kind === 'LSTM' ? 4 : kind === 'GRU' ? 3 : 1;
}

function assertSize(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Parameters of a recurrent stack (RNN, LSTM or GRU), as PyTorch counts them. */
export function recurrentParameterCount(config: RecurrentCountConfig): number {
  const { kind, inputSize, hiddenSize, numLayers = 1, bidirectional = false, bias = 'two' } = config;
  assertSize('inputSize', inputSize, 1);
  assertSize('hiddenSize', hiddenSize, 1);
  assertSize('numLayers', numLayers, 1);
  const gates = gateCount(kind);
  const directions = bidirectional ? 2 : 1;
  const biasVectors = bias === 'two' ? 2 : bias === 'one' ? 1 : 0;
  let total = 0;
  for (let layer = 0; layer < numLayers; layer++) {
    const layerInput = layer === 0 ? inputSize : hiddenSize * directions;
    const perDirection = gates * hiddenSize * (layerInput + hiddenSize + biasVectors);
    total += perDirection * directions;
  }
  return total;
}

/** Parameters of a Linear layer (in → out), with or without bias. */
export function linearParameterCount(inFeatures: number, outFeatures: number, bias = true): number {
  assertSize('inFeatures', inFeatures, 1);
  assertSize('outFeatures', outFeatures, 1);
  return outFeatures * inFeatures + (bias ? outFeatures : 0);
}

/** A feed-forward layer on the flattened sequence: (T·D_in) → D_h. */
export function feedForwardParameterCount(sequenceLength: number, inputSize: number, hiddenSize: number, bias = true): number {
  assertSize('sequenceLength', sequenceLength, 1);
  return linearParameterCount(sequenceLength * inputSize, hiddenSize, bias);
}

/** A 1-D convolution over time with D_in channels in, D_h out, and the given kernel width. */
export function conv1dParameterCount(inputSize: number, hiddenSize: number, kernelSize = 3, bias = true): number {
  assertSize('inputSize', inputSize, 1);
  assertSize('hiddenSize', hiddenSize, 1);
  assertSize('kernelSize', kernelSize, 1);
  return hiddenSize * inputSize * kernelSize + (bias ? hiddenSize : 0);
}
