/**
 * The language model's ONNX export (scripts/lm/export_onnx.py) runs in onnxruntime-web (WASM, one thread,
 * in Node) as PyTorch computed it, both in one call over a whole sequence and one character at a time with
 * (h, c) carried from step to step, which is how the page decodes.
 *
 * Reference: test/fixtures/lm/char-lstm-tiny.{onnx,json}, written by scripts/lm/make_fixture.py
 * (`/usr/bin/python3 scripts/lm/make_fixture.py`, PyTorch 1.13, torch.onnx.export opset 14): a seeded
 * random 2-layer × 16 model over the 87-symbol vocabulary, a batch of two 29-character texts, a non-zero
 * initial state, and PyTorch's logits, h_out and c_out.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAbsError } from './lib/onnx/ort.ts';

const TOLERANCE = 1e-5;
const folder = fileURLToPath(new URL('./fixtures/lm/', import.meta.url));

interface Fixture {
  inputs: { tokens: number[][]; h: number[][][]; c: number[][][] };
  outputs: { logits: number[][][]; h_out: number[][][]; c_out: number[][][] };
}

const fixture = JSON.parse(readFileSync(`${folder}char-lstm-tiny.json`, 'utf8')) as Fixture;
const [layers, batch, hidden] = [fixture.inputs.h.length, fixture.inputs.h[0]!.length, fixture.inputs.h[0]![0]!.length];
const steps = fixture.inputs.tokens[0]!.length;
const vocab = fixture.outputs.logits[0]![0]!.length;
let session: ort.InferenceSession;

/** An int64 tensor of token ids [rows, columns]. */
function tokensTensor(rows: number[][]): ort.Tensor {
  return new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
}

/** A float32 state tensor [layers, batch, hidden]. */
function stateTensor(state: number[][][]): ort.Tensor {
  return new ort.Tensor('float32', Float32Array.from(state.flat(2)), [layers, state[0]!.length, hidden]);
}

beforeAll(async () => {
  session = await ort.InferenceSession.create(new Uint8Array(readFileSync(`${folder}char-lstm-tiny.onnx`)), {
    executionProviders: ['wasm'],
  });
});
afterAll(async () => {
  await session?.release();
});

describe('char-LSTM ONNX (scripts/lm/export_onnx.py) in onnxruntime-web', () => {
  it('names its inputs and outputs as the page expects', () => {
    expect(session.inputNames).toEqual(['tokens', 'h', 'c']);
    expect(session.outputNames).toEqual(['logits', 'h_out', 'c_out']);
  });

  it(`a whole sequence in one call matches PyTorch within ${TOLERANCE}`, async () => {
    const out = await session.run({
      tokens: tokensTensor(fixture.inputs.tokens),
      h: stateTensor(fixture.inputs.h),
      c: stateTensor(fixture.inputs.c),
    });
    expect(out.logits!.dims).toEqual([batch, steps, vocab]);
    expect(maxAbsError(out.logits!.data as Float32Array, fixture.outputs.logits.flat(2))).toBeLessThan(TOLERANCE);
    expect(maxAbsError(out.h_out!.data as Float32Array, fixture.outputs.h_out.flat(2))).toBeLessThan(TOLERANCE);
    expect(maxAbsError(out.c_out!.data as Float32Array, fixture.outputs.c_out.flat(2))).toBeLessThan(TOLERANCE);
  });

  it(`one character at a time, batch 1, with (h, c) carried, matches PyTorch within ${TOLERANCE}`, async () => {
    for (let row = 0; row < batch; row++) {
      let h = stateTensor(fixture.inputs.h.map((layer) => [layer[row]!]));
      let c = stateTensor(fixture.inputs.c.map((layer) => [layer[row]!]));
      let worst = 0;
      for (let t = 0; t < steps; t++) {
        const out = await session.run({ tokens: tokensTensor([[fixture.inputs.tokens[row]![t]!]]), h, c });
        expect(out.logits!.dims).toEqual([1, 1, vocab]);
        worst = Math.max(worst, maxAbsError(out.logits!.data as Float32Array, fixture.outputs.logits[row]![t]!));
        h = out.h_out!;
        c = out.c_out!;
      }
      expect(worst).toBeLessThan(TOLERANCE);
      const hFinal = fixture.outputs.h_out.map((layer) => layer[row]!).flat();
      expect(maxAbsError(h.data as Float32Array, hFinal)).toBeLessThan(TOLERANCE);
    }
  });

  it('a wrong state fed in changes the logits (the state input is used)', async () => {
    const zeros = fixture.inputs.h.map((layer) => layer.map((v) => v.map(() => 0)));
    const out = await session.run({
      tokens: tokensTensor(fixture.inputs.tokens),
      h: stateTensor(zeros),
      c: stateTensor(zeros),
    });
    expect(maxAbsError(out.logits!.data as Float32Array, fixture.outputs.logits.flat(2))).toBeGreaterThan(1e-3);
  });
});
