/**
 * The Workbox runtime-caching rules of the service worker, for a site under `base`. Workbox writes
 * each rule into sw.js as source text, so the matchers are self-contained functions and regular
 * expressions (no variables from here); the base path is baked into the expressions.
 *
 *   - pages: NetworkFirst (a fresh page online, the stored copy offline or after 5 s without an
 *     answer; the query string is ignored when reading, so `pronounce/?word=box` opens offline);
 *   - `_astro/`: CacheFirst (file names carry a content hash, so a stored copy never goes stale);
 *   - `models/`, `ort/`, `pagefind/` and the course list: NetworkFirst (names without hashes that
 *     must stay in step with the pages; lib/onnx/model-files.ts also keeps verified model bytes in
 *     its own cache);
 *   - everything else on the site (dataset samples, scripts, icons): StaleWhileRevalidate.
 */
import type { RuntimeCaching } from 'workbox-build';

/** The names of the caches the rules fill (the panel looks across all caches). */
export const CACHE_NAMES = {
  pages: 'unrolled-pages',
  assets: 'unrolled-assets',
  runtime: 'unrolled-runtime',
  static: 'unrolled-static',
} as const;

/** A regular expression matching `text` literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The runtime-caching rules for a site whose base path is `base` ('/' or '/course/rnn/'). */
export function runtimeCaching(base: string): RuntimeCaching[] {
  const root = literal(base.endsWith('/') ? base : `${base}/`);
  const under = (paths: string) => new RegExp(`^https?://[^/]+${root}(?:${paths})`);
  return [
    {
      urlPattern: ({ request, url, sameOrigin }) =>
        sameOrigin && (request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('.html')),
      handler: 'NetworkFirst',
      options: { cacheName: CACHE_NAMES.pages, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true } },
    },
    { urlPattern: under('_astro/'), handler: 'CacheFirst', options: { cacheName: CACHE_NAMES.assets } },
    {
      urlPattern: under('models/|ort/|pagefind/|offline-manifest\\.json$'),
      handler: 'NetworkFirst',
      // Pagefind asks for its entry file with a cache-busting `?ts=…`: read the stored copy without it.
      options: { cacheName: CACHE_NAMES.runtime, matchOptions: { ignoreSearch: true } },
    },
    {
      urlPattern: new RegExp(`^https?://[^/]+${root}`),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: CACHE_NAMES.static },
    },
  ];
}
