/**
 * TypeScript shapes of the part of ONNX's protobuf schema (onnx/onnx.proto, IR version 8) that lib/onnx
 * reads and writes: a model, its graph, nodes, attributes, tensors and the typed value infos. Field
 * numbers sit beside each field as in onnx.proto; fields outside this subset are skipped when reading.
 * 64-bit integers are plain numbers: every int64 we meet (dims, opset versions, attribute ints) is far
 * below 2^53, and the codec refuses any that is not.
 */

/** TensorProto.DataType values used here (onnx.proto enum). */
export const DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  DOUBLE: 11,
} as const;

/** AttributeProto.AttributeType values (onnx.proto enum). */
export const AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
} as const;

/** OperatorSetIdProto: which version of an operator domain the model uses ("" is the default ai.onnx). */
export interface OperatorSetId {
  /** 1: domain. */
  domain: string;
  /** 2: version (int64). */
  version: number;
}

/** TensorProto: a dense tensor, its values in raw_data (little-endian) or in one of the typed fields. */
export interface TensorMessage {
  /** 8: name. */
  name: string;
  /** 1: dims (int64, packed). */
  dims: number[];
  /** 2: data_type (a DataType value). */
  dataType: number;
  /** 9: raw_data, little-endian bytes. */
  rawData: Uint8Array | null;
  /** 4: float_data (packed float). */
  floatData: number[];
  /** 5: int32_data (packed int32; also holds bool, int8, uint8…). */
  int32Data: number[];
  /** 7: int64_data (packed int64). */
  int64Data: number[];
  /** 10: double_data (packed double). */
  doubleData: number[];
  /** 14: data_location, 0 DEFAULT, 1 EXTERNAL (values in another file, which we do not read). */
  dataLocation: number;
}

/** AttributeProto: a named constant argument of a node. */
export interface AttributeMessage {
  /** 1: name. */
  name: string;
  /** 20: type (an AttributeType value). */
  type: number;
  /** 2: f. */
  f: number;
  /** 3: i (int64). */
  i: number;
  /** 4: s (bytes, usually UTF-8 text). */
  s: Uint8Array;
  /** 5: t. */
  t: TensorMessage | null;
  /** 6: g, a subgraph (If, Loop, Scan). */
  g: GraphMessage | null;
  /** 7: floats. */
  floats: number[];
  /** 8: ints (int64). */
  ints: number[];
  /** 9: strings (bytes). */
  strings: Uint8Array[];
}

/** NodeProto: one operator applied to named values. */
export interface NodeMessage {
  /** 1: input value names ("" for an omitted optional input). */
  input: string[];
  /** 2: output value names. */
  output: string[];
  /** 3: name. */
  name: string;
  /** 4: op_type, e.g. "LSTM". */
  opType: string;
  /** 7: domain ("" for ai.onnx). */
  domain: string;
  /** 5: attributes. */
  attribute: AttributeMessage[];
}

/** TensorShapeProto.Dimension: a fixed size or a symbolic name. */
export interface DimensionMessage {
  /** 1: dim_value (int64), or null when unset. */
  value: number | null;
  /** 2: dim_param, a symbolic size such as "batch", or "". */
  param: string;
}

/** TypeProto with its tensor_type (1): element type (1) and shape (2, TensorShapeProto with dim = 1). */
export interface TensorTypeMessage {
  /** TypeProto.Tensor.elem_type (a DataType value). */
  elemType: number;
  /** TypeProto.Tensor.shape's dims, or null for an unknown rank. */
  shape: DimensionMessage[] | null;
}

/** ValueInfoProto: a graph input or output's name and type. */
export interface ValueInfoMessage {
  /** 1: name. */
  name: string;
  /** 2: type (only tensor types are kept; null otherwise). */
  type: TensorTypeMessage | null;
}

/** GraphProto: nodes in topological order, initializers, inputs and outputs. */
export interface GraphMessage {
  /** 1: node. */
  node: NodeMessage[];
  /** 2: name. */
  name: string;
  /** 5: initializer. */
  initializer: TensorMessage[];
  /** 11: input. */
  input: ValueInfoMessage[];
  /** 12: output. */
  output: ValueInfoMessage[];
  /** 13: value_info. */
  valueInfo: ValueInfoMessage[];
}

/** ModelProto: the file. */
export interface ModelMessage {
  /** 1: ir_version (int64). */
  irVersion: number;
  /** 8: opset_import. */
  opsetImport: OperatorSetId[];
  /** 2: producer_name. */
  producerName: string;
  /** 3: producer_version. */
  producerVersion: string;
  /** 7: graph, or null when the file has none. */
  graph: GraphMessage | null;
}

/** A TensorMessage with every field at its default, for building one field by field. */
export function emptyTensor(): TensorMessage {
  return { name: '', dims: [], dataType: DataType.UNDEFINED, rawData: null, floatData: [], int32Data: [], int64Data: [], doubleData: [], dataLocation: 0 };
}

/** An AttributeMessage with every field at its default. */
export function emptyAttribute(): AttributeMessage {
  return { name: '', type: AttributeType.UNDEFINED, f: 0, i: 0, s: new Uint8Array(0), t: null, g: null, floats: [], ints: [], strings: [] };
}
