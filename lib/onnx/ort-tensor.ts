/** Conversion between our RunnerTensor and onnxruntime-web's Tensor (data is shared, not copied). */
import type * as Ort from 'onnxruntime-web';
import type { RunnerTensor, RunnerTensorType } from './runner.ts';

/** The onnxruntime-web module, as loaded by ort-loader.ts. */
export type OrtModule = typeof Ort;

/** An ort.Tensor made from a RunnerTensor. */
export function toOrtTensor(ort: OrtModule, tensor: RunnerTensor): Ort.Tensor {
  return new ort.Tensor(tensor.type, tensor.data, tensor.dims);
}

/** A RunnerTensor made from an ort.Tensor on the CPU; other element types are a clear error. */
export function fromOrtTensor(name: string, tensor: Ort.Tensor): RunnerTensor {
  const type = tensor.type as string;
  if (type !== 'float32' && type !== 'int64' && type !== 'int32') {
    throw new Error(`model output ${name} has element type ${type}; this course's runners carry float32, int64 and int32`);
  }
  return {
    type: type satisfies RunnerTensorType,
    data: tensor.data as RunnerTensor['data'],
    dims: [...tensor.dims],
  };
}
