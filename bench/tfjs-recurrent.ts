/**
 * The comparison side of the benchmark: the same LSTM/GRU forward+backward case in TensorFlow.js,
 * on its fastest backend that installs here (wasm with XNNPACK; tfjs-node's binary cannot be downloaded).
 * tfjs's GRU applies the reset gate before the recurrent product (PyTorch applies it after); the work is the same.
 * tfjs computes in float32 only, so float64 rows are compared with this float32 figure.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './cases.ts';

let backendReady: Promise<string> | null = null;

/** Pick tfjs's fastest available backend once (wasm, else cpu) and return its name. */
export function readyTfjs(): Promise<string> {
  backendReady ??= (async () => {
    const wasmDir = fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));
    setWasmPaths(wasmDir);
    // tfjs prints a hint about tfjs-node to stdout on first use; keep the table clean.
    const log = console.log;
    console.log = () => {};
    try {
      if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
      await tf.ready();
    } finally {
      console.log = log;
    }
    return tf.getBackend();
  })();
  return backendReady;
}

/** Build a function that runs one forward+backward pass of the case in tfjs and resolves when done. */
export async function tfjsForwardBackward(benchCase: BenchCase): Promise<() => Promise<void>> {
  await readyTfjs();
  const { module, batch, steps, inputSize, hiddenSize } = benchCase;
  const options = { units: hiddenSize, returnSequences: true, recurrentActivation: 'sigmoid' as const, inputShape: [steps, inputSize] };
  const layer = module === 'LSTM' ? tf.layers.lstm(options) : tf.layers.gru(options);
  const input = tf.variable(tf.randomNormal([batch, steps, inputSize]));
  // The first call builds the weights; tfjs warns that its orthogonal initialiser is slow for H = 256, which is no news here.
  const warn = console.warn;
  console.warn = () => {};
  try {
    tf.dispose(layer.apply(input) as tf.Tensor);
  } finally {
    console.warn = warn;
  }
  const gradOutput = tf.randomNormal([batch, steps, hiddenSize]);
  const weights = layer.trainableWeights.map((weight) => weight.read() as tf.Variable);
  return async () => {
    const { value, grads } = tf.variableGrads(() => {
      const output = layer.apply(input) as tf.Tensor;
      return tf.sum(tf.mul(output, gradOutput)) as tf.Scalar;
    }, [input, ...weights]);
    await Promise.all(Object.values(grads).map((grad) => grad.data()));
    value.dispose();
    for (const grad of Object.values(grads)) grad.dispose();
  };
}
