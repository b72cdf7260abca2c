/**
 * The small parts of fetch, Response and the Cache API that lib/onnx uses, typed here because
 * lib/ compiles without DOM types. The browser's and Node's own objects satisfy them, and unit
 * tests pass fakes.
 */

/** A readable stream's reader: chunks of bytes until done. */
export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The parts of a fetch Response we read. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly body: { getReader(): ByteReader } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  json(): Promise<unknown>;
}

/** An AbortSignal, as far as we use it. */
export interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** `fetch`, as far as we call it. */
export type FetchLike = (url: string, init?: { signal?: SignalLike; cache?: 'no-cache' }) => Promise<ResponseLike>;

/** One Cache API cache, as far as we use it; keys are URLs (strings). */
export interface ByteCache {
  match(key: string): Promise<ResponseLike | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  delete(key: string): Promise<boolean>;
}
