/**
 * Bad input never escapes as anything but an OnnxFormatError whose message names the problem: truncated files,
 * random bytes, flipped bytes, an unsupported op, a missing initializer, a shape mismatch, and the patterns the
 * core cannot represent (non-zero initial state, sequence_lens, the final state as output, a GRU with
 * linear_before_reset = 0, an op applied to the sequence other than the stack's and the head's).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../../../lib/onnx/onnx-codec.ts';
import { importOnnx } from '../../../lib/onnx/import.ts';
import { readInitializer, readRecurrentLayers } from '../../../lib/onnx/read-recurrent.ts';
import { OnnxFormatError } from '../../../lib/onnx/errors.ts';
import { emptyAttribute, type ModelMessage, type NodeMessage } from '../../../lib/onnx/onnx-messages.ts';
import { floatTensor, int64Tensor } from '../../../lib/onnx/tensor-data.ts';
import { createRandom } from '../../../lib/random.ts';

const folder = fileURLToPath(new URL('../../fixtures/onnx/', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${folder}${name}.onnx`));

/** The error a call throws (the test fails if it returns or throws something else). */
function formatError(call: () => unknown): OnnxFormatError {
  try {
    call();
  } catch (error) {
    if (error instanceof OnnxFormatError) return error;
    throw new Error(`expected an OnnxFormatError, got ${String(error)}`);
  }
  throw new Error('expected an OnnxFormatError, but the call returned');
}

/** A torch fixture, edited as a message and encoded again. */
function edited(name: string, edit: (model: ModelMessage) => void): Uint8Array {
  const model = decodeModel(fixture(name));
  edit(model);
  return encodeModel(model);
}

const nodeOf = (model: ModelMessage, opType: string): NodeMessage => model.graph!.node.find((n) => n.opType === opType)!;

