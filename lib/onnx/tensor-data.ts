/**
 * The numbers inside a TensorProto, whichever field holds them: raw_data (little-endian bytes, any offset)
 * or float_data / double_data / int32_data / int64_data. Reading always gives float64 values and checks
 * that their count matches the dims; building writes float32 or int64 tensors as raw_data, as torch does.
 */
import { OnnxFormatError } from './errors.ts';
import { DataType, emptyTensor, type TensorMessage } from './onnx-messages.ts';

/** A tensor's values as float64 with its dims, e.g. a weight read from an initializer. */
export interface TensorValues {
  /** Values in row-major order. */
  readonly data: Float64Array;
  /** Shape, outermost first ([] for a scalar). */
  readonly dims: number[];
}

const BYTES_PER_ELEMENT: Readonly<Record<number, number>> = {
  [DataType.FLOAT]: 4, [DataType.DOUBLE]: 8, [DataType.INT32]: 4, [DataType.INT64]: 8,
  [DataType.INT8]: 1, [DataType.UINT8]: 1, [DataType.BOOL]: 1,
};

const TYPE_NAMES: Readonly<Record<number, string>> = {
  [DataType.FLOAT]: 'float32', [DataType.DOUBLE]: 'float64', [DataType.INT32]: 'int32', [DataType.INT64]: 'int64',
  [DataType.INT8]: 'int8', [DataType.UINT8]: 'uint8', [DataType.BOOL]: 'bool', [DataType.STRING]: 'string',
};

/** The element type's name for messages, e.g. "float32" or "data type 16". */
export function dataTypeName(dataType: number): string {
  return TYPE_NAMES[dataType] ?? `data type ${dataType}`;
}

function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

function readRaw(raw: Uint8Array, dataType: number, count: number, out: Float64Array): void {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < count; i++) {
    switch (dataType) {
      case DataType.FLOAT: out[i] = view.getFloat32(i * 4, true); break;
      case DataType.DOUBLE: out[i] = view.getFloat64(i * 8, true); break;
      case DataType.INT32: out[i] = view.getInt32(i * 4, true); break;
      case DataType.INT64: out[i] = Number(view.getBigInt64(i * 8, true)); break;
      case DataType.INT8: out[i] = view.getInt8(i); break;
      default: out[i] = view.getUint8(i); break; // UINT8, BOOL
    }
  }
}

/** A tensor's values as float64, from raw_data or its typed field; a count that does not fit the dims throws. */
export function tensorValues(t: TensorMessage, what = `tensor "${t.name}"`): TensorValues {
  if (t.dataLocation === 1) throw new OnnxFormatError('unsupported', `${what} keeps its values in an external file, which this reader does not load; save the model with the weights inside (torch.onnx.export does for models under 2 GB).`);
  const width = BYTES_PER_ELEMENT[t.dataType];
  if (width === undefined) throw new OnnxFormatError('unsupported', `${what} holds ${dataTypeName(t.dataType)} values; only numeric tensors are read.`);
  if (t.dims.some((d) => d < 0)) throw new OnnxFormatError('shape', `${what} has a negative dimension in [${t.dims.join(', ')}].`);
  const count = elementCount(t.dims);
  // The counts are checked against the bytes actually present before anything is allocated, so a corrupt
  // header claiming a huge shape cannot exhaust memory.
  if (t.rawData) {
    if (t.rawData.length !== count * width) {
      throw new OnnxFormatError('shape', `${what} has ${t.rawData.length} bytes of raw data; shape [${t.dims.join(', ')}] of ${dataTypeName(t.dataType)} needs ${count * width}.`);
    }
    const out = new Float64Array(count);
    readRaw(t.rawData, t.dataType, count, out);
    return { data: out, dims: [...t.dims] };
  }
  const typed = t.dataType === DataType.FLOAT ? t.floatData
    : t.dataType === DataType.DOUBLE ? t.doubleData
      : t.dataType === DataType.INT64 ? t.int64Data
        : t.int32Data;
  if (typed.length !== count) {
    throw new OnnxFormatError('shape', `${what} has ${typed.length} values; shape [${t.dims.join(', ')}] needs ${count}.`);
  }
  return { data: Float64Array.from(typed), dims: [...t.dims] };
}

/** A float32 TensorProto with its values in raw_data (little-endian). */
export function floatTensor(name: string, dims: readonly number[], values: ArrayLike<number>): TensorMessage {
  if (values.length !== elementCount(dims)) throw new OnnxFormatError('shape', `tensor "${name}" has ${values.length} values; shape [${dims.join(', ')}] needs ${elementCount(dims)}.`);
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return { ...emptyTensor(), name, dims: [...dims], dataType: DataType.FLOAT, rawData: raw };
}

/** An int64 TensorProto (shapes, axes) with its values in raw_data. */
export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): TensorMessage {
  if (values.length !== elementCount(dims)) throw new OnnxFormatError('shape', `tensor "${name}" has ${values.length} values; shape [${dims.join(', ')}] needs ${elementCount(dims)}.`);
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { ...emptyTensor(), name, dims: [...dims], dataType: DataType.INT64, rawData: raw };
}
