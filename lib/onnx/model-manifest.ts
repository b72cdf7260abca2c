/**
 * The model manifest, public/models/manifest.json (written by scripts/make-model-manifest.mjs):
 * every model file with its SHA-256 and byte size. Read from the network first so a new model
 * version is seen at once; the last good copy is kept in the model cache for offline reading.
 */
import { ModelFileError, isAbortError } from './model-file-error.ts';
import type { ByteCache, FetchLike, SignalLike } from './web-types.ts';

/** One file the site ships under models/. */
export interface ModelManifestEntry {
  /** Path relative to the models folder, e.g. 'g2p/encoder.onnx'. */
  readonly path: string;
  /** SHA-256 of the file, 64 lowercase hex digits. */
  readonly sha256: string;
  /** Size of the file in bytes. */
  readonly bytes: number;
}

/** The parsed manifest. */
export interface ModelManifest {
  readonly files: readonly ModelManifestEntry[];
}

/** How to reach the manifest. */
export interface ReadManifestOptions {
  /** The site's base URL, ending in '/', e.g. '/' or '/course/rnn/'. */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  /** Where the last good copy lives, or null for none. */
  readonly cache: ByteCache | null;
  readonly signal?: SignalLike;
}

/** The path the manifest's errors name. */
const MANIFEST_PATH = 'manifest.json';

/** URL of a file under the site's models folder. */
export function modelUrl(baseUrl: string, path: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}models/${path}`;
}

/** The manifest's entries that are well formed; anything else in the JSON is ignored. */
export function parseManifest(json: unknown): ModelManifest {
  const files = (json as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return { files: [] };
  return {
    files: files.filter(
      (entry): entry is ModelManifestEntry =>
        typeof entry?.path === 'string' &&
        typeof entry?.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(entry.sha256) &&
        Number.isSafeInteger(entry?.bytes) &&
        entry.bytes >= 0,
    ),
  };
}

/** The entry for `path`, or a 'not-in-manifest' error. */
export function manifestEntry(manifest: ModelManifest, path: string): ModelManifestEntry {
  const entry = manifest.files.find((file) => file.path === path);
  if (!entry) throw new ModelFileError('not-in-manifest', path);
  return entry;
}

/** UTF-8 bytes of a string (TextEncoder exists in browsers and Node; lib/ compiles without DOM types). */
function utf8(text: string): Uint8Array {
  const { TextEncoder } = globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } };
  return new TextEncoder().encode(text);
}

/** The last good manifest from the cache, or null. */
async function cachedManifest(cache: ByteCache | null, url: string): Promise<ModelManifest | null> {
  const response = await cache?.match(url);
  if (!response) return null;
  try {
    return parseManifest(await response.json());
  } catch {
    return null;
  }
}

/** Reads the manifest: network first, the cached copy when the network fails. */
export async function readManifest(options: ReadManifestOptions): Promise<ModelManifest> {
  const url = modelUrl(options.baseUrl, MANIFEST_PATH);
  let response;
  try {
    response = await options.fetch(url, { signal: options.signal, cache: 'no-cache' });
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw new ModelFileError('aborted', MANIFEST_PATH);
    const offline = await cachedManifest(options.cache, url);
    if (offline) return offline;
    throw new ModelFileError('network', MANIFEST_PATH, { cause: error });
  }
  if (!response.ok) {
    const offline = response.status >= 500 ? await cachedManifest(options.cache, url) : null;
    if (offline) return offline;
    throw new ModelFileError(response.status === 404 ? 'not-found' : 'network', MANIFEST_PATH, {
      status: response.status,
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw new ModelFileError('aborted', MANIFEST_PATH);
    throw new ModelFileError('network', MANIFEST_PATH, { cause: error });
  }
  const manifest = parseManifest(json);
  await options.cache?.put(url, utf8(JSON.stringify(manifest)));
  return manifest;
}
