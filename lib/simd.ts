/**
 * WebAssembly SIMD versions of the product C = A·Bᵀ (see kernels.ts), for float32 (f32x4, several times
 * the plain JavaScript tiles) and float64 (f64x2). The module is tiny, so it is assembled here from named
 * opcodes rather than shipped as an opaque binary. Each function computes exactly this, with L lanes per
 * 128-bit vector (4 for float32, 2 for float64):
 *
 *   for m in 0, 2, 4, … < M:                 two rows of A at a time
 *     for n in 0, 4, 8, … < N:               four rows of B at a time
 *       acc[r][j] = 0  (eight vector sums)
 *       for k in 0, L, 2L, … < K:            L products per instruction
 *         acc[r][j] += A[m + r][k : k+L] * B[n + j][k : k+L]
 *       C[m + r][n : n+4] = horizontal sums of acc[r][0..3]
 *
 * The caller copies A and B into the module's memory padded with zeros to M even, N a multiple of 4 and
 * K a multiple of L, so the kernel has no edge cases. float32 sums stay in float32, as PyTorch's float32
 * kernels do. Where WebAssembly SIMD is missing, `simdAvailable()` is false and kernels.ts uses the
 * JavaScript tiles. The module is about 1.6 KB, under Chrome's 4 KB limit for compiling synchronously on
 * the main thread; a page whose <meta> Content-Security-Policy forbids WebAssembly uses the tiles without
 * trying (trying would raise a securitypolicyviolation), and so does one whose header policy forbids it.
 */

import type { FloatArray } from './tensor.ts';

// Opcodes used below (WebAssembly core spec and the fixed-width SIMD proposal).
const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b, void: 0x40,
  localGet: 0x20, localSet: 0x21,
  i32Const: 0x41, i32Eqz: 0x45, i32LtU: 0x49, i32Add: 0x6a, i32Mul: 0x6c, i32Shl: 0x74,
  simd: 0xfd,
} as const;
const SIMD = {
  load: [0x00], store: [0x0b], const: [0x0c], shuffle: [0x0d],
  f32x4Add: [0xe4, 0x01], f32x4Mul: [0xe6, 0x01], f64x2Add: [0xf0, 0x01], f64x2Mul: [0xf2, 0x01],
} as const;

/** What differs between the float32 and float64 kernels. */
interface Precision {
  /** log2 of the element size in bytes. */
  readonly shift: number;
  /** Lanes per vector. */
  readonly lanes: number;
  readonly add: readonly number[];
  readonly mul: readonly number[];
}
const FLOAT32: Precision = { shift: 2, lanes: 4, add: SIMD.f32x4Add, mul: SIMD.f32x4Mul };
const FLOAT64: Precision = { shift: 3, lanes: 2, add: SIMD.f64x2Add, mul: SIMD.f64x2Mul };
const MEMARG_16 = [0x04, 0x00]; // alignment 2^4 bytes, offset 0

// Locals: the six parameters, then i32 scratch, then v128 registers.
const [aPtr, bPtr, cPtr, M, N, K] = [0, 1, 2, 3, 4, 5];
const [m, n, k, rowA0, rowA1, rowB0, rowB1, rowB2, rowB3, kBytes, cRow] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const acc = [[17, 18, 19, 20], [21, 22, 23, 24]] as const; // acc[r][j]
const [a0, a1, tmp] = [25, 26, 27];

const get = (index: number) => [OP.localGet, index];
const set = (index: number) => [OP.localSet, index];
const i32 = (value: number) => [OP.i32Const, ...leb(value)];
const simd = (op: readonly number[], ...immediates: number[]) => [OP.simd, ...op, ...immediates];
/** Byte lanes of i8x16.shuffle that pick the given element lanes (the first operand's, then the second's). */
const pickLanes = (bytesPerLane: number, lanes: number[]) =>
  lanes.flatMap((lane) => Array.from({ length: bytesPerLane }, (_, byte) => lane * bytesPerLane + byte));

/** `while (counter < limit) { body; counter += step }` as block/loop. */
function whileBelow(counter: number, limit: number, step: number, body: number[]): number[] {
  return [
    OP.block, OP.void, OP.loop, OP.void,
    ...get(counter), ...get(limit), OP.i32LtU, OP.i32Eqz, OP.brIf, 1,
    ...body,
    ...get(counter), ...i32(step), OP.i32Add, ...set(counter),
    OP.br, 0, OP.end, OP.end,
  ];
}

/** Push the four horizontal sums of acc[r][0..3] as one f32x4 (a transpose-and-add with shuffles). */
function horizontalSums32(row: readonly number[]): number[] {
  const pairSum = (x: number, y: number) => [
    ...get(x), ...get(y), ...simd(SIMD.shuffle, ...pickLanes(4, [0, 4, 1, 5])),
    ...get(x), ...get(y), ...simd(SIMD.shuffle, ...pickLanes(4, [2, 6, 3, 7])),
    ...simd(SIMD.f32x4Add),
  ];
  return [
    ...pairSum(row[0]!, row[1]!), ...set(a0), // [x0+x2, y0+y2, x1+x3, y1+y3] for x = acc0, y = acc1
    ...pairSum(row[2]!, row[3]!), ...set(tmp),
    ...get(a0), ...get(tmp), ...simd(SIMD.shuffle, ...pickLanes(4, [0, 1, 4, 5])),
    ...get(a0), ...get(tmp), ...simd(SIMD.shuffle, ...pickLanes(4, [2, 3, 6, 7])),
    ...simd(SIMD.f32x4Add),
  ];
}

