/**
 * Starts a model on the backend the rule in backend-choice.ts picks, measuring both when it must.
 * Model-agnostic: the caller says how to start its sessions on a backend (one file or several) and
 * how to time one warm-up of its real step; storage is any get/set pair (localStorage in the page).
 *
 *   const chosen = await chooseBackend({ forced: 'auto', probe: probeWebGpu, modelId, storage, start, measure });
 *   chosen.started  // the sessions on chosen.backend; the other backend's were released
 */
import { BackendUnavailableError, type RuntimeBackend } from './backend-unavailable.ts';
import { choiceKey, parseStoredChoice, pickFaster, planBackend, serializeChoice, type ChoiceReason, type StepTimings } from './backend-choice.ts';
import { describeError, type WebGpuProbe } from './webgpu-probe.ts';

/** Where a choice is kept between visits (localStorage, or a Map in tests). */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What chooseBackend needs from its caller. */
export interface ChooseBackendOptions<T> {
  /** 'auto', or the backend ?backend= forces. */
  readonly forced: 'auto' | RuntimeBackend;
  /** Probes for WebGPU and its adapter. */
  readonly probe: () => Promise<WebGpuProbe>;
  /** Names the model in the stored choice's key (e.g. its files' hash). */
  readonly modelId: string;
  /** Where the choice is kept; null keeps nothing. */
  readonly storage: ChoiceStorage | null;
  /** Starts the model's sessions on a backend; throws when that backend cannot run them. */
  readonly start: (backend: RuntimeBackend) => Promise<T>;
  /** Milliseconds per step of the model's real work on started sessions; absent: WebGPU when accelerated. */
  readonly measure?: (started: T) => Promise<number>;
  /** Frees sessions that were started but not kept. */
  readonly release?: (started: T) => Promise<void>;
  /** Ignore the stored choice and measure again. */
  readonly remeasure?: boolean;
}

/** The sessions that run the model, on which backend, and why. */
export interface ChosenBackend<T> {
  readonly started: T;
  readonly backend: RuntimeBackend;
  readonly reason: ChoiceReason;
  /** More about the reason: the probe's failure, the software adapter's kind, a session's error. */
  readonly detail?: string;
  /** Per-step times, when measured (now or on an earlier visit). */
  readonly timings?: StepTimings;
  /** The adapter's description when there is an accelerated one (so a 'measure again' makes sense). */
  readonly adapter?: string;
}

function readStored(storage: ChoiceStorage | null, key: string) {
  try {
    return parseStoredChoice(storage?.getItem(key));
  } catch {
    return null; // storage refused (privacy mode, say)
  }
}

/** Starts the model on the chosen backend; throws only when a forced backend or WASM itself cannot start. */
export async function chooseBackend<T>(options: ChooseBackendOptions<T>): Promise<ChosenBackend<T>> {
  const { forced, start } = options;
  if (forced === 'wasm') return { started: await start('wasm'), backend: 'wasm', reason: 'forced' };
  const probe = await options.probe();
  if (forced === 'webgpu') {
    if (!probe.available) throw new BackendUnavailableError('webgpu', probe.reason);
    try {
      return { started: await start('webgpu'), backend: 'webgpu', reason: 'forced' };
    } catch (error) {
      throw new BackendUnavailableError('webgpu', `session failed: ${describeError(error)}`);
    }
  }
  const adapter = probe.available ? (probe.adapter?.description ?? 'unknown adapter') : undefined;
  const key = choiceKey(options.modelId, adapter ?? '');
  const plan = planBackend('auto', probe, options.remeasure ? null : readStored(options.storage, key));
  if (plan.action === 'use' && plan.backend === 'wasm') {
    return { started: await start('wasm'), ...plan, ...(plan.reason === 'stored' ? { adapter } : {}) };
  }
  let webgpu: T;
  try {
    webgpu = await start('webgpu');
  } catch (error) {
    // a stored WebGPU choice that no longer starts is dropped, like any other failed WebGPU start
    return { started: await start('wasm'), backend: 'wasm', reason: 'no-webgpu', detail: `session failed: ${describeError(error)}` };
  }
  if (plan.action === 'use') return { started: webgpu, backend: 'webgpu', reason: plan.reason, ...(plan.timings ? { timings: plan.timings } : {}), adapter };
  if (!options.measure) return { started: webgpu, backend: 'webgpu', reason: 'measured', adapter };

  const wasm = await start('wasm');
  const timeOf = async (started: T) => {
    try {
      return await options.measure!(started);
    } catch {
      return Number.POSITIVE_INFINITY; // a backend that fails its warm-up loses it
    }
  };
  const timings = { webgpu: await timeOf(webgpu), wasm: await timeOf(wasm) };
  const backend = pickFaster(timings);
  await options.release?.(backend === 'webgpu' ? wasm : webgpu);
  if (Number.isFinite(timings.webgpu) && Number.isFinite(timings.wasm)) {
    try {
      options.storage?.setItem(key, serializeChoice({ backend, timings }));
    } catch {
      // storage full or refused: measure again next visit
    }
  }
  return { started: backend === 'webgpu' ? webgpu : wasm, backend, reason: 'measured', timings, adapter };
}
