/**
 * Import an ONNX file into a core SequenceModel: our own exports and files from `torch.onnx.export`
 * (opset 14) of an nn.RNN / nn.LSTM / nn.GRU (1–3 or more layers, optionally bidirectional and batch-first)
 * followed by an nn.Linear head on every step.
 *
 * The reader does not guess. It walks the nodes in order and follows what each does to the sequence, labelling
 * every axis of every value on the data path (time, batch, features of layer k, directions of layer k, …):
 *   - graph input: [X0, X1, F]; the first recurrent node must read [X0, X1, F] (time-major) or, after a
 *     Transpose, [X1, X0, F] (batch-first);
 *   - RNN/LSTM/GRU k: reads [T, B, features of layer k−1] and writes Y [T, D_k, B, H_k]; its Y_h and Y_c
 *     may not be used; its initial state must be absent or zeros (torch's ConstantOfShape of 0); no sequence_lens;
 *   - Transpose permutes the labels; Squeeze drops a one-direction axis; Unsqueeze adds a unit axis;
 *     Reshape [0, 0, -1] (or [0, 0, dirs·H]) merges [D_k, H_k] into the layer's features (forward half first);
 *   - MatMul by a constant [dirs·H, O] and Add of a constant [O]: the head;
 *   - the graph output must be [X0, X1, O] (or the last layer's features without a head).
 * Side computations that never touch the sequence's values (Shape, Gather, Concat, ConstantOfShape, Expand,
 * Slice, Unsqueeze… making the zero initial state) are followed only to check that the state is zero.
 * Any other op, or a known op used on the sequence in another way, is an OnnxFormatError naming the node.
 */
import { createRecurrent, loadStateDict } from '../nn/recurrent.ts';
import { createLinear } from '../nn/linear.ts';
import type { CellKind } from '../count.ts';
import type { Tensor } from '../tensor.ts';
import { decodeModel } from './onnx-codec.ts';
import { OnnxFormatError } from './errors.ts';
import { graphConstants, type GraphConstants } from './graph-constants.ts';
import type { NodeMessage, TensorMessage } from './onnx-messages.ts';
import { isRecurrentNode, readRecurrentNode, type RecurrentLayer } from './read-recurrent.ts';
import type { TensorValues } from './tensor-data.ts';
import type { SequenceModel } from './sequence-model.ts';

/** Ops the importer knows: the recurrent ones, the head's, and those torch emits around them. */
const KNOWN_OPS = new Set([
  'RNN', 'LSTM', 'GRU', 'MatMul', 'Add', 'Gemm', 'Transpose', 'Squeeze', 'Unsqueeze', 'Reshape', 'Identity',
  'Shape', 'Gather', 'Concat', 'ConstantOfShape', 'Expand', 'Slice', 'Constant', 'Cast',
]);

/** Ops that pass an all-zero input on as all zeros (their other inputs are shapes or indices). */
const ZERO_PRESERVING = new Set(['Slice', 'Expand', 'Reshape', 'Squeeze', 'Unsqueeze', 'Identity', 'Cast', 'Transpose']);

/** What the importer knows about a value. */
type Traced =
  /** On the data path, with a label per axis. */
  | { readonly kind: 'data'; readonly axes: readonly string[] }
  /** A constant, readable through GraphConstants. */
  | { readonly kind: 'constant' }
  /** Computed from shapes and constants only, with every element zero. */
  | { readonly kind: 'zeros' }
  /** Computed from shapes and constants only (a shape, an index, a non-zero fill). */
  | { readonly kind: 'auxiliary' }
  /** A recurrent node's final state Y_h or Y_c, which the core model does not output. */
  | { readonly kind: 'state'; readonly node: string };

const fail = (problem: 'unsupported' | 'missing' | 'shape', message: string): never => {
  throw new OnnxFormatError(problem, message);
};

const describe = (node: NodeMessage): string => `node "${node.name || node.output[0] || '?'}" (${node.opType})`;

function intsAttribute(node: NodeMessage, name: string): number[] | null {
  const a = node.attribute.find((x) => x.name === name);
  return a ? a.ints : null;
}

