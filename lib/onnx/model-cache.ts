/**
 * The browser's Cache API as a ByteCache, so a visited chapter's models load offline. Returns
 * null where there is no Cache API (plain-HTTP hosts, Node) or it refuses to open (some private
 * modes): downloads then simply are not kept.
 */
import type { ByteCache, ResponseLike } from './web-types.ts';

/** The cache's name; bump the suffix to drop every stored model at once. */
export const MODEL_CACHE_NAME = 'unrolled-models-v1';

interface BrowserCache {
  match(key: string): Promise<ResponseLike | undefined>;
  put(key: string, response: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
}

interface BrowserGlobals {
  caches?: { open(name: string): Promise<BrowserCache> };
  Response?: new (body: Uint8Array, init?: { headers?: Record<string, string> }) => unknown;
}

/** The model cache, or null when this environment has none. Never throws. */
export async function openModelCache(name: string = MODEL_CACHE_NAME): Promise<ByteCache | null> {
  const globals = globalThis as BrowserGlobals;
  const ResponseClass = globals.Response;
  if (!globals.caches || !ResponseClass) return null;
  let cache: BrowserCache;
  try {
    cache = await globals.caches.open(name);
  } catch {
    return null;
  }
  return {
    match: (key) => cache.match(key).catch(() => undefined),
    put: (key, bytes) =>
      cache
        .put(key, new ResponseClass(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }))
        .catch(() => undefined), // a full quota means no offline copy, not a failed download
    delete: (key) => cache.delete(key).catch(() => false),
  };
}
