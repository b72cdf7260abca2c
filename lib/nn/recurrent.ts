/**
 * A recurrent stack, nn.RNN / nn.LSTM / nn.GRU: its options, its parameters under PyTorch's state-dict
 * keys, and loading and saving state dicts. Running it over sequences is in sequence.ts.
 *
 * For layer k and direction d (suffix "_reverse" for the backward direction of a bidirectional stack):
 *   weight_ih_l{k}   [G·H, D_k]     D_0 = inputSize, D_k = H · directions for k ≥ 1
 *   weight_hh_l{k}   [G·H, H]
 *   bias_ih_l{k}     [G·H]          (absent when bias is false)
 *   bias_hh_l{k}     [G·H]
 * in that order, layer by layer and forward before reverse, which is PyTorch's parameters() order.
 */
import { allocate, dtypeOf, fromData, fromNested, type DType, type FloatArray, type NestedNumbers, type Tensor } from '../tensor.ts';
import { gateCount, type CellKind } from '../count.ts';
import type { Random } from '../random.ts';
import { createParameter, type Parameter } from './parameter.ts';
import { maybeActivation, type Activation } from './activation.ts';
import type { CellParams } from './cell.ts';

/** Options of a recurrent stack, with PyTorch's meanings and defaults. */
export interface RecurrentOptions {
  /** Features per time step of the input, D (PyTorch input_size). */
  readonly inputSize: number;
  /** Hidden units per direction, H (hidden_size). */
  readonly hiddenSize: number;
  /** Stacked layers (num_layers, default 1). */
  readonly numLayers?: number;
  /** Whether each cell has b_ih and b_hh (bias, default true). */
  readonly bias?: boolean;
  /** Input and output are [B, T, ·] instead of [T, B, ·] (batch_first, default false); h_n is never batch-first. */
  readonly batchFirst?: boolean;
  /** Add a second direction that reads the sequence backwards (bidirectional, default false). */
  readonly bidirectional?: boolean;
  /** RNN only: 'tanh' (default), 'relu', or a custom { f, df } (nonlinearity). */
  readonly nonlinearity?: 'tanh' | 'relu' | Activation;
  /** Element type of parameters and activations (default 'float64'). */
  readonly dtype?: DType;
  /** Draws PyTorch's default init U(−1/√H, 1/√H) for every parameter; without it parameters start at zero. */
  readonly random?: Random;
}

/** The options of a stack after defaults are filled in. */
export interface RecurrentConfig {
  /** RNN, LSTM or GRU. */
  readonly kind: CellKind;
  /** D. */
  readonly inputSize: number;
  /** H. */
  readonly hiddenSize: number;
  /** Stacked layers. */
  readonly numLayers: number;
  /** Whether cells have biases. */
  readonly bias: boolean;
  /** Batch-first input and output. */
  readonly batchFirst: boolean;
  /** Two directions per layer. */
  readonly bidirectional: boolean;
  /** Directions per layer, 1 or 2. */
  readonly directions: number;
  /** Gate blocks G: RNN 1, GRU 3, LSTM 4. */
  readonly gates: number;
  /** The RNN nonlinearity (tanh for LSTM and GRU, where it is unused). */
  readonly activation: Activation;
  /** Element type. */
  readonly dtype: DType;
}

/** The parameters of one direction of one layer. */
export interface RecurrentCellParameters {
  /** weight_ih_l{k}[_reverse], [G·H, D_k]. */
  readonly weightIh: Parameter;
  /** weight_hh_l{k}[_reverse], [G·H, H]. */
  readonly weightHh: Parameter;
  /** bias_ih_l{k}[_reverse], [G·H], or null. */
  readonly biasIh: Parameter | null;
  /** bias_hh_l{k}[_reverse], [G·H], or null. */
  readonly biasHh: Parameter | null;
}

/** A recurrent stack: configuration and parameters. */
export interface Recurrent {
  /** Sizes and options. */
  readonly config: RecurrentConfig;
  /** cells[layer][direction], direction 0 forward and 1 reverse. */
  readonly cells: readonly (readonly RecurrentCellParameters[])[];
  /** Every parameter in PyTorch's parameters() order, for optimizers and clipping. */
  readonly parameters: readonly Parameter[];
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
}

/** The state-dict key suffix of a layer and direction, e.g. "_l1_reverse". */
export function parameterSuffix(layer: number, direction: number): string {
  return `_l${layer}${direction === 1 ? '_reverse' : ''}`;
}