/** Axes from a node's constant input (opset ≥ 13) or its "axes" attribute (older opsets). */
function axesOf(node: NodeMessage, constants: GraphConstants): number[] | null {
  const name = node.input[1] ?? '';
  if (name !== '') {
    const value = constants.constant(name);
    if (!value) fail('unsupported', `${describe(node)} computes its axes at run time; import needs them constant.`);
    return Array.from(value!.data);
  }
  return intsAttribute(node, 'axes');
}

function normalizeAxis(node: NodeMessage, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) fail('shape', `${describe(node)} names axis ${axis} of a rank-${rank} value.`);
  return a;
}

function isAllZero(value: TensorValues | null): boolean {
  return value !== null && value.data.every((v) => v === 0);
}

/** What the walk finds: the layers in order, the layout, and the head's constants. */
interface Walk {
  readonly layers: RecurrentLayer[];
  batchFirst: boolean;
  headWeight: TensorValues | null;
  headBias: TensorValues | null;
}

/** The label a layer's output features carry once its direction axis is gone. */
const featuresOf = (layer: number): string => `Y${layer}`;

/** After an op, a unidirectional layer's H axis whose direction axis was squeezed away is that layer's features. */
function relabel(axes: string[], walk: Walk): string[] {
  return axes.map((label) => {
    const match = /^H(\d+)$/.exec(label);
    if (!match) return label;
    const k = Number(match[1]);
    const unidirectional = walk.layers[k]?.direction === 'forward';
    return unidirectional && !axes.includes(`D${k}`) ? featuresOf(k) : label;
  });
}

