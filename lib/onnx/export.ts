/**
 * Export a core SequenceModel to ONNX (opset 14) with the standard RNN / LSTM / GRU operators, one node per
 * layer, so that onnxruntime (or any ONNX runtime) computes what the core computes:
 *
 *   input [T, B, D]  (or [B, T, D] batch-first: a Transpose to time-major first)
 *   layer k: RNN|LSTM|GRU → Y [T, dirs, B, H] → Transpose [0, 2, 1, 3] → Reshape [0, 0, dirs·H] → [T, B, dirs·H]
 *   head: MatMul with Wᵀ [dirs·H, O], then Add b        → output [T, B, O]  (Transpose back if batch-first)
 *
 * Weights go in float32 (onnxruntime's RNN kernels are float32), converted to ONNX's layout and gate order by
 * recurrent-layout.ts; GRU nodes carry linear_before_reset = 1, PyTorch's GRU.
 */
import { getTextEncoding } from '@bufbuild/protobuf/wire';
import { encodeModel } from './onnx-codec.ts';
import { OnnxFormatError } from './errors.ts';
import { AttributeType, DataType, emptyAttribute, type AttributeMessage, type NodeMessage, type TensorMessage, type ValueInfoMessage } from './onnx-messages.ts';
import { torchToOnnxGates } from './recurrent-layout.ts';
import { floatTensor, int64Tensor } from './tensor-data.ts';
import { cellParams } from '../nn/recurrent.ts';
import type { SequenceModel } from './sequence-model.ts';

/** The opset the export writes (the course's ONNX files all use 14). */
export const EXPORT_OPSET = 14;

/** Options of exportToOnnx. */
export interface ExportOptions {
  /** Name of the graph input (default "input"). */
  readonly inputName?: string;
  /** Name of the graph output (default "output"). */
  readonly outputName?: string;
  /** Stored in the file's producer_name (default "unrolled"). */
  readonly producer?: string;
}


function intAttribute(name: string, value: number): AttributeMessage {
  return { ...emptyAttribute(), name, type: AttributeType.INT, i: value };
}

function intsAttribute(name: string, values: number[]): AttributeMessage {
  return { ...emptyAttribute(), name, type: AttributeType.INTS, ints: values };
}

function stringAttribute(name: string, value: string): AttributeMessage {
  return { ...emptyAttribute(), name, type: AttributeType.STRING, s: getTextEncoding().encodeUtf8(value) };
}

function stringsAttribute(name: string, values: string[]): AttributeMessage {
  return { ...emptyAttribute(), name, type: AttributeType.STRINGS, strings: values.map((v) => getTextEncoding().encodeUtf8(v)) };
}

function node(opType: string, name: string, input: string[], output: string[], attribute: AttributeMessage[] = []): NodeMessage {
  return { opType, name, input, output, attribute, domain: '' };
}

function floatValue(name: string, dims: (number | string)[]): ValueInfoMessage {
  return { name, type: { elemType: DataType.FLOAT, shape: dims.map((d) => (typeof d === 'number' ? { value: d, param: '' } : { value: null, param: d })) } };
}

