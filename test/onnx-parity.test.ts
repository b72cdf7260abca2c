/**
 * Parity of ONNX files made by PyTorch: every test/fixtures/onnx/<name>.onnx with a sidecar <name>.json
 * ({"inputs": {name: nested list}, "outputs": {name: nested list}}) runs through onnxruntime-web (WASM, one
 * thread) and through lib/onnx's importOnnx + the core's forward pass (float64); both must match the stored
 * PyTorch outputs within 1e-5 (max abs error). The table of errors is printed at the end.
 *
 * Reference: scripts/make_onnx_fixtures.py (`/usr/bin/python3 scripts/make_onnx_fixtures.py`, PyTorch 1.13,
 * torch.onnx.export opset 14). A fixture without a sidecar, or an empty folder, fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromNested, type NestedNumbers } from '../lib/tensor.ts';
import { importOnnx } from '../lib/onnx/import.ts';
import { sequenceModelForward } from '../lib/onnx/sequence-model.ts';
import { maxAbsError, runOrt } from './lib/onnx/ort.ts';

const TOLERANCE = 1e-5;
const folder = fileURLToPath(new URL('./fixtures/onnx/', import.meta.url));
const models = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.onnx')).sort() : [];

interface Sidecar {
  inputs: Record<string, NestedNumbers>;
  outputs: Record<string, NestedNumbers>;
}

const table: { fixture: string; 'ORT max |err|': string; 'core max |err|': string }[] = [];
afterAll(() => {
  if (table.length > 0) console.table(table);
});

describe('ONNX fixtures from torch.onnx.export', () => {
  it('the fixture folder holds models, each with a sidecar', () => {
    expect(models.length, `no .onnx files in ${folder}`).toBeGreaterThan(0);
    const lonely = models.filter((f) => !existsSync(folder + f.replace(/\.onnx$/, '.json')));
    expect(lonely, 'fixtures without a sidecar .json').toEqual([]);
  });

  for (const file of models) {
    const name = file.replace(/\.onnx$/, '');
    it(`${name}: onnxruntime-web and the core's import both match PyTorch within ${TOLERANCE}`, async () => {
      const sidecarPath = `${folder}${name}.json`;
      expect(existsSync(sidecarPath), `${file} has no sidecar ${name}.json`).toBe(true);
      const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
      const bytes = new Uint8Array(readFileSync(folder + file));
      const feeds = Object.fromEntries(Object.entries(sidecar.inputs).map(([key, value]) => [key, fromNested(value)]));
      const expected = Object.entries(sidecar.outputs);
      expect(expected.length, 'the sidecar lists no outputs').toBeGreaterThan(0);
      expect(Object.keys(feeds), 'the core model takes one input').toHaveLength(1);

      const ort = await runOrt(bytes, feeds);
      const model = importOnnx(bytes);
      const core = sequenceModelForward(model, Object.values(feeds)[0]!);
      let ortError = 0;
      let coreError = 0;
      for (const [key, value] of expected) {
        const reference = fromNested(value);
        expect(ort[key], `ORT produced no output "${key}"`).toBeDefined();
        expect(ort[key]!.dims).toEqual(reference.shape);
        expect(core.shape).toEqual(reference.shape);
        ortError = Math.max(ortError, maxAbsError(ort[key]!.data, reference.data));
        coreError = Math.max(coreError, maxAbsError(core.data, reference.data));
      }
      table.push({ fixture: name, 'ORT max |err|': ortError.toExponential(2), 'core max |err|': coreError.toExponential(2) });
      expect(ortError).toBeLessThanOrEqual(TOLERANCE);
      expect(coreError).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
