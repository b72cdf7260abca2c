/**
 * What a WebGPU adapter is, as far as choosing a backend goes: a short description (for the chip and
 * the stored choice's key) and, when it is no accelerator, why. A fallback adapter, SwiftShader or
 * another software rasteriser, or a device of type CPU all run WebGPU on the CPU, where WASM is faster.
 */

/** The parts of a GPUAdapter (and its GPUAdapterInfo) this module reads; all optional, as browsers differ. */
export interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: AdapterInfoLike;
}

/** The parts of GPUAdapterInfo read here (`type` is Chromium's, behind developer features). */
export interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly type?: string;
  readonly isFallbackAdapter?: boolean;
}

/** An adapter's description and, when it only emulates a GPU, the reason (else null). */
export interface AdapterFacts {
  /** e.g. "google swiftshader", "nvidia ampere NVIDIA GeForce RTX 3060"; "unknown adapter" when the browser says nothing. */
  readonly description: string;
  /** Why this adapter is no accelerator ('fallback adapter', 'SwiftShader', 'software renderer', 'CPU device'), or null. */
  readonly software: string | null;
}

const SOFTWARE_RENDERERS = /llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

/** Describes an adapter and says whether it is only software. */
export function adapterFacts(adapter: AdapterLike): AdapterFacts {
  const info = adapter.info ?? {};
  const fields = [info.vendor, info.architecture, info.device, info.description].map((field) => (field ?? '').trim()).filter(Boolean);
  const unique = fields.filter((field, index) => fields.indexOf(field) === index);
  const description = unique.join(' ') || 'unknown adapter';
  const text = `${unique.join(' ')} ${info.type ?? ''}`;
  let software: string | null = null;
  // the renderer's name first: Chromium's SwiftShader is also a fallback adapter, but its name says more
  if (/swiftshader/i.test(text)) software = 'SwiftShader';
  else if (SOFTWARE_RENDERERS.test(text)) software = 'software renderer';
  else if (adapter.isFallbackAdapter === true || info.isFallbackAdapter === true) software = 'fallback adapter';
  else if (/\bcpu\b/i.test(info.type ?? '')) software = 'CPU device';
  return { description, software };
}
