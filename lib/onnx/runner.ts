/**
 * The one shape every ONNX model takes in this course, whatever runs it: onnxruntime-web on
 * WebGPU or WASM in the browser, onnxruntime-web's WASM backend in Node for the tests, or a fake
 * in a unit test. Code that decodes with a model (lib/seq2seq) depends only on this interface.
 */

/** The element types our models exchange. */
export type RunnerTensorType = 'float32' | 'int64' | 'int32';

/** A tensor passed to or returned by a model: flat row-major data and its shape. */
export interface RunnerTensor {
  readonly type: RunnerTensorType;
  readonly data: Float32Array | BigInt64Array | Int32Array;
  readonly dims: readonly number[];
}

/** One loaded ONNX model that maps named input tensors to named output tensors. */
export interface ModelRunner {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, RunnerTensor>): Promise<Record<string, RunnerTensor>>;
  release?(): Promise<void>;
}
