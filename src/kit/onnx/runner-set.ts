/**
 * A model's sessions on one backend (one runner per .onnx file of a ModelSession), and the helpers
 * the kit's backend choice needs around them: start, release, time a warm-up, name the model.
 */
import type { RuntimeBackend } from '../../../lib/onnx/backend-unavailable.ts';
import type { ChoiceStorage } from '../../../lib/onnx/choose-backend.ts';
import type { ModelRunner } from '../../../lib/onnx/runner.ts';
import { startModelRunner, type RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { sha256Hex } from '../../../lib/onnx/sha256.ts';

/** Every .onnx file's runner on one backend, and what runs them. */
export interface RunnerSet {
  readonly runners: Record<string, ModelRunner>;
  readonly info: RuntimeInfo;
}

/**
 * A model's real work, run once on started runners (with the session's files at hand); it returns how
 * many model steps it ran. The kit times it on each backend to keep the faster. For a decoder this is
 * a few decoding steps; for a character model, one generated character.
 */
export type ModelWarmUp = (runners: Record<string, ModelRunner>, files: Record<string, Uint8Array>) => Promise<number>;

/** Starts a runner for each of `onnxPaths` on `backend`; releases what started when one fails. */
export async function startRunnerSet(files: Record<string, Uint8Array>, onnxPaths: readonly string[], backend: RuntimeBackend, wasmBaseUrl?: string): Promise<RunnerSet> {
  const runners: Record<string, ModelRunner> = {};
  let info: RuntimeInfo | null = null;
  try {
    for (const path of onnxPaths) {
      const created = await startModelRunner(files[path]!, backend, wasmBaseUrl);
      runners[path] = created.runner;
      info ??= created.info;
    }
  } catch (error) {
    await releaseRunnerSet({ runners, info: info! });
    throw error;
  }
  return { runners, info: info! };
}

/** Frees a set's sessions (errors ignored: a lost device may refuse). */
export async function releaseRunnerSet(set: RunnerSet): Promise<void> {
  for (const runner of Object.values(set.runners)) await runner.release?.().catch(() => undefined);
}

/** Milliseconds per step of `warmUp`: one untimed run (kernels compile, shaders build), then the better of two timed runs. */
export async function timeWarmUp(warmUp: ModelWarmUp, set: RunnerSet, files: Record<string, Uint8Array>, now: () => number = () => performance.now()): Promise<number> {
  await warmUp(set.runners, files);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) {
    const started = now();
    const steps = await warmUp(set.runners, files);
    best = Math.min(best, (now() - started) / Math.max(1, steps));
  }
  return best;
}

/** A short id for a model's files: the first 12 hex digits of the SHA-256 of each .onnx file, joined. */
export async function modelIdOf(files: Record<string, Uint8Array>, onnxPaths: readonly string[]): Promise<string> {
  const hashes = await Promise.all(onnxPaths.map((path) => sha256Hex(files[path]!, { useWebCrypto: true })));
  return hashes.map((hash) => hash.slice(0, 12)).join('+');
}

/** The page's localStorage when it is there (the choice is only remembered then), else null. */
export function choiceStorage(): ChoiceStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
