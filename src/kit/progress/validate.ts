/** Strict checking of a progress record from outside (a file or storage): every field, type and chapter. */
import { isChapter, type ChapterSlug } from './chapters.ts';
import { failed, type Checked } from './problems.ts';
import { isExerciseId, PROGRESS_VERSION, type Progress, type Timestamp } from './record.ts';

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an ISO 8601 date-time string such as '2026-12-04T19:30:00.000Z'. */
export function isTimestamp(value: unknown): value is Timestamp {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** The first key of `object` that is not in `allowed`, if any. */
function unexpectedKey(object: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(object).find((key) => !allowed.includes(key));
}

/** A JSON-safe rendering of a key inside a field path. */
function path(parent: string, key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Check that `value` is a progress record: `{ read, solved, updatedAt }` (plus `version` when
 * `withVersion`), every chapter known, every exercise id valid, every time an ISO timestamp.
 * `at` is the record's path in the messages ('progress' in a file).
 */
export function checkProgress(value: unknown, at: string, withVersion: boolean): Checked<Progress> {
  if (!isPlainObject(value)) return failed({ kind: 'bad-field', field: at });
  const keys = withVersion ? ['version', 'read', 'solved', 'updatedAt'] : ['read', 'solved', 'updatedAt'];
  const extra = unexpectedKey(value, keys);
  if (extra !== undefined) return failed({ kind: 'bad-field', field: path(at, extra) });
  if (withVersion && value.version !== PROGRESS_VERSION) return failed({ kind: 'wrong-version', found: String(value.version) });

  const { read, solved, updatedAt } = value;
  if (!isPlainObject(read)) return failed({ kind: 'bad-field', field: `${at}.read` });
  for (const [chapter, time] of Object.entries(read)) {
    if (!isChapter(chapter)) return failed({ kind: 'unknown-chapter', chapter });
    if (!isTimestamp(time)) return failed({ kind: 'bad-field', field: path(`${at}.read`, chapter) });
  }
  if (!isPlainObject(solved)) return failed({ kind: 'bad-field', field: `${at}.solved` });
  for (const [chapter, exercises] of Object.entries(solved)) {
    if (!isChapter(chapter)) return failed({ kind: 'unknown-chapter', chapter });
    const field = path(`${at}.solved`, chapter);
    if (!isPlainObject(exercises)) return failed({ kind: 'bad-field', field });
    for (const [id, time] of Object.entries(exercises)) {
      if (!isExerciseId(id) || !isTimestamp(time)) return failed({ kind: 'bad-field', field: path(field, id) });
    }
  }
  if (updatedAt !== null && !isTimestamp(updatedAt)) return failed({ kind: 'bad-field', field: `${at}.updatedAt` });

  return {
    ok: true,
    value: {
      version: PROGRESS_VERSION,
      read: { ...(read as Partial<Record<ChapterSlug, Timestamp>>) },
      solved: Object.fromEntries(Object.entries(solved).map(([chapter, exercises]) => [chapter, { ...(exercises as Record<string, Timestamp>) }])),
      updatedAt: updatedAt as Timestamp | null,
    },
  };
}
