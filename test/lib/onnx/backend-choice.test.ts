/**
 * The backend-choosing rule (lib/onnx/backend-choice.ts, lib/onnx/gpu-adapter.ts) and its driver
 * (lib/onnx/choose-backend.ts) with fake sessions and timings: no browser, no model. Adapter infos
 * are those Chromium reports (SwiftShader's is what headless Chromium 156 gives with --enable-unsafe-webgpu).
 */
import { describe, expect, it } from 'vitest';
import { choiceKey, parseStoredChoice, pickFaster, planBackend, serializeChoice } from '../../../lib/onnx/backend-choice.ts';
import { BackendUnavailableError, type RuntimeBackend } from '../../../lib/onnx/backend-unavailable.ts';
import { chooseBackend, type ChooseBackendOptions } from '../../../lib/onnx/choose-backend.ts';
import { adapterFacts } from '../../../lib/onnx/gpu-adapter.ts';
import type { WebGpuProbe } from '../../../lib/onnx/webgpu-probe.ts';

const gpu: WebGpuProbe = { available: true, adapter: { description: 'nvidia ampere', software: null } };
const swiftShader: WebGpuProbe = { available: true, adapter: { description: 'google swiftshader', software: 'SwiftShader' } };

describe('adapterFacts', () => {
  it('calls fallback, SwiftShader, software and CPU adapters software, and real GPUs not', () => {
    expect(adapterFacts({ isFallbackAdapter: true, info: { vendor: 'x' } }).software).toBe('fallback adapter');
    expect(adapterFacts({ info: { vendor: 'y', isFallbackAdapter: true } }).software).toBe('fallback adapter');
    expect(adapterFacts({ isFallbackAdapter: true, info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' } })).toEqual({
      description: 'google swiftshader SwiftShader Device (Subzero)',
      software: 'SwiftShader',
    });
    expect(adapterFacts({ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }).software).toBe('software renderer');
    expect(adapterFacts({ info: { vendor: 'x', type: 'CPU' } }).software).toBe('CPU device');
    expect(adapterFacts({ isFallbackAdapter: false, info: { vendor: 'nvidia', architecture: 'ampere', type: 'discrete GPU' } })).toEqual({
      description: 'nvidia ampere',
      software: null,
    });
    expect(adapterFacts({})).toEqual({ description: 'unknown adapter', software: null });
  });
});

describe('planBackend and pickFaster', () => {
  it('forced backends win; no WebGPU or a software adapter means WASM without timing', () => {
    expect(planBackend('webgpu', swiftShader, null)).toEqual({ action: 'use', backend: 'webgpu', reason: 'forced' });
    expect(planBackend('wasm', gpu, null)).toEqual({ action: 'use', backend: 'wasm', reason: 'forced' });
    expect(planBackend('auto', { available: false, reason: 'no adapter' }, null)).toEqual({ action: 'use', backend: 'wasm', reason: 'no-webgpu', detail: 'no adapter' });
    expect(planBackend('auto', swiftShader, { backend: 'webgpu', timings: { wasm: 2, webgpu: 1 } })).toEqual({
      action: 'use',
      backend: 'wasm',
      reason: 'software-adapter',
      detail: 'SwiftShader',
    });
  });

  it('an accelerated adapter measures, unless a choice is stored', () => {
    expect(planBackend('auto', gpu, null)).toEqual({ action: 'measure' });
    const stored = { backend: 'wasm' as const, timings: { wasm: 0.2, webgpu: 3 } };
    expect(planBackend('auto', gpu, stored)).toEqual({ action: 'use', backend: 'wasm', reason: 'stored', timings: stored.timings });
  });

  it('keeps the faster; WASM on a tie or when WebGPU has no usable time', () => {
    expect(pickFaster({ wasm: 0.15, webgpu: 18 })).toBe('wasm');
    expect(pickFaster({ wasm: 4, webgpu: 0.9 })).toBe('webgpu');
    expect(pickFaster({ wasm: 1, webgpu: 1 })).toBe('wasm');
    expect(pickFaster({ wasm: 1, webgpu: Number.POSITIVE_INFINITY })).toBe('wasm');
    expect(pickFaster({ wasm: Number.NaN, webgpu: 2 })).toBe('webgpu');
  });
});

describe('stored choices', () => {
  it('round-trip, and corrupt or inconsistent ones read as null', () => {
    const choice = { backend: 'webgpu' as const, timings: { wasm: 3, webgpu: 1 } };
    expect(parseStoredChoice(serializeChoice(choice))).toEqual(choice);
    for (const bad of [null, '', '{', '[]', 'null', '{"backend":"webgl","timings":{"wasm":1,"webgpu":2}}', '{"backend":"wasm"}',
      '{"backend":"wasm","timings":{"wasm":-1,"webgpu":2}}', '{"backend":"wasm","timings":{"wasm":"1","webgpu":2}}',
      '{"backend":"webgpu","timings":{"wasm":1,"webgpu":2}}']) {
      expect(parseStoredChoice(bad), String(bad)).toBeNull();
    }
  });

  it('are keyed by model and adapter', () => {
    expect(choiceKey('g2p-1a2b', 'nvidia ampere')).not.toBe(choiceKey('g2p-1a2b', 'intel xe'));
    expect(choiceKey('g2p-1a2b', 'nvidia ampere')).not.toBe(choiceKey('charlm-9f', 'nvidia ampere'));
  });
});

/** A fake model: sessions are strings naming their backend; timings and start failures are set per test. */
function fake(overrides: Partial<ChooseBackendOptions<string>> & { times?: Record<RuntimeBackend, number>; broken?: RuntimeBackend[] } = {}) {
  const log: string[] = [];
  const store = new Map<string, string>();
  const { times = { wasm: 0.2, webgpu: 20 }, broken = [], ...rest } = overrides;
  const options: ChooseBackendOptions<string> = {
    forced: 'auto',
    probe: async () => gpu,
    modelId: 'model-1',
    storage: { getItem: (key) => store.get(key) ?? null, setItem: (key, value) => void store.set(key, value) },
    start: async (backend) => {
      log.push(`start ${backend}`);
      if (broken.includes(backend)) throw new Error(`${backend} is broken`);
      return backend;
    },
    measure: async (started) => {
      log.push(`measure ${started}`);
      return times[started as RuntimeBackend];
    },
    release: async (started) => void log.push(`release ${started}`),
    ...rest,
  };
  return { options, log, store, key: choiceKey('model-1', 'nvidia ampere') };
}

describe('chooseBackend', () => {
  it('measures both on an accelerated adapter, keeps the faster, releases the other and stores the choice', async () => {
    const { options, log, store, key } = fake();
    const chosen = await chooseBackend(options);
    expect(chosen).toMatchObject({ started: 'wasm', backend: 'wasm', reason: 'measured', timings: { wasm: 0.2, webgpu: 20 }, adapter: 'nvidia ampere' });
    expect(log).toEqual(['start webgpu', 'start wasm', 'measure webgpu', 'measure wasm', 'release webgpu']);
    expect(parseStoredChoice(store.get(key))).toEqual({ backend: 'wasm', timings: { wasm: 0.2, webgpu: 20 } });

    const fasterGpu = fake({ times: { wasm: 5, webgpu: 1 } });
    expect(await chooseBackend(fasterGpu.options)).toMatchObject({ backend: 'webgpu', started: 'webgpu', reason: 'measured' });
    expect(fasterGpu.log.at(-1)).toBe('release wasm');
  });

  it('reuses a stored choice without measuring, and measures again when asked', async () => {
    const { options, log, store, key } = fake({ times: { wasm: 5, webgpu: 1 } });
    store.set(key, serializeChoice({ backend: 'wasm', timings: { wasm: 0.3, webgpu: 9 } }));
    expect(await chooseBackend(options)).toMatchObject({ backend: 'wasm', reason: 'stored', timings: { wasm: 0.3, webgpu: 9 } });
    expect(log).toEqual(['start wasm']);

    const again = await chooseBackend({ ...options, remeasure: true });
    expect(again).toMatchObject({ backend: 'webgpu', reason: 'measured', timings: { wasm: 5, webgpu: 1 } });
    expect(parseStoredChoice(store.get(key))?.backend).toBe('webgpu');
  });

  it('ignores a corrupt stored choice and measures again', async () => {
    const { options, log, store, key } = fake();
    store.set(key, '{"backend":"webgpu","timings":');
    expect(await chooseBackend(options)).toMatchObject({ backend: 'wasm', reason: 'measured' });
    expect(log).toContain('measure webgpu');
    expect(parseStoredChoice(store.get(key))?.backend).toBe('wasm');
  });

  it('drops a stored WebGPU choice whose session no longer starts, and runs on WASM saying why', async () => {
    const { options, store, key } = fake({ broken: ['webgpu'] });
    store.set(key, serializeChoice({ backend: 'webgpu', timings: { wasm: 3, webgpu: 1 } }));
    const chosen = await chooseBackend(options);
    expect(chosen).toMatchObject({ backend: 'wasm', reason: 'no-webgpu', detail: 'session failed: webgpu is broken' });
  });

  it('never measures on a software adapter or without WebGPU', async () => {
    const soft = fake({ probe: async () => swiftShader });
    expect(await chooseBackend(soft.options)).toMatchObject({ backend: 'wasm', reason: 'software-adapter', detail: 'SwiftShader' });
    expect(soft.log).toEqual(['start wasm']);
    expect(soft.store.size).toBe(0);
    const none = fake({ probe: async () => ({ available: false, reason: 'no navigator.gpu' }) });
    expect(await chooseBackend(none.options)).toMatchObject({ backend: 'wasm', reason: 'no-webgpu', detail: 'no navigator.gpu' });
  });

  it('a backend whose warm-up fails loses, and nothing is stored', async () => {
    const { options, store } = fake({ measure: async (started) => (started === 'webgpu' ? Promise.reject(new Error('device lost')) : 2) });
    expect(await chooseBackend(options)).toMatchObject({ backend: 'wasm', reason: 'measured' });
    expect(store.size).toBe(0);
  });

  it('a forced backend is used as is; a forced WebGPU that cannot run is a typed error', async () => {
    expect(await chooseBackend(fake({ forced: 'webgpu', probe: async () => swiftShader }).options)).toMatchObject({ backend: 'webgpu', reason: 'forced' });
    expect(await chooseBackend(fake({ forced: 'wasm' }).options)).toMatchObject({ backend: 'wasm', reason: 'forced' });
    await expect(chooseBackend(fake({ forced: 'webgpu', broken: ['webgpu'] }).options)).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('works without storage (privacy mode throws on access)', async () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(await chooseBackend(fake({ storage: throwing }).options)).toMatchObject({ backend: 'wasm', reason: 'measured' });
  });
});
