/**
 * Model downloads against a fake server (a fake fetch whose bodies are ReadableStreams in chunks)
 * and a fake cache. Expected hashes come from node:crypto, independent of the code under test.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../../../lib/onnx/model-file-error.ts';
import { cacheKey, fetchModelFile, fetchModelFiles } from '../../../lib/onnx/model-files.ts';
import { sha256Hex } from '../../../lib/onnx/sha256.ts';
import type { ByteCache, FetchLike, ResponseLike } from '../../../lib/onnx/web-types.ts';

const BASE = '/course/rnn/';
const fileBytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37 + 11) % 256);
const otherBytes = Uint8Array.from({ length: 300 }, (_, index) => (index * 13) % 256);
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const manifest = {
  files: [
    { path: 'g2p/encoder.onnx', sha256: hashOf(fileBytes), bytes: fileBytes.length },
    { path: 'g2p/vocab.json', sha256: hashOf(otherBytes), bytes: otherBytes.length },
  ],
};

/** A Response over `bytes`, streamed in chunks of `chunkSize`. */
function streamedResponse(bytes: Uint8Array, chunkSize = 256, status = 200): ResponseLike {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += chunkSize) {
          controller.enqueue(bytes.slice(offset, offset + chunkSize));
        }
        controller.close();
      },
    }),
    { status },
  ) as unknown as ResponseLike;
}

/** A fake server: `files` by URL; records the URLs asked for. */
function fakeServer(files: Record<string, Uint8Array | number>) {
  const requested: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    requested.push(url);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const entry = files[url];
    if (entry === undefined) return streamedResponse(new Uint8Array(0), 1, 404);
    if (typeof entry === 'number') return streamedResponse(new Uint8Array(0), 1, entry);
    return streamedResponse(entry);
  };
  return { fetch, requested };
}

/** A fake Cache API cache. */
function fakeCache(): ByteCache & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return {
    entries,
    match: async (key) =>
      entries.has(key) ? (new Response(entries.get(key)!.slice().buffer as ArrayBuffer) as unknown as ResponseLike) : undefined,
    put: async (key, bytes) => void entries.set(key, bytes.slice()),
    delete: async (key) => entries.delete(key),
  };
}

const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
const site = () => ({
  [`${BASE}models/manifest.json`]: manifestBytes,
  [`${BASE}models/g2p/encoder.onnx`]: fileBytes,
  [`${BASE}models/g2p/vocab.json`]: otherBytes,
});

