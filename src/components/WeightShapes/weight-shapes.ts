/**
 * The weight-shapes drawing: the first layer's matrices and bias of one direction (U, W, b_h) and the
 * Linear head (V, b_y), each with its names in the three schemes, its shape and its count, and the
 * size it is drawn at. Shapes follow PyTorch's layout (gate blocks stacked in rows); counts come
 * from lib/count.ts.
 */
import { gateCount, linearParameterCount, recurrentParameterCount, type CellKind, type RecurrentCountConfig } from '../../../lib/count.ts';

/** The gate blocks stacked in PyTorch's weight_ih / weight_hh rows, top to bottom. */
export const GATE_ORDER: Readonly<Record<CellKind, readonly string[]>> = { RNN: [], LSTM: ['i', 'f', 'g', 'o'], GRU: ['r', 'z', 'n'] };

/** One learnable tensor as drawn: its names, shape, count and drawn size in CSS pixels. */
export interface WeightBox {
  /** Stable key for tests and markup: U, W, bh, V, by. */
  readonly key: 'U' | 'W' | 'bh' | 'V' | 'by';
  /** Role in words, e.g. "input → hidden". */
  readonly role: string;
  /** The symbol this course uses, the subscript scheme (W_xh, W_hh, W_hy, b_h, b_y): [base, subscript]. */
  readonly symbol: readonly [string, string];
  /** Goodfellow et al.'s letter for it (U, W, V, b, c): [base, subscript]. */
  readonly letter: readonly [string, string];
  /** PyTorch's parameter name(s). */
  readonly pytorch: string;
  /** Rows × columns (a bias has one column per vector). */
  readonly rows: number;
  readonly columns: number;
  readonly count: number;
  /** Gate letters of the stacked row blocks (empty for a plain RNN or the head). */
  readonly blocks: readonly string[];
  /** Drawn width and height in px (at least MIN_SIDE_PX, so a 1-wide vector stays visible). */
  readonly width: number;
  readonly height: number;
}

/** The drawing's totals: one layer in one direction, the head, and both together. */
export interface WeightShapes {
  readonly boxes: readonly WeightBox[];
  readonly layerCount: number;
  readonly headCount: number;
  /** Pixels per row or column; the same for every box, so areas compare. */
  readonly scale: number;
  /** True when some side was too thin to draw to scale and was widened to MIN_SIDE_PX. */
  readonly clamped: boolean;
}

/** The longest side any box is drawn at, in px (fits a 390 px phone with room for padding). */
export const MAX_SIDE_PX = 200;
/** The thinnest side drawn, so a vector or a tiny size stays visible. */
export const MIN_SIDE_PX = 3;
/**
 * The scale stays fixed (MAX_SIDE_PX for this many rows) until some side is longer, so changing a
 * size, or picking a gated cell, visibly grows the boxes instead of rescaling them. Past it,
 * everything shrinks together.
 */
export const REFERENCE_SIDE = 512;

/** Every box for a config (its layer 0, forward direction) and a head of outputSize outputs reading d·D_h features. */
export function weightShapes(config: RecurrentCountConfig, outputSize: number): WeightShapes {
  const { kind, inputSize, hiddenSize, bias = 'two' } = config;
  const gates = gateCount(kind);
  const stacked = gates * hiddenSize;
  const headInput = (config.bidirectional ? 2 : 1) * hiddenSize;
  const biasVectors = bias === 'two' ? 2 : bias === 'one' ? 1 : 0;
  const blocks = GATE_ORDER[kind];
  const layerCount = recurrentParameterCount({ kind, inputSize, hiddenSize, bias });
  const headCount = linearParameterCount(headInput, outputSize, true);

  type Draft = Omit<WeightBox, 'width' | 'height'>;
  const drafts: Draft[] = [
    { key: 'U', role: 'input → hidden', symbol: ['W', 'xh'], letter: ['U', ''], pytorch: 'weight_ih_l0', rows: stacked, columns: inputSize, count: stacked * inputSize, blocks },
    { key: 'W', role: 'hidden → hidden', symbol: ['W', 'hh'], letter: ['W', ''], pytorch: 'weight_hh_l0', rows: stacked, columns: hiddenSize, count: stacked * hiddenSize, blocks },
  ];
  if (biasVectors > 0) {
    const pytorch = biasVectors === 2 ? 'bias_ih_l0, bias_hh_l0' : 'bias_ih_l0 + bias_hh_l0 (merged)';
    drafts.push({ key: 'bh', role: 'hidden bias', symbol: ['b', 'h'], letter: ['b', ''], pytorch, rows: stacked, columns: biasVectors, count: stacked * biasVectors, blocks });
  }
  drafts.push(
    { key: 'V', role: 'hidden → output', symbol: ['W', 'hy'], letter: ['V', ''], pytorch: 'head.weight', rows: outputSize, columns: headInput, count: outputSize * headInput, blocks: [] },
    { key: 'by', role: 'output bias', symbol: ['b', 'y'], letter: ['c', ''], pytorch: 'head.bias', rows: outputSize, columns: 1, count: outputSize, blocks: [] },
  );
  const longest = Math.max(...drafts.flatMap((d) => [d.rows, d.columns]));
  const scale = MAX_SIDE_PX / Math.max(longest, REFERENCE_SIDE);
  let clamped = false;
  const side = (units: number) => {
    const px = units * scale;
    if (px < MIN_SIDE_PX) clamped = true;
    return Math.max(MIN_SIDE_PX, Math.round(px * 10) / 10);
  };
  const boxes = drafts.map((d) => ({ ...d, width: side(d.columns), height: side(d.rows) }));
  return { boxes, layerCount, headCount, scale, clamped };
}

/** A box's shape as the reader sees it: "128 × 100" for a matrix, "128" for a vector, "2 × 128" for PyTorch's two bias vectors. */
export function shapeText(box: WeightBox): string {
  const format = (n: number) => n.toLocaleString('en-US');
  if (box.key === 'by') return format(box.rows);
  if (box.key === 'bh') return box.columns === 1 ? format(box.rows) : `${box.columns} × ${format(box.rows)}`;
  return `${format(box.rows)} × ${format(box.columns)}`;
}
