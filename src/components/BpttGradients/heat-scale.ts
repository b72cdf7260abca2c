/** The gradient map's colours: log₁₀ of a norm on the kit's diverging scale (blue: shrank below 1, orange: grew past 1). */
import { cellColor } from '../../kit/heatmap.ts';
import { formatNumber } from '../../kit/format.ts';
import type { HeatCell } from './gradient-view.ts';

/** The colour of a cell; 0 takes the strongest blue, a non-finite norm the hatching pattern. */
export function heatColor(cell: HeatCell, scaleEnd: number, hatch: string): string {
  if (Number.isNaN(cell.log)) return hatch;
  if (cell.log === Number.NEGATIVE_INFINITY) return cellColor(-scaleEnd, scaleEnd);
  return cellColor(cell.log, scaleEnd);
}

/** A CSS gradient for the legend bar, from 10^−scaleEnd through 1 to 10^scaleEnd. */
export function legendGradient(scaleEnd: number): string {
  const stops = [-1, -0.5, 0, 0.5, 1].map((share) => `${cellColor(share * scaleEnd, scaleEnd)} ${((share + 1) / 2) * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** What focus or hover on a cell says: the pair, the norm, and how far apart t and k are. */
export function describeCell(cell: HeatCell): string {
  const norm = Number.isNaN(cell.log) ? 'not a finite number (overflow)' : cell.norm === 0 ? '0 (below float64’s range)' : formatNumber(cell.norm);
  return `t = ${cell.t}, k = ${cell.k} (${cell.t - cell.k} steps back): ‖∂L_t/∂h_k‖ = ${norm}`;
}
