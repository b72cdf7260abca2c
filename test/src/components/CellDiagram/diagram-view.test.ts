/** The diagram's drawing: every wire has numbers, a name in both languages and a place inside the picture; the GRU's chain swaps. */
import { describe, expect, it } from 'vitest';
import { diagramValues } from '../../../../src/components/CellDiagram/cell-values.ts';
import { CELL_DIAGRAM_TEXT } from '../../../../src/components/CellDiagram/cell-diagram-text.ts';
import { resetOf } from '../../../../src/components/CellDiagram/diagram-settings.ts';
import { halfWidth, pathOf, stripCellWidth } from '../../../../src/components/CellDiagram/diagram-shapes.ts';
import { diagramWires, formRows, layoutOf, stripColors } from '../../../../src/components/CellDiagram/diagram-view.ts';
import { gruLayout } from '../../../../src/components/CellDiagram/gru-layout.ts';
import { explorerSettings } from '../../../../src/components/Gating/page-settings.ts';
import { LOCALES } from '../../../../src/kit/locale.ts';

const cases = [
  ['LSTM', diagramValues(explorerSettings({}), 3, 'after')],
  ['GRU, PyTorch', diagramValues(explorerSettings({ cell: 'GRU' }), 3, 'after')],
  ['GRU, Cho', diagramValues(explorerSettings({ cell: 'GRU' }), 3, 'before')],
] as const;

describe.each(cases)('%s diagram', (_, values) => {
  const layout = layoutOf(values);

  it('has exactly one wire per vector, in both languages, each with a name and a label for screen readers', () => {
    expect(layout.wires.map((w) => w.key).sort()).toEqual(Object.keys(values.vectors).sort());
    for (const locale of LOCALES) {
      for (const wire of diagramWires(values, CELL_DIAGRAM_TEXT[locale])) {
        expect(wire.name.length, `${locale} ${wire.key}`).toBeGreaterThan(0);
        expect(wire.formatted.length).toBe(wire.values.length);
        expect(wire.ariaLabel).toContain(wire.name);
        expect(wire.ariaLabel).toContain(wire.formatted[0]!);
      }
    }
  });

  it('draws every wire, node and strip inside the picture', () => {
    for (const wire of layout.wires) {
      for (const piece of wire.paths) {
        const numbers = pathOf(piece).d.match(/-?\d+(\.\d+)?/g)!.map(Number);
        for (const n of numbers) expect(n >= 0 && n <= Math.max(layout.width, layout.height), `${wire.key}: ${pathOf(piece).d}`).toBe(true);
      }
      const stripEnd = wire.tag.x + stripCellWidth(values.vectors[wire.key]!.length) * values.vectors[wire.key]!.length;
      expect(stripEnd, wire.key).toBeLessThanOrEqual(layout.width);
      expect(wire.tag.y + 17, wire.key).toBeLessThanOrEqual(layout.height);
      if (wire.node) expect(wire.node.x + halfWidth(wire.node), wire.key).toBeLessThanOrEqual(layout.width);
    }
  });
});

describe('the GRU chain', () => {
  it("PyTorch: W_hn first, then × r_t; Cho: × r_t first, then W_hn; r_t's wire ends at the ×", () => {
    const after = gruLayout('after').wires;
    const before = gruLayout('before').wires;
    const node = (wires: typeof after, key: string) => wires.find((w) => w.key === key)!.node!;
    expect([node(after, 'mid').kind, node(after, 'hn').text]).toEqual(['linear', '×']);
    expect([node(before, 'mid').text, node(before, 'hn').kind]).toEqual(['×', 'linear']);
    for (const wires of [after, before]) {
      const product = [node(wires, 'mid'), node(wires, 'hn')].find((n) => n.text === '×')!;
      const rPath = pathOf(wires.find((w) => w.key === 'r')!.paths[0]!).d;
      expect(rPath).toMatch(new RegExp(`H ${product.x} V`));
    }
  });

  it('the form table: Cho − PyTorch, formatted', () => {
    expect(formRows({ after: [0.5, -0.25], before: [0.75, -0.25] })).toEqual({ after: ['0.500', '−0.250'], before: ['0.750', '−0.250'], difference: ['0.250', '0.000'] });
  });
});

describe('strips and settings', () => {
  it('shades gates from the background and other wires around zero', () => {
    expect(stripColors('f', [0, 1])).toEqual([
      'color-mix(in oklab, var(--unrolled-heat-positive) 0%, var(--unrolled-heat-zero))',
      'color-mix(in oklab, var(--unrolled-heat-positive) 100%, var(--unrolled-heat-zero))',
    ]);
    const signed = stripColors('c', [-2, 2]);
    expect(signed[0]).toContain('negative');
    expect(signed[1]).toContain('positive');
    expect(stripCellWidth(8)).toBe(5);
    expect(stripCellWidth(20) * 20).toBe(40);
  });

  it('reads the gru variable: Cho means before, anything else PyTorch', () => {
    expect(resetOf({ gru: 'Cho' })).toBe('before');
    expect(resetOf({ gru: 'PyTorch' })).toBe('after');
    expect(resetOf({})).toBe('after');
  });
});
