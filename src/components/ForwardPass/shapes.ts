/**
 * The shapes widget: what nn.RNN returns for a configuration, found by running lib's recurrentForward
 * on a zero input of that shape and reading the shapes of what comes back (not by a formula).
 *
 *   input   [B, T, D_in]  (batch_first)  or  [T, B, D_in]
 *   output  [B, T, d·H]   (batch_first)  or  [T, B, d·H]      the top layer's h_t at every step
 *   h_n     [L·d, B, H]   always, batch_first or not           every layer's and direction's last h
 */
import { zeros } from '../../../lib/tensor.ts';
import { createRNN } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';

/** An nn.RNN configuration and the size of its input. */
export interface ShapeConfig {
  /** B, sequences in the batch. */
  readonly batch: number;
  /** T, steps per sequence. */
  readonly steps: number;
  /** D_in, input_size. */
  readonly inputSize: number;
  /** H, hidden_size. */
  readonly hiddenSize: number;
  /** L, num_layers. */
  readonly numLayers: number;
  readonly batchFirst: boolean;
  readonly bidirectional: boolean;
}

/** One dimension of a shape with what it stands for. */
export interface Dimension {
  readonly size: number;
  /** The dimension's meaning as a short symbol, e.g. "B", "T", "d·H", "L·d". */
  readonly symbol: string;
}

/** The three shapes, each dimension named. */
export interface ShapeReport {
  readonly input: readonly Dimension[];
  readonly output: readonly Dimension[];
  readonly hN: readonly Dimension[];
}

function named(shape: readonly number[], symbols: readonly string[]): Dimension[] {
  return shape.map((size, i) => ({ size, symbol: symbols[i] ?? '?' }));
}

/** Run lib's forward pass on zeros of the configured input shape and report the shapes it returns. */
export function shapeReport(config: ShapeConfig): ShapeReport {
  const { batch, steps, inputSize, hiddenSize, numLayers, batchFirst, bidirectional } = config;
  const model = createRNN({ inputSize, hiddenSize, numLayers, batchFirst, bidirectional });
  const input = zeros(batchFirst ? [batch, steps, inputSize] : [steps, batch, inputSize]);
  const result = recurrentForward(model, input);
  const d = bidirectional ? 'd·H' : 'H';
  const leading = batchFirst ? ['B', 'T'] : ['T', 'B'];
  return {
    input: named(input.shape, [...leading, 'D_in']),
    output: named(result.output.shape, [...leading, d]),
    hN: named(result.hN.shape, ['L·d', 'B', 'H']),
  };
}

/** A shape as PyTorch prints it: torch.Size([2, 5, 20]). */
export function torchSize(shape: readonly Dimension[] | readonly number[]): string {
  const sizes = shape.map((dim) => (typeof dim === 'number' ? dim : dim.size));
  return `torch.Size([${sizes.join(', ')}])`;
}

/** Read a shape the reader typed: "[2, 5, 20]", "(2,5,20)", "2 5 20" or "torch.Size([2, 5, 20])"; undefined if it is not one. */
export function parseShape(text: string): number[] | undefined {
  const inner = text.trim().replace(/^torch\.Size\s*\(\s*(.*)\s*\)$/s, '$1').trim().replace(/^[[(]\s*(.*?)\s*[\])]$/s, '$1');
  if (inner === '' || inner.length > 100) return undefined;
  const parts = inner.split(/\s*[,×x*\s]\s*/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => !/^\d{1,6}$/.test(part))) return undefined;
  return parts.map(Number);
}
