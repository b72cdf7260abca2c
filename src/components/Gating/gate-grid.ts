/** Colours and sizes of the gate grids: gates (0…1) shade from the background to full colour; signed values diverge. */
import { cellColor } from '../../kit/heatmap.ts';
import type { GatePanel } from './gate-explorer.ts';

/** Cell width and height in px. */
export const CELL = { width: 16, height: 12 } as const;

/** The colour of one value: a gate's openness (0 = background, 1 = full colour), or a signed value around zero. */
export function gateColor(value: number, range: GatePanel['range'], scale: number): string {
  if (!Number.isFinite(value)) return 'var(--unrolled-heat-missing)';
  if (range === 'signed') return cellColor(value, scale);
  const share = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return `color-mix(in oklab, var(--unrolled-heat-positive) ${share}%, var(--unrolled-heat-zero))`;
}

/** The colour scale's end for a panel: 1 for gates and tanh outputs, the largest |value| (at least 1) for c. */
export function panelScale(panel: GatePanel): number {
  let max = 1;
  for (const row of panel.values) for (const value of row) if (Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  return max;
}

/** The mean of a panel's column, for the grid's text alternative. */
export function columnMean(panel: GatePanel, step: number): number {
  const column = panel.values.map((row) => row[step - 1]!);
  return column.reduce((a, b) => a + b, 0) / Math.max(1, column.length);
}
