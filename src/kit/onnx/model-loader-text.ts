/** The words the model loader and the backend chip show, kept apart from the markup so they are tested. */
import type { RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { describeError } from '../../../lib/onnx/webgpu-probe.ts';
import { kitText } from '../i18n/kit-text.ts';
import type { Locale } from '../locale.ts';

/** A model session's phase. */
export type ModelPhase = 'idle' | 'downloading' | 'starting' | 'ready' | 'error' | 'cancelled';

/** "1.2 of 7.9 MB" (or kB below a megabyte), from bytes so far and the total. */
export function progressText(loaded: number, total: number, locale: Locale = 'en'): string {
  const safeTotal = Number.isFinite(total) && total > 0 ? total : 0;
  const safeLoaded = Number.isFinite(loaded) ? Math.min(Math.max(loaded, 0), safeTotal || loaded) : 0;
  const [unit, divisor] = safeTotal >= 1e6 ? ['MB', 1e6] : ['kB', 1e3];
  return kitText(locale).modelProgress((safeLoaded / divisor).toFixed(1), (safeTotal / divisor).toFixed(1), unit);
}

/** The sentence the status line reads out for each phase. */
export function phaseText(phase: ModelPhase, label: string, locale: Locale = 'en'): string {
  const t = kitText(locale);
  switch (phase) {
    case 'idle':
      return t.modelIdle(label);
    case 'downloading':
      return t.modelDownloading(label);
    case 'starting':
      return t.modelStarting(label);
    case 'ready':
      return t.modelReady(label);
    case 'error':
      return t.modelError(label);
    case 'cancelled':
      return t.modelCancelled;
  }
}

/** The chip: "WebGPU · 1 thread · not cross-origin isolated", plus "WebGPU unavailable: <reason>" after a fallback. */
export function backendChipText(info: RuntimeInfo, locale: Locale = 'en'): string {
  const t = kitText(locale);
  const parts = [
    info.backend === 'webgpu' ? 'WebGPU' : 'WASM',
    t.modelThreads(info.threads),
    info.crossOriginIsolated ? t.modelIsolated : t.modelNotIsolated,
  ];
  if (info.fallbackReason) parts.push(t.modelWebGpuUnavailable(info.fallbackReason));
  return parts.join(' · ');
}

/** The reader's message when onnxruntime-web itself fails (the files were fine). */
export function runtimeFailureText(error: unknown, locale: Locale = 'en'): string {
  const t = kitText(locale);
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  if (/Content.Security.Policy|unsafe-eval/i.test(text)) {
    return t.modelCspBlocked;
  }
  if (/Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/i.test(text)) {
    return t.modelRuntimeDownloadFailed;
  }
  return t.modelCouldNotStart(describeError(error));
}