function traceData(node: NodeMessage, axes: readonly string[], constants: GraphConstants, walk: Walk, inputs: Traced[], otherNames: string[]): string[] {
  const others = inputs.slice(1);
  if (others.some((t) => t.kind === 'data' || t.kind === 'state')) {
    if (!(node.opType === 'Add' && inputs.length === 2)) fail('unsupported', `${describe(node)} combines the sequence with another computed tensor; import follows only a recurrent stack with a Linear head.`);
  }
  const rank = axes.length;
  switch (node.opType) {
    case 'Identity':
      return [...axes];
    case 'Cast': {
      const to = node.attribute.find((a) => a.name === 'to')?.i;
      if (to !== 1) fail('unsupported', `${describe(node)} casts the sequence to data type ${String(to)}; only float32 is supported.`);
      return [...axes];
    }
    case 'Transpose': {
      const perm = intsAttribute(node, 'perm') ?? axes.map((_, i) => rank - 1 - i);
      if (perm.length !== rank || new Set(perm).size !== rank || perm.some((p) => p < 0 || p >= rank)) fail('shape', `${describe(node)} has perm [${perm.join(', ')}] for a rank-${rank} value.`);
      return perm.map((p) => axes[p]!);
    }
    case 'Squeeze': {
      const list = axesOf(node, constants);
      if (!list) fail('unsupported', `${describe(node)} squeezes without naming its axes; import cannot tell which axes are 1.`);
      const drop = new Set(list!.map((a) => normalizeAxis(node, a, rank)));
      for (const a of drop) {
        const label = axes[a]!;
        const match = /^D(\d+)$/.exec(label);
        const unit = label === '1' || (match !== null && walk.layers[Number(match[1])]?.direction === 'forward');
        if (!unit) fail('shape', `${describe(node)} squeezes axis ${a} (${label}), which is not of size 1.`);
      }
      return axes.filter((_, i) => !drop.has(i));
    }
    case 'Unsqueeze': {
      const list = axesOf(node, constants);
      if (!list) fail('unsupported', `${describe(node)} has no axes.`);
      const outRank = rank + list!.length;
      const insert = new Set(list!.map((a) => normalizeAxis(node, a, outRank)));
      const out: string[] = [];
      let next = 0;
      for (let i = 0; i < outRank; i++) out.push(insert.has(i) ? '1' : axes[next++]!);
      return out;
    }
    case 'Reshape': {
      const shape = constants.constant(node.input[1] ?? '');
      if (!shape) fail('unsupported', `${describe(node)} reshapes the sequence to a shape computed at run time; import needs a constant shape.`);
      const target = Array.from(shape!.data);
      if ((node.attribute.find((a) => a.name === 'allowzero')?.i ?? 0) !== 0) fail('unsupported', `${describe(node)} sets allowzero = 1.`);
      if (target.length === rank && target.every((v) => v === 0)) return [...axes];
      if (target.length === rank - 1 && target.slice(0, -1).every((v) => v === 0)) {
        const [outer, inner] = axes.slice(-2);
        const k = /^D(\d+)$/.exec(outer ?? '')?.[1];
        const layer = k === undefined ? undefined : walk.layers[Number(k)];
        const last = target[target.length - 1]!;
        if (layer && inner === `H${k}` && (last === -1 || last === (layer.direction === 'bidirectional' ? 2 : 1) * layer.hiddenSize)) {
          return [...axes.slice(0, -2), featuresOf(Number(k))];
        }
      }
      return fail('unsupported', `${describe(node)} reshapes the sequence [${axes.join(', ')}] to [${target.join(', ')}]; import follows only the merge of a layer's directions ([T, B, dirs, H] → [T, B, dirs·H]).`);
    }
    case 'MatMul': {
      if (walk.headWeight) fail('unsupported', `${describe(node)} is a second matrix product after the head; import reads one Linear head.`);
      const weight = constants.constant(node.input[1] ?? '');
      if (!weight) fail('unsupported', `${describe(node)} multiplies the sequence by a computed tensor; the head's weight must be a constant.`);
      const last = walk.layers.length - 1;
      if (axes[rank - 1] !== featuresOf(last)) fail('unsupported', `${describe(node)} multiplies [${axes.join(', ')}], not the last recurrent layer's output features; import reads a Linear head on the stack's output.`);
      const layer = walk.layers[last]!;
      const width = (layer.direction === 'bidirectional' ? 2 : 1) * layer.hiddenSize;
      if (weight!.dims.length !== 2 || weight!.dims[0] !== width) fail('shape', `${describe(node)}: the head's weight has shape [${weight!.dims.join(', ')}], expected [${width}, output size].`);
      walk.headWeight = weight;
      return [...axes.slice(0, -1), 'O'];
    }
    case 'Add': {
      if (axes[rank - 1] !== 'O' || walk.headBias || !walk.headWeight) fail('unsupported', `${describe(node)} adds to [${axes.join(', ')}]; import reads an Add only as the bias of the Linear head, right after its MatMul.`);
      const bias = inputs.length === 2 && inputs[1]!.kind === 'constant' ? constants.constant(otherNames[0]!) : null;
      const O = walk.headWeight!.dims[1]!;
      if (!bias || bias.data.length !== O || bias.dims[bias.dims.length - 1] !== O) fail('shape', `${describe(node)}: the head's bias must be a constant of ${O} values${bias ? `, got shape [${bias.dims.join(', ')}]` : ''}.`);
      walk.headBias = bias;
      return [...axes];
    }
    default:
      return fail('unsupported', `${describe(node)} applies to the sequence itself; import follows only the ops between a recurrent stack and its Linear head (Transpose, Squeeze, Unsqueeze, Reshape, MatMul, Add).`);
  }
}

