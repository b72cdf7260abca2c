/** The nginx CSP map: built from a build's pages, written, read back, and looked up as nginx does. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspRules, headerPolicy, nginxMap, parseNginxMap, ruleFor } from '../../../../src/integrations/csp/nginx.ts';

const PLAIN = "default-src 'self'; script-src 'self' 'sha256-abc='";
const WASM = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='";
const page = (policy: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body></body></html>`;

/** A tiny build: a home page, a chapter, and a model page in two languages. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unrolled-nginx-'));
  const pages: Record<string, string> = { 'index.html': PLAIN, 'parameters/index.html': PLAIN, 'pronounce/index.html': WASM, 'zh-cn/pronounce/index.html': WASM };
  for (const [path, policy] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), page(policy));
  }
  return dir;
}

describe('the nginx CSP map', () => {
  const rules = cspRules(fakeBuild(), '/course/rnn/');

  it('adds frame-ancestors to a meta policy', () => {
    expect(headerPolicy(`${PLAIN};  `)).toBe(`${PLAIN}; frame-ancestors 'self'`);
  });

  it('sends each URI the policy of its page, and wasm-unsafe-eval only to model pages, search and workers', () => {
    expect(ruleFor(rules, '/course/rnn/parameters/')!.policy).toBe(headerPolicy(PLAIN));
    expect(ruleFor(rules, '/course/rnn/pronounce/')!.policy).toBe(headerPolicy(WASM));
    expect(ruleFor(rules, '/course/rnn/zh-cn/pronounce/')!.policy).toBe(headerPolicy(WASM));
    expect(ruleFor(rules, '/course/rnn/pagefind/pagefind-worker.js')!.policy).toBe(headerPolicy(WASM));
    expect(ruleFor(rules, '/course/rnn/_astro/trainer.worker-Ab1.js')!.policy).toBe(headerPolicy(WASM));
    expect(ruleFor(rules, '/course/rnn/_astro/trainer.worker-Ab1.js.map')!.policy).toBe(headerPolicy(PLAIN));
    expect(ruleFor(rules, '/pronounce/')!.policy).toBe(headerPolicy(PLAIN)); // another base is not this site's model page
  });

  it('reads back what it writes, and names the base in its header', () => {
    const text = nginxMap(rules, '/course/rnn/');
    expect(text).toMatch(/^# Content-Security-Policy headers for Unrolled built with base \/course\/rnn\//);
    expect(text).toContain('map $uri $unrolled_csp {');
    expect(parseNginxMap(text)).toEqual(rules);
  });

  it('refuses a build with two different policies on plain pages', () => {
    const dir = fakeBuild();
    writeFileSync(join(dir, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-other='"));
    expect(() => cspRules(dir, '/')).toThrow(/expected one policy for every page/);
  });
});
