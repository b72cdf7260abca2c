/**
 * Running an .onnx file in onnxruntime-web's WASM backend in Node (one thread), for the tests that compare
 * the core with onnxruntime. lib/onnx itself never imports onnxruntime.
 */
import * as ort from 'onnxruntime-web';
import type { Tensor } from '../../../lib/tensor.ts';

ort.env.wasm.numThreads = 1;

/** The outputs of one run, as float32 data with dims. */
export type OrtOutputs = Record<string, { data: Float32Array; dims: number[] }>;

/** Run the model once on float32 feeds (each converted from a core tensor) and return every output. */
export async function runOrt(bytes: Uint8Array, feeds: Record<string, Tensor>): Promise<OrtOutputs> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', Float32Array.from(tensor.data), [...tensor.shape]);
    const results = await session.run(inputs);
    const out: OrtOutputs = {};
    for (const [name, value] of Object.entries(results)) out[name] = { data: value.data as Float32Array, dims: [...value.dims] };
    return out;
  } finally {
    await session.release();
  }
}

/** The largest |a[i] − b[i]| (Infinity when the lengths differ or a value is not finite). */
export function maxAbsError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i]! - b[i]!);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}