describe('corrupt files', () => {
  it('every truncation of a file is reported as truncated, by import and by the layer reader', () => {
    const bytes = fixture('lstm_bidirectional_2layer');
    for (let cut = 0; cut < bytes.length; cut += 97) {
      for (const read of [importOnnx, readRecurrentLayers]) {
        const error = formatError(() => read(bytes.subarray(0, cut)));
        expect(error.problem, `cut at ${cut}`).toBe('corrupt');
        expect(error.message, `cut at ${cut}`).toMatch(/truncated|empty/);
      }
    }
    expect(formatError(() => importOnnx(bytes.subarray(0, bytes.length - 1))).message).toMatch(/truncated/);
  });

  it('random bytes of any length are an OnnxFormatError, never another error', () => {
    const random = createRandom(42);
    for (let trial = 0; trial < 300; trial++) {
      const bytes = new Uint8Array(1 + Math.floor(random.uniform(0, 3000)));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.uniform(0, 256));
      formatError(() => importOnnx(bytes));
      formatError(() => readRecurrentLayers(bytes));
    }
  });

  it('a flipped byte anywhere either still imports or is an OnnxFormatError', () => {
    const original = fixture('gru_2layer');
    let refused = 0;
    for (let at = 0; at < original.length; at += 7) {
      const bytes = original.slice();
      bytes[at] ^= 0xff;
      try {
        importOnnx(bytes);
      } catch (error) {
        expect(error, `flip at byte ${at}`).toBeInstanceOf(OnnxFormatError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('an empty file and a text file say what they are not', () => {
    expect(formatError(() => importOnnx(new Uint8Array(0))).message).toMatch(/empty/);
    expect(formatError(() => importOnnx(new TextEncoder().encode('{"format": "unrolled-state-dict"}'))).message).toMatch(/Not a readable ONNX file|not ONNX/);
  });
});

describe('models outside what import reads', () => {
  it('an unsupported op: named, with its node', () => {
    const bytes = edited('lstm', (model) => {
      const add = nodeOf(model, 'Add');
      add.output = ['logits'];
      model.graph!.node.push({ opType: 'Softmax', name: 'probabilities', domain: '', input: ['logits'], output: ['output'], attribute: [] });
    });
    const error = formatError(() => importOnnx(bytes));
    expect(error.problem).toBe('unsupported');
    expect(error.message).toMatch(/Unsupported op "Softmax" in node "probabilities"/);
  });

  it('a missing initializer: named, by import, readRecurrentLayers and readInitializer', () => {
    let missing = '';
    const bytes = edited('gru', (model) => {
      missing = nodeOf(model, 'GRU').input[1]!;
      model.graph!.initializer = model.graph!.initializer.filter((t) => t.name !== missing);
    });
    for (const read of [importOnnx, readRecurrentLayers]) {
      const error = formatError(() => read(bytes));
      expect(error.problem).toBe('missing');
      expect(error.message).toContain(`"${missing}"`);
      expect(error.message).toMatch(/no initializer/);
    }
    expect(formatError(() => readInitializer(bytes, missing)).message).toContain(`no initializer named "${missing}"`);
  });

  it('a shape mismatch: the tensor, its shape and the expected one', () => {
    const bytes = edited('lstm', (model) => {
      const lstm = nodeOf(model, 'LSTM');
      const graph = model.graph!;
      graph.initializer = graph.initializer.map((t) => (t.name === lstm.input[2] ? floatTensor(t.name, [1, 28, 6], new Float64Array(168)) : t));
    });
    const error = formatError(() => importOnnx(bytes));
    expect(error.problem).toBe('shape');
    expect(error.message).toMatch(/LSTM node "\/rnn\/LSTM": R has shape \[1, 28, 6\], expected \[1, 28, 7\]/);
    const head = edited('lstm', (model) => {
      const matmul = nodeOf(model, 'MatMul');
      model.graph!.initializer = model.graph!.initializer.map((t) => (t.name === matmul.input[1] ? floatTensor(t.name, [6, 4], new Float64Array(24)) : t));
    });
    expect(formatError(() => importOnnx(head)).message).toMatch(/head's weight has shape \[6, 4\], expected \[7, output size\]/);
  });

  it('a non-zero initial state', () => {
    const bytes = edited('rnn_tanh', (model) => {
      const fill = nodeOf(model, 'ConstantOfShape');
      fill.attribute = [{ ...emptyAttribute(), name: 'value', type: 4, t: floatTensor('value', [1], [0.5]) }];
    });
    expect(formatError(() => importOnnx(bytes)).message).toMatch(/non-zero initial_h/);
  });

  it('sequence lengths, which the core model does not take', () => {
    const bytes = edited('gru', (model) => {
      model.graph!.initializer.push(int64Tensor('lengths', [3], [6, 6, 6]));
      nodeOf(model, 'GRU').input[4] = 'lengths';
    });
    expect(formatError(() => importOnnx(bytes)).message).toMatch(/sequence_lens/);
  });

  it('the final state as the output', () => {
    const bytes = edited('lstm', (model) => {
      const lstm = nodeOf(model, 'LSTM');
      const matmul = nodeOf(model, 'MatMul');
      model.graph!.node = model.graph!.node.filter((n) => n !== nodeOf(model, 'Squeeze'));
      matmul.input[0] = lstm.output[1]!;
    });
    expect(formatError(() => importOnnx(bytes)).message).toMatch(/final state of "\/rnn\/LSTM"/);
  });

  it('a GRU with linear_before_reset = 0', () => {
    const bytes = edited('gru', (model) => {
      const gru = nodeOf(model, 'GRU');
      gru.attribute = gru.attribute.filter((a) => a.name !== 'linear_before_reset');
    });
    expect(formatError(() => readRecurrentLayers(bytes)).message).toMatch(/linear_before_reset = 0/);
  });

  it('a known op applied to the sequence in another way (Gather picking a step)', () => {
    const bytes = edited('rnn_tanh', (model) => {
      const squeeze = nodeOf(model, 'Squeeze');
      const matmul = nodeOf(model, 'MatMul');
      model.graph!.initializer.push(int64Tensor('last', [], [5]));
      model.graph!.node.splice(model.graph!.node.indexOf(matmul), 0, { opType: 'Gather', name: 'last_step', domain: '', input: [squeeze.output[0]!, 'last'], output: ['last_step_output'], attribute: [] });
      matmul.input[0] = 'last_step_output';
    });
    expect(formatError(() => importOnnx(bytes)).message).toMatch(/node "last_step" \(Gather\) applies to the sequence itself/);
  });

  it('a head on something other than the last layer, and an output laid out unlike the input', () => {
    const swapped = edited('lstm', (model) => {
      const add = nodeOf(model, 'Add');
      add.output = ['time_major'];
      model.graph!.node.push({ opType: 'Transpose', name: 'to_batch_first', domain: '', input: ['time_major'], output: ['output'], attribute: [{ ...emptyAttribute(), name: 'perm', type: 7, ints: [1, 0, 2] }] });
    });
    expect(formatError(() => importOnnx(swapped)).message).toMatch(/not the stack's head output laid out like the input/);
  });
});
