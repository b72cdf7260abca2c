/**
 * The protobuf codec: decoding torch's files and re-encoding them loses nothing (the re-encoded file decodes
 * to the same message and onnxruntime-web gives bit-identical outputs), and tensor values are read from every
 * field ONNX allows (raw_data, float_data, double_data, int32_data, int64_data).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { decodeModel, encodeModel } from '../../../lib/onnx/onnx-codec.ts';
import { DataType, emptyTensor } from '../../../lib/onnx/onnx-messages.ts';
import { floatTensor, int64Tensor, tensorValues } from '../../../lib/onnx/tensor-data.ts';
import { OnnxFormatError } from '../../../lib/onnx/errors.ts';
import { fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import { runOrt } from './ort.ts';

const folder = fileURLToPath(new URL('../../fixtures/onnx/', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.onnx'));

describe('codec round trip', () => {
  it('has files to read', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(`${file}: decode → encode → decode is the identity, and ORT's outputs are bit-identical`, async () => {
      const original = new Uint8Array(readFileSync(folder + file));
      const message = decodeModel(original);
      expect(message.graph!.node.length).toBeGreaterThan(0);
      const again = encodeModel(message);
      expect(decodeModel(again)).toEqual(message);
      const sidecar = JSON.parse(readFileSync(folder + file.replace(/\.onnx$/, '.json'), 'utf8')) as { inputs: { input: NestedNumbers } };
      const feeds = { input: fromNested(sidecar.inputs.input) };
      const [a, b] = [await runOrt(original, feeds), await runOrt(again, feeds)];
      expect(Array.from(b.output!.data)).toEqual(Array.from(a.output!.data));
    });
  }

  it('reads what torch wrote: opset 14, named nodes, initializers in raw_data', () => {
    const message = decodeModel(new Uint8Array(readFileSync(`${folder}lstm.onnx`)));
    expect(message.opsetImport).toContainEqual({ domain: '', version: 14 });
    expect(message.producerName).toBe('pytorch');
    const lstm = message.graph!.node.find((n) => n.opType === 'LSTM')!;
    expect(lstm.name).toBe('/rnn/LSTM');
    expect(lstm.attribute.find((a) => a.name === 'hidden_size')!.i).toBe(7);
    const weight = message.graph!.initializer.find((t) => t.name === lstm.input[1])!;
    expect(weight.dims).toEqual([1, 28, 5]);
    expect(weight.rawData!.length).toBe(28 * 5 * 4);
  });
});

describe('tensor values', () => {
  it('reads float_data, double_data, int32_data and int64_data as well as raw_data', () => {
    const base = { ...emptyTensor(), name: 't', dims: [2, 2] };
    expect(Array.from(tensorValues({ ...base, dataType: DataType.FLOAT, floatData: [1.5, -2, 3, 4] }).data)).toEqual([1.5, -2, 3, 4]);
    expect(Array.from(tensorValues({ ...base, dataType: DataType.DOUBLE, doubleData: [0.1, 0.2, 0.3, 0.4] }).data)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(Array.from(tensorValues({ ...base, dataType: DataType.INT32, int32Data: [-1, 0, 1, 2] }).data)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(tensorValues({ ...base, dataType: DataType.INT64, int64Data: [-5, 0, 7, 2 ** 40] }).data)).toEqual([-5, 0, 7, 2 ** 40]);
    expect(Array.from(tensorValues(floatTensor('f', [3], [0.5, -0.25, 8])).data)).toEqual([0.5, -0.25, 8]);
    expect(Array.from(tensorValues(int64Tensor('i', [2], [-3, 2 ** 33])).data)).toEqual([-3, 2 ** 33]);
  });

  it('reads typed fields through the codec, and raw_data at an odd byte offset', () => {
    const raw = floatTensor('w', [3], [1, 2, 3]);
    const doubles = { ...emptyTensor(), name: 'd', dims: [2], dataType: DataType.DOUBLE, doubleData: [Math.PI, -Math.E] };
    const longs = { ...emptyTensor(), name: 'l', dims: [2], dataType: DataType.INT64, int64Data: [-1, 123456789012] };
    const model = {
      irVersion: 7, opsetImport: [{ domain: '', version: 14 }], producerName: 'a', producerVersion: '',
      graph: { node: [], name: 'g', initializer: [raw, doubles, longs], input: [], output: [], valueInfo: [] },
    };
    const back = decodeModel(encodeModel(model)).graph!.initializer;
    expect(back.map((t) => Array.from(tensorValues(t).data))).toEqual([[1, 2, 3], [Math.PI, -Math.E], [-1, 123456789012]]);
    const shifted = new Uint8Array(13);
    shifted.set(raw.rawData!, 1); // float32 values starting at byte 1 of their buffer
    expect(Array.from(tensorValues({ ...raw, rawData: shifted.subarray(1) }).data)).toEqual([1, 2, 3]);
  });

  it('refuses a count that does not fit the dims, and values kept in an external file', () => {
    expect(() => tensorValues({ ...emptyTensor(), name: 'w', dims: [2, 3], dataType: DataType.FLOAT, floatData: [1, 2] })).toThrow(/has 2 values; shape \[2, 3\] needs 6/);
    expect(() => tensorValues({ ...floatTensor('w', [2], [1, 2]), dims: [3] })).toThrow(/8 bytes of raw data; shape \[3\] of float32 needs 12/);
    expect(() => tensorValues({ ...emptyTensor(), name: 'w', dims: [2], dataType: DataType.FLOAT, dataLocation: 1 })).toThrow(/external file/);
    expect(() => tensorValues({ ...emptyTensor(), name: 's', dims: [1], dataType: DataType.STRING })).toThrow(/string values/);
    // A corrupt header claiming 10^18 elements is refused from the bytes present, before any allocation.
    expect(() => tensorValues({ ...floatTensor('w', [2], [1, 2]), dims: [1e9, 1e9] })).toThrow(/needs 4000000000000000000/);
  });

  it('refuses an int64 beyond 2^53 instead of rounding it', () => {
    const w = new BinaryWriter();
    w.tag(1, WireType.Varint).int64(2n ** 60n);
    const bytes = w.finish();
    expect(() => decodeModel(bytes)).toThrow(OnnxFormatError);
    expect(() => decodeModel(bytes)).toThrow(/safe integer range/);
  });
});
