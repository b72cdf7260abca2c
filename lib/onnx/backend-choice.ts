/**
 * The rule that picks a model's backend, with no model, browser or storage in it: given the URL's
 * forced backend, what the WebGPU probe found, a stored earlier choice and (when needed) measured
 * per-step latencies, it returns the backend and the reason the chip gives.
 *
 *   WebGPU absent, or its adapter only software (fallback, SwiftShader, CPU)  → WASM, no timing
 *   an earlier measurement on this model and adapter                          → its backend
 *   otherwise                                                                 → time both, keep the faster
 *
 * Small per-step decoding loops are dominated by dispatch and readback, so even a real GPU can lose
 * to WASM there; only a measurement on the model's own step settles it.
 */
import type { RuntimeBackend } from './backend-unavailable.ts';
import type { WebGpuProbe } from './webgpu-probe.ts';

/** Why a backend was chosen. */
export type ChoiceReason =
  | 'forced' // ?backend= named it
  | 'no-webgpu' // no navigator.gpu, no adapter, or its session would not start
  | 'software-adapter' // WebGPU's adapter emulates a GPU on the CPU
  | 'measured' // both timed just now, the faster kept
  | 'stored' // an earlier measurement on this model and adapter
  | 'webgpu-lost'; // WebGPU failed during the session, so the rest runs on WASM

/** Milliseconds per model step on each backend. */
export interface StepTimings {
  readonly wasm: number;
  readonly webgpu: number;
}

/** A measurement kept for later visits. */
export interface StoredChoice {
  readonly backend: RuntimeBackend;
  readonly timings: StepTimings;
}

/** What to do before any session starts: use a backend now, or start both and measure. */
export type BackendPlan =
  | { readonly action: 'use'; readonly backend: RuntimeBackend; readonly reason: ChoiceReason; readonly detail?: string; readonly timings?: StepTimings }
  | { readonly action: 'measure' };

/** The stored choice's version, part of its key: bump it when the stored shape or the rule changes. */
const STORE_VERSION = 1;

/** The localStorage key for one model on one adapter. */
export function choiceKey(modelId: string, adapterDescription: string): string {
  return `unrolled:backend:v${STORE_VERSION}:${modelId}:${adapterDescription}`;
}

/** The backend to use before anything is measured, or 'measure' when only timing can tell. */
export function planBackend(forced: 'auto' | RuntimeBackend, probe: WebGpuProbe, stored: StoredChoice | null): BackendPlan {
  if (forced !== 'auto') return { action: 'use', backend: forced, reason: 'forced' };
  if (!probe.available) return { action: 'use', backend: 'wasm', reason: 'no-webgpu', detail: probe.reason };
  if (probe.adapter?.software) return { action: 'use', backend: 'wasm', reason: 'software-adapter', detail: probe.adapter.software };
  if (stored) return { action: 'use', backend: stored.backend, reason: 'stored', timings: stored.timings };
  return { action: 'measure' };
}

/** The faster backend by per-step time; WASM on a tie or when WebGPU's time is not a finite positive number. */
export function pickFaster(timings: StepTimings): RuntimeBackend {
  const usable = (ms: number) => Number.isFinite(ms) && ms > 0;
  if (!usable(timings.webgpu)) return 'wasm';
  if (!usable(timings.wasm)) return 'webgpu';
  return timings.webgpu < timings.wasm ? 'webgpu' : 'wasm';
}

/** A stored choice from its JSON text; null when absent, corrupt or of another shape. */
export function parseStoredChoice(text: string | null | undefined): StoredChoice | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { backend, timings } = value as { backend?: unknown; timings?: { wasm?: unknown; webgpu?: unknown } };
  if (backend !== 'wasm' && backend !== 'webgpu') return null;
  const finite = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms > 0;
  if (!timings || !finite(timings.wasm) || !finite(timings.webgpu)) return null;
  if (pickFaster({ wasm: timings.wasm, webgpu: timings.webgpu }) !== backend) return null; // not what the rule would have kept
  return { backend, timings: { wasm: timings.wasm, webgpu: timings.webgpu } };
}

/** The JSON text stored for a choice. */
export function serializeChoice(choice: StoredChoice): string {
  return JSON.stringify({ backend: choice.backend, timings: choice.timings });
}
