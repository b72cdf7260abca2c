/**
 * The browser runtime for this course's ONNX models: onnxruntime-web on WebGPU or WASM, behind the
 * ModelRunner interface. The info it returns is what the backend chip shows. A single file's 'auto'
 * takes WebGPU only on an accelerated adapter; the kit's ModelSession (through choose-backend.ts)
 * also times both on the model's real step and keeps the faster.
 *
 *   const { runner, info } = await createModelRunner(bytes, { backend: 'auto', wasmBaseUrl: `${base}ort/` });
 */
import { BackendUnavailableError, type RuntimeBackend } from './backend-unavailable.ts';
import { loadOnnxRuntime, type LoadedRuntime } from './ort-loader.ts';
import { inOrtQueue } from './ort-queue.ts';
import { fromOrtTensor, toOrtTensor, type OrtModule } from './ort-tensor.ts';
import type { ChoiceReason, StepTimings } from './backend-choice.ts';
import type { ModelRunner, RunnerTensor } from './runner.ts';
import { describeError, probeWebGpu, type WebGpuProbe } from './webgpu-probe.ts';

export { BackendUnavailableError, type RuntimeBackend } from './backend-unavailable.ts';

/** Which backend to use: 'auto' lets the rule choose (backend-choice.ts); a named one fails when unavailable. */
export type BackendChoice = 'auto' | RuntimeBackend;

/** What ran the model, for the backend chip. */
export interface RuntimeInfo {
  /** The backend the session runs on. */
  readonly backend: RuntimeBackend;
  /** WASM threads (1 unless the page is cross-origin isolated). */
  readonly threads: number;
  readonly crossOriginIsolated: boolean;
  /** Why 'auto' did not get WebGPU, e.g. 'no adapter'. */
  readonly fallbackReason?: string;
  /** How the backend was chosen, when a rule chose it (the chip's reason and figures). */
  readonly choice?: BackendChoiceInfo;
}

/** Why this backend, for the chip: the rule's reason, its detail and the measured per-step times. */
export interface BackendChoiceInfo {
  readonly reason: ChoiceReason;
  readonly detail?: string;
  readonly timings?: StepTimings;
}

/** Options for createModelRunner. */
export interface CreateModelRunnerOptions {
  /** Default 'auto'. */
  readonly backend?: BackendChoice;
  /** The self-hosted onnxruntime-web folder, e.g. `${import.meta.env.BASE_URL}ort/`; leave out in Node. */
  readonly wasmBaseUrl?: string;
  /** How to probe for WebGPU; default probeWebGpu() on this page's navigator. */
  readonly probeWebGpu?: () => Promise<WebGpuProbe>;
}

/** A model runner and what runs it. */
export interface CreatedRunner {
  readonly runner: ModelRunner;
  readonly info: RuntimeInfo;
}

type Session = Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;

/**
 * Watches onnxruntime-web's WebGPU device and returns a check that gives the reason once it is lost
 * (destroyed, a driver reset), else null. Runs check it before and after they enter the runtime, so
 * a lost device fails the run without entering the shared WebAssembly module again. (Racing a run
 * in flight instead would let the WASM fallback enter the module while the WebGPU run is suspended
 * in it: the page froze that way in test/e2e/onnx-runtime-webgpu.spec.ts.)
 */
function watchWebGpuDevice(ort: OrtModule): () => string | null {
  let lostReason: string | null = null;
  void (async () => {
    // the native WebGPU provider sets env.webgpu.device once its device exists (a device, or a promise of one)
    const device = await (ort.env.webgpu as unknown as { device?: { lost?: Promise<{ message?: string }> } }).device;
    const info = await device?.lost;
    if (info) lostReason = `WebGPU device lost${info.message ? `: ${info.message}` : ''}`;
  })().catch(() => undefined);
  return () => lostReason;
}

/** A ModelRunner over one InferenceSession; runs wait their turn in the page's ORT queue, and fail once `lost()` names a reason. */
function sessionRunner(ort: OrtModule, session: Session, lost?: () => string | null): ModelRunner {
  const runOnce = async (feeds: Record<string, RunnerTensor>) => {
    const ortFeeds = Object.fromEntries(Object.entries(feeds).map(([name, tensor]) => [name, toOrtTensor(ort, tensor)]));
    if (lost?.()) throw new Error(lost()!);
    const results = await session.run(ortFeeds);
    if (lost?.()) throw new Error(lost()!); // outputs of a run the device was lost during are not trusted
    return Object.fromEntries(Object.entries(results).map(([name, tensor]) => [name, fromOrtTensor(name, tensor)]));
  };
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: (feeds) => inOrtQueue(() => runOnce(feeds)),
    release: () => inOrtQueue(() => session.release()),
  };
}

/** A session on one backend; ORT's warnings (nodes placed on the CPU, say) stay out of the console. */
function createSession(runtime: LoadedRuntime, bytes: Uint8Array, backend: RuntimeBackend): Promise<Session> {
  return inOrtQueue(() =>
    runtime.ort.InferenceSession.create(bytes, { executionProviders: [backend], logSeverityLevel: 3 }),
  );
}

/** Loads onnxruntime-web (once) and creates a runner for the model `bytes` on the chosen backend. */
export async function createModelRunner(bytes: Uint8Array, options: CreateModelRunnerOptions = {}): Promise<CreatedRunner> {
  const choice = options.backend ?? 'auto';
  const probe = options.probeWebGpu ?? probeWebGpu;
  let fallbackReason: string | undefined;

  if (choice !== 'wasm') {
    const webGpu = await probe();
    if (webGpu.available && webGpu.adapter?.software && choice === 'auto') {
      fallbackReason = `software-only (${webGpu.adapter.software})`;
    } else if (webGpu.available) {
      const runtime = await loadOnnxRuntime({ wasmBaseUrl: options.wasmBaseUrl });
      try {
        const session = await createSession(runtime, bytes, 'webgpu');
        return { runner: sessionRunner(runtime.ort, session, watchWebGpuDevice(runtime.ort)), info: infoFor(runtime, 'webgpu') };
      } catch (error) {
        fallbackReason = `session failed: ${describeError(error)}`;
      }
    } else {
      fallbackReason = webGpu.reason;
    }
    if (choice === 'webgpu') throw new BackendUnavailableError('webgpu', fallbackReason);
  }

  const runtime = await loadOnnxRuntime({ wasmBaseUrl: options.wasmBaseUrl });
  const session = await createSession(runtime, bytes, 'wasm');
  return { runner: sessionRunner(runtime.ort, session), info: infoFor(runtime, 'wasm', fallbackReason) };
}

/** Starts one model file on one backend (no fallback); throws when that backend cannot run it. */
export async function startModelRunner(bytes: Uint8Array, backend: RuntimeBackend, wasmBaseUrl?: string): Promise<CreatedRunner> {
  const runtime = await loadOnnxRuntime({ wasmBaseUrl });
  const session = await createSession(runtime, bytes, backend);
  const lost = backend === 'webgpu' ? watchWebGpuDevice(runtime.ort) : undefined;
  return { runner: sessionRunner(runtime.ort, session, lost), info: infoFor(runtime, backend) };
}

/** The chip's facts for a session on `backend`. */
function infoFor(runtime: LoadedRuntime, backend: RuntimeBackend, fallbackReason?: string): RuntimeInfo {
  return {
    backend,
    threads: runtime.threads,
    crossOriginIsolated: runtime.crossOriginIsolated,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
  };
}
