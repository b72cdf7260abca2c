/** The error for a backend that was asked for by name and cannot run here. */

/** The backends createModelRunner knows. */
export type RuntimeBackend = 'webgpu' | 'wasm';

/** A forced backend that is not available here; `reason` is short and reader-facing ("no adapter"). */
export class BackendUnavailableError extends Error {
  /** The backend that was asked for. */
  readonly backend: RuntimeBackend;
  /** Why it is unavailable, e.g. 'no navigator.gpu', 'no adapter'. */
  readonly reason: string;

  constructor(backend: RuntimeBackend, reason: string) {
    super(`${backend === 'webgpu' ? 'WebGPU' : 'WASM'} is not available here: ${reason}`);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
    this.reason = reason;
  }
}