/** A recurrent stack of the given kind; with options.random, initialised as PyTorch does. */
export function createRecurrent(kind: CellKind, options: RecurrentOptions): Recurrent {
  const { inputSize, hiddenSize, numLayers = 1, bias = true, batchFirst = false, bidirectional = false, dtype = 'float64', random } = options;
  if (kind !== 'RNN' && kind !== 'LSTM' && kind !== 'GRU') throw new RangeError(`unknown recurrent kind ${String(kind)}`);
  positiveInteger('inputSize', inputSize);
  positiveInteger('hiddenSize', hiddenSize);
  positiveInteger('numLayers', numLayers);
  if (dtype !== 'float64' && dtype !== 'float32') throw new RangeError(`dtype must be 'float64' or 'float32', got ${String(dtype)}`);
  if (kind !== 'RNN' && options.nonlinearity !== undefined) throw new RangeError(`nonlinearity applies to RNN only, not ${kind}`);
  const activation = maybeActivation(options.nonlinearity);
  const directions = bidirectional ? 2 : 1;
  const gates = gateCount(kind);
  const config: RecurrentConfig = { kind, inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional, directions, gates, activation, dtype };
  const bound = 1 / Math.sqrt(hiddenSize);
  const make = (name: string, shape: number[]): Parameter => {
    const value = allocate(shape.reduce((a, b) => a * b, 1), dtype);
    if (random) for (let i = 0; i < value.length; i++) value[i] = random.uniform(-bound, bound);
    return createParameter(name, shape, value);
  };
  const cells: RecurrentCellParameters[][] = [];
  const parameters: Parameter[] = [];
  for (let layer = 0; layer < numLayers; layer++) {
    const layerInput = layer === 0 ? inputSize : hiddenSize * directions;
    const row: RecurrentCellParameters[] = [];
    for (let direction = 0; direction < directions; direction++) {
      const suffix = parameterSuffix(layer, direction);
      const cell: RecurrentCellParameters = {
        weightIh: make(`weight_ih${suffix}`, [gates * hiddenSize, layerInput]),
        weightHh: make(`weight_hh${suffix}`, [gates * hiddenSize, hiddenSize]),
        biasIh: bias ? make(`bias_ih${suffix}`, [gates * hiddenSize]) : null,
        biasHh: bias ? make(`bias_hh${suffix}`, [gates * hiddenSize]) : null,
      };
      parameters.push(cell.weightIh, cell.weightHh);
      if (cell.biasIh && cell.biasHh) parameters.push(cell.biasIh, cell.biasHh);
      row.push(cell);
    }
    cells.push(row);
  }
  return { config, cells, parameters };
}

/** nn.RNN: h_t = f(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh). */
export function createRNN(options: RecurrentOptions): Recurrent {
  return createRecurrent('RNN', options);
}

/** nn.LSTM with gates i, f, g, o. */
export function createLSTM(options: RecurrentOptions): Recurrent {
  return createRecurrent('LSTM', options);
}

/** nn.GRU with gates r, z, n. */
export function createGRU(options: RecurrentOptions): Recurrent {
  return createRecurrent('GRU', options);
}

/** The CellParams view of one layer and direction (shares storage with the parameters). */
export function cellParams(model: Recurrent, layer: number, direction: number): CellParams {
  const cell = model.cells[layer]?.[direction];
  if (!cell) throw new RangeError(`no cell at layer ${layer}, direction ${direction}`);
  const { hiddenSize, activation } = model.config;
  return {
    inputSize: cell.weightIh.shape[1]!,
    hiddenSize,
    weightIh: cell.weightIh.value,
    weightHh: cell.weightHh.value,
    biasIh: cell.biasIh?.value ?? null,
    biasHh: cell.biasHh?.value ?? null,
    activation,
  };
}

/** A value in a state dict: a tensor or a nested list as torch's `.tolist()` gives. */
export type StateDictValue = Tensor | NestedNumbers;

function isTensor(value: StateDictValue): value is Tensor {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'shape' in value && 'data' in value;
}

/** Copy a PyTorch-keyed state dict into the model; missing or extra keys, wrong shapes and non-finite values throw, naming the key. */
export function loadStateDict(model: Recurrent, stateDict: Readonly<Record<string, StateDictValue>>): void {
  const byName = new Map(model.parameters.map((p) => [p.name, p]));
  const extra = Object.keys(stateDict).filter((key) => !byName.has(key));
  if (extra.length > 0) throw new RangeError(`unexpected key(s) in state dict: ${extra.join(', ')}`);
  const missing = model.parameters.filter((p) => !(p.name in stateDict)).map((p) => p.name);
  if (missing.length > 0) throw new RangeError(`missing key(s) in state dict: ${missing.join(', ')}`);
  // Check every entry before copying any, so a bad dict leaves the model unchanged.
  const tensors = model.parameters.map((parameter) => {
    const raw = stateDict[parameter.name]!;
    const tensor = isTensor(raw) ? raw : fromNested(raw, model.config.dtype, parameter.name);
    const same = tensor.shape.length === parameter.shape.length && tensor.shape.every((d, i) => d === parameter.shape[i]);
    if (!same) throw new RangeError(`${parameter.name} has shape [${tensor.shape.join(', ')}], expected [${parameter.shape.join(', ')}]`);
    for (let i = 0; i < tensor.data.length; i++) {
      if (!Number.isFinite(tensor.data[i]!)) throw new RangeError(`${parameter.name} holds a non-finite value at flat index ${i}`);
    }
    return tensor;
  });
  model.parameters.forEach((parameter, index) => parameter.value.set(tensors[index]!.data));
}

/** The model's parameters as a PyTorch-keyed state dict of tensors (copies, in parameters() order). */
export function stateDict(model: Recurrent): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const parameter of model.parameters) {
    const copy = allocate(parameter.value.length, dtypeOf(parameter.value));
    copy.set(parameter.value);
    out[parameter.name] = fromData(copy, parameter.shape);
  }
  return out;
}

/** Total number of scalar parameters (PyTorch's sum of numel). */
export function parameterCount(model: Recurrent): number {
  return model.parameters.reduce((total, p) => total + p.value.length, 0);
}

/** Read a parameter array by its PyTorch key (throws on an unknown key). */
export function parameterByName(model: Recurrent, name: string): FloatArray {
  const parameter = model.parameters.find((p) => p.name === name);
  if (!parameter) throw new RangeError(`no parameter named "${name}"`);
  return parameter.value;
}
