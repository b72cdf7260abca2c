/** The backend the page URL asks for: ?backend=wasm lets a reader (or a test) compare WASM with WebGPU on one machine. */
import type { BackendChoice } from '../../../lib/onnx/runtime.ts';

/** 'webgpu' or 'wasm' when the query string names one, else 'auto'. */
export function backendFromUrl(search: string = typeof location === 'undefined' ? '' : location.search): BackendChoice {
  const asked = new URLSearchParams(search).get('backend');
  return asked === 'webgpu' || asked === 'wasm' ? asked : 'auto';
}
