/**
 * Exporting progress to a JSON file and importing it back. The file carries a SHA-256 checksum of
 * its content, so an edited or damaged file is refused; an import is checked completely before
 * anything is written. (The checksum catches changes, it does not prove who made the file.)
 */
import { sha256Hex } from '../../../lib/onnx/sha256.ts';
import { canonicalJson } from './canonical-json.ts';
import { failed, type Checked } from './problems.ts';
import { PROGRESS_VERSION, type Progress, type Timestamp } from './record.ts';
import { checkProgress, isPlainObject, isTimestamp } from './validate.ts';

/** The `format` field that marks an Unrolled progress file. */
export const PROGRESS_FILE_FORMAT = 'unrolled-progress';

/** The largest file an import reads, in bytes; a real one is a few kB at most. */
export const MAX_PROGRESS_FILE_BYTES = 64 * 1024;

/** The name an export is saved under. */
export const PROGRESS_FILE_NAME = 'unrolled-progress.json';

/** The fields a progress file has, checksum last. */
const FILE_KEYS = ['format', 'version', 'exportedAt', 'progress', 'checksum'];

/** The checksum of a file's content: 'sha256:' and 64 hex digits over the canonical JSON of everything but the checksum. */
export async function progressChecksum(content: Readonly<Record<string, unknown>>): Promise<string> {
  return `sha256:${await sha256Hex(new TextEncoder().encode(canonicalJson(content)))}`;
}

/** The text of a progress file holding `progress`, exported at `exportedAt`. */
export async function progressFileText(progress: Progress, exportedAt: Timestamp): Promise<string> {
  const content = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt,
    progress: { read: progress.read, solved: progress.solved, updatedAt: progress.updatedAt },
  };
  return `${JSON.stringify({ ...content, checksum: await progressChecksum(content) }, null, 2)}\n`;
}

/**
 * Read a progress file's text: the first problem found (too large, not JSON, not an object, another
 * format or version, a bad field, an edited file, an unknown chapter), or the progress it holds.
 */
export async function readProgressFile(text: string): Promise<Checked<Progress>> {
  const bytes = text.length > MAX_PROGRESS_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_PROGRESS_FILE_BYTES) return failed({ kind: 'too-large', bytes, limit: MAX_PROGRESS_FILE_BYTES });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return failed({ kind: 'not-json' });
  }
  if (!isPlainObject(data)) return failed({ kind: 'not-object' });
  if (data.format !== PROGRESS_FILE_FORMAT) return failed({ kind: 'wrong-format' });
  if (data.version !== PROGRESS_VERSION) return failed({ kind: 'wrong-version', found: String(data.version) });
  const extra = Object.keys(data).find((key) => !FILE_KEYS.includes(key));
  if (extra !== undefined) return failed({ kind: 'bad-field', field: extra });
  if (!isTimestamp(data.exportedAt)) return failed({ kind: 'bad-field', field: 'exportedAt' });
  if (typeof data.checksum !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(data.checksum)) return failed({ kind: 'bad-field', field: 'checksum' });

  const { checksum, ...content } = data;
  if ((await progressChecksum(content)) !== checksum) return failed({ kind: 'tampered' });
  return checkProgress(data.progress, 'progress', false);
}
