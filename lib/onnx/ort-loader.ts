/**
 * Loads onnxruntime-web on demand (a dynamic import, so bundlers put it in its own chunk that only
 * a page with a model widget ever fetches) and configures it once: the self-hosted .wasm/.mjs
 * folder and the thread count.
 */
import type { OrtModule } from './ort-tensor.ts';

/** onnxruntime-web, configured, with the facts the backend chip shows. */
export interface LoadedRuntime {
  readonly ort: OrtModule;
  /** WASM threads: min(4, hardwareConcurrency) when cross-origin isolated, else 1. */
  readonly threads: number;
  /** Whether the page is cross-origin isolated (COOP/COEP), which WASM threads need. */
  readonly crossOriginIsolated: boolean;
}

/** Where to load from. */
export interface LoadRuntimeOptions {
  /**
   * URL of the folder holding onnxruntime-web's .wasm/.mjs files, ending in '/', e.g. '/course/rnn/ort/'.
   * Leave it out in Node, where onnxruntime-web finds its files in node_modules.
   */
  readonly wasmBaseUrl?: string;
}

interface ThreadGlobals {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/** WASM threads for this page: several only when cross-origin isolated (SharedArrayBuffer needs it). */
export function wasmThreadCount(globals: ThreadGlobals = globalThis as ThreadGlobals): number {
  if (globals.crossOriginIsolated !== true) return 1;
  const cores = globals.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(4, Math.floor(cores)));
}

/** How long the WebAssembly runtime may take to start (download of its .wasm included). */
export const WASM_INIT_TIMEOUT_MS = 120_000;

let loading: Promise<LoadedRuntime> | undefined;

/** onnxruntime-web, imported and configured on the first call; later calls share it. */
export function loadOnnxRuntime(options: LoadRuntimeOptions = {}): Promise<LoadedRuntime> {
  loading ??= import('onnxruntime-web').then(
    (module) => {
      const ort = ((module as { default?: OrtModule }).default ?? module) as OrtModule;
      const threads = wasmThreadCount();
      ort.env.wasm.numThreads = threads;
      ort.env.wasm.proxy = false;
      // Fail instead of waiting forever when the runtime cannot start, e.g. its thread workers
      // are refused because the host sent COEP on the page but not on the worker script.
      ort.env.wasm.initTimeout = WASM_INIT_TIMEOUT_MS;
      if (options.wasmBaseUrl) ort.env.wasm.wasmPaths = options.wasmBaseUrl;
      ort.env.logLevel = 'error';
      return { ort, threads, crossOriginIsolated: (globalThis as ThreadGlobals).crossOriginIsolated === true };
    },
    (error: unknown) => {
      loading = undefined; // a failed chunk load (offline, say) can be retried
      throw error;
    },
  );
  return loading;
}
