/**
 * A bidirectional layer against PyTorch, and where each direction's summary of the sequence sits in `output`.
 *
 * Reference values: test/fixtures/bidirectional/*.json, written by scripts/make_bidirectional_fixtures.py
 * (`/usr/bin/python3 scripts/make_bidirectional_fixtures.py`, PyTorch 1.13, float64): one-layer bidirectional
 * nn.RNN, nn.GRU and nn.LSTM with batch_first=True, their output, h_n (and c_n), and `last_step_only`, the backward
 * half of output[:, 0] when the same module reads x[:, -1:] alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import type { CellKind } from '../../../lib/count.ts';
import { createRecurrent, loadStateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';

interface BidirectionalCase {
  name: string;
  module: CellKind;
  config: { input_size: number; hidden_size: number; batch_first: true; bidirectional: true };
  state_dict: Record<string, NestedNumbers>;
  input: number[][][];
  output: number[][][];
  h_n: number[][][];
  c_n: number[][][] | null;
  last_step_only: number[][];
}

const dir = fileURLToPath(new URL('../../fixtures/bidirectional/', import.meta.url));
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as BidirectionalCase);

/** Every element within 1e-12 of the reference, naming the first that is not. */
function expectClose(got: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(got.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(got[i]! - expected[i]!) <= 1e-12)) expect.fail(`${what}[${i}] = ${got[i]}, PyTorch gives ${expected[i]}`);
  }
}

describe('bidirectional layers match PyTorch (test/fixtures/bidirectional)', () => {
  it('finds one case per cell kind', () => {
    expect(cases.map((c) => c.module).sort()).toEqual(['GRU', 'LSTM', 'RNN']);
  });

  for (const fixture of cases) {
    describe(fixture.name, () => {
      const H = fixture.config.hidden_size;
      const model = createRecurrent(fixture.module, { inputSize: fixture.config.input_size, hiddenSize: H, batchFirst: true, bidirectional: true });
      loadStateDict(model, fixture.state_dict);
      const result = recurrentForward(model, fromNested(fixture.input));
      const [B, T] = [fixture.input.length, fixture.input[0]!.length];
      const at = (b: number, t: number, from: number, to: number) => Array.from(result.output.data.subarray((b * T + t) * 2 * H + from, (b * T + t) * 2 * H + to));

      it('output [B, T, 2H], h_n [2, B, H] (and c_n) equal PyTorch to 1e-12', () => {
        expect(result.output.shape).toEqual([B, T, 2 * H]);
        expectClose(result.output.data, fixture.output.flat(2), 'output');
        expectClose(result.hN.data, fixture.h_n.flat(2), 'h_n');
        if (fixture.c_n) expectClose(result.cN!.data, fixture.c_n.flat(2), 'c_n');
      });

      it('the backward direction\'s summary is output[:, 0, H:] = h_n[1]; the forward one is output[:, -1, :H] = h_n[0]', () => {
        for (let b = 0; b < B; b++) {
          expect(at(b, 0, H, 2 * H)).toEqual(Array.from(result.hN.data.subarray((B + b) * H, (B + b + 1) * H)));
          expect(at(b, T - 1, 0, H)).toEqual(Array.from(result.hN.data.subarray(b * H, (b + 1) * H)));
          expectClose(at(b, 0, H, 2 * H), fixture.h_n[1]![b]!, `output[${b}, 0, H:] against h_n[1]`);
        }
      });

      it('output[:, -1, H:] is the backward direction after reading one step: PyTorch\'s run on x[:, -1:] alone', () => {
        for (let b = 0; b < B; b++) expectClose(at(b, T - 1, H, 2 * H), fixture.last_step_only[b]!, `output[${b}, -1, H:]`);
        // And it is not the summary: it differs from h_n[1] (the fixture's numbers are generic).
        const gap = Math.max(...at(0, T - 1, H, 2 * H).map((v, j) => Math.abs(v - fixture.h_n[1]![0]![j]!)));
        expect(gap).toBeGreaterThan(1e-3); // nine orders above the 1e-12 agreement
      });
    });
  }
});
