/**
 * One widget's models, as reactive state: download a list of model files (with progress and a
 * Cancel), verify them, start an onnxruntime-web session for each .onnx file, and keep every
 * failure as a reader-facing message. ModelLoader shows it; the widget reads `runners` and `files`.
 *
 *   const models = new ModelSession(['g2p/encoder.onnx', 'g2p/decoder-step.onnx', 'g2p/vocab.json']);
 *   // in markup: <ModelLoader session={models} label="pronunciation model" />
 *   // when models.phase === 'ready': models.runners['g2p/encoder.onnx'].run(...)
 */
import { ModelFileError } from '../../../lib/onnx/model-file-error.ts';
import { fetchModelFiles } from '../../../lib/onnx/model-files.ts';
import type { ModelRunner } from '../../../lib/onnx/runner.ts';
import { createModelRunner, type BackendChoice, type RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { backendFromUrl } from './backend-from-url.ts';
import { runtimeFailureText, type ModelPhase } from './model-loader-text.ts';
import { ortBaseUrl, siteBaseUrl } from './site-urls.ts';

/** Options for a ModelSession. */
export interface ModelSessionOptions {
  /** Which backend: default the page URL's ?backend= (auto, webgpu or wasm), else 'auto' (WebGPU, then WASM). */
  readonly backend?: BackendChoice;
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
  /** A runner per .onnx file, once ready. */
  runners: Record<string, ModelRunner> = $state.raw({});
  /** The verified bytes of every file (vocabularies and the like), once ready. */
  files: Record<string, Uint8Array> = $state.raw({});
  /** What runs the models, once ready. */
  info: RuntimeInfo | null = $state.raw(null);

  #backend: BackendChoice;
  #controller: AbortController | null = null;

  constructor(paths: readonly string[], options: ModelSessionOptions = {}) {
    this.paths = paths;
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
      this.phase = 'starting';
      const files = Object.fromEntries(this.paths.map((path, index) => [path, bytes[index]!]));
      const runners: Record<string, ModelRunner> = {};
      let info: RuntimeInfo | null = null;
      for (const path of this.paths.filter((name) => name.endsWith('.onnx'))) {
        const created = await createModelRunner(files[path]!, { backend: this.#backend, wasmBaseUrl: ortBaseUrl() });
        runners[path] = created.runner;
        info ??= created.info;
      }
      if (this.#controller !== controller) return;
      this.files = files;
      this.runners = runners;
      this.info = info;
      this.phase = 'ready';
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

  /** Cancels a download in progress. */
  cancel(): void {
    if (this.phase !== 'downloading') return;
    this.#controller?.abort();
  }

  /** Starts again after an error or a cancel. */
  retry(): Promise<void> {
    return this.start();
  }
}