/** Push the horizontal sums of two f64x2 accumulators as one f64x2: [x0 + x1, y0 + y1]. */
function horizontalSums64(x: number, y: number): number[] {
  return [
    ...get(x), ...get(y), ...simd(SIMD.shuffle, ...pickLanes(8, [0, 2])),
    ...get(x), ...get(y), ...simd(SIMD.shuffle, ...pickLanes(8, [1, 3])),
    ...simd(SIMD.f64x2Add),
  ];
}

/** Store row r's four results at the address on the stack's top (one f32x4, or two f64x2). */
function storeRow(precision: Precision, row: readonly number[], address: number[]): number[] {
  if (precision.lanes === 4) return [...address, ...horizontalSums32(row), ...simd(SIMD.store, ...MEMARG_16)];
  return [
    ...address, ...horizontalSums64(row[0]!, row[1]!), ...simd(SIMD.store, ...MEMARG_16),
    ...address, ...i32(16), OP.i32Add, ...horizontalSums64(row[2]!, row[3]!), ...simd(SIMD.store, ...MEMARG_16),
  ];
}

function kernelBody(precision: Precision): number[] {
  const zero = simd(SIMD.const, ...new Array(16).fill(0));
  const multiplyAdd = [0, 1, 2, 3].flatMap((j) => [
    ...get([rowB0, rowB1, rowB2, rowB3][j]!), ...get(k), OP.i32Add, ...simd(SIMD.load, ...MEMARG_16), ...set(tmp),
    ...[0, 1].flatMap((r) => [...get(acc[r][j]), ...get([a0, a1][r]!), ...get(tmp), ...simd(precision.mul), ...simd(precision.add), ...set(acc[r][j])]),
  ]);
  const inner = whileBelow(k, kBytes, 16, [
    ...get(rowA0), ...get(k), OP.i32Add, ...simd(SIMD.load, ...MEMARG_16), ...set(a0),
    ...get(rowA1), ...get(k), OP.i32Add, ...simd(SIMD.load, ...MEMARG_16), ...set(a1),
    ...multiplyAdd,
  ]);
  const overColumns = whileBelow(n, N, 4, [
    ...get(bPtr), ...get(n), ...get(kBytes), OP.i32Mul, OP.i32Add, ...set(rowB0),
    ...get(rowB0), ...get(kBytes), OP.i32Add, ...set(rowB1),
    ...get(rowB1), ...get(kBytes), OP.i32Add, ...set(rowB2),
    ...get(rowB2), ...get(kBytes), OP.i32Add, ...set(rowB3),
    ...acc.flat().flatMap((index) => [...zero, ...set(index)]),
    ...i32(0), ...set(k),
    ...inner,
    ...get(cPtr), ...get(m), ...get(N), OP.i32Mul, ...get(n), OP.i32Add, ...i32(precision.shift), OP.i32Shl, OP.i32Add, ...set(cRow),
    ...storeRow(precision, acc[0], get(cRow)),
    ...storeRow(precision, acc[1], [...get(cRow), ...get(N), ...i32(precision.shift), OP.i32Shl, OP.i32Add]),
  ]);
  return [
    ...get(K), ...i32(precision.shift), OP.i32Shl, ...set(kBytes),
    ...i32(0), ...set(m),
    ...whileBelow(m, M, 2, [
      ...get(aPtr), ...get(m), ...get(kBytes), OP.i32Mul, OP.i32Add, ...set(rowA0),
      ...get(rowA0), ...get(kBytes), OP.i32Add, ...set(rowA1),
      ...i32(0), ...set(n),
      ...overColumns,
    ]),
    OP.end,
  ];
}

