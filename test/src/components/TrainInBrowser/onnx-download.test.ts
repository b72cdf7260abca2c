/**
 * Chapter 10's ONNX download: a model trained a few updates on the names task, exported as the page exports
 * it (state-dict JSON → stateDictToOnnx), runs in onnxruntime-web (WASM, Node) and predicts what the core
 * predicts for the same one-hot name, within 1e-5.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../lib/train/session.ts';
import { createTask } from '../../../../lib/train/tasks/registry.ts';
import { exportStateDict } from '../../../../lib/train/state-dict-json.ts';
import { recurrentForward } from '../../../../lib/nn/sequence.ts';
import { linearForward } from '../../../../lib/nn/linear.ts';
import { onnxFileName, stateDictToOnnx } from '../../../../src/components/TrainInBrowser/onnx-download.ts';
import { trainingChoice } from '../../../../src/components/TrainInBrowser/settings.ts';
import { maxAbsError, runOrt } from '../../../lib/onnx/ort.ts';

const names = JSON.parse(readFileSync('public/data/names.json', 'utf8'));

describe('ONNX download of the trained model', () => {
  const task = createTask({ task: 'names', data: { train: names.train.slice(0, 200), validation: names.validation.slice(0, 20) } });
  if (task.id !== 'names') throw new Error('wrong task');

  for (const model of ['LSTM', 'GRU', 'RNN'] as const) {
    it(`${model}: the exported file runs in onnxruntime-web and matches the core's prediction`, async () => {
      const session = createSession(task, trainingChoice({ model, hidden: 8 }).settings);
      for (let i = 0; i < 3; i++) session.step();
      const json = exportStateDict(session.model, session.head, { task: 'names', readout: task.readout, vocabulary: task.vocabulary.symbols });
      const bytes = stateDictToOnnx(json);
      const ids = task.train[0]!;
      const V = task.inputSize;
      const oneHot = new Float64Array(ids.length * V);
      ids.forEach((id, t) => { oneHot[t * V + id] = 1; });
      const input = { shape: [ids.length, 1, V], data: oneHot };
      const core = linearForward(session.head, recurrentForward(session.model, input).output);
      const { output } = await runOrt(bytes, { input });
      expect(output!.dims).toEqual([ids.length, 1, task.outputSize]);
      const error = maxAbsError(output!.data, core.data);
      console.log(`chapter 10 ONNX download, ${model}: max |core − ORT| = ${error.toExponential(2)}`);
      expect(error).toBeLessThanOrEqual(1e-5);
    });
  }

  it('names the file after the JSON one, and refuses a state dict that does not load', () => {
    expect(onnxFileName('names-lstm.json')).toBe('names-lstm.onnx');
    const session = createSession(task, trainingChoice({ hidden: 4 }).settings);
    const json = exportStateDict(session.model, session.head, { task: 'names', readout: task.readout });
    expect(() => stateDictToOnnx({ ...json, state_dict: { ...json.state_dict, 'fc.bias': [1, 2] } })).toThrow(/fc.bias has shape \[2\]/);
  });
});
