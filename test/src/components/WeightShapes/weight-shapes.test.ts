/** The weight-shapes drawing: shapes as PyTorch lays them out, counts from lib/count.ts, one scale for every box. */
import { describe, expect, it } from 'vitest';
import { linearParameterCount, recurrentParameterCount, type BiasMode, type CellKind } from '../../../../lib/count.ts';
import { MAX_SIDE_PX, MIN_SIDE_PX, REFERENCE_SIDE, shapeText, weightShapes } from '../../../../src/components/WeightShapes/weight-shapes.ts';

const byKey = (shapes: ReturnType<typeof weightShapes>) => Object.fromEntries(shapes.boxes.map((b) => [b.key, b]));

describe('weightShapes', () => {
  it("the page defaults (RNN, D_in 100, D_h 128, D_out 10, two biases): every shape and count the widget shows", () => {
    const shapes = weightShapes({ kind: 'RNN', inputSize: 100, hiddenSize: 128, bias: 'two' }, 10);
    const box = byKey(shapes);
    expect(shapes.boxes.map((b) => b.key)).toEqual(['U', 'W', 'bh', 'V', 'by']);
    expect(shapeText(box.U!)).toBe('128 × 100');
    expect(shapeText(box.W!)).toBe('128 × 128');
    expect(shapeText(box.bh!)).toBe('2 × 128');
    expect(shapeText(box.V!)).toBe('10 × 128');
    expect(shapeText(box.by!)).toBe('10');
    expect([box.U!.count, box.W!.count, box.bh!.count, box.V!.count, box.by!.count]).toEqual([12800, 16384, 256, 1280, 10]);
    expect(shapes.layerCount).toBe(recurrentParameterCount({ kind: 'RNN', inputSize: 100, hiddenSize: 128 })); // 29,440
    expect(shapes.headCount).toBe(linearParameterCount(128, 10)); // 1,290
    expect(shapes.layerCount + shapes.headCount).toBe(30730);
  });
  it('the layer boxes sum to lib/count.ts for every cell and bias mode', () => {
    for (const kind of ['RNN', 'GRU', 'LSTM'] as CellKind[]) {
      for (const bias of ['two', 'one', 'none'] as BiasMode[]) {
        const shapes = weightShapes({ kind, inputSize: 9, hiddenSize: 6, bias }, 4);
        const layer = shapes.boxes.filter((b) => ['U', 'W', 'bh'].includes(b.key)).reduce((s, b) => s + b.count, 0);
        expect(layer, `${kind} ${bias}`).toBe(recurrentParameterCount({ kind, inputSize: 9, hiddenSize: 6, bias }));
        expect(shapes.layerCount).toBe(layer);
        expect(shapes.boxes.some((b) => b.key === 'bh')).toBe(bias !== 'none');
      }
    }
  });
  it('stacks gate blocks in PyTorch order: LSTM i, f, g, o with 4·D_h rows; GRU r, z, n', () => {
    const lstm = byKey(weightShapes({ kind: 'LSTM', inputSize: 100, hiddenSize: 128 }, 10));
    expect(lstm.U!.blocks).toEqual(['i', 'f', 'g', 'o']);
    expect(shapeText(lstm.U!)).toBe('512 × 100');
    expect(lstm.V!.blocks).toEqual([]);
    expect(byKey(weightShapes({ kind: 'GRU', inputSize: 3, hiddenSize: 2 }, 1)).W!.blocks).toEqual(['r', 'z', 'n']);
  });
  it('a bidirectional head reads 2·D_h features', () => {
    const box = byKey(weightShapes({ kind: 'RNN', inputSize: 100, hiddenSize: 128, bidirectional: true }, 10));
    expect(shapeText(box.V!)).toBe('10 × 256');
  });
  it('draws to one scale, the longest side at most MAX_SIDE_PX, thin sides at least MIN_SIDE_PX', () => {
    const shapes = weightShapes({ kind: 'LSTM', inputSize: 1024, hiddenSize: 512 }, 1000);
    const box = byKey(shapes);
    expect(Math.max(...shapes.boxes.flatMap((b) => [b.width, b.height]))).toBeLessThanOrEqual(MAX_SIDE_PX);
    expect(box.U!.height).toBeCloseTo(2048 * shapes.scale, 0);
    expect(box.U!.width / box.U!.height).toBeCloseTo(1024 / 2048, 2);
    expect(box.by!.width).toBe(MIN_SIDE_PX);
    expect(shapes.clamped).toBe(true);
    for (const b of shapes.boxes) expect(Number.isFinite(b.width) && Number.isFinite(b.height)).toBe(true);
  });
  it('keeps one fixed scale while no side passes 512, so LSTM draws U four times as tall as RNN', () => {
    const rnn = weightShapes({ kind: 'RNN', inputSize: 100, hiddenSize: 128 }, 10);
    const lstm = weightShapes({ kind: 'LSTM', inputSize: 100, hiddenSize: 128 }, 10);
    expect(rnn.scale).toBe(MAX_SIDE_PX / REFERENCE_SIDE);
    expect(lstm.scale).toBe(rnn.scale);
    expect(byKey(lstm).U!.height).toBeCloseTo(4 * byKey(rnn).U!.height, 1);
    expect(byKey(lstm).U!.height).toBe(MAX_SIDE_PX); // 512 rows
  });
  it('tiny layers stay visible at MIN_SIDE_PX', () => {
    const shapes = weightShapes({ kind: 'RNN', inputSize: 1, hiddenSize: 1 }, 1);
    expect(shapes.boxes.every((b) => b.width === MIN_SIDE_PX && b.height === MIN_SIDE_PX)).toBe(true);
    expect(shapes.clamped).toBe(true);
  });
});
