/** The loader's and the chip's words; expected strings are the ones the issue and the authoring guide quote. */
import { describe, expect, it } from 'vitest';
import { backendChipText, phaseText, progressText, runtimeFailureText } from '../../../../src/kit/onnx/model-loader-text.ts';

describe('progressText', () => {
  it('shows megabytes with one decimal for files of a megabyte or more', () => {
    expect(progressText(1_200_000, 7_900_000)).toBe('1.2 of 7.9 MB');
    expect(progressText(7_900_000, 7_900_000)).toBe('7.9 of 7.9 MB');
  });
  it('shows kilobytes below a megabyte', () => {
    expect(progressText(1_850, 3_741)).toBe('1.9 of 3.7 kB');
  });
  it('never shows NaN or more than the total', () => {
    expect(progressText(Number.NaN, 0)).toBe('0.0 of 0.0 kB');
    expect(progressText(5_000, 4_000)).toBe('4.0 of 4.0 kB');
    expect(progressText(-1, 4_000)).toBe('0.0 of 4.0 kB');
  });
});

describe('backendChipText', () => {
  it('names backend, threads and isolation', () => {
    expect(backendChipText({ backend: 'webgpu', threads: 1, crossOriginIsolated: false })).toBe(
      'WebGPU · 1 thread · not cross-origin isolated',
    );
    expect(backendChipText({ backend: 'wasm', threads: 4, crossOriginIsolated: true })).toBe(
      'WASM · 4 threads · cross-origin isolated',
    );
  });
  it('adds why WebGPU was not used', () => {
    expect(backendChipText({ backend: 'wasm', threads: 1, crossOriginIsolated: false, fallbackReason: 'no adapter' })).toBe(
      'WASM · 1 thread · not cross-origin isolated · WebGPU unavailable: no adapter',
    );
  });
});

describe('backendChipText with the choosing rule', () => {
  const base = { threads: 1, crossOriginIsolated: false } as const;
  it('gives the reason and, when measured, both figures', () => {
    expect(backendChipText({ ...base, backend: 'wasm', choice: { reason: 'software-adapter', detail: 'SwiftShader' } })).toBe(
      'WASM · 1 thread · not cross-origin isolated · WebGPU available but software-only (SwiftShader): using WASM',
    );
    expect(backendChipText({ ...base, backend: 'webgpu', choice: { reason: 'measured', timings: { webgpu: 0.42, wasm: 1.234 } } })).toBe(
      'WebGPU · 1 thread · not cross-origin isolated · measured per step: WebGPU 0.42 ms, WASM 1.2 ms; the faster kept',
    );
    expect(backendChipText({ ...base, backend: 'wasm', choice: { reason: 'stored', timings: { webgpu: 18.4, wasm: 0.15 } } })).toBe(
      'WASM · 1 thread · not cross-origin isolated · measured earlier on this device, per step: WebGPU 18 ms, WASM 0.15 ms',
    );
    expect(backendChipText({ ...base, backend: 'webgpu', choice: { reason: 'forced' } })).toBe('WebGPU · 1 thread · not cross-origin isolated · chosen by ?backend=webgpu');
    expect(backendChipText({ ...base, backend: 'wasm', choice: { reason: 'webgpu-lost', detail: 'device lost' } })).toBe(
      'WASM · 1 thread · not cross-origin isolated · WebGPU failed during the session (device lost): switched to WASM',
    );
    expect(backendChipText({ ...base, backend: 'wasm', choice: { reason: 'software-adapter', detail: 'SwiftShader' } }, 'zh-CN')).toBe(
      'WASM · 1 个线程 · 未跨源隔离 · WebGPU 可用，但只是软件实现（SwiftShader）：改用 WASM',
    );
  });
});

describe('phaseText', () => {
  it('has a sentence for every phase', () => {
    for (const phase of ['idle', 'downloading', 'starting', 'ready', 'error', 'cancelled'] as const) {
      expect(phaseText(phase, 'model')).toMatch(/\S/);
    }
    expect(phaseText('downloading', 'pronunciation model')).toBe('Downloading the pronunciation model…');
  });
});

describe('runtimeFailureText', () => {
  it('names a Content-Security-Policy without wasm-unsafe-eval (message as Chromium words it)', () => {
    const refused = new Error(
      "no available backend found. ERR: [wasm] RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): Compiling or instantiating WebAssembly module violates the following Content Security policy directive because 'unsafe-eval' is not an allowed source of script",
    );
    expect(runtimeFailureText(refused)).toContain("script-src needs 'wasm-unsafe-eval'");
  });
  it('says when the runtime itself could not be downloaded', () => {
    expect(runtimeFailureText(new TypeError('Failed to fetch dynamically imported module: http://x/_astro/ort.js'))).toContain(
      'could not be downloaded',
    );
  });
  it('otherwise quotes the first line of the error', () => {
    expect(runtimeFailureText(new Error('bad model\nstack'))).toBe('The model could not start: bad model. Reload the page to try again.');
  });
});