function traceRecurrent(node: NodeMessage, x: Traced | undefined, constants: GraphConstants, walk: Walk, traced: Map<string, Traced>): void {
  const layer = readRecurrentNode(node, constants);
  const k = walk.layers.length;
  const where = describe(node);
  if ((node.attribute.find((a) => a.name === 'layout')?.i ?? 0) !== 0) fail('unsupported', `${where} uses layout = 1 (batch-major); import reads the default time-major layout.`);
  if (!x || x.kind !== 'data' || x.axes.length !== 3) fail('unsupported', `${where} does not read the model's input sequence; import follows one recurrent stack fed by the graph input.`);
  const [time, batch, features] = (x as { axes: readonly string[] }).axes;
  if (k === 0) {
    if (features !== 'F' || !((time === 'X0' && batch === 'X1') || (time === 'X1' && batch === 'X0'))) fail('unsupported', `${where} reads the input as [${(x as { axes: readonly string[] }).axes.join(', ')}], not as [time, batch, features].`);
    walk.batchFirst = time === 'X1';
  } else {
    const expectedTime = walk.batchFirst ? 'X1' : 'X0';
    if (time !== expectedTime || features !== featuresOf(k - 1)) fail('unsupported', `${where} does not read the previous recurrent layer's output as [time, batch, features]; import follows one stack of layers.`);
    const previous = walk.layers[k - 1]!;
    const same = previous.kind === layer.kind && previous.hiddenSize === layer.hiddenSize && previous.direction === layer.direction && previous.bias === layer.bias && previous.activation === layer.activation;
    if (!same) fail('unsupported', `${where} differs from the layer before it (kind, hidden size, direction, bias or activation); the core's stack has one of each.`);
  }
  if (layer.inputs.sequenceLens !== '') fail('unsupported', `${where} takes sequence_lens; import reads models that run every sequence to its full length.`);
  for (const [label, name] of [['initial_h', layer.inputs.initialH], ['initial_c', layer.inputs.initialC]] as const) {
    if (name === '') continue;
    const state = traced.get(name);
    const zero = state?.kind === 'zeros' || (state?.kind === 'constant' && isAllZero(constants.constant(name)));
    if (!zero) fail('unsupported', `${where} starts from a non-zero ${label} ("${name}"); the core's model starts from zeros.`);
  }
  walk.layers.push(layer);
  const Y = layer.outputs.y;
  if (Y !== '') traced.set(Y, { kind: 'data', axes: [time!, `D${k}`, batch!, `H${k}`] });
  for (const name of [layer.outputs.yH, layer.outputs.yC]) if (name !== '') traced.set(name, { kind: 'state', node: node.name });
}

/** Read an .onnx file into a core recurrent stack and Linear head, or throw an OnnxFormatError saying why not. */
export function importOnnx(bytes: Uint8Array, options: { readonly dtype?: 'float64' | 'float32' } = {}): SequenceModel {
  const graph = decodeModel(bytes).graph!;
  const constants = graphConstants(graph);
  for (const node of graph.node) {
    if (node.domain !== '' && node.domain !== 'ai.onnx') fail('unsupported', `Unsupported op "${node.domain}.${node.opType}" in ${describe(node)}: import reads only standard ONNX operators.`);
    if (!KNOWN_OPS.has(node.opType)) fail('unsupported', `Unsupported op "${node.opType}" in node "${node.name || node.output[0] || '?'}": import reads an RNN/LSTM/GRU stack with a Linear head and the shape ops torch emits around it.`);
  }
  const initializerNames = new Set(graph.initializer.map((t) => t.name));
  const dataInputs = graph.input.filter((v) => !initializerNames.has(v.name));
  if (dataInputs.length !== 1) fail('unsupported', `The graph has ${dataInputs.length} inputs; import reads models with one input sequence.`);
  const input = dataInputs[0]!;
  const inputShape = input.type?.shape;
  if (inputShape && inputShape.length !== 3) fail('shape', `The graph input "${input.name}" has rank ${inputShape.length}; a sequence is [time, batch, features] or [batch, time, features].`);
  const traced = new Map<string, Traced>([[input.name, { kind: 'data', axes: ['X0', 'X1', 'F'] }]]);
  const walk: Walk = { layers: [], batchFirst: false, headWeight: null, headBias: null };
  const lookup = (node: NodeMessage, name: string): Traced => {
    const known = traced.get(name);
    if (known) return known;
    if (constants.constant(name)) return { kind: 'constant' };
    return fail('missing', `${describe(node)} reads "${name}", which no initializer, graph input or earlier node provides.`);
  };
  for (const node of graph.node) {
    const inputs = node.input.map((name) => (name === '' ? { kind: 'auxiliary' as const } : lookup(node, name)));
    if (isRecurrentNode(node)) {
      traceRecurrent(node, inputs[0], constants, walk, traced);
      continue;
    }
    const usesState = inputs.find((t) => t.kind === 'state');
    if (usesState) fail('unsupported', `${describe(node)} uses the final state of "${(usesState as { node: string }).node}"; import reads models whose output is the sequence of outputs.`);
    const data = inputs.findIndex((t) => t.kind === 'data');
    let result: Traced;
    if (node.opType === 'Constant') result = { kind: 'constant' };
    else if (node.opType === 'Shape') result = { kind: 'auxiliary' };
    else if (data >= 0) {
      const position = node.opType === 'Add' ? data : 0;
      if (data !== position) fail('unsupported', `${describe(node)} uses the sequence as its input ${data + 1}; import follows a recurrent stack with a Linear head.`);
      const ordered = [inputs[data]!, ...inputs.filter((_, i) => i !== data)];
      const otherNames = node.input.filter((_, i) => i !== data);
      result = { kind: 'data', axes: relabel(traceData(node, (inputs[data] as { axes: readonly string[] }).axes, constants, walk, ordered, otherNames), walk) };
    } else if (node.opType === 'ConstantOfShape') {
      const value = node.attribute.find((a) => a.name === 'value')?.t;
      result = !value || valueIsZero(value) ? { kind: 'zeros' } : { kind: 'auxiliary' };
    } else if (ZERO_PRESERVING.has(node.opType) && (inputs[0]?.kind === 'zeros' || (inputs[0]?.kind === 'constant' && isAllZero(constants.constant(node.input[0]!))))) {
      result = { kind: 'zeros' };
    } else result = { kind: 'auxiliary' };
    for (const output of node.output) {
      if (output === '') continue;
      traced.set(output, constants.constant(output) ? { kind: 'constant' } : result);
    }
  }
  if (walk.layers.length === 0) fail('unsupported', 'The graph has no RNN, LSTM or GRU node.');
  if (graph.output.length !== 1) fail('unsupported', `The graph has ${graph.output.length} outputs; import reads models whose only output is the sequence of outputs.`);
  const output = traced.get(graph.output[0]!.name);
  const last = walk.layers.length - 1;
  const feature = walk.headWeight ? 'O' : featuresOf(last);
  if (!output || output.kind !== 'data' || output.axes.length !== 3 || output.axes[0] !== 'X0' || output.axes[1] !== 'X1' || output.axes[2] !== feature) {
    fail('unsupported', `The graph output "${graph.output[0]!.name}" is not the stack's${walk.headWeight ? ' head' : ''} output laid out like the input ([${walk.batchFirst ? 'batch, time' : 'time, batch'}, features]).`);
  }
  return buildModel(walk, options.dtype ?? 'float64');
}

