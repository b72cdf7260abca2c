/** The build's CSP audit: each rule fails a page that breaks it, and a clean page passes. */
import { describe, expect, it } from 'vitest';
import { auditPage, parsePolicy } from '../../../../src/integrations/csp/audit.ts';
import { inlineScriptBodies, scriptHash } from '../../../../src/integrations/csp/starlight-inline-scripts.ts';
import { pageAllowsWasm } from '../../../../src/integrations/csp/wasm-pages.ts';

const BASE = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
const body = "console.log('hi')";
const page = (policy: string, rest = '') =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body><script>${body}</script>${rest}</body></html>`;

describe('auditPage', () => {
  const good = `${BASE}; script-src 'self' '${scriptHash(body)}'`;

  it('passes a page whose inline script is hashed', () => {
    expect(auditPage(page(good), { wasmAllowed: false })).toEqual([]);
  });
  it('names an inline script the policy does not cover', () => {
    expect(auditPage(page(`${BASE}; script-src 'self'`), { wasmAllowed: false })[0]).toMatch(/^inline script not in the policy/);
  });
  it("fails 'unsafe-eval', script 'unsafe-inline' and 'wasm-unsafe-eval' where not allowed", () => {
    expect(auditPage(page(`${good} 'unsafe-eval'`), { wasmAllowed: true })).toEqual(["script-src allows 'unsafe-eval'"]);
    expect(auditPage(page(`${good} 'unsafe-inline'`), { wasmAllowed: false })).toEqual(["script-src allows 'unsafe-inline'"]);
    expect(auditPage(page(`${good} 'wasm-unsafe-eval'`), { wasmAllowed: false })).toHaveLength(1);
    expect(auditPage(page(`${good} 'wasm-unsafe-eval'`), { wasmAllowed: true })).toEqual([]);
  });
  it('fails event-handler attributes, javascript: URLs, a missing policy and a weak base', () => {
    expect(auditPage(page(good, '<button onclick="x()">x</button>'), { wasmAllowed: false })).toEqual(['event-handler attribute onClick on <button>']);
    expect(auditPage(page(good, '<a href="javascript:x()">x</a>'), { wasmAllowed: false })).toEqual(['javascript: URL on <a>']);
    expect(auditPage('<html><body></body></html>', { wasmAllowed: false })).toEqual(['expected one CSP <meta>, found 0']);
    expect(auditPage(page(`script-src 'self' '${scriptHash(body)}'`), { wasmAllowed: false })).toHaveLength(4);
  });
  it('ignores data scripts and script text inside attributes', () => {
    const html = page(good, `<script type="application/json">{"a":1}</script><div data-code="<script>evil()</script>"></div>`);
    expect(auditPage(html, { wasmAllowed: false })).toEqual([]);
  });
});

describe('helpers', () => {
  it('parsePolicy splits directives', () => {
    expect(parsePolicy("default-src 'self';script-src 'self' 'sha256-x='").get('script-src')).toEqual(["'self'", "'sha256-x='"]);
  });
  it('inlineScriptBodies reads is:inline scripts from an .astro source, verbatim', () => {
    expect(inlineScriptBodies('<div/><script is:inline aria-hidden="true">\n\ta();\n</script><script>b()</script>')).toEqual(['\n\ta();\n']);
  });
  it('pageAllowsWasm matches a slug in either language', () => {
    const slugs = new Set(['pronounce/']);
    expect(pageAllowsWasm('pronounce/', slugs)).toBe(true);
    expect(pageAllowsWasm('zh-cn/pronounce/', slugs)).toBe(true);
    expect(pageAllowsWasm('parameters/', slugs)).toBe(false);
  });
});
