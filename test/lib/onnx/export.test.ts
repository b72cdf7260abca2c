/**
 * exportToOnnx against onnxruntime-web: the same weights, run by the core (float64) and by ORT's WASM
 * backend (float32) on the exported file, agree within 1e-5 for every module, multi-layer, bidirectional,
 * batch-first, without bias and without head. The core itself is checked against PyTorch in
 * test/parity.test.ts, so agreement here means the file computes what PyTorch would.
 */
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../../lib/onnx/onnx-codec.ts';
import { exportToOnnx, EXPORT_OPSET } from '../../../lib/onnx/export.ts';
import { sequenceModelForward } from '../../../lib/onnx/sequence-model.ts';
import { createLinear } from '../../../lib/nn/linear.ts';
import { createRNN } from '../../../lib/nn/recurrent.ts';
import { customActivation } from '../../../lib/nn/activation.ts';
import { OnnxFormatError } from '../../../lib/onnx/errors.ts';
import { importOnnx } from '../../../lib/onnx/import.ts';
import { createRandom } from '../../../lib/random.ts';
import { MODEL_CASES, makeInput, makeModel } from './models.ts';
import { maxAbsError, runOrt } from './ort.ts';

const TOLERANCE = 1e-5;

describe('exportToOnnx runs in onnxruntime-web and matches the core', () => {
  MODEL_CASES.forEach((c, index) => {
    it(`${c.name}: max |core − ORT| ≤ ${TOLERANCE}`, async () => {
      const model = makeModel(c, 100 + index);
      const input = makeInput(c, 200 + index);
      const bytes = exportToOnnx(model);
      const expected = sequenceModelForward(model, input);
      const { output } = await runOrt(bytes, { input });
      expect(output!.dims).toEqual(expected.shape);
      const error = maxAbsError(output!.data, expected.data);
      console.log(`export ${c.name}: max |core − ORT| = ${error.toExponential(2)}`);
      expect(error).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  it('handles other sequence lengths and batch sizes than the one it was made with (dynamic axes)', async () => {
    const c = MODEL_CASES.find((m) => m.name === 'LSTM 3 layers bidirectional batch-first')!;
    const model = makeModel(c, 7);
    const bytes = exportToOnnx(model);
    for (const [steps, batch] of [[1, 1], [9, 4]] as const) {
      const input = makeInput(c, 8, steps, batch);
      const { output } = await runOrt(bytes, { input });
      expect(maxAbsError(output!.data, sequenceModelForward(model, input).data)).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('a head without bias: MatMul only, matching the core, and read back without bias', async () => {
    const c = MODEL_CASES[0]!;
    const { recurrent } = makeModel(c, 11);
    const head = createLinear(c.options.hiddenSize, 2, { bias: false, random: createRandom(12) });
    const model = { recurrent, head };
    const input = makeInput(c, 13);
    const bytes = exportToOnnx(model);
    expect(decodeModel(bytes).graph!.node.some((n) => n.opType === 'Add')).toBe(false);
    const { output } = await runOrt(bytes, { input });
    expect(maxAbsError(output!.data, sequenceModelForward(model, input).data)).toBeLessThanOrEqual(TOLERANCE);
    const back = importOnnx(bytes);
    expect(back.head!.bias).toBeNull();
    expect(back.head!.outFeatures).toBe(2);
  });

  it('writes one standard recurrent node per layer, opset 14, with the attributes PyTorch semantics need', () => {
    const c = MODEL_CASES.find((m) => m.name === 'GRU 3 layers bidirectional batch-first')!;
    const model = decodeModel(exportToOnnx(makeModel(c, 1)));
    const graph = model.graph!;
    expect(model.opsetImport).toEqual([{ domain: '', version: EXPORT_OPSET }]);
    const grus = graph.node.filter((n) => n.opType === 'GRU');
    expect(grus).toHaveLength(3);
    for (const gru of grus) {
      const attributes = Object.fromEntries(gru.attribute.map((a) => [a.name, a]));
      expect(attributes.linear_before_reset!.i).toBe(1);
      expect(attributes.hidden_size!.i).toBe(6);
      expect(new TextDecoder().decode(attributes.direction!.s)).toBe('bidirectional');
    }
    expect(graph.input.map((v) => v.name)).toEqual(['input']);
    expect(graph.output.map((v) => v.name)).toEqual(['output']);
    expect(graph.input[0]!.type!.shape!.map((d) => d.param || d.value)).toEqual(['batch', 'time', 4]);
    expect(graph.node.filter((n) => n.opType === 'MatMul')).toHaveLength(1);
  });

  it('refuses a custom RNN nonlinearity and non-finite weights, naming them', () => {
    const custom = createRNN({ inputSize: 2, hiddenSize: 2, nonlinearity: customActivation('softsign', (a) => a / (1 + Math.abs(a)), () => 1) });
    expect(() => exportToOnnx({ recurrent: custom, head: null })).toThrow(/nonlinearity "softsign"/);
    const broken = createRNN({ inputSize: 2, hiddenSize: 2 });
    broken.parameters[1]!.value[0] = Number.NaN;
    expect(() => exportToOnnx({ recurrent: broken, head: createLinear(2, 1) })).toThrow(OnnxFormatError);
    expect(() => exportToOnnx({ recurrent: broken, head: null })).toThrow(/weight_hh_l0 holds a non-finite value/);
  });
});
