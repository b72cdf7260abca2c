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

/** Milliseconds as the chip shows them: "0.31 ms", "18 ms", "—" when not measurable. */
export function millisecondsText(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  return `${ms < 10 ? ms.toPrecision(2) : Math.round(ms)} ms`;
}

/** Why this backend, as the chip's last part (empty when nothing needs saying). */
function choiceText(info: RuntimeInfo, locale: Locale): string {
  const t = kitText(locale);
  const choice = info.choice;
  if (!choice) return info.fallbackReason ? t.modelWebGpuUnavailable(info.fallbackReason) : '';
  const timings = choice.timings;
  switch (choice.reason) {
    case 'forced':
      return t.modelForced(`?backend=${info.backend}`);
    case 'no-webgpu':
      return t.modelWebGpuUnavailable(choice.detail ?? '?');
    case 'software-adapter':
      return t.modelSoftwareOnly(choice.detail ?? '?');
    case 'measured':
      return timings ? t.modelMeasured(millisecondsText(timings.webgpu), millisecondsText(timings.wasm)) : '';
    case 'stored':
      return timings ? t.modelMeasuredEarlier(millisecondsText(timings.webgpu), millisecondsText(timings.wasm)) : '';
    case 'webgpu-lost':
      return t.modelWebGpuLost(choice.detail ?? '?');
  }
}

/** The chip: "WASM · 1 thread · not cross-origin isolated · WebGPU available but software-only (SwiftShader): using WASM". */
export function backendChipText(info: RuntimeInfo, locale: Locale = 'en'): string {
  const t = kitText(locale);
  const parts = [
    info.backend === 'webgpu' ? 'WebGPU' : 'WASM',
    t.modelThreads(info.threads),
    info.crossOriginIsolated ? t.modelIsolated : t.modelNotIsolated,
    choiceText(info, locale),
  ];
  return parts.filter(Boolean).join(' · ');
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
