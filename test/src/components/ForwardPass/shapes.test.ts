/** The shapes widget and the shape exercise: shapes read from lib's recurrentForward, checked against PyTorch's documented shapes. */
import { describe, expect, it } from 'vitest';
import { parseShape, shapeReport, torchSize } from '../../../../src/components/ForwardPass/shapes.ts';
import { shapeConfig, shapeWidgetView } from '../../../../src/components/ForwardPass/shape-view.ts';
import { checkShape } from '../../../../src/components/ForwardPass/shape-exercise.ts';
import { layoutFor, maybeLayoutName } from '../../../../src/components/ForwardPass/layouts.ts';

const sizes = (dims: readonly { size: number }[]) => dims.map((d) => d.size);

describe('shapeReport (lib recurrentForward on zeros)', () => {
  it('the worked example: input [2, 5, 10] batch first, hidden 20 → output [2, 5, 20], h_n [1, 2, 20]', () => {
    const view = shapeWidgetView({}); // the page's defaults
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(sizes(view.report.input)).toEqual([2, 5, 10]);
    expect(sizes(view.report.output)).toEqual([2, 5, 20]);
    expect(sizes(view.report.hN)).toEqual([1, 2, 20]);
    expect(view.report.output.map((d) => d.symbol)).toEqual(['B', 'T', 'H']);
    expect(view.report.hN.map((d) => d.symbol)).toEqual(['L·d', 'B', 'H']);
  });
  it('time first without batch_first; h_n is never batch first', () => {
    const report = shapeReport({ batch: 2, steps: 5, inputSize: 10, hiddenSize: 20, numLayers: 1, batchFirst: false, bidirectional: false });
    expect(sizes(report.input)).toEqual([5, 2, 10]);
    expect(sizes(report.output)).toEqual([5, 2, 20]);
    expect(sizes(report.hN)).toEqual([1, 2, 20]);
  });
  it('the exercise: 2 layers, bidirectional, x [7, 3, 8] → output [7, 3, 32], h_n [4, 3, 16] (as PyTorch documents)', () => {
    const report = shapeReport({ batch: 3, steps: 7, inputSize: 8, hiddenSize: 16, numLayers: 2, batchFirst: false, bidirectional: true });
    expect(sizes(report.output)).toEqual([7, 3, 32]);
    expect(sizes(report.hN)).toEqual([4, 3, 16]);
    expect(report.output[2]!.symbol).toBe('d·H');
  });
  it('torchSize prints like PyTorch', () => {
    expect(torchSize([2, 5, 20])).toBe('torch.Size([2, 5, 20])');
  });
  it('page values that are not whole numbers fall back to the worked example', () => {
    expect(shapeConfig({ B: 'x', T: -1, H: 2.5, bf: 'yes' })).toEqual({ batch: 2, steps: 5, inputSize: 10, hiddenSize: 20, numLayers: 1, batchFirst: true, bidirectional: false });
  });
});

describe('parseShape and checkShape', () => {
  it.each(['[2, 5, 20]', '(2,5,20)', '2 5 20', 'torch.Size([2, 5, 20])', ' [ 2 ,5 , 20 ] ', '2×5×20'])('reads %s', (text) => {
    expect(parseShape(text)).toEqual([2, 5, 20]);
  });
  it.each(['', '[]', '[2, five]', '[2.5, 3]', '[-1, 2]', 'NaN', '[1e3]', 'x'.repeat(500)])('refuses %s', (text) => {
    expect(parseShape(text)).toBeUndefined();
  });
  it('verdicts', () => {
    expect(checkShape('[7, 3, 32]', [7, 3, 32]).status).toBe('correct');
    expect(checkShape('[7, 3, 16]', [7, 3, 32])).toEqual({ status: 'incorrect', message: 'Not quite: check dimension 3.' });
    expect(checkShape('[3, 16]', [4, 3, 16]).message).toMatch(/3 dimensions, you wrote 2/);
    expect(checkShape('banana', [1]).status).toBe('invalid');
    expect(checkShape('  ', [1]).status).toBe('invalid');
  });
});

describe('layouts', () => {
  it('many-to-one uses only the last output; many-to-many all; encoder–decoder only the decoder\'s', () => {
    expect(layoutFor('many-to-one').columns.map((c) => c.used)).toEqual([false, false, false, true]);
    expect(layoutFor('many-to-many').columns.every((c) => c.used)).toBe(true);
    const ed = layoutFor('encoder-decoder').columns;
    expect(ed.filter((c) => c.part === 'encoder').every((c) => !c.used)).toBe(true);
    expect(ed.filter((c) => c.part === 'decoder').every((c) => c.used)).toBe(true);
  });
  it('unknown names fall back to many-to-one', () => {
    expect(maybeLayoutName('one-to-many')).toBe('many-to-one');
  });
});
