/**
 * importOnnx and readRecurrentLayers / readInitializer against their sources of truth:
 *   - export → import gives back the identical model (weights that are float32 values survive exactly);
 *   - files from torch.onnx.export give PyTorch's own state dict (stored beside each fixture by
 *     scripts/make_onnx_fixtures.py), key for key, exactly;
 *   - an embedding + bidirectional LSTM graph (the G2P encoder's shape) yields its LSTM and embedding, and
 *     replaying them in the core reproduces PyTorch's outputs within 1e-5.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importOnnx } from '../../../lib/onnx/import.ts';
import { exportToOnnx } from '../../../lib/onnx/export.ts';
import { readInitializer, readRecurrentLayers } from '../../../lib/onnx/read-recurrent.ts';
import { sequenceModelForward } from '../../../lib/onnx/sequence-model.ts';
import { createLSTM, loadStateDict, stateDict } from '../../../lib/nn/recurrent.ts';
import { recurrentForward } from '../../../lib/nn/sequence.ts';
import { fromNested, type NestedNumbers } from '../../../lib/tensor.ts';
import { MODEL_CASES, makeInput, makeModel } from './models.ts';
import { maxAbsError } from './ort.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/onnx/', import.meta.url));
const graphs = fileURLToPath(new URL('../../fixtures/onnx-graphs/', import.meta.url));

interface Sidecar {
  inputs: Record<string, NestedNumbers>;
  outputs: Record<string, NestedNumbers>;
  about: { module: string; num_layers: number; bidirectional: boolean; bias: boolean; batch_first: boolean; nonlinearity: string | null; hidden_size: number; input_size: number; output_size: number };
  state_dict: Record<string, NestedNumbers>;
}

const flat = (value: NestedNumbers): number[] => Array.from(fromNested(value).data);

describe('export → import round trip', () => {
  MODEL_CASES.forEach((c, index) => {
    it(`${c.name}: identical configuration and weights`, () => {
      const model = makeModel(c, 300 + index, true);
      const back = importOnnx(exportToOnnx(model));
      const { config } = back.recurrent;
      const original = model.recurrent.config;
      expect({ ...config, activation: config.activation.name }).toEqual({ ...original, activation: original.activation.name });
      const before = stateDict(model.recurrent);
      const after = stateDict(back.recurrent);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const key of Object.keys(before)) {
        expect(after[key]!.shape, key).toEqual(before[key]!.shape);
        expect(Array.from(after[key]!.data), key).toEqual(Array.from(before[key]!.data));
      }
      if (model.head) {
        expect(back.head!.weight.shape).toEqual(model.head.weight.shape);
        expect(Array.from(back.head!.weight.value)).toEqual(Array.from(model.head.weight.value));
        expect(Array.from(back.head!.bias!.value)).toEqual(Array.from(model.head.bias!.value));
      } else {
        expect(back.head).toBeNull();
      }
      const input = makeInput(c, 1);
      expect(Array.from(sequenceModelForward(back, input).data)).toEqual(Array.from(sequenceModelForward(model, input).data));
    });
  });

  it('imports into float32 when asked', () => {
    const c = MODEL_CASES[1]!;
    const back = importOnnx(exportToOnnx(makeModel(c, 5)), { dtype: 'float32' });
    expect(back.recurrent.config.dtype).toBe('float32');
    expect(back.recurrent.parameters[0]!.value).toBeInstanceOf(Float32Array);
    expect(back.head!.weight.value).toBeInstanceOf(Float32Array);
  });
});

describe('importOnnx on torch.onnx.export files', () => {
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.onnx')).map((f) => f.replace(/\.onnx$/, ''));
  it('has fixtures to read', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(`${name}: the configuration and PyTorch's exact state dict`, () => {
      const sidecar = JSON.parse(readFileSync(`${fixtures}${name}.json`, 'utf8')) as Sidecar;
      const { recurrent, head } = importOnnx(new Uint8Array(readFileSync(`${fixtures}${name}.onnx`)));
      const { about } = sidecar;
      expect(recurrent.config.kind).toBe(about.module);
      expect(recurrent.config.numLayers).toBe(about.num_layers);
      expect(recurrent.config.bidirectional).toBe(about.bidirectional);
      expect(recurrent.config.batchFirst).toBe(about.batch_first);
      expect(recurrent.config.bias).toBe(about.bias);
      expect(recurrent.config.hiddenSize).toBe(about.hidden_size);
      expect(recurrent.config.inputSize).toBe(about.input_size);
      expect(recurrent.config.activation.name).toBe(about.nonlinearity ?? 'tanh');
      const ours = stateDict(recurrent);
      const torchKeys = Object.keys(sidecar.state_dict).filter((k) => k.startsWith('rnn.')).map((k) => k.slice(4));
      expect(Object.keys(ours)).toEqual(torchKeys);
      for (const key of torchKeys) expect(Array.from(ours[key]!.data), key).toEqual(flat(sidecar.state_dict[`rnn.${key}`]!));
      expect(head!.outFeatures).toBe(about.output_size);
      expect(Array.from(head!.weight.value)).toEqual(flat(sidecar.state_dict['fc.weight']!));
      expect(Array.from(head!.bias!.value)).toEqual(flat(sidecar.state_dict['fc.bias']!));
    });
  }
});

describe('readRecurrentLayers and readInitializer on a graph that is not a plain stack', () => {
  const bytes = new Uint8Array(readFileSync(`${graphs}embedding_bilstm.onnx`));
  const sidecar = JSON.parse(readFileSync(`${graphs}embedding_bilstm.json`, 'utf8')) as {
    inputs: { letters: number[][] }; outputs: { memory: NestedNumbers }; state_dict: Record<string, NestedNumbers>; lstm_node: string; embedding_initializer: string;
  };

  it('finds the one bidirectional LSTM with PyTorch\'s weights, names and shapes', () => {
    const layers = readRecurrentLayers(bytes);
    expect(layers).toHaveLength(1);
    const [lstm] = layers;
    expect(lstm!.name).toBe(sidecar.lstm_node);
    expect(lstm!).toMatchObject({ kind: 'lstm', hiddenSize: 5, inputSize: 6, direction: 'bidirectional', activation: 'tanh', bias: true });
    const keys = Object.keys(sidecar.state_dict).filter((k) => k.startsWith('lstm.')).map((k) => k.slice(5));
    expect(Object.keys(lstm!.weights).sort()).toEqual(keys.sort());
    for (const key of keys) {
      const reference = fromNested(sidecar.state_dict[`lstm.${key}`]!);
      expect(lstm!.weights[key]!.shape, key).toEqual(reference.shape);
      expect(Array.from(lstm!.weights[key]!.data), key).toEqual(Array.from(reference.data));
    }
  });

  it('reads the embedding table by name, and says which names exist when one does not', () => {
    const table = readInitializer(bytes, sidecar.embedding_initializer);
    const reference = fromNested(sidecar.state_dict['embedding.weight']!);
    expect(table.dims).toEqual(reference.shape);
    expect(Array.from(table.data)).toEqual(Array.from(reference.data));
    expect(() => readInitializer(bytes, 'decoder.weight')).toThrow(/no initializer named "decoder.weight".*"embedding.weight"/);
  });

  it('replaying embedding + LSTM in the core reproduces PyTorch\'s outputs within 1e-5', () => {
    const [lstm] = readRecurrentLayers(bytes);
    const table = readInitializer(bytes, sidecar.embedding_initializer);
    const width = table.dims[1]!;
    const letters = sidecar.inputs.letters[0]!;
    const embedded = new Float64Array(letters.length * width);
    letters.forEach((id, t) => embedded.set(table.data.subarray(id * width, (id + 1) * width), t * width));
    const core = createLSTM({ inputSize: lstm!.inputSize, hiddenSize: lstm!.hiddenSize, bidirectional: true });
    loadStateDict(core, lstm!.weights);
    const { output } = recurrentForward(core, { shape: [letters.length, 1, width], data: embedded });
    expect(maxAbsError(output.data, fromNested(sidecar.outputs.memory).data)).toBeLessThanOrEqual(1e-5);
  });

  it('importOnnx refuses the graph, saying why (its input is letter ids, not a sequence of vectors)', () => {
    expect(() => importOnnx(bytes)).toThrow(/input "letters" has rank 2/);
  });
});
