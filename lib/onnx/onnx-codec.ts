/**
 * Reading and writing ONNX's protobuf wire format for the message subset in onnx-messages.ts, on
 * @bufbuild/protobuf's BinaryReader and BinaryWriter (no generated code, no eval, so it runs under a strict
 * Content-Security-Policy).
 *
 * Reading accepts repeated scalars packed or not, skips fields outside the subset, and checks that every
 * length stays inside its enclosing message. Anything malformed (cut short, random bytes, a field with the
 * wrong wire type, an int64 beyond 2^53) becomes an OnnxFormatError; nothing else escapes.
 */
import { BinaryReader, BinaryWriter, WireType, getTextEncoding } from '@bufbuild/protobuf/wire';
import { OnnxFormatError } from './errors.ts';
import {
  emptyAttribute, emptyTensor,
  type AttributeMessage, type DimensionMessage, type GraphMessage, type ModelMessage, type NodeMessage,
  type OperatorSetId, type TensorMessage, type TensorTypeMessage, type ValueInfoMessage,
} from './onnx-messages.ts';

/** Subgraphs nest through attributes; deeper than this is not a model we would ever meet. */
const MAX_DEPTH = 16;

/** Text from UTF-8 bytes (invalid sequences become U+FFFD; names are only ever compared and shown). */
export const decodeText = (bytes: Uint8Array): string => getTextEncoding().decodeUtf8(bytes, false);

class Corrupt extends Error {}

function expectWire(actual: WireType, expected: WireType, what: string): void {
  if (actual !== expected) throw new Corrupt(`${what} has wire type ${actual}, expected ${expected}`);
}

function safeNumber(value: bigint | string, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Corrupt(`${what} = ${String(value)} is outside the safe integer range`);
  return n;
}

/** The end offset of a length-delimited field that starts at the reader's position, checked against `limit`. */
function fieldEnd(r: BinaryReader, limit: number, what: string): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end > limit) throw new Corrupt(`${what} claims ${length} bytes but only ${limit - r.pos} remain`);
  return end;
}

function finish(r: BinaryReader, end: number, what: string): void {
  if (r.pos !== end) throw new Corrupt(`${what} ends at byte ${r.pos}, not at its declared end ${end}`);
}

/** Read one or many (packed) scalars of a repeated field into `out`. */
function readRepeated(r: BinaryReader, wire: WireType, scalarWire: WireType, limit: number, read: () => number, out: number[], what: string): void {
  if (wire === WireType.LengthDelimited) {
    const end = fieldEnd(r, limit, what);
    while (r.pos < end) out.push(read());
    finish(r, end, what);
    return;
  }
  expectWire(wire, scalarWire, what);
  out.push(read());
}

function readBytes(r: BinaryReader, wire: WireType, limit: number, what: string): Uint8Array {
  expectWire(wire, WireType.LengthDelimited, what);
  const start = r.pos;
  fieldEnd(r, limit, what); // checks the length against the enclosing message
  r.pos = start;
  return r.bytes();
}

function readString(r: BinaryReader, wire: WireType, limit: number, what: string): string {
  return decodeText(readBytes(r, wire, limit, what));
}

function readInt64(r: BinaryReader, wire: WireType, what: string): number {
  expectWire(wire, WireType.Varint, what);
  return safeNumber(r.int64(), what);
}

/** Loop over the fields of a message that ends at `end`, handing each to `field`, which returns false to skip it. */
function readFields(r: BinaryReader, end: number, what: string, field: (no: number, wire: WireType) => boolean): void {
  while (r.pos < end) {
    const [no, wire] = r.tag();
    if (!field(no, wire)) r.skip(wire, no);
  }
  finish(r, end, what);
}

function decodeTensor(r: BinaryReader, end: number): TensorMessage {
  const t = emptyTensor();
  readFields(r, end, 'TensorProto', (no, wire) => {
    switch (no) {
      case 1: readRepeated(r, wire, WireType.Varint, end, () => safeNumber(r.int64(), 'TensorProto.dims'), t.dims, 'TensorProto.dims'); return true;
      case 2: expectWire(wire, WireType.Varint, 'TensorProto.data_type'); t.dataType = r.int32(); return true;
      case 4: readRepeated(r, wire, WireType.Bit32, end, () => r.float(), t.floatData, 'TensorProto.float_data'); return true;
      case 5: readRepeated(r, wire, WireType.Varint, end, () => r.int32(), t.int32Data, 'TensorProto.int32_data'); return true;
      case 7: readRepeated(r, wire, WireType.Varint, end, () => safeNumber(r.int64(), 'TensorProto.int64_data'), t.int64Data, 'TensorProto.int64_data'); return true;
      case 8: t.name = readString(r, wire, end, 'TensorProto.name'); return true;
      case 9: t.rawData = readBytes(r, wire, end, 'TensorProto.raw_data'); return true;
      case 10: readRepeated(r, wire, WireType.Bit64, end, () => r.double(), t.doubleData, 'TensorProto.double_data'); return true;
      case 14: expectWire(wire, WireType.Varint, 'TensorProto.data_location'); t.dataLocation = r.int32(); return true;
      default: return false;
    }
  });
  return t;
}

