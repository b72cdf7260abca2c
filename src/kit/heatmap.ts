/** Heatmap logic: normalising vectors and matrices, the diverging colour of each value, and cell labels. */
import { formatNumber } from './format.ts';
import { kitText } from './i18n/kit-text.ts';
import type { Locale } from './locale.ts';

/** A vector (one row) or a matrix, normalised to rows of numbers. */
export function toRows(values: readonly number[] | readonly (readonly number[])[]): number[][] {
  if (values.length === 0) return [];
  return Array.isArray(values[0]) ? (values as readonly (readonly number[])[]).map((row) => [...row]) : [[...(values as readonly number[])]];
}

/** The largest |value|, the scale's end; 1 when all are zero (or there are none). */
export function maxMagnitude(rows: readonly (readonly number[])[]): number {
  let max = 0;
  for (const row of rows) for (const value of row) if (Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  return max === 0 ? 1 : max;
}

/**
 * A cell's colour: negative values mix toward --unrolled-heat-negative, positive toward
 * --unrolled-heat-positive, zero is the page background; so the scale works in light and dark themes.
 */
export function cellColor(value: number, scale: number): string {
  if (!Number.isFinite(value)) return 'var(--unrolled-heat-missing)';
  const share = Math.round(Math.min(1, Math.abs(value) / scale) * 100);
  const end = value < 0 ? 'var(--unrolled-heat-negative)' : 'var(--unrolled-heat-positive)';
  return `color-mix(in oklab, ${end} ${share}%, var(--unrolled-heat-zero))`;
}

/** What focus or hover on a cell announces, 1-based like the page's prose. */
export function cellDescription(
  row: number,
  column: number,
  value: number,
  rowLabels?: readonly string[],
  columnLabels?: readonly string[],
  locale: Locale = 'en',
): string {
  const t = kitText(locale);
  const rowName = rowLabels?.[row] ?? t.heatmapRow(row + 1);
  const columnName = columnLabels?.[column] ?? t.heatmapColumn(column + 1);
  return t.heatmapCell(rowName, columnName, formatNumber(value));
}

/** A block of cells to mark: rows [rowStart, rowEnd) and columns [columnStart, columnEnd), 0-based and half-open like a slice. */
export interface CellBlock {
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly columnStart: number;
  readonly columnEnd: number;
}

/** Whether (row, column) lies inside the block (never, when there is no block). */
export function inBlock(row: number, column: number, block: CellBlock | null | undefined): boolean {
  return !!block && row >= block.rowStart && row < block.rowEnd && column >= block.columnStart && column < block.columnEnd;
}

/** The cell keyboard focus moves to from (row, column) on a key, kept inside the grid; undefined for other keys. */
export function moveFocus(row: number, column: number, key: string, rows: number, columns: number): [number, number] | undefined {
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  if (key === 'Home') return [row, 0];
  if (key === 'End') return [row, columns - 1];
  if (!Object.hasOwn(moves, key)) return undefined;
  const [dr, dc] = moves[key]!;
  return [Math.min(rows - 1, Math.max(0, row + dr)), Math.min(columns - 1, Math.max(0, column + dc))];
}
