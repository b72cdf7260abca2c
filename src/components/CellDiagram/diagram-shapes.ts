/**
 * The diagram's vocabulary, in the spirit of colah's "Understanding LSTM Networks" (drawn anew here): state lines
 * run left to right, gates are boxes (σ or tanh layers with their own weights), pointwise operations are small
 * circles, and each wire carries one vector. Coordinates are SVG user units in the layout's viewBox.
 */
import type { WireKey } from './cell-values.ts';

/** A node a wire comes out of: a gate (a layer with weights), a pointwise operation, or a matrix product. */
export interface DiagramNode {
  /** 'gate' boxes hold σ or tanh layers; 'op' circles are pointwise; 'linear' boxes are W h + b. */
  readonly kind: 'gate' | 'op' | 'linear';
  /** Centre. */
  readonly x: number;
  readonly y: number;
  /** What the node shows: σ, tanh, ×, +, 1−, W_hn. */
  readonly text: string;
  /** Text after `text`, drawn as a subscript (e.g. "hn" in W_hn). */
  readonly sub?: string;
}

/** A wire's label: a letter and its subscript, e.g. c and t−1. */
export interface WireLabel {
  readonly main: string;
  readonly sub: string;
}

/** One piece of a wire as SVG path data: a string ends in an arrow (it enters a node); `{ d, arrow: false }` ends at a junction. */
export type WirePath = string | { readonly d: string; readonly arrow: false };

/** One wire: the node that makes it (if any), its path pieces, and where its tag sits. */
export interface DiagramWire {
  readonly key: WireKey;
  readonly node: DiagramNode | null;
  /** Its pieces, one per branch. */
  readonly paths: readonly WirePath[];
  /** Where the label's baseline starts; the value strip sits just below it. */
  readonly tag: { readonly x: number; readonly y: number };
  /** The label, or null for wires known by their strip and their name alone. */
  readonly label: WireLabel | null;
  /** The equation the wire's vector comes from, as TeX. */
  readonly tex: string;
}

/** A whole diagram: its size, its wires in reading order, and the dots where wires split. */
export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly wires: readonly DiagramWire[];
  readonly junctions: readonly { readonly x: number; readonly y: number }[];
}

/** Half the width of a node, where wires start and end. */
export function halfWidth(node: Pick<DiagramNode, 'kind' | 'text'>): number {
  if (node.kind === 'op') return node.text === 'tanh' ? 22 : 13;
  return node.kind === 'linear' ? 28 : 24;
}

/** Half the height of a node. */
export function halfHeight(node: Pick<DiagramNode, 'kind' | 'text'>): number {
  return node.kind === 'op' ? 13 : 16;
}

/** The width of each cell of a value strip: 5 units, narrower for long vectors so a strip stays within 40 units. */
export function stripCellWidth(length: number): number {
  return Math.min(5, 40 / Math.max(1, length));
}

/** A wire piece's path data and whether it ends in an arrow. */
export function pathOf(piece: WirePath): { d: string; arrow: boolean } {
  return typeof piece === 'string' ? { d: piece, arrow: true } : { d: piece.d, arrow: false };
}
