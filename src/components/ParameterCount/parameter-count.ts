/**
 * The parameter calculator's logic: page values → a lib/count.ts config, the per-tensor table in
 * PyTorch's names, and the parameters-vs-T comparison. Every count comes from lib/count.ts.
 */
import {
  conv1dParameterCount, feedForwardParameterCount, gateCount, linearParameterCount, recurrentParameterCount,
  type BiasMode, type CellKind, type RecurrentCountConfig,
} from '../../../lib/count.ts';
import type { Series } from '../../kit/plot-data.ts';
import type { VariableValues } from '../../kit/variables.ts';

/** Which page variables the calculator reads (their names in the frontmatter). */
export interface CalculatorNames {
  readonly cell: string;
  readonly inputSize: string;
  readonly hiddenSize: string;
  readonly layers: string;
  readonly directions: string;
  readonly bias: string;
  readonly sequenceLength: string;
  /** Boolean: count biases in the FNN / CNN / RNN comparison (optional on a page; off when missing). */
  readonly comparisonBias: string;
  /** Number: the Linear head's output size D_out (optional on a page). */
  readonly outputSize: string;
}

/** The variable names the parameters page uses. */
export const DEFAULT_NAMES: CalculatorNames = { cell: 'cell', inputSize: 'D', hiddenSize: 'H', layers: 'L', directions: 'd', bias: 'B', sequenceLength: 'T', comparisonBias: 'withBias', outputSize: 'Dout' };

const BIAS_BY_VECTORS: Record<number, BiasMode> = { 2: 'two', 1: 'one', 0: 'none' };

/** The count config the page's current values describe. Choices are read by their numbers (cell: 1/3/4, bias: 2/1/0). */
export function configFromValues(values: VariableValues, numbers: ReadonlyMap<string, number>, names: CalculatorNames = DEFAULT_NAMES): RecurrentCountConfig {
  const kind = String(values[names.cell] ?? 'RNN').toUpperCase() as CellKind;
  return {
    kind: kind === 'LSTM' || kind === 'GRU' ? kind : 'RNN',
    inputSize: numbers.get(names.inputSize) ?? 1,
    hiddenSize: numbers.get(names.hiddenSize) ?? 1,
    numLayers: numbers.get(names.layers) ?? 1,
    bidirectional: (numbers.get(names.directions) ?? 1) === 2,
    bias: BIAS_BY_VECTORS[numbers.get(names.bias) ?? 2] ?? 'two',
  };
}

/** One learnable tensor of a recurrent stack, as PyTorch names it. */
export interface TensorRow {
  readonly layer: number;
  readonly name: string;
  readonly shape: readonly number[];
  readonly count: number;
}

/**
 * Every tensor of the stack in PyTorch's order (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0,
 * then _reverse for the backward direction). With one bias vector it lists a merged "bias_l0", which
 * PyTorch does not have: it stands for b_ih + b_hh folded together.
 */
export function tensorRows(config: RecurrentCountConfig): TensorRow[] {
  const { hiddenSize, inputSize, numLayers = 1, bidirectional = false, bias = 'two' } = config;
  const rowsPerGate = gateCount(config.kind) * hiddenSize;
  const directions = bidirectional ? ['', '_reverse'] : [''];
  const rows: TensorRow[] = [];
  for (let layer = 0; layer < numLayers; layer++) {
    const layerInput = layer === 0 ? inputSize : hiddenSize * directions.length;
    for (const suffix of directions) {
      const tensor = (name: string, shape: number[]) => rows.push({ layer, name: `${name}_l${layer}${suffix}`, shape, count: shape.reduce((a, b) => a * b, 1) });
      tensor('weight_ih', [rowsPerGate, layerInput]);
      tensor('weight_hh', [rowsPerGate, hiddenSize]);
      if (bias === 'two') {
        tensor('bias_ih', [rowsPerGate]);
        tensor('bias_hh', [rowsPerGate]);
      } else if (bias === 'one') {
        tensor('bias', [rowsPerGate]);
      }
    }
  }
  return rows;
}

/** The total for a config, from lib/count.ts, or the message of why the sizes are invalid. */
export function totalCount(config: RecurrentCountConfig): { ok: true; total: number } | { ok: false; message: string } {
  try {
    return { ok: true, total: recurrentParameterCount(config) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The three models compared against sequence length T. */
export interface ComparisonAt {
  readonly feedForward: number;
  readonly cnn: number;
  readonly recurrent: number;
}

/**
 * Parameters at one T: a Linear on the flattened T·D_in inputs, a kernel-3 Conv1d, and one recurrent
 * layer of the chosen cell. Without biases (the default) the chapter's numbers come out; with them the
 * Linear and the Conv1d gain one vector of D_h and the recurrent layer its config's bias vectors.
 */
export function comparisonAt(sequenceLength: number, config: RecurrentCountConfig, withBias = false): ComparisonAt {
  return {
    feedForward: feedForwardParameterCount(sequenceLength, config.inputSize, config.hiddenSize, withBias),
    cnn: conv1dParameterCount(config.inputSize, config.hiddenSize, 3, withBias),
    recurrent: recurrentParameterCount({ kind: config.kind, inputSize: config.inputSize, hiddenSize: config.hiddenSize, bias: withBias ? (config.bias ?? 'two') : 'none' }),
  };
}

/** Series labels for the comparison, by model. */
export function comparisonLabels(kind: CellKind): { feedForward: string; cnn: string; recurrent: string } {
  return { feedForward: 'Feed-forward on T·D_in', cnn: '1-D CNN, kernel 3', recurrent: `${kind}, one layer` };
}

/** The comparison as plot series for T = 1 … maxT. */
export function comparisonSeries(maxT: number, config: RecurrentCountConfig, withBias = false): Series[] {
  const ts = Array.from({ length: Math.max(1, Math.floor(maxT)) }, (_, i) => i + 1);
  const at = ts.map((t) => comparisonAt(t, config, withBias));
  const labels = comparisonLabels(config.kind);
  return [
    { name: labels.feedForward, points: ts.map((t, i) => [t, at[i]!.feedForward] as const) },
    { name: labels.cnn, points: ts.map((t, i) => [t, at[i]!.cnn] as const) },
    { name: labels.recurrent, points: ts.map((t, i) => [t, at[i]!.recurrent] as const) },
  ];
}

/** The whole-number ranges the exercise draws D and H from. */
export const EXERCISE_SIZES: Record<string, [number, number]> = { D: [1, 300], H: [1, 300] };

/** The reference for the "write the count" exercise: lib/count.ts's count of one layer, one direction, two biases, at the sampled D and H. */
export function exerciseReference(kind: CellKind): (scope: ReadonlyMap<string, number>) => number {
  return (scope) => recurrentParameterCount({ kind, inputSize: scope.get('D') ?? NaN, hiddenSize: scope.get('H') ?? NaN });
}

/** The Linear head's count, nn.Linear(d·D_h, D_out) with its bias, from lib/count.ts. */
export function headCount(config: RecurrentCountConfig, outputSize: number): number {
  return linearParameterCount((config.bidirectional ? 2 : 1) * config.hiddenSize, outputSize, true);
}

/** Memory to store `parameters` numbers: float32 weights alone, and training with Adam (weights, gradients and two moment estimates, 4×). */
export function memoryBytes(parameters: number): { weights: number; adamTraining: number } {
  return { weights: 4 * parameters, adamTraining: 16 * parameters };
}

/** Bytes for reading, in powers of 1,000: 117,760 → "117.8 kB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
