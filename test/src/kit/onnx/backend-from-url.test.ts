/** ?backend= in the page URL picks the backend; anything else leaves the choice to the runtime. */
import { describe, expect, it } from 'vitest';
import { backendFromUrl } from '../../../../src/kit/onnx/backend-from-url.ts';

describe('backendFromUrl', () => {
  it('reads webgpu and wasm, and falls back to auto', () => {
    expect(backendFromUrl('?backend=wasm')).toBe('wasm');
    expect(backendFromUrl('?x=1&backend=webgpu')).toBe('webgpu');
    expect(backendFromUrl('?backend=cuda')).toBe('auto');
    expect(backendFromUrl('')).toBe('auto');
  });
});
