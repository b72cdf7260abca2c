/**
 * Reading the RNN, LSTM and GRU nodes of any ONNX graph: their options and their weights converted to
 * PyTorch's layout and names (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 and the _reverse variants,
 * LSTM gates i, f, g, o; GRU r, z, n), so the core can replay them. Other nodes are ignored here; import.ts
 * is the reader that understands a whole graph.
 *
 * Supported: direction forward or bidirectional; RNN activations Tanh or Relu; LSTM and GRU with their
 * default activations; GRU with linear_before_reset = 1 (PyTorch's GRU); no clip, no peepholes, no
 * input_forget. Anything else is an OnnxFormatError that names the node and the attribute.
 */
import type { CellKind } from '../count.ts';
import { decodeModel, decodeText } from './onnx-codec.ts';
import { OnnxFormatError } from './errors.ts';
import { graphConstants, type GraphConstants } from './graph-constants.ts';
import type { AttributeMessage, NodeMessage } from './onnx-messages.ts';
import { onnxToTorchGates } from './recurrent-layout.ts';
import type { TensorValues } from './tensor-data.ts';

/** A weight in PyTorch's layout: float64 values and their shape. */
export interface RecurrentWeight {
  /** Values, row-major. */
  readonly data: Float64Array;
  /** Shape, e.g. [4H, D] for an LSTM's weight_ih. */
  readonly shape: number[];
}

/** One RNN/LSTM/GRU node of a graph, described as the PyTorch layer it equals. */
export interface RecurrentLayer {
  /** The ONNX node's name (vocab.json's "lstm" field names it). */
  readonly name: string;
  /** Which cell. */
  readonly kind: 'rnn' | 'lstm' | 'gru';
  /** H, hidden units per direction. */
  readonly hiddenSize: number;
  /** D, features per input step. */
  readonly inputSize: number;
  /** One direction, or forward and reverse. */
  readonly direction: 'forward' | 'bidirectional';
  /** The RNN nonlinearity; 'tanh' for LSTM and GRU, whose candidate uses tanh. */
  readonly activation: 'tanh' | 'relu';
  /** Whether the node has a bias input B (PyTorch's bias=True). */
  readonly bias: boolean;
  /** weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (and _reverse), in PyTorch's layout and gate order. */
  readonly weights: Readonly<Record<string, RecurrentWeight>>;
  /** The node's input value names: X, initial_h and initial_c ("" when omitted). */
  readonly inputs: { readonly x: string; readonly sequenceLens: string; readonly initialH: string; readonly initialC: string };
  /** The node's output value names: Y, Y_h and Y_c ("" when omitted). */
  readonly outputs: { readonly y: string; readonly yH: string; readonly yC: string };
}

const KINDS: Readonly<Record<string, CellKind>> = { RNN: 'RNN', LSTM: 'LSTM', GRU: 'GRU' };
const GATES: Readonly<Record<CellKind, number>> = { RNN: 1, LSTM: 4, GRU: 3 };
const DEFAULT_ACTIVATIONS: Readonly<Record<CellKind, string[]>> = { RNN: ['tanh'], LSTM: ['sigmoid', 'tanh', 'tanh'], GRU: ['sigmoid', 'tanh'] };

/** Whether a node is one of ONNX's recurrent operators. */
export function isRecurrentNode(node: NodeMessage): boolean {
  return node.domain === '' && node.opType in KINDS;
}

function attribute(node: NodeMessage, name: string): AttributeMessage | undefined {
  return node.attribute.find((a) => a.name === name);
}

function weightInput(node: NodeMessage, constants: GraphConstants, index: number, label: string): TensorValues | null {
  const name = node.input[index] ?? '';
  if (name === '') return null;
  const value = constants.constant(name);
  if (value) return value;
  if (!constants.has(name)) throw new OnnxFormatError('missing', `${node.opType} node "${node.name}" reads its ${label} from "${name}", but the graph has no initializer or value of that name.`);
  throw new OnnxFormatError('unsupported', `${node.opType} node "${node.name}" computes its ${label} ("${name}") at run time; only weights stored as initializers or constants can be read.`);
}