function decodeAttribute(r: BinaryReader, end: number, depth: number): AttributeMessage {
  const a = emptyAttribute();
  readFields(r, end, 'AttributeProto', (no, wire) => {
    switch (no) {
      case 1: a.name = readString(r, wire, end, 'AttributeProto.name'); return true;
      case 20: expectWire(wire, WireType.Varint, 'AttributeProto.type'); a.type = r.int32(); return true;
      case 2: expectWire(wire, WireType.Bit32, 'AttributeProto.f'); a.f = r.float(); return true;
      case 3: a.i = readInt64(r, wire, 'AttributeProto.i'); return true;
      case 4: a.s = readBytes(r, wire, end, 'AttributeProto.s'); return true;
      case 5: { expectWire(wire, WireType.LengthDelimited, 'AttributeProto.t'); a.t = decodeTensor(r, fieldEnd(r, end, 'AttributeProto.t')); return true; }
      case 6: { expectWire(wire, WireType.LengthDelimited, 'AttributeProto.g'); a.g = decodeGraph(r, fieldEnd(r, end, 'AttributeProto.g'), depth + 1); return true; }
      case 7: readRepeated(r, wire, WireType.Bit32, end, () => r.float(), a.floats, 'AttributeProto.floats'); return true;
      case 8: readRepeated(r, wire, WireType.Varint, end, () => safeNumber(r.int64(), 'AttributeProto.ints'), a.ints, 'AttributeProto.ints'); return true;
      case 9: a.strings.push(readBytes(r, wire, end, 'AttributeProto.strings')); return true;
      default: return false;
    }
  });
  return a;
}

function decodeNode(r: BinaryReader, end: number, depth: number): NodeMessage {
  const n: NodeMessage = { input: [], output: [], name: '', opType: '', domain: '', attribute: [] };
  readFields(r, end, 'NodeProto', (no, wire) => {
    switch (no) {
      case 1: n.input.push(readString(r, wire, end, 'NodeProto.input')); return true;
      case 2: n.output.push(readString(r, wire, end, 'NodeProto.output')); return true;
      case 3: n.name = readString(r, wire, end, 'NodeProto.name'); return true;
      case 4: n.opType = readString(r, wire, end, 'NodeProto.op_type'); return true;
      case 7: n.domain = readString(r, wire, end, 'NodeProto.domain'); return true;
      case 5: { expectWire(wire, WireType.LengthDelimited, 'NodeProto.attribute'); n.attribute.push(decodeAttribute(r, fieldEnd(r, end, 'NodeProto.attribute'), depth)); return true; }
      default: return false;
    }
  });
  return n;
}

function decodeDimension(r: BinaryReader, end: number): DimensionMessage {
  const d: DimensionMessage = { value: null, param: '' };
  readFields(r, end, 'TensorShapeProto.Dimension', (no, wire) => {
    if (no === 1) { d.value = readInt64(r, wire, 'Dimension.dim_value'); return true; }
    if (no === 2) { d.param = readString(r, wire, end, 'Dimension.dim_param'); return true; }
    return false;
  });
  return d;
}

function decodeTensorType(r: BinaryReader, end: number): TensorTypeMessage {
  const t: TensorTypeMessage = { elemType: 0, shape: null };
  readFields(r, end, 'TypeProto.Tensor', (no, wire) => {
    if (no === 1) { expectWire(wire, WireType.Varint, 'TypeProto.Tensor.elem_type'); t.elemType = r.int32(); return true; }
    if (no === 2) {
      expectWire(wire, WireType.LengthDelimited, 'TypeProto.Tensor.shape');
      const shapeEnd = fieldEnd(r, end, 'TensorShapeProto');
      const dims: DimensionMessage[] = [];
      readFields(r, shapeEnd, 'TensorShapeProto', (dimNo, dimWire) => {
        if (dimNo !== 1) return false;
        expectWire(dimWire, WireType.LengthDelimited, 'TensorShapeProto.dim');
        dims.push(decodeDimension(r, fieldEnd(r, shapeEnd, 'TensorShapeProto.dim')));
        return true;
      });
      t.shape = dims;
      return true;
    }
    return false;
  });
  return t;
}

