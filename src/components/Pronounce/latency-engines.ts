/** The three engines the latency table times on the reader's word: the core's replay, and the encoder on ORT-WASM and ORT-WebGPU. */
import { BackendUnavailableError, createModelRunner, type RuntimeBackend } from '../../../lib/onnx/runtime.ts';
import { describeError } from '../../../lib/onnx/webgpu-probe.ts';
import { encoderWeights, lettersTensor } from './encoder-check.ts';
import { replayEncoder } from './gate-replay.ts';
import type { LatencyEngine } from './latency.ts';
import type { G2pModel } from './g2p-model.ts';

/** The engines' names as the table shows them. */
export const ENGINE_NAMES = { core: 'Core (float64, TypeScript)', wasm: 'onnxruntime, WASM', webgpu: 'onnxruntime, WebGPU' } as const;

/** An encoder session on one backend, or the reason there is none. */
async function engineOn(model: G2pModel, backend: RuntimeBackend, ids: readonly number[], wasmBaseUrl: string | undefined): Promise<LatencyEngine> {
  const name = ENGINE_NAMES[backend];
  try {
    const { runner } = await createModelRunner(model.encoderBytes, { backend, wasmBaseUrl });
    const letters = lettersTensor(ids);
    return { name, run: () => runner.run({ letters }) };
  } catch (error) {
    return { name, unavailable: `not available here: ${error instanceof BackendUnavailableError ? error.reason : describeError(error)}` };
  }
}

/** The core replay, ORT-WASM and ORT-WebGPU, each ready to run the encoder on the word's letter ids. */
export async function latencyEngines(model: G2pModel, ids: readonly number[], wasmBaseUrl?: string): Promise<LatencyEngine[]> {
  const weights = encoderWeights(model);
  const core: LatencyEngine = 'error' in weights ? { name: ENGINE_NAMES.core, unavailable: weights.error } : { name: ENGINE_NAMES.core, run: () => replayEncoder(weights, ids) };
  return [core, await engineOn(model, 'wasm', ids, wasmBaseUrl), await engineOn(model, 'webgpu', ids, wasmBaseUrl)];
}
