/**
 * One widget's models, as reactive state: download a list of model files (with progress and a
 * Cancel), verify them, start onnxruntime-web sessions for each .onnx file on the backend the rule
 * picks (lib/onnx/choose-backend.ts: WASM where WebGPU is absent or only software, else the faster
 * of the two as timed on the model's warm-up, remembered per model and adapter), and keep every
 * failure as a reader-facing message. ModelLoader shows it; the widget reads `runners` and `files`.
 * When WebGPU fails during the session (a lost device, a failing run), the runners move to WASM.
 *
 *   const models = new ModelSession(['g2p/encoder.onnx', 'g2p/decoder-step.onnx', 'g2p/vocab.json'], { warmUp });
 *   // in markup: <ModelLoader session={models} label="pronunciation model" />
 *   // when models.phase === 'ready': models.runners['g2p/encoder.onnx'].run(...)
 */
import { chooseBackend, type ChoiceStorage } from '../../../lib/onnx/choose-backend.ts';
import { ModelFileError } from '../../../lib/onnx/model-file-error.ts';
import { fetchModelFiles } from '../../../lib/onnx/model-files.ts';
import type { ModelRunner, RunnerTensor } from '../../../lib/onnx/runner.ts';
import type { BackendChoice, RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { describeError, probeWebGpu } from '../../../lib/onnx/webgpu-probe.ts';
import { backendFromUrl } from './backend-from-url.ts';
import { runtimeFailureText, type ModelPhase } from './model-loader-text.ts';
import { choiceStorage, modelIdOf, releaseRunnerSet, startRunnerSet, timeWarmUp, type ModelWarmUp, type RunnerSet } from './runner-set.ts';
import { ortBaseUrl, siteBaseUrl } from './site-urls.ts';

export type { ModelWarmUp } from './runner-set.ts';

/** Options for a ModelSession. */
export interface ModelSessionOptions {
  /** Which backend: default the page URL's ?backend= (auto, webgpu or wasm), else 'auto' (the rule chooses). */
  readonly backend?: BackendChoice;
  /** The model's real work, timed on each backend when both can run; without it an accelerated WebGPU is taken untimed. */
  readonly warmUp?: ModelWarmUp;
  /** Where the measured choice is remembered (default the page's localStorage). */
  readonly storage?: ChoiceStorage | null;
}

/** Reactive state and actions for loading one widget's model files. */
export class ModelSession {
  /** The files, relative to the models folder. */
  readonly paths: readonly string[];
  /** Where the session is. */
  phase: ModelPhase = $state('idle');
  /** Bytes downloaded so far, over all files. */
  loaded = $state(0);
  /** Bytes in all files (0 until the manifest is read). */
  total = $state(0);
  /** The reader-facing message after a failure, else null. */
  error: string | null = $state(null);
  /** The ModelFileError kind (or 'runtime') after a failure, for tests and styling. */
  errorKind: string | null = $state(null);
  /** A runner per .onnx file, once ready; each follows the session to WASM if WebGPU is lost. */
  runners: Record<string, ModelRunner> = $state.raw({});
  /** The verified bytes of every file (vocabularies and the like), once ready. */
  files: Record<string, Uint8Array> = $state.raw({});
  /** What runs the models, and why that backend, once ready. */
  info: RuntimeInfo | null = $state.raw(null);
  /** Whether the choice came from timing both backends, so that timing them again can change it. */
  canMeasureAgain = $state(false);

  #backend: BackendChoice;
  #options: ModelSessionOptions;
  #controller: AbortController | null = null;
  #active: RunnerSet | null = null;
  #failover: Promise<RunnerSet> | null = null;

  constructor(paths: readonly string[], options: ModelSessionOptions = {}) {
    this.paths = paths;
    this.#options = options;
    this.#backend = options.backend ?? backendFromUrl();
  }

  /** Downloads, verifies and starts the models; a second call while busy or ready does nothing. */
  async start(): Promise<void> {
    if (this.phase === 'downloading' || this.phase === 'starting' || this.phase === 'ready') return;
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = 'downloading';
    this.error = null;
    this.errorKind = null;
    this.loaded = 0;
    try {
      const bytes = await fetchModelFiles(this.paths, {
        baseUrl: siteBaseUrl(),
        signal: controller.signal,
        onProgress: (loaded, total) => {
          if (this.#controller !== controller) return;
          this.loaded = loaded;
          this.total = total;
        },
      });
      if (this.#controller !== controller) return;
      await this.#startOn(Object.fromEntries(this.paths.map((path, index) => [path, bytes[index]!])), controller, false);
    } catch (error) {
      if (this.#controller !== controller) return;
      controller.abort(); // stop the other files of the list
      if (error instanceof ModelFileError && error.kind === 'aborted') {
        this.phase = 'cancelled';
        return;
      }
      this.errorKind = error instanceof ModelFileError ? error.kind : 'runtime';
      this.error = error instanceof ModelFileError ? error.message : runtimeFailureText(error);
      this.phase = 'error';
    }
  }

  /** Times both backends again (forgetting the stored choice) and keeps the faster. */
  async measureAgain(): Promise<void> {
    if (this.phase !== 'ready' || !this.canMeasureAgain) return;
    const controller = new AbortController();
    this.#controller = controller;
    const previous = this.#active;
    try {
      await this.#startOn(this.files, controller, true);
      if (previous && previous !== this.#active) await releaseRunnerSet(previous);
    } catch (error) {
      this.errorKind = 'runtime';
      this.error = runtimeFailureText(error);
      this.phase = 'error';
    }
  }

  /** Cancels a download in progress. */
  cancel(): void {
    if (this.phase !== 'downloading') return;
    this.#controller?.abort();
  }

  /** Starts again after an error or a cancel. */
  retry(): Promise<void> {
    return this.start();
  }

  /** Chooses the backend, starts the sessions on it and publishes them. */
  async #startOn(files: Record<string, Uint8Array>, controller: AbortController, remeasure: boolean): Promise<void> {
    this.phase = 'starting';
    const onnxPaths = this.paths.filter((name) => name.endsWith('.onnx'));
    const warmUp = this.#options.warmUp;
    const chosen = await chooseBackend<RunnerSet>({
      forced: this.#backend,
      probe: () => probeWebGpu(),
      modelId: this.#backend === 'auto' ? await modelIdOf(files, onnxPaths) : '',
      storage: this.#options.storage === undefined ? choiceStorage() : this.#options.storage,
      start: (backend) => startRunnerSet(files, onnxPaths, backend, ortBaseUrl()),
      ...(warmUp ? { measure: (set: RunnerSet) => timeWarmUp(warmUp, set, files) } : {}),
      release: releaseRunnerSet,
      remeasure,
    });
    if (this.#controller !== controller) return;
    const { reason, detail, timings } = chosen;
    this.#active = chosen.started;
    this.#failover = null;
    this.files = files;
    this.runners = Object.fromEntries(onnxPaths.map((path) => [path, this.#followingRunner(path)]));
    this.info = { ...chosen.started.info, choice: { reason, ...(detail ? { detail } : {}), ...(timings ? { timings } : {}) } };
    this.canMeasureAgain = chosen.adapter !== undefined && warmUp !== undefined;
    this.phase = 'ready';
  }

  /** A runner for `path` that runs on the active set, and moves to WASM when a WebGPU run fails. */
  #followingRunner(path: string): ModelRunner {
    const first = this.#active!.runners[path]!;
    const run = async (feeds: Record<string, RunnerTensor>) => {
      const set = this.#active!;
      try {
        return await set.runners[path]!.run(feeds);
      } catch (error) {
        if (set.info.backend !== 'webgpu') throw error;
        const wasm = await this.#fallBackToWasm(set, error);
        return wasm.runners[path]!.run(feeds);
      }
    };
    return { inputNames: first.inputNames, outputNames: first.outputNames, run };
  }

  /** Starts WASM sessions once after WebGPU failed, makes them the active set, and says so on the chip. */
  #fallBackToWasm(lost: RunnerSet, error: unknown): Promise<RunnerSet> {
    this.#failover ??= (async () => {
      const onnxPaths = this.paths.filter((name) => name.endsWith('.onnx'));
      const wasm = await startRunnerSet(this.files, onnxPaths, 'wasm', ortBaseUrl());
      this.#active = wasm;
      this.info = { ...wasm.info, choice: { reason: 'webgpu-lost', detail: describeError(error) } };
      this.canMeasureAgain = false;
      void releaseRunnerSet(lost);
      return wasm;
    })();
    return this.#failover;
  }
}