function decodeValueInfo(r: BinaryReader, end: number): ValueInfoMessage {
  const v: ValueInfoMessage = { name: '', type: null };
  readFields(r, end, 'ValueInfoProto', (no, wire) => {
    if (no === 1) { v.name = readString(r, wire, end, 'ValueInfoProto.name'); return true; }
    if (no === 2) {
      expectWire(wire, WireType.LengthDelimited, 'ValueInfoProto.type');
      const typeEnd = fieldEnd(r, end, 'TypeProto');
      readFields(r, typeEnd, 'TypeProto', (typeNo, typeWire) => {
        if (typeNo !== 1) return false;
        expectWire(typeWire, WireType.LengthDelimited, 'TypeProto.tensor_type');
        v.type = decodeTensorType(r, fieldEnd(r, typeEnd, 'TypeProto.tensor_type'));
        return true;
      });
      return true;
    }
    return false;
  });
  return v;
}

function decodeGraph(r: BinaryReader, end: number, depth: number): GraphMessage {
  if (depth > MAX_DEPTH) throw new Corrupt(`subgraphs nest deeper than ${MAX_DEPTH}`);
  const g: GraphMessage = { node: [], name: '', initializer: [], input: [], output: [], valueInfo: [] };
  readFields(r, end, 'GraphProto', (no, wire) => {
    switch (no) {
      case 2: g.name = readString(r, wire, end, 'GraphProto.name'); return true;
      case 1: expectWire(wire, WireType.LengthDelimited, 'GraphProto.node'); g.node.push(decodeNode(r, fieldEnd(r, end, 'GraphProto.node'), depth)); return true;
      case 5: expectWire(wire, WireType.LengthDelimited, 'GraphProto.initializer'); g.initializer.push(decodeTensor(r, fieldEnd(r, end, 'GraphProto.initializer'))); return true;
      case 11: expectWire(wire, WireType.LengthDelimited, 'GraphProto.input'); g.input.push(decodeValueInfo(r, fieldEnd(r, end, 'GraphProto.input'))); return true;
      case 12: expectWire(wire, WireType.LengthDelimited, 'GraphProto.output'); g.output.push(decodeValueInfo(r, fieldEnd(r, end, 'GraphProto.output'))); return true;
      case 13: expectWire(wire, WireType.LengthDelimited, 'GraphProto.value_info'); g.valueInfo.push(decodeValueInfo(r, fieldEnd(r, end, 'GraphProto.value_info'))); return true;
      default: return false;
    }
  });
  return g;
}

function decodeOpset(r: BinaryReader, end: number): OperatorSetId {
  const o: OperatorSetId = { domain: '', version: 0 };
  readFields(r, end, 'OperatorSetIdProto', (no, wire) => {
    if (no === 1) { o.domain = readString(r, wire, end, 'OperatorSetIdProto.domain'); return true; }
    if (no === 2) { o.version = readInt64(r, wire, 'OperatorSetIdProto.version'); return true; }
    return false;
  });
  return o;
}

