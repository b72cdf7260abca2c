/** The service worker's caching rules route each kind of URL to the intended strategy, under any base path. */
import { describe, expect, it } from 'vitest';
import { runtimeCaching } from '../../../src/integrations/service-worker-config.ts';

type Matcher = (options: { request: { mode: string }; url: URL; sameOrigin: boolean }) => boolean;

/** The handler of the first rule that matches a same-origin GET of `href` (as Workbox picks it). */
function handlerFor(base: string, href: string, mode = 'cors'): string | null {
  const url = new URL(href);
  for (const rule of runtimeCaching(base)) {
    const pattern = rule.urlPattern;
    const matches =
      pattern instanceof RegExp ? pattern.test(url.href) : (pattern as unknown as Matcher)({ request: { mode }, url, sameOrigin: true });
    if (matches) return `${rule.handler}:${rule.options?.cacheName}`;
  }
  return null;
}

describe.each(['/', '/course/rnn/'])('runtimeCaching under %s', (base) => {
  const at = (path: string) => `https://example.org${base}${path}`;

  it('pages: NetworkFirst, navigations or not', () => {
    expect(handlerFor(base, at('bptt/'), 'navigate')).toBe('NetworkFirst:unrolled-pages');
    expect(handlerFor(base, at('zh-cn/bptt/'))).toBe('NetworkFirst:unrolled-pages');
    expect(handlerFor(base, at(''))).toBe('NetworkFirst:unrolled-pages');
  });

  it('hashed assets: CacheFirst', () => {
    expect(handlerFor(base, at('_astro/page.cNngjUgL.js'))).toBe('CacheFirst:unrolled-assets');
  });

  it('models, the runtime, the search index and the course list: NetworkFirst', () => {
    expect(handlerFor(base, at('models/g2p/encoder.onnx'))).toBe('NetworkFirst:unrolled-runtime');
    expect(handlerFor(base, at('models/manifest.json'))).toBe('NetworkFirst:unrolled-runtime');
    expect(handlerFor(base, at('ort/ort-wasm-simd-threaded.asyncify.wasm'))).toBe('NetworkFirst:unrolled-runtime');
    expect(handlerFor(base, at('pagefind/pagefind-entry.json'))).toBe('NetworkFirst:unrolled-runtime');
    expect(handlerFor(base, at('offline-manifest.json'))).toBe('NetworkFirst:unrolled-runtime');
  });

  it('dataset samples and other files: StaleWhileRevalidate', () => {
    expect(handlerFor(base, at('data/names.json'))).toBe('StaleWhileRevalidate:unrolled-static');
    expect(handlerFor(base, at('favicon.svg'))).toBe('StaleWhileRevalidate:unrolled-static');
  });
});

describe('runtimeCaching under a sub-path', () => {
  it('leaves files outside the base alone', () => {
    expect(handlerFor('/course/rnn/', 'https://example.org/_astro/x.js')).toBeNull();
    expect(handlerFor('/course/rnn/', 'https://example.org/data/names.json')).toBeNull();
  });

  it('every matcher is self-contained source, as Workbox writes it into sw.js', () => {
    for (const rule of runtimeCaching('/course/rnn/')) {
      if (typeof rule.urlPattern === 'function') expect(String(rule.urlPattern)).not.toMatch(/\broot\b|\bbase\b/);
    }
  });
});
