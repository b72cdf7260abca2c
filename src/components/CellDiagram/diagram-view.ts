/** What the diagram draws: each wire of the chosen layout joined to its name, its numbers and the colours of its strip. */
import { formatEntry } from '../ForwardPass/step-view.ts';
import { gateColor } from '../Gating/gate-grid.ts';
import type { DiagramValues, GruWire, LstmWire, WireKey } from './cell-values.ts';
import type { CellDiagramText } from './cell-diagram-text.ts';
import { stripCellWidth, type DiagramLayout, type DiagramWire } from './diagram-shapes.ts';
import { gruLayout } from './gru-layout.ts';
import { LSTM_LAYOUT } from './lstm-layout.ts';

/** Wires whose numbers lie in (0, 1): they shade like the explorer's gates. */
const GATE_WIRES: ReadonlySet<WireKey> = new Set<WireKey>(['f', 'i', 'o', 'r', 'z', 'oneMinusZ']);

/** One wire, ready to draw. */
export interface WireView extends DiagramWire {
  /** Its name in the page's language. */
  readonly name: string;
  /** Its numbers (empty without words). */
  readonly values: readonly number[];
  /** The numbers as the page prints them. */
  readonly formatted: readonly string[];
  /** One colour per number, for the strip. */
  readonly colors: readonly string[];
  /** Width of each strip cell. */
  readonly cellWidth: number;
  /** Name and numbers, for screen readers. */
  readonly ariaLabel: string;
}

/** The layout for a cell and, for the GRU, the reset gate's place. */
export function layoutOf(values: Pick<DiagramValues, 'kind' | 'reset'>): DiagramLayout {
  return values.kind === 'LSTM' ? LSTM_LAYOUT : gruLayout(values.reset);
}

/** A wire's name in the page's language. */
export function wireName(values: Pick<DiagramValues, 'kind' | 'reset'>, key: WireKey, text: CellDiagramText): string {
  if (values.kind === 'LSTM') return text.lstm[key as LstmWire];
  if (key === 'mid') return text.gruMid[values.reset];
  if (key === 'hn') return text.gruHn[values.reset];
  return text.gru[key as Exclude<GruWire, 'mid' | 'hn'>];
}

/** The strip's colours: gates from background (0) to orange (1); other wires diverge around 0, scaled to their largest |value| (at least 1). */
export function stripColors(key: WireKey, values: readonly number[]): string[] {
  if (GATE_WIRES.has(key)) return values.map((v) => gateColor(v, 'gate', 1));
  const scale = Math.max(1, ...values.filter(Number.isFinite).map(Math.abs));
  return values.map((v) => gateColor(v, 'signed', scale));
}

/** Every wire of the diagram for these values, in reading order. */
export function diagramWires(values: DiagramValues, text: CellDiagramText): WireView[] {
  return layoutOf(values).wires.map((wire) => {
    const numbers = values.vectors[wire.key] ?? [];
    const formatted = numbers.map(formatEntry);
    const name = wireName(values, wire.key, text);
    return {
      ...wire,
      name,
      values: numbers,
      formatted,
      colors: stripColors(wire.key, numbers),
      cellWidth: stripCellWidth(numbers.length),
      ariaLabel: text.wireLabel(name, formatted.length > 0 ? `[${formatted.join(', ')}]` : '—'),
    };
  });
}

/** The GRU comparison's rows: h_t under PyTorch's form, under Cho's, and their difference (Cho − PyTorch). */
export function formRows(forms: NonNullable<DiagramValues['forms']>): { after: string[]; before: string[]; difference: string[] } {
  return {
    after: forms.after.map(formatEntry),
    before: forms.before.map(formatEntry),
    difference: forms.before.map((v, k) => formatEntry(v - forms.after[k]!)),
  };
}