/** Parse an .onnx file's bytes into a ModelMessage; malformed bytes throw an OnnxFormatError that says so. */
export function decodeModel(bytes: Uint8Array): ModelMessage {
  if (!(bytes instanceof Uint8Array)) throw new OnnxFormatError('corrupt', 'Expected the bytes of an .onnx file (a Uint8Array).');
  if (bytes.length === 0) throw new OnnxFormatError('corrupt', 'The file is empty: an .onnx file holds at least a graph.');
  const m: ModelMessage = { irVersion: 0, opsetImport: [], producerName: '', producerVersion: '', graph: null };
  try {
    const r = new BinaryReader(bytes);
    readFields(r, bytes.length, 'ModelProto', (no, wire) => {
      switch (no) {
        case 1: m.irVersion = readInt64(r, wire, 'ModelProto.ir_version'); return true;
        case 2: m.producerName = readString(r, wire, bytes.length, 'ModelProto.producer_name'); return true;
        case 3: m.producerVersion = readString(r, wire, bytes.length, 'ModelProto.producer_version'); return true;
        case 7: expectWire(wire, WireType.LengthDelimited, 'ModelProto.graph'); m.graph = decodeGraph(r, fieldEnd(r, bytes.length, 'ModelProto.graph'), 0); return true;
        case 8: expectWire(wire, WireType.LengthDelimited, 'ModelProto.opset_import'); m.opsetImport.push(decodeOpset(r, fieldEnd(r, bytes.length, 'ModelProto.opset_import'))); return true;
        default: return false;
      }
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new OnnxFormatError('corrupt', `Not a readable ONNX file (${bytes.length} bytes): it is truncated, corrupted or not ONNX at all (${detail}).`);
  }
  if (!m.graph) throw new OnnxFormatError('corrupt', `Not an ONNX model: the ${bytes.length} bytes parse as protobuf but hold no graph (truncated, or another kind of file).`);
  if (m.irVersion < 1) throw new OnnxFormatError('corrupt', 'Not an ONNX model: the file has no ir_version (truncated, or another kind of file).');
  if (!m.opsetImport.some((o) => o.domain === '' || o.domain === 'ai.onnx')) {
    throw new OnnxFormatError('corrupt', 'Not a complete ONNX model: it declares no ai.onnx opset version (opset_import), which every model ends with; the file is probably truncated.');
  }
  return m;
}

function writeMessage(w: BinaryWriter, no: number, write: () => void): void {
  w.tag(no, WireType.LengthDelimited).fork();
  write();
  w.join();
}

function writePacked(w: BinaryWriter, no: number, values: readonly number[], write: (v: number) => void): void {
  if (values.length === 0) return;
  w.tag(no, WireType.LengthDelimited).fork();
  for (const v of values) write(v);
  w.join();
}

function writeString(w: BinaryWriter, no: number, value: string): void {
  if (value !== '') w.tag(no, WireType.LengthDelimited).string(value);
}

function encodeTensor(w: BinaryWriter, t: TensorMessage): void {
  writePacked(w, 1, t.dims, (v) => w.int64(v));
  w.tag(2, WireType.Varint).int32(t.dataType);
  writePacked(w, 4, t.floatData, (v) => w.float(v));
  writePacked(w, 5, t.int32Data, (v) => w.int32(v));
  writePacked(w, 7, t.int64Data, (v) => w.int64(v));
  writeString(w, 8, t.name);
  if (t.rawData) w.tag(9, WireType.LengthDelimited).bytes(t.rawData);
  writePacked(w, 10, t.doubleData, (v) => w.double(v));
  if (t.dataLocation !== 0) w.tag(14, WireType.Varint).int32(t.dataLocation);
}

function encodeAttribute(w: BinaryWriter, a: AttributeMessage): void {
  writeString(w, 1, a.name);
  w.tag(20, WireType.Varint).int32(a.type);
  // Exactly the value field that the type names, as the ONNX checker requires.
  switch (a.type) {
    case 1: w.tag(2, WireType.Bit32).float(a.f); break;
    case 2: w.tag(3, WireType.Varint).int64(a.i); break;
    case 3: w.tag(4, WireType.LengthDelimited).bytes(a.s); break;
    case 4: if (a.t) writeMessage(w, 5, () => encodeTensor(w, a.t!)); break;
    case 5: if (a.g) writeMessage(w, 6, () => encodeGraph(w, a.g!)); break;
    case 6: writePacked(w, 7, a.floats, (v) => w.float(v)); break;
    case 7: writePacked(w, 8, a.ints, (v) => w.int64(v)); break;
    case 8: for (const s of a.strings) w.tag(9, WireType.LengthDelimited).bytes(s); break;
    default: break;
  }
}

function encodeNode(w: BinaryWriter, n: NodeMessage): void {
  for (const input of n.input) w.tag(1, WireType.LengthDelimited).string(input);
  for (const output of n.output) w.tag(2, WireType.LengthDelimited).string(output);
  writeString(w, 3, n.name);
  writeString(w, 4, n.opType);
  for (const a of n.attribute) writeMessage(w, 5, () => encodeAttribute(w, a));
  writeString(w, 7, n.domain);
}

function encodeValueInfo(w: BinaryWriter, v: ValueInfoMessage): void {
  writeString(w, 1, v.name);
  const type = v.type;
  if (!type) return;
  writeMessage(w, 2, () => writeMessage(w, 1, () => {
    w.tag(1, WireType.Varint).int32(type.elemType);
    if (type.shape) {
      writeMessage(w, 2, () => {
        for (const d of type.shape!) {
          writeMessage(w, 1, () => {
            if (d.value !== null) w.tag(1, WireType.Varint).int64(d.value);
            else writeString(w, 2, d.param);
          });
        }
      });
    }
  }));
}

function encodeGraph(w: BinaryWriter, g: GraphMessage): void {
  for (const n of g.node) writeMessage(w, 1, () => encodeNode(w, n));
  writeString(w, 2, g.name);
  for (const t of g.initializer) writeMessage(w, 5, () => encodeTensor(w, t));
  for (const v of g.input) writeMessage(w, 11, () => encodeValueInfo(w, v));
  for (const v of g.output) writeMessage(w, 12, () => encodeValueInfo(w, v));
  for (const v of g.valueInfo) writeMessage(w, 13, () => encodeValueInfo(w, v));
}

/** Serialise a ModelMessage to the bytes of an .onnx file. */
export function encodeModel(m: ModelMessage): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, WireType.Varint).int64(m.irVersion);
  writeString(w, 2, m.producerName);
  writeString(w, 3, m.producerVersion);
  if (m.graph) writeMessage(w, 7, () => encodeGraph(w, m.graph!));
  for (const o of m.opsetImport) writeMessage(w, 8, () => { writeString(w, 1, o.domain); w.tag(2, WireType.Varint).int64(o.version); });
  return w.finish();
}
