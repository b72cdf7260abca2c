/**
 * Model files for the browser: download with a determinate progress and a Cancel, check the
 * SHA-256 against the manifest before anything uses the bytes, and keep verified bytes in the
 * Cache API so a visited chapter works offline. Every failure is a ModelFileError whose message
 * is written for the reader.
 */
import { openModelCache } from './model-cache.ts';
import { ModelFileError, isAbortError } from './model-file-error.ts';
import { manifestEntry, modelUrl, readManifest, type ModelManifest, type ModelManifestEntry } from './model-manifest.ts';
import { sha256Hex } from './sha256.ts';
import type { ByteCache, ByteReader, FetchLike, ResponseLike, SignalLike } from './web-types.ts';

/** Options for fetchModelFile. */
export interface FetchModelFileOptions {
  /** The site's base URL, ending in '/', e.g. '/' or '/course/rnn/'. */
  readonly baseUrl: string;
  /** Called as bytes arrive: bytes so far and the file's size from the manifest. */
  readonly onProgress?: (loaded: number, total: number) => void;
  /** Cancels the download (the promise rejects with kind 'aborted'). */
  readonly signal?: SignalLike;
  /** The manifest, when the caller has read it already (a list of files shares one read). */
  readonly manifest?: ModelManifest;
  /** Default: globalThis.fetch. */
  readonly fetch?: FetchLike;
  /** Default: the Cache API's model cache when there is one; null keeps nothing. */
  readonly cache?: ByteCache | null;
}

/** The cache key of one version of a file: its URL plus its hash, so a new version is refetched. */
export function cacheKey(url: string, sha256: string): string {
  return `${url}?sha256=${sha256}`;
}

/** The default fetch, or an error that says there is none. */
function defaultFetch(): FetchLike {
  const fetchFunction = (globalThis as { fetch?: FetchLike }).fetch;
  if (!fetchFunction) throw new Error('fetchModelFile: this environment has no fetch; pass options.fetch');
  return fetchFunction.bind(globalThis);
}

/** Reads a body stream to the end, reporting progress; stops early when it outgrows `expected`. */
async function readBody(
  reader: ByteReader,
  entry: ModelManifestEntry,
  onProgress: FetchModelFileOptions['onProgress'],
  signal: SignalLike | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw new ModelFileError('aborted', entry.path);
      if (done) break;
      if (!value) continue;
      chunks.push(value);
      loaded += value.length;
      if (loaded > entry.bytes) {
        cancel();
        throw new ModelFileError('size-mismatch', entry.path, { receivedBytes: loaded, expectedBytes: entry.bytes });
      }
      onProgress?.(loaded, entry.bytes);
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Throws unless `bytes` has the manifest's size and SHA-256. */
async function verify(bytes: Uint8Array, entry: ModelManifestEntry): Promise<void> {
  if (bytes.length !== entry.bytes) {
    throw new ModelFileError('size-mismatch', entry.path, { receivedBytes: bytes.length, expectedBytes: entry.bytes });
  }
  if ((await sha256Hex(bytes)) !== entry.sha256) throw new ModelFileError('hash-mismatch', entry.path);
}

/** The verified bytes from the cache, or null (a tampered or stale entry is deleted). */
async function fromCache(cache: ByteCache | null, key: string, entry: ModelManifestEntry): Promise<Uint8Array | null> {
  const cached = await cache?.match(key);
  if (!cached) return null;
  try {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    await verify(bytes, entry);
    return bytes;
  } catch {
    await cache?.delete(key);
    return null;
  }
}

/** Downloads (or reads from the cache) one model file and returns its verified bytes. */
export async function fetchModelFile(path: string, options: FetchModelFileOptions): Promise<Uint8Array> {
  const fetchFunction = options.fetch ?? defaultFetch();
  const cache = options.cache === undefined ? await openModelCache() : options.cache;
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new ModelFileError('aborted', path);
  const manifest =
    options.manifest ?? (await readManifest({ baseUrl: options.baseUrl, fetch: fetchFunction, cache, signal }));
  const entry = manifestEntry(manifest, path);
  const url = modelUrl(options.baseUrl, path);
  const key = cacheKey(url, entry.sha256);

  const cached = await fromCache(cache, key, entry);
  if (cached) {
    onProgress?.(cached.length, entry.bytes);
    return cached;
  }

  let response: ResponseLike;
  let bytes: Uint8Array;
  onProgress?.(0, entry.bytes); // the total is known from the manifest before the first byte arrives
  try {
    response = await fetchFunction(url, { signal });
    if (!response.ok) {
      throw new ModelFileError(response.status === 404 ? 'not-found' : 'network', path, { status: response.status });
    }
    const reader = response.body?.getReader();
    bytes = reader ? await readBody(reader, entry, onProgress, signal) : new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof ModelFileError) throw error;
    if (isAbortError(error) || signal?.aborted) throw new ModelFileError('aborted', path);
    throw new ModelFileError('network', path, { cause: error });
  }
  await verify(bytes, entry);
  await cache?.put(key, bytes);
  return bytes;
}

/** Downloads several files of one manifest, reporting their combined progress. */
export async function fetchModelFiles(
  paths: readonly string[],
  options: FetchModelFileOptions,
): Promise<Uint8Array[]> {
  const fetchFunction = options.fetch ?? defaultFetch();
  const cache = options.cache === undefined ? await openModelCache() : options.cache;
  if (options.signal?.aborted) throw new ModelFileError('aborted', paths[0] ?? 'manifest.json');
  const manifest =
    options.manifest ??
    (await readManifest({ baseUrl: options.baseUrl, fetch: fetchFunction, cache, signal: options.signal }));
  const entries = paths.map((path) => manifestEntry(manifest, path));
  const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const loadedByFile = entries.map(() => 0);
  const report = () => options.onProgress?.(loadedByFile.reduce((sum, loaded) => sum + loaded, 0), total);
  report();
  return Promise.all(
    paths.map((path, index) =>
      fetchModelFile(path, {
        ...options,
        fetch: fetchFunction,
        cache,
        manifest,
        onProgress: (loaded) => {
          loadedByFile[index] = loaded;
          report();
        },
      }),
    ),
  );
}
