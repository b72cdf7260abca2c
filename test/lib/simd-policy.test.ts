/** lib/simd.ts reads a page's CSP before compiling its kernel: only a policy that allows WebAssembly is tried. */
import { describe, expect, it } from 'vitest';
import { policyAllowsWasm } from '../../lib/simd.ts';

describe('policyAllowsWasm', () => {
  it('is false for a script-src without wasm-unsafe-eval (the site policy on a page without a model)', () => {
    expect(policyAllowsWasm("default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'")).toBe(false);
  });
  it("is true when script-src has 'wasm-unsafe-eval' or 'unsafe-eval'", () => {
    expect(policyAllowsWasm("default-src 'self';script-src 'self' 'wasm-unsafe-eval'")).toBe(true);
    expect(policyAllowsWasm("script-src 'self' 'unsafe-eval'")).toBe(true);
  });
  it('falls back to default-src without a script-src, and allows when neither restricts scripts', () => {
    expect(policyAllowsWasm("default-src 'self'")).toBe(false);
    expect(policyAllowsWasm("img-src 'self'")).toBe(true);
    expect(policyAllowsWasm('')).toBe(true);
  });
  it('reads directive names case-insensitively and ignores empty parts', () => {
    expect(policyAllowsWasm("SCRIPT-SRC 'self' 'wasm-unsafe-eval';;")).toBe(true);
  });
});
