/**
 * The diagram's numbers are lib's: each wire at a step agrees with the gate explorer's panels (lib's recurrentForward,
 * tested against torch 1.13 in test/lib/nn), the pointwise wires recombine into lib's c_t and h_t, and the GRU's two
 * forms come from lib/nn/gru-reset.ts (tested against scripts/make_gru_reset_fixture.py's torch fixture).
 */
import { describe, expect, it } from 'vitest';
import { diagramValues, times, type WireKey } from '../../../../src/components/CellDiagram/cell-values.ts';
import { exploreGates, type ExplorerSettings } from '../../../../src/components/Gating/gate-explorer.ts';
import { explorerSettings } from '../../../../src/components/Gating/page-settings.ts';
import { gruStepParts } from '../../../../lib/nn/gru-reset.ts';
import { cellParams } from '../../../../lib/nn/recurrent.ts';

const lstm: ExplorerSettings = explorerSettings({});
const gru: ExplorerSettings = explorerSettings({ cell: 'GRU' });

/** The explorer's column of a quantity at a 1-based step. */
function column(settings: ExplorerSettings, key: string, step: number): number[] {
  return exploreGates(settings).panels.find((p) => p.key === key)!.values.map((row) => row[step - 1]!);
}

function close(actual: readonly number[] | undefined, expected: readonly number[], label: string, tolerance = 1e-14): void {
  expect(actual, label).toBeDefined();
  expect(actual!.length, label).toBe(expected.length);
  actual!.forEach((value, k) => expect(Math.abs(value - expected[k]!), `${label}[${k}]`).toBeLessThanOrEqual(tolerance));
}

describe('LSTM wires', () => {
  const values = diagramValues(lstm, 3, 'after');
  const v = values.vectors;

  it("carry the explorer's step: gates, c_t and h_t, and the state before the step", () => {
    expect([values.kind, values.step, values.word]).toEqual(['LSTM', 3, 'sat']);
    for (const key of ['i', 'f', 'g', 'o', 'c', 'h'] as const) close(v[key], column(lstm, key, 3), key);
    close(v.cPrev, column(lstm, 'c', 2), 'c_{t−1}');
    close(v.hPrev, column(lstm, 'h', 2), 'h_{t−1}');
    expect(v.hx).toEqual([...v.hPrev!, ...v.x!]);
    expect(values.forms).toBeNull();
  });

  it('recombine: f ⊙ c_{t−1} + i ⊙ g = c_t and o ⊙ tanh(c_t) = h_t', () => {
    close(v.keep!.map((kept, k) => kept + v.write![k]!), v.c!, 'c');
    close(v.tanhC!, v.c!.map(Math.tanh), 'tanh c');
    close(times(v.o!, v.tanhC!), v.h!, 'h');
  });

  it('start from zeros at step 1', () => {
    const first = diagramValues(lstm, 1, 'after').vectors;
    expect(first.cPrev).toEqual(new Array(8).fill(0));
    expect(first.hPrev).toEqual(new Array(8).fill(0));
  });
});

describe('GRU wires, both forms', () => {
  const after = diagramValues(gru, 4, 'after');
  const before = diagramValues(gru, 4, 'before');

  it("PyTorch's form is the explorer's GRU at that step", () => {
    for (const key of ['r', 'z', 'n', 'h'] as const) close(after.vectors[key], column(gru, key, 4), key);
    close(after.vectors.hPrev, column(gru, 'h', 3), 'h_{t−1}');
  });

  it("Cho's form shares r, z and h_{t−1} but not n or h_t, and is lib's gruStepParts", () => {
    for (const key of ['hPrev', 'r', 'z', 'xn'] as const) close(before.vectors[key], after.vectors[key]!, key);
    const model = exploreGates(gru).model!;
    const x = Float64Array.from(exploreGates(gru).inputs[3]!);
    const expected = gruStepParts(cellParams(model, 0, 0), x, Float64Array.from(after.vectors.hPrev!), 'before');
    close(before.vectors.h, [...expected.h], 'h (Cho)');
    close(before.vectors.mid, times(before.vectors.r!, before.vectors.hPrev!), 'r ⊙ h');
    expect(Math.max(...before.vectors.h!.map((value, k) => Math.abs(value - after.vectors.h![k]!)))).toBeGreaterThan(1e-3);
  });

  it('recombine in both forms: n = tanh(x share + state share) and h = (1 − z) ⊙ n + z ⊙ h_{t−1}', () => {
    for (const { vectors: v } of [after, before]) {
      close(v.preN!, v.xn!.map((value, k) => value + v.hn![k]!), 'preN');
      close(v.n!, v.preN!.map(Math.tanh), 'n');
      close(v.write!.map((value, k) => value + v.keep![k]!), v.h!, 'h');
      close(v.oneMinusZ!, v.z!.map((z) => 1 - z), '1 − z');
    }
  });

  it('keep h_t of both forms side by side, the same table whichever form is drawn', () => {
    expect(after.forms).toEqual(before.forms);
    close(after.forms!.after, after.vectors.h!, 'PyTorch h');
    close(after.forms!.before, before.vectors.h!, 'Cho h');
  });
});

describe('edge cases', () => {
  it('no words: no numbers, a message, step 0', () => {
    const values = diagramValues(explorerSettings({ text: '!!! ???' }), 3, 'after');
    expect(values.step).toBe(0);
    expect(values.vectors).toEqual({});
    expect(values.message).toMatch(/No words/);
  });

  it('a step past the end draws the last step and says so', () => {
    const values = diagramValues(explorerSettings({ text: 'only two' }), 9, 'after');
    expect(values.step).toBe(2);
    expect(values.message).toContain('step 2 is shown instead of step 9');
    expect(Object.keys(values.vectors).sort()).toEqual(['c', 'cPrev', 'f', 'g', 'h', 'hPrev', 'hx', 'i', 'keep', 'o', 'tanhC', 'write', 'x'] satisfies WireKey[]);
  });
});
