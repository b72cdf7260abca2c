import { describe, expect, it } from 'vitest';
import { cellColor, cellDescription, maxMagnitude, moveFocus, toRows } from '../../../src/kit/heatmap.ts';

describe('heatmap', () => {
  it('treats a vector as one row', () => {
    expect(toRows([1, 2])).toEqual([[1, 2]]);
    expect(toRows([[1], [2]])).toEqual([[1], [2]]);
    expect(toRows([])).toEqual([]);
  });
  it('scales colours by the largest magnitude, diverging around zero', () => {
    expect(maxMagnitude([[0.5, -2], [1, Number.NaN]])).toBe(2);
    expect(maxMagnitude([[0]])).toBe(1);
    expect(cellColor(-2, 2)).toContain('negative) 100%');
    expect(cellColor(1, 2)).toContain('positive) 50%');
    expect(cellColor(0, 2)).toContain(' 0%');
    expect(cellColor(Number.NaN, 2)).toContain('missing');
  });
  it('describes cells 1-based, with labels when given', () => {
    expect(cellDescription(0, 2, 0.25)).toBe('row 1, column 3: 0.25');
    expect(cellDescription(1, 0, -1, ['i', 'f'], ['x'])).toBe('f, x: −1');
  });
  it('moves focus with arrows and stays inside', () => {
    expect(moveFocus(0, 0, 'ArrowUp', 3, 3)).toEqual([0, 0]);
    expect(moveFocus(0, 0, 'ArrowRight', 3, 3)).toEqual([0, 1]);
    expect(moveFocus(1, 1, 'End', 3, 4)).toEqual([1, 3]);
    expect(moveFocus(1, 1, 'x', 3, 3)).toBeUndefined();
  });
});

describe('inBlock', () => {
  it('is a half-open slice of rows and columns, and never true without a block', async () => {
    const { inBlock } = await import('../../../src/kit/heatmap.ts');
    const block = { rowStart: 0, rowEnd: 1, columnStart: 3, columnEnd: 6 };
    expect(inBlock(0, 3, block)).toBe(true);
    expect(inBlock(0, 5, block)).toBe(true);
    expect(inBlock(0, 6, block)).toBe(false);
    expect(inBlock(1, 3, block)).toBe(false);
    expect(inBlock(0, 2, block)).toBe(false);
    expect(inBlock(0, 3, null)).toBe(false);
  });
});
