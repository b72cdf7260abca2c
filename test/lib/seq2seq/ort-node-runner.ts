/**
 * Test helper: a ModelRunner over onnxruntime-web's WASM backend in Node, one thread, for the
 * committed G2P model files. (The browser's runner is lib/onnx/runtime.ts.)
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import type { ModelRunner, RunnerTensor } from '../../../lib/onnx/runner.ts';
import { createSeq2SeqModel, type Seq2SeqModel } from '../../../lib/seq2seq/g2p-model.ts';
import { parseVocab } from '../../../lib/seq2seq/phoneme-vocab.ts';

/** The folder with encoder.onnx, decoder-step.onnx and vocab.json. */
export const G2P_DIR = new URL('../../../public/models/g2p/', import.meta.url).pathname;

/** A ModelRunner on an ORT-web session made from an .onnx file. */
export async function ortNodeRunner(path: string): Promise<ModelRunner> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(path), { executionProviders: ['wasm'] });
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds: Record<string, RunnerTensor>) {
      const inputs: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor(t.type, t.data, [...t.dims]);
      const outputs = await session.run(inputs);
      const result: Record<string, RunnerTensor> = {};
      for (const [name, t] of Object.entries(outputs)) {
        result[name] = { type: t.type as RunnerTensor['type'], data: t.data as RunnerTensor['data'], dims: t.dims };
      }
      return result;
    },
    release: () => session.release(),
  };
}

/** The committed G2P model, run by ORT-web (WASM) in Node. */
export async function loadCommittedG2P(): Promise<Seq2SeqModel> {
  const vocab = parseVocab(JSON.parse(readFileSync(`${G2P_DIR}vocab.json`, 'utf8')));
  const [encoder, decoderStep] = await Promise.all([
    ortNodeRunner(`${G2P_DIR}encoder.onnx`),
    ortNodeRunner(`${G2P_DIR}decoder-step.onnx`),
  ]);
  return createSeq2SeqModel(encoder, decoderStep, vocab);
}
