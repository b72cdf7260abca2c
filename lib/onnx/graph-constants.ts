/**
 * The constant values of a graph: initializers, Constant nodes' outputs, and anything passed on unchanged
 * from one of those by an Identity node (torch emits both around its weights). Looked up by value name.
 */
import { OnnxFormatError } from './errors.ts';
import type { AttributeMessage, GraphMessage, NodeMessage } from './onnx-messages.ts';
import { tensorValues, type TensorValues } from './tensor-data.ts';

/** A graph's constant values by name, and which node produces each value. */
export interface GraphConstants {
  /** The constant behind a value name (through Identity), or null when the value is computed or unknown. */
  constant(name: string): TensorValues | null;
  /** The node whose output this is, or null for a graph input or initializer. */
  producer(name: string): NodeMessage | null;
  /** Whether the graph holds the name at all: an input, an initializer or some node's output. */
  has(name: string): boolean;
}

/** The value of a Constant node, from whichever of its value attributes it carries. */
function constantNodeValue(node: NodeMessage): TensorValues {
  const a: AttributeMessage | undefined = node.attribute[0];
  const what = `Constant node "${node.name}"`;
  if (node.attribute.length !== 1 || !a) throw new OnnxFormatError('unsupported', `${what} must carry exactly one value attribute.`);
  switch (a.name) {
    case 'value':
      if (!a.t) throw new OnnxFormatError('missing', `${what} has no tensor in its "value" attribute.`);
      return tensorValues(a.t, what);
    case 'value_float': return { data: Float64Array.of(a.f), dims: [] };
    case 'value_int': return { data: Float64Array.of(a.i), dims: [] };
    case 'value_floats': return { data: Float64Array.from(a.floats), dims: [a.floats.length] };
    case 'value_ints': return { data: Float64Array.from(a.ints), dims: [a.ints.length] };
    default: throw new OnnxFormatError('unsupported', `${what} uses the attribute "${a.name}", which this reader does not read.`);
  }
}

/** Index a graph's initializers, Constant nodes and node outputs. */
export function graphConstants(graph: GraphMessage): GraphConstants {
  const initializers = new Map(graph.initializer.map((t) => [t.name, t]));
  const producers = new Map<string, NodeMessage>();
  for (const node of graph.node) for (const output of node.output) if (output !== '') producers.set(output, node);
  const inputs = new Set(graph.input.map((v) => v.name));
  const cache = new Map<string, TensorValues | null>();
  const constant = (name: string): TensorValues | null => {
    if (cache.has(name)) return cache.get(name)!;
    let value: TensorValues | null = null;
    const initializer = initializers.get(name);
    const node = producers.get(name);
    if (initializer) value = tensorValues(initializer, `initializer "${name}"`);
    else if (node?.opType === 'Constant' && node.domain === '') value = constantNodeValue(node);
    else if (node?.opType === 'Identity' && node.domain === '' && node.input[0]) {
      cache.set(name, null); // a cycle through Identity reads as "not constant"
      value = constant(node.input[0]);
    }
    cache.set(name, value);
    return value;
  };
  return {
    constant,
    producer: (name) => producers.get(name) ?? null,
    has: (name) => inputs.has(name) || initializers.has(name) || producers.has(name),
  };
}