function expectDims(node: NodeMessage, label: string, value: TensorValues, expected: number[]): void {
  if (value.dims.length !== expected.length || value.dims.some((d, i) => d !== expected[i])) {
    throw new OnnxFormatError('shape', `${node.opType} node "${node.name}": ${label} has shape [${value.dims.join(', ')}], expected [${expected.join(', ')}].`);
  }
}

/** Describe one recurrent node as the PyTorch layer it equals, or throw an OnnxFormatError naming what does not fit. */
export function readRecurrentNode(node: NodeMessage, constants: GraphConstants): RecurrentLayer {
  const kind = KINDS[node.opType];
  if (!kind || node.domain !== '') throw new OnnxFormatError('unsupported', `Node "${node.name}" (${node.opType}) is not an RNN, LSTM or GRU.`);
  const where = `${node.opType} node "${node.name}"`;
  const hiddenAttr = attribute(node, 'hidden_size');
  const directionAttr = attribute(node, 'direction');
  const direction = directionAttr ? decodeText(directionAttr.s) : 'forward';
  if (direction !== 'forward' && direction !== 'bidirectional') throw new OnnxFormatError('unsupported', `${where} has direction "${direction}"; only "forward" and "bidirectional" have a PyTorch equivalent.`);
  if (attribute(node, 'clip')) throw new OnnxFormatError('unsupported', `${where} clips its cell inputs (attribute "clip"), which PyTorch's layers do not.`);
  if ((attribute(node, 'input_forget')?.i ?? 0) !== 0) throw new OnnxFormatError('unsupported', `${where} couples the input and forget gates (input_forget = 1), which PyTorch's LSTM does not.`);
  if (kind === 'GRU' && (attribute(node, 'linear_before_reset')?.i ?? 0) !== 1) {
    throw new OnnxFormatError('unsupported', `${where} has linear_before_reset = 0; PyTorch's GRU (and the core's) applies the reset gate after the linear map (linear_before_reset = 1).`);
  }
  const dirs = direction === 'bidirectional' ? 2 : 1;
  const activations = (attribute(node, 'activations')?.strings ?? []).map((s) => decodeText(s).toLowerCase());
  const perDirection = DEFAULT_ACTIVATIONS[kind].length;
  let activation: 'tanh' | 'relu' = 'tanh';
  if (activations.length > 0) {
    if (activations.length !== perDirection * dirs) throw new OnnxFormatError('unsupported', `${where} lists ${activations.length} activations; a ${direction} ${node.opType} needs ${perDirection * dirs}.`);
    if (attribute(node, 'activation_alpha') || attribute(node, 'activation_beta')) throw new OnnxFormatError('unsupported', `${where} sets activation_alpha/beta, which PyTorch's layers have no equivalent of.`);
    const first = activations.slice(0, perDirection);
    const same = activations.every((a, i) => a === first[i % perDirection]);
    const expected = kind === 'RNN' ? (first[0] === 'relu' ? ['relu'] : ['tanh']) : DEFAULT_ACTIVATIONS[kind];
    if (!same || first.some((a, i) => a !== expected[i])) {
      throw new OnnxFormatError('unsupported', `${where} uses activations [${activations.join(', ')}]; supported are ${kind === 'RNN' ? 'Tanh or Relu' : `the defaults [${DEFAULT_ACTIVATIONS[kind].join(', ')}]`}, the same in both directions.`);
    }
    activation = kind === 'RNN' && first[0] === 'relu' ? 'relu' : 'tanh';
  }
  const W = weightInput(node, constants, 1, 'input weights W');
  const R = weightInput(node, constants, 2, 'recurrent weights R');
  if (!W || !R) throw new OnnxFormatError('missing', `${where} lacks its ${W ? 'R' : 'W'} input.`);
  if (W.dims.length !== 3) throw new OnnxFormatError('shape', `${where}: W has shape [${W.dims.join(', ')}], expected [${dirs}, G·H, input size].`);
  const gates = GATES[kind];
  const H = hiddenAttr ? hiddenAttr.i : W.dims[1]! / gates;
  if (!Number.isInteger(H) || H < 1) throw new OnnxFormatError('shape', `${where}: hidden_size ${H} is not a positive integer.`);
  const D = W.dims[2]!;
  expectDims(node, 'W', W, [dirs, gates * H, D]);
  expectDims(node, 'R', R, [dirs, gates * H, H]);
  const B = weightInput(node, constants, 3, 'bias B');
  if (B) expectDims(node, 'B', B, [dirs, 2 * gates * H]);
  const P = kind === 'LSTM' ? weightInput(node, constants, 7, 'peephole weights P') : null;
  if (P && P.data.some((v) => v !== 0)) throw new OnnxFormatError('unsupported', `${where} has peephole weights P, which PyTorch's LSTM does not.`);
  const weights: Record<string, RecurrentWeight> = {};
  const GH = gates * H;
  for (let d = 0; d < dirs; d++) {
    const suffix = d === 1 ? '_l0_reverse' : '_l0';
    weights[`weight_ih${suffix}`] = { data: onnxToTorchGates(kind, W.data.subarray(d * GH * D, (d + 1) * GH * D), H, D), shape: [GH, D] };
    weights[`weight_hh${suffix}`] = { data: onnxToTorchGates(kind, R.data.subarray(d * GH * H, (d + 1) * GH * H), H, H), shape: [GH, H] };
    if (B) {
      weights[`bias_ih${suffix}`] = { data: onnxToTorchGates(kind, B.data.subarray(2 * d * GH, (2 * d + 1) * GH), H), shape: [GH] };
      weights[`bias_hh${suffix}`] = { data: onnxToTorchGates(kind, B.data.subarray((2 * d + 1) * GH, (2 * d + 2) * GH), H), shape: [GH] };
    }
  }
  const input = (i: number): string => node.input[i] ?? '';
  const output = (i: number): string => node.output[i] ?? '';
  return {
    name: node.name,
    kind: kind.toLowerCase() as RecurrentLayer['kind'],
    hiddenSize: H,
    inputSize: D,
    direction,
    activation,
    bias: B !== null,
    weights,
    inputs: { x: input(0), sequenceLens: input(4), initialH: input(5), initialC: kind === 'LSTM' ? input(6) : '' },
    outputs: { y: output(0), yH: output(1), yC: kind === 'LSTM' ? output(2) : '' },
  };
}

/** Every RNN/LSTM/GRU node of an .onnx file, in graph order, with its weights in PyTorch's layout and names. */
export function readRecurrentLayers(bytes: Uint8Array): RecurrentLayer[] {
  const graph = decodeModel(bytes).graph!;
  const constants = graphConstants(graph);
  return graph.node.filter(isRecurrentNode).map((node) => readRecurrentNode(node, constants));
}

/** One initializer (or Constant output) of an .onnx file by name, as float64 values with its dims. */
export function readInitializer(bytes: Uint8Array, name: string): TensorValues {
  const graph = decodeModel(bytes).graph!;
  const constants = graphConstants(graph);
  const value = constants.constant(name);
  if (value) return value;
  if (constants.has(name)) throw new OnnxFormatError('unsupported', `"${name}" is computed by the graph at run time, not stored as an initializer.`);
  throw new OnnxFormatError('missing', `The file has no initializer named "${name}" (it has ${graph.initializer.length}: ${graph.initializer.slice(0, 8).map((t) => `"${t.name}"`).join(', ')}${graph.initializer.length > 8 ? ', …' : ''}).`);
}