/** Unsigned/signed LEB128 of a small non-negative integer. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0 || (byte & 0x40) !== 0) byte |= 0x80;
    bytes.push(byte);
    if (value === 0 && (byte & 0x80) !== 0) { bytes.push(0); break; }
  } while (value !== 0);
  return bytes;
}

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const name = (text: string) => [text.length, ...[...text].map((c) => c.charCodeAt(0))];

/** The module's bytes: imports env.memory, exports gemm32 and gemm64, each (aPtr, bPtr, cPtr, M, N, K) with byte addresses. */
function assemble(): Uint8Array {
  const I32 = 0x7f, V128 = 0x7b;
  // Locals after the parameters: 11 × i32 (m … cRow), 11 × v128 (acc, a0, a1, tmp).
  const bodies = [FLOAT32, FLOAT64].map((precision) => {
    const body = [2, 11, I32, 11, V128, ...kernelBody(precision)];
    return [...leb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
    ...section(3, [2, 0, 0]),
    ...section(7, [2, ...name('gemm32'), 0x00, 0, ...name('gemm64'), 0x00, 1]),
    ...section(10, [2, ...bodies.flat()]),
  ]);
}

/** The few WebAssembly APIs used here, typed locally: lib/ compiles without DOM or Node types. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

interface SimdKernel {
  readonly memory: WasmMemory;
  readonly gemm32: GemmFunction;
  readonly gemm64: GemmFunction;
}

type GemmFunction = (aPtr: number, bPtr: number, cPtr: number, M: number, N: number, K: number) => void;

let kernel: SimdKernel | null | undefined;

/** A page's <meta> Content-Security-Policy, typed locally (lib/ compiles without DOM types). */
interface PolicyDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * Whether a Content-Security-Policy lets the page compile WebAssembly: its script-src (or, without
 * one, its default-src) allows 'wasm-unsafe-eval' or 'unsafe-eval', or it restricts neither.
 */
export function policyAllowsWasm(policy: string): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0]!.toLowerCase(), words.slice(1)] as const),
  );
  const sources = directives.get('script-src') ?? directives.get('default-src');
  return sources === undefined || sources.includes("'wasm-unsafe-eval'") || sources.includes("'unsafe-eval'");
}

/** False in a page whose <meta> policy forbids WebAssembly: trying would only report a violation before falling back. Workers have no document and try. */
function documentAllowsWasm(): boolean {
  const doc = (globalThis as { document?: PolicyDocument }).document;
  const policy = doc?.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content');
  return policy == null || policyAllowsWasm(policy);
}

function load(): SimdKernel | null {
  if (kernel !== undefined) return kernel;
  if (!documentAllowsWasm()) return (kernel = null);
  try {
    const bytes = assemble();
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wasm || !wasm.validate(bytes)) return (kernel = null);
    const memory = new wasm.Memory({ initial: 1 });
    const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
    kernel = { memory, gemm32: instance.exports.gemm32 as GemmFunction, gemm64: instance.exports.gemm64 as GemmFunction };
  } catch {
    kernel = null;
  }
  return kernel;
}

let enabled = true;

/** Whether this engine runs the WebAssembly SIMD kernel (and it is enabled). */
export function simdAvailable(): boolean {
  return enabled && load() !== null;
}

/** Turn the SIMD kernel on or off (for benchmarks and tests that compare it with the JavaScript tiles); returns the previous setting. */
export function setSimdEnabled(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

/** C[M×N] (+)= A[M×K]·B[N×K]ᵀ with WebAssembly SIMD (all three of one dtype); false, with C untouched, when SIMD is unavailable. */
export function matmulTransposedSimd(C: FloatArray, A: FloatArray, B: FloatArray, M: number, N: number, K: number, accumulate: boolean): boolean {
  const simdKernel = enabled ? load() : null;
  if (!simdKernel) return false;
  const isFloat32 = C instanceof Float32Array;
  if (isFloat32 !== A instanceof Float32Array || isFloat32 !== B instanceof Float32Array) throw new TypeError('matmulTransposedSimd: C, A and B must share one dtype');
  const bytesPerElement = isFloat32 ? 4 : 8;
  const [Mp, Np, Kp] = [roundUp(M, 2), roundUp(N, 4), roundUp(K, isFloat32 ? 4 : 2)];
  const [aElements, bElements, cElements] = [Mp * Kp, Np * Kp, Mp * Np];
  const bytesNeeded = bytesPerElement * (aElements + bElements + cElements);
  const { memory } = simdKernel;
  if (memory.buffer.byteLength < bytesNeeded) memory.grow(Math.ceil((bytesNeeded - memory.buffer.byteLength) / 65536));
  const heap = isFloat32 ? new Float32Array(memory.buffer) : new Float64Array(memory.buffer);
  const [aAt, bAt, cAt] = [0, aElements, aElements + bElements];
  copyPadded(heap, aAt, A, M, Mp, K, Kp);
  copyPadded(heap, bAt, B, N, Np, K, Kp);
  (isFloat32 ? simdKernel.gemm32 : simdKernel.gemm64)(aAt * bytesPerElement, bAt * bytesPerElement, cAt * bytesPerElement, Mp, Np, Kp);
  for (let row = 0; row < M; row++) {
    const from = cAt + row * Np;
    if (accumulate) {
      for (let col = 0; col < N; col++) C[row * N + col] += heap[from + col]!;
    } else {
      C.set(heap.subarray(from, from + N), row * N);
    }
  }
  return true;
}

/** Copy a [rows × cols] matrix into the heap as [paddedRows × paddedCols], zeros in the padding. */
function copyPadded(heap: FloatArray, at: number, source: FloatArray, rows: number, paddedRows: number, cols: number, paddedCols: number): void {
  if (cols === paddedCols) {
    heap.set(source.subarray(0, rows * cols), at);
  } else {
    for (let row = 0; row < rows; row++) {
      heap.set(source.subarray(row * cols, (row + 1) * cols), at + row * paddedCols);
      heap.fill(0, at + row * paddedCols + cols, at + (row + 1) * paddedCols);
    }
  }
  heap.fill(0, at + rows * paddedCols, at + paddedRows * paddedCols);
}