/** The ModelFileError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<ModelFileError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ModelFileError);
  return error as ModelFileError;
}

describe('fetchModelFile', () => {
  it('streams with a determinate progress and returns the verified bytes', async () => {
    const { fetch } = fakeServer(site());
    const progress: Array<[number, number]> = [];
    const bytes = await fetchModelFile('g2p/encoder.onnx', {
      baseUrl: BASE,
      fetch,
      cache: null,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(bytes).toEqual(fileBytes);
    expect(progress).toEqual([
      [0, 1000],
      [256, 1000],
      [512, 1000],
      [768, 1000],
      [1000, 1000],
    ]);
  });

  it('answers a file missing from the manifest with not-in-manifest', async () => {
    const { fetch } = fakeServer(site());
    const error = await failure(fetchModelFile('g2p/missing.onnx', { baseUrl: BASE, fetch, cache: null }));
    expect(error.kind).toBe('not-in-manifest');
    expect(error.message).toContain('g2p/missing.onnx is not listed in the model manifest');
  });

  it('answers a 404 with not-found and a 503 with network', async () => {
    const { fetch } = fakeServer({ ...site(), [`${BASE}models/g2p/encoder.onnx`]: 404 });
    const notFound = await failure(fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache: null }));
    expect(notFound).toMatchObject({ kind: 'not-found', status: 404, path: 'g2p/encoder.onnx' });
    expect(notFound.message).toContain('HTTP 404');
    const down = fakeServer({ ...site(), [`${BASE}models/g2p/encoder.onnx`]: 503 });
    const error = await failure(fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch: down.fetch, cache: null }));
    expect(error).toMatchObject({ kind: 'network', status: 503 });
  });

  it('answers a refused connection with network', async () => {
    const fetch: FetchLike = async () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await failure(fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache: null, manifest }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Check the connection, then Retry');
  });

  it('rejects a flipped byte with hash-mismatch and caches nothing', async () => {
    const corrupted = fileBytes.slice();
    corrupted[500]! ^= 0x01;
    const { fetch } = fakeServer({ ...site(), [`${BASE}models/g2p/encoder.onnx`]: corrupted });
    const cache = fakeCache();
    const error = await failure(fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache }));
    expect(error.kind).toBe('hash-mismatch');
    expect(error.message).toBe(
      'g2p/encoder.onnx is corrupted: its SHA-256 does not match the manifest. Retry downloads it again.',
    );
    expect([...cache.entries.keys()]).toEqual([`${BASE}models/manifest.json`]);
  });

  it('rejects a short file and a long file with size-mismatch', async () => {
    for (const wrong of [fileBytes.slice(0, 999), Uint8Array.from([...fileBytes, 0])]) {
      const { fetch } = fakeServer({ ...site(), [`${BASE}models/g2p/encoder.onnx`]: wrong });
      const error = await failure(fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache: null }));
      expect(error.kind).toBe('size-mismatch');
      expect(error.message).toContain(`${wrong.length} bytes arrived, the manifest lists 1000`);
    }
  });

  it('stops on abort, mid-stream and before the start', async () => {
    const controller = new AbortController();
    const { fetch } = fakeServer(site());
    const seen: number[] = [];
    const error = await failure(
      fetchModelFile('g2p/encoder.onnx', {
        baseUrl: BASE,
        fetch,
        cache: null,
        signal: controller.signal,
        onProgress: (loaded) => {
          seen.push(loaded);
          if (loaded >= 512) controller.abort();
        },
      }),
    );
    expect(error.kind).toBe('aborted');
    expect(seen.at(-1)).toBe(512);
    const early = await failure(
      fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache: null, signal: controller.signal }),
    );
    expect(early).toMatchObject({ kind: 'aborted', message: 'The download of g2p/encoder.onnx was cancelled.' });
  });

  it('caches verified bytes under a key with the hash, then serves them without the network', async () => {
    const cache = fakeCache();
    const online = fakeServer(site());
    await fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch: online.fetch, cache });
    const key = cacheKey(`${BASE}models/g2p/encoder.onnx`, manifest.files[0]!.sha256);
    expect(key).toBe(`${BASE}models/g2p/encoder.onnx?sha256=${manifest.files[0]!.sha256}`);
    expect(cache.entries.get(key)).toEqual(fileBytes);

    const offline: FetchLike = async () => Promise.reject(new TypeError('Failed to fetch'));
    const progress: number[] = [];
    const bytes = await fetchModelFile('g2p/encoder.onnx', {
      baseUrl: BASE,
      fetch: offline,
      cache,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(bytes).toEqual(fileBytes);
    expect(progress).toEqual([1000]);
  });

  it('refetches when the cached entry was tampered with, and replaces it', async () => {
    const cache = fakeCache();
    const key = cacheKey(`${BASE}models/g2p/encoder.onnx`, manifest.files[0]!.sha256);
    const tampered = fileBytes.slice();
    tampered[0]! ^= 0xff;
    cache.entries.set(key, tampered);
    const { fetch, requested } = fakeServer(site());
    const bytes = await fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache });
    expect(bytes).toEqual(fileBytes);
    expect(requested).toContain(`${BASE}models/g2p/encoder.onnx`);
    expect(cache.entries.get(key)).toEqual(fileBytes);
  });

  it('reads the manifest from the network first, so a new version is fetched, not the old cached one', async () => {
    const cache = fakeCache();
    const oldKey = cacheKey(`${BASE}models/g2p/encoder.onnx`, hashOf(otherBytes));
    cache.entries.set(oldKey, otherBytes);
    const { fetch, requested } = fakeServer(site());
    expect(await fetchModelFile('g2p/encoder.onnx', { baseUrl: BASE, fetch, cache })).toEqual(fileBytes);
    expect(requested).toEqual([`${BASE}models/manifest.json`, `${BASE}models/g2p/encoder.onnx`]);
  });
});

describe('fetchModelFiles', () => {
  it('reads the manifest once and reports the combined progress', async () => {
    const { fetch, requested } = fakeServer(site());
    const progress: Array<[number, number]> = [];
    const [encoder, vocab] = await fetchModelFiles(['g2p/encoder.onnx', 'g2p/vocab.json'], {
      baseUrl: BASE,
      fetch,
      cache: null,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(encoder).toEqual(fileBytes);
    expect(vocab).toEqual(otherBytes);
    expect(requested.filter((url) => url.endsWith('manifest.json'))).toHaveLength(1);
    expect(progress.every(([, total]) => total === 1300)).toBe(true);
    expect(progress.at(-1)).toEqual([1300, 1300]);
  });
});

describe('sha256Hex', () => {
  it('gives the same digest from Web Crypto and from @noble/hashes', async () => {
    expect(await sha256Hex(fileBytes)).toBe(hashOf(fileBytes));
    expect(await sha256Hex(fileBytes, { useWebCrypto: false })).toBe(hashOf(fileBytes));
    expect(await sha256Hex(new Uint8Array(0), { useWebCrypto: false })).toBe(hashOf(new Uint8Array(0)));
  });
});
