/**
 * Whether WebGPU can run here: navigator.gpu exists and requestAdapter() returns an adapter, and
 * what that adapter is (a real GPU, or software such as SwiftShader). The answer names the reason
 * when WebGPU cannot run, for the backend chip ("WebGPU unavailable: no adapter").
 */
import { adapterFacts, type AdapterFacts, type AdapterLike } from './gpu-adapter.ts';

/** The result of probing for WebGPU. */
export type WebGpuProbe =
  | { readonly available: true; readonly adapter?: AdapterFacts }
  | { readonly available: false; readonly reason: string };

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

/** A short, reader-facing description of an error. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n', 1)[0]!.trim();
  return firstLine.length > 140 ? `${firstLine.slice(0, 139)}…` : firstLine || 'unknown error';
}

/** Probes for a WebGPU adapter and describes it; never throws. */
export async function probeWebGpu(
  navigator: GpuNavigator | undefined = (globalThis as { navigator?: GpuNavigator }).navigator,
): Promise<WebGpuProbe> {
  const gpu = navigator?.gpu;
  if (!gpu) return { available: false, reason: 'no navigator.gpu' };
  try {
    const adapter = (await gpu.requestAdapter()) as AdapterLike | null;
    return adapter ? { available: true, adapter: adapterFacts(adapter) } : { available: false, reason: 'no adapter' };
  } catch (error) {
    return { available: false, reason: `requestAdapter failed: ${describeError(error)}` };
  }
}
