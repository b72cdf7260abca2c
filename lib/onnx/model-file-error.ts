/**
 * Why a model file could not be used, as a value the widget shows the reader. Every failure of
 * lib/onnx/model-files.ts ends in one of these, with a message written for the reader.
 */

/** What went wrong with a model file. */
export type ModelFileErrorKind =
  | 'not-in-manifest'
  | 'not-found'
  | 'network'
  | 'hash-mismatch'
  | 'size-mismatch'
  | 'aborted';

/** Details that make the reader-facing message precise. */
export interface ModelFileErrorDetails {
  /** HTTP status, for 'not-found' and 'network' answers that came back. */
  readonly status?: number;
  /** Bytes received, for 'size-mismatch'. */
  readonly receivedBytes?: number;
  /** Bytes the manifest lists, for 'size-mismatch'. */
  readonly expectedBytes?: number;
  /** The underlying error, for 'network'. */
  readonly cause?: unknown;
}

/** The reader-facing sentence for each kind of failure. */
function messageFor(kind: ModelFileErrorKind, path: string, details: ModelFileErrorDetails): string {
  switch (kind) {
    case 'not-in-manifest':
      return `${path} is not listed in the model manifest, so it cannot be checked. The site may be half-updated: reload the page.`;
    case 'not-found':
      return `${path} was not found on the server (HTTP ${details.status ?? 404}). Retry, or tell the site's maintainer.`;
    case 'network':
      return details.status === undefined
        ? `${path} could not be downloaded: the network request failed. Check the connection, then Retry.`
        : `${path} could not be downloaded: the server answered HTTP ${details.status}. Retry in a moment.`;
    case 'hash-mismatch':
      return `${path} is corrupted: its SHA-256 does not match the manifest. Retry downloads it again.`;
    case 'size-mismatch':
      return `${path} is incomplete or the wrong file: ${details.receivedBytes ?? '?'} bytes arrived, the manifest lists ${details.expectedBytes ?? '?'}. Retry downloads it again.`;
    case 'aborted':
      return `The download of ${path} was cancelled.`;
  }
}

/** A model file that could not be fetched, verified or cached; `message` is for the reader. */
export class ModelFileError extends Error {
  /** What went wrong. */
  readonly kind: ModelFileErrorKind;
  /** The file, relative to the models folder (e.g. 'g2p/encoder.onnx'). */
  readonly path: string;
  /** HTTP status, when an answer came back. */
  readonly status: number | undefined;

  constructor(kind: ModelFileErrorKind, path: string, details: ModelFileErrorDetails = {}) {
    super(messageFor(kind, path, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ModelFileError';
    this.kind = kind;
    this.path = path;
    this.status = details.status;
  }
}

/** True when `error` is a cancelled fetch or read (a DOMException or Error named 'AbortError'). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