/** The model as the bytes of an .onnx file (opset 14, float32 weights); non-finite weights throw. */
export function exportToOnnx(model: SequenceModel, options: ExportOptions = {}): Uint8Array {
  const { inputName = 'input', outputName = 'output', producer = 'unrolled' } = options;
  const { kind, inputSize: D, hiddenSize: H, numLayers, directions: dirs, gates, batchFirst, bias, activation } = model.recurrent.config;
  if (kind === 'RNN' && activation.name !== 'tanh' && activation.name !== 'relu') {
    throw new OnnxFormatError('unsupported', `The RNN's nonlinearity "${activation.name}" has no ONNX RNN activation; only tanh and relu export.`);
  }
  for (const p of model.recurrent.parameters) {
    if (!p.value.every(Number.isFinite)) throw new OnnxFormatError('shape', `Parameter ${p.name} holds a non-finite value; a model with NaN or Infinity cannot be exported.`);
  }
  const nodes: NodeMessage[] = [];
  const initializers: TensorMessage[] = [];
  const GH = gates * H;
  let x = inputName;
  if (batchFirst) {
    nodes.push(node('Transpose', 'input_to_time_major', [x], ['input_time_major'], [intsAttribute('perm', [1, 0, 2])]));
    x = 'input_time_major';
  }
  initializers.push(int64Tensor('layer_output_shape', [3], [0, 0, dirs * H]));
  for (let layer = 0; layer < numLayers; layer++) {
    const layerInput = layer === 0 ? D : dirs * H;
    const W = new Float64Array(dirs * GH * layerInput);
    const R = new Float64Array(dirs * GH * H);
    const B = new Float64Array(dirs * 2 * GH);
    for (let d = 0; d < dirs; d++) {
      const p = cellParams(model.recurrent, layer, d);
      W.set(torchToOnnxGates(kind, p.weightIh, H, layerInput), d * GH * layerInput);
      R.set(torchToOnnxGates(kind, p.weightHh, H, H), d * GH * H);
      if (p.biasIh && p.biasHh) {
        B.set(torchToOnnxGates(kind, p.biasIh, H), 2 * d * GH);
        B.set(torchToOnnxGates(kind, p.biasHh, H), (2 * d + 1) * GH);
      }
    }
    const prefix = `${kind.toLowerCase()}_l${layer}`;
    initializers.push(floatTensor(`${prefix}_W`, [dirs, GH, layerInput], W), floatTensor(`${prefix}_R`, [dirs, GH, H], R));
    if (bias) initializers.push(floatTensor(`${prefix}_B`, [dirs, 2 * GH], B));
    const attributes = [intAttribute('hidden_size', H), stringAttribute('direction', dirs === 2 ? 'bidirectional' : 'forward')];
    if (kind === 'RNN') attributes.push(stringsAttribute('activations', new Array<string>(dirs).fill(activation.name === 'relu' ? 'Relu' : 'Tanh')));
    if (kind === 'GRU') attributes.push(intAttribute('linear_before_reset', 1));
    nodes.push(node(kind, prefix, [x, `${prefix}_W`, `${prefix}_R`, bias ? `${prefix}_B` : ''], [`${prefix}_Y`], attributes));
    nodes.push(node('Transpose', `${prefix}_directions_inward`, [`${prefix}_Y`], [`${prefix}_Y_tbdh`], [intsAttribute('perm', [0, 2, 1, 3])]));
    nodes.push(node('Reshape', `${prefix}_concat_directions`, [`${prefix}_Y_tbdh`, 'layer_output_shape'], [`${prefix}_output`]));
    x = `${prefix}_output`;
  }
  let outWidth = dirs * H;
  if (model.head) {
    const { inFeatures, outFeatures, weight, bias: headBias } = model.head;
    if (inFeatures !== dirs * H) throw new OnnxFormatError('shape', `The head reads ${inFeatures} features; the stack writes ${dirs * H}.`);
    if (!weight.value.every(Number.isFinite) || (headBias && !headBias.value.every(Number.isFinite))) throw new OnnxFormatError('shape', 'The head holds a non-finite value; a model with NaN or Infinity cannot be exported.');
    const transposed = new Float64Array(inFeatures * outFeatures);
    for (let o = 0; o < outFeatures; o++) for (let i = 0; i < inFeatures; i++) transposed[i * outFeatures + o] = weight.value[o * inFeatures + i]!;
    initializers.push(floatTensor('fc_weight_t', [inFeatures, outFeatures], transposed));
    nodes.push(node('MatMul', 'fc_matmul', [x, 'fc_weight_t'], [headBias ? 'fc_matmul_output' : 'fc_output']));
    if (headBias) {
      initializers.push(floatTensor('fc_bias', [outFeatures], headBias.value));
      nodes.push(node('Add', 'fc_add_bias', ['fc_matmul_output', 'fc_bias'], ['fc_output']));
    }
    x = 'fc_output';
    outWidth = outFeatures;
  }
  nodes.push(batchFirst
    ? node('Transpose', 'output_to_batch_first', [x], [outputName], [intsAttribute('perm', [1, 0, 2])])
    : node('Identity', 'output', [x], [outputName]));
  const leading = batchFirst ? ['batch', 'time'] : ['time', 'batch'];
  return encodeModel({
    irVersion: 7,
    opsetImport: [{ domain: '', version: EXPORT_OPSET }],
    producerName: producer,
    producerVersion: '1',
    graph: {
      name: `${kind.toLowerCase()}_sequence_model`,
      node: nodes,
      initializer: initializers,
      input: [floatValue(inputName, [...leading, D])],
      output: [floatValue(outputName, [...leading, outWidth])],
      valueInfo: [],
    },
  });
}