function valueIsZero(value: TensorMessage): boolean {
  const bytes = value.rawData;
  if (bytes) return bytes.every((b) => b === 0);
  return [...value.floatData, ...value.int32Data, ...value.int64Data, ...value.doubleData].every((v) => v === 0);
}

const KIND_OF: Readonly<Record<RecurrentLayer['kind'], CellKind>> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

function buildModel(walk: Walk, dtype: 'float64' | 'float32'): SequenceModel {
  const first = walk.layers[0]!;
  const kind = KIND_OF[first.kind];
  try {
    const recurrent = createRecurrent(kind, {
      inputSize: first.inputSize,
      hiddenSize: first.hiddenSize,
      numLayers: walk.layers.length,
      bias: first.bias,
      batchFirst: walk.batchFirst,
      bidirectional: first.direction === 'bidirectional',
      ...(kind === 'RNN' ? { nonlinearity: first.activation } : {}),
      dtype,
    });
    const state: Record<string, Tensor> = {};
    walk.layers.forEach((layer, k) => {
      for (const [name, weight] of Object.entries(layer.weights)) {
        const data = dtype === 'float32' ? Float32Array.from(weight.data) : weight.data;
        state[name.replace('_l0', `_l${k}`)] = { shape: weight.shape, data };
      }
    });
    loadStateDict(recurrent, state);
    if (!walk.headWeight) return { recurrent, head: null };
    const [inFeatures, outFeatures] = walk.headWeight.dims as [number, number];
    const head = createLinear(inFeatures, outFeatures, { bias: walk.headBias !== null, dtype });
    const w = walk.headWeight.data;
    for (let o = 0; o < outFeatures; o++) for (let i = 0; i < inFeatures; i++) head.weight.value[o * inFeatures + i] = w[i * outFeatures + o]!;
    if (head.bias && walk.headBias) head.bias.value.set(walk.headBias.data);
    if (!head.weight.value.every(Number.isFinite) || (head.bias && !head.bias.value.every(Number.isFinite))) fail('shape', 'The head holds a non-finite value.');
    return { recurrent, head };
  } catch (error) {
    if (error instanceof OnnxFormatError) throw error;
    throw new OnnxFormatError('shape', `The weights do not fit the model they describe: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
