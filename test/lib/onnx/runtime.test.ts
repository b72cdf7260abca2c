/**
 * The runtime wrapper in Node (onnxruntime-web's WASM backend) against PyTorch: the tiny encoder
 * in test/fixtures/runtime/ and its outputs come from test/fixtures/runtime/make_runtime_fixture.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, createModelRunner } from '../../../lib/onnx/runtime.ts';
import { wasmThreadCount } from '../../../lib/onnx/ort-loader.ts';
import { probeWebGpu } from '../../../lib/onnx/webgpu-probe.ts';

const fixture = new URL('../../fixtures/runtime/', import.meta.url);
const modelBytes = new Uint8Array(readFileSync(new URL('tiny-encoder.onnx', fixture)));
const reference = JSON.parse(readFileSync(new URL('tiny-encoder.json', fixture), 'utf8')) as {
  inputs: { letters: number[][] };
  outputs: { memory: number[][][]; h0: number[][] };
};

/** Largest absolute difference between a flat Float32Array and a nested list. */
function maxAbsDiff(actual: Float32Array, expected: unknown[]): number {
  const flat = expected.flat(3) as number[];
  expect(actual.length).toBe(flat.length);
  return Math.max(...flat.map((value, index) => Math.abs(actual[index]! - value)));
}

const letters = {
  type: 'int64' as const,
  data: BigInt64Array.from(reference.inputs.letters[0]!.map(BigInt)),
  dims: [1, reference.inputs.letters[0]!.length],
};

describe('createModelRunner (Node, WASM)', () => {
  it('runs the tiny encoder within 1e-5 of PyTorch and reports the backend', async () => {
    const { runner, info } = await createModelRunner(modelBytes, { backend: 'wasm' });
    expect(info).toEqual({ backend: 'wasm', threads: 1, crossOriginIsolated: false });
    expect(runner.inputNames).toEqual(['letters']);
    expect([...runner.outputNames].sort()).toEqual(['h0', 'memory']);
    const outputs = await runner.run({ letters });
    expect(outputs.memory!.dims).toEqual([1, 5, 6]);
    expect(outputs.h0!.dims).toEqual([1, 3]);
    expect(maxAbsDiff(outputs.memory!.data as Float32Array, reference.outputs.memory)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(outputs.h0!.data as Float32Array, reference.outputs.h0)).toBeLessThanOrEqual(1e-5);
    await runner.release?.();
  });

  it("'auto' falls back to WASM and names the reason when there is no WebGPU", async () => {
    const { info } = await createModelRunner(modelBytes, {
      probeWebGpu: async () => ({ available: false, reason: 'no adapter' }),
    });
    expect(info.backend).toBe('wasm');
    expect(info.fallbackReason).toBe('no adapter');
  });

  it("'auto' falls back to WASM when the WebGPU session cannot be created", async () => {
    // Node's onnxruntime-web has no WebGPU backend, so the session creation itself fails here.
    const { info } = await createModelRunner(modelBytes, { probeWebGpu: async () => ({ available: true }) });
    expect(info.backend).toBe('wasm');
    expect(info.fallbackReason).toMatch(/^session failed: /);
  });

  it("'auto' takes WASM on a software-only adapter and says so", async () => {
    const { info } = await createModelRunner(modelBytes, {
      probeWebGpu: async () => ({ available: true, adapter: { description: 'google swiftshader', software: 'SwiftShader' } }),
    });
    expect(info.backend).toBe('wasm');
    expect(info.fallbackReason).toBe('software-only (SwiftShader)');
  });

  it("a forced 'webgpu' that is unavailable is a typed error with the reason", async () => {
    const attempt = createModelRunner(modelBytes, {
      backend: 'webgpu',
      probeWebGpu: async () => ({ available: false, reason: 'no navigator.gpu' }),
    });
    await expect(attempt).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(attempt).rejects.toMatchObject({ backend: 'webgpu', reason: 'no navigator.gpu' });
  });

  it('queues concurrent runs on one session and answers each', async () => {
    const { runner } = await createModelRunner(modelBytes, { backend: 'wasm' });
    const [first, second] = await Promise.all([runner.run({ letters }), runner.run({ letters })]);
    expect(Array.from(first!.h0!.data as Float32Array)).toEqual(Array.from(second!.h0!.data as Float32Array));
  });
});

describe('probeWebGpu', () => {
  it('names each reason WebGPU is unavailable', async () => {
    expect(await probeWebGpu({})).toEqual({ available: false, reason: 'no navigator.gpu' });
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => null } })).toEqual({ available: false, reason: 'no adapter' });
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => Promise.reject(new Error('blocked')) } })).toEqual({
      available: false,
      reason: 'requestAdapter failed: blocked',
    });
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => ({}) } })).toEqual({
      available: true,
      adapter: { description: 'unknown adapter', software: null },
    });
    const swiftShader = { isFallbackAdapter: false, info: { vendor: 'google', architecture: 'swiftshader' } };
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => swiftShader } })).toEqual({
      available: true,
      adapter: { description: 'google swiftshader', software: 'SwiftShader' },
    });
  });
});

describe('wasmThreadCount', () => {
  it('uses threads only when cross-origin isolated, at most 4', () => {
    expect(wasmThreadCount({ crossOriginIsolated: false, navigator: { hardwareConcurrency: 16 } })).toBe(1);
    expect(wasmThreadCount({ navigator: { hardwareConcurrency: 16 } })).toBe(1);
    expect(wasmThreadCount({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 16 } })).toBe(4);
    expect(wasmThreadCount({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } })).toBe(2);
    expect(wasmThreadCount({ crossOriginIsolated: true })).toBe(1);
  });
});
