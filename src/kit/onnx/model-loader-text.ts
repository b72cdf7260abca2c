/** The words the model loader and the backend chip show, kept apart from the markup so they are tested. */
import type { RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { describeError } from '../../../lib/onnx/webgpu-probe.ts';

/** A model session's phase. */
export type ModelPhase = 'idle' | 'downloading' | 'starting' | 'ready' | 'error' | 'cancelled';

/** "1.2 of 7.9 MB" (or kB below a megabyte), from bytes so far and the total. */
export function progressText(loaded: number, total: number): string {
  const safeTotal = Number.isFinite(total) && total > 0 ? total : 0;
  const safeLoaded = Number.isFinite(loaded) ? Math.min(Math.max(loaded, 0), safeTotal || loaded) : 0;
  const [unit, divisor] = safeTotal >= 1e6 ? ['MB', 1e6] : ['kB', 1e3];
  return `${(safeLoaded / divisor).toFixed(1)} of ${(safeTotal / divisor).toFixed(1)} ${unit}`;
}

/** The sentence the status line reads out for each phase. */
export function phaseText(phase: ModelPhase, label: string): string {
  switch (phase) {
    case 'idle':
      return `The ${label} loads when you ask for it.`;
    case 'downloading':
      return `Downloading the ${label}…`;
    case 'starting':
      return `Starting the ${label} in onnxruntime-web…`;
    case 'ready':
      return `The ${label} is ready.`;
    case 'error':
      return `The ${label} could not load.`;
    case 'cancelled':
      return `Download cancelled.`;
  }
}

/** The chip: "WebGPU · 1 thread · not cross-origin isolated", plus "WebGPU unavailable: <reason>" after a fallback. */
export function backendChipText(info: RuntimeInfo): string {
  const parts = [
    info.backend === 'webgpu' ? 'WebGPU' : 'WASM',
    `${info.threads} ${info.threads === 1 ? 'thread' : 'threads'}`,
    info.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated',
  ];
  if (info.fallbackReason) parts.push(`WebGPU unavailable: ${info.fallbackReason}`);
  return parts.join(' · ');
}

/** The reader's message when onnxruntime-web itself fails (the files were fine). */
export function runtimeFailureText(error: unknown): string {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  if (/Content.Security.Policy|unsafe-eval/i.test(text)) {
    return "The model cannot run here: this site's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'). The rest of the page works without it.";
  }
  if (/Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/i.test(text)) {
    return 'The model runtime (onnxruntime-web) could not be downloaded. Check the connection, then Retry.';
  }
  return `The model could not start: ${describeError(error)}. Reload the page to try again.`;
}
