import { describe, expect, it } from 'vitest';
import {
  MAX_PROGRESS_FILE_BYTES,
  PROGRESS_FILE_FORMAT,
  progressChecksum,
  progressFileText,
  readProgressFile,
} from '../../../../src/kit/progress/progress-file.ts';
import type { ProgressProblem } from '../../../../src/kit/progress/problems.ts';
import { emptyProgress, markRead, markSolved, type Progress } from '../../../../src/kit/progress/record.ts';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';
const NOW = '2026-12-04T19:00:00.000Z';

/** Progress with two chapters read and three exercises solved. */
function sample(): Progress {
  let progress = markRead(emptyProgress(), 'bptt', T1);
  progress = markRead(progress, 'forward-pass', T2);
  progress = markSolved(progress, 'bptt', '1', T1);
  progress = markSolved(progress, 'bptt', '2', T2);
  return markSolved(progress, 'parameters', '1', T2);
}

/** A file whose checksum matches `content` (as a correct export of odd content would), to reach the checks after the checksum. */
async function signed(content: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...content, checksum: await progressChecksum(content) });
}

/** The problem reading `text` reports; fails the test when the file is accepted. */
async function problemOf(text: string): Promise<ProgressProblem> {
  const result = await readProgressFile(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.problem;
}

const envelope = { format: PROGRESS_FILE_FORMAT, version: 1, exportedAt: NOW };

describe('progress file round trip', () => {
  it('reads back exactly what was exported', async () => {
    const text = await progressFileText(sample(), NOW);
    const result = await readProgressFile(text);
    expect(result).toEqual({ ok: true, value: sample() });
  });

  it('exports readable JSON with the format, version, time and a SHA-256 checksum', async () => {
    const data = JSON.parse(await progressFileText(sample(), NOW));
    expect(Object.keys(data)).toEqual(['format', 'version', 'exportedAt', 'progress', 'checksum']);
    expect(data.format).toBe('unrolled-progress');
    expect(data.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(data.progress.read).toEqual({ bptt: T1, 'forward-pass': T2 });
  });

  it('reads a file re-indented or with its keys reordered (the checksum is over canonical JSON)', async () => {
    const data = JSON.parse(await progressFileText(sample(), NOW));
    const reordered = { checksum: data.checksum, progress: data.progress, exportedAt: data.exportedAt, version: 1, format: data.format };
    expect((await readProgressFile(JSON.stringify(reordered))).ok).toBe(true);
  });

  it('round-trips empty progress', async () => {
    expect(await readProgressFile(await progressFileText(emptyProgress(), NOW))).toEqual({ ok: true, value: emptyProgress() });
  });
});

describe('a bad progress file names its problem', () => {
  it('too large', async () => {
    const text = ' '.repeat(MAX_PROGRESS_FILE_BYTES + 1);
    expect(await problemOf(text)).toEqual({ kind: 'too-large', bytes: MAX_PROGRESS_FILE_BYTES + 1, limit: MAX_PROGRESS_FILE_BYTES });
  });

  it('too large counts bytes, not characters', async () => {
    const text = '汉'.repeat(MAX_PROGRESS_FILE_BYTES / 2);
    expect((await problemOf(text)).kind).toBe('too-large');
  });

  it('not JSON: empty, truncated, or some other text', async () => {
    const good = await progressFileText(sample(), NOW);
    for (const text of ['', 'hello', good.slice(0, good.length - 10), '{format: "unrolled-progress"}']) {
      expect(await problemOf(text)).toEqual({ kind: 'not-json' });
    }
  });

  it('not an object', async () => {
    for (const text of ['[]', 'null', '"progress"', '42', 'true']) expect(await problemOf(text)).toEqual({ kind: 'not-object' });
  });

  it('wrong format: another application\'s JSON', async () => {
    expect(await problemOf('{"name": "my-package", "version": "1.0.0"}')).toEqual({ kind: 'wrong-format' });
    expect(await problemOf(JSON.stringify({ ...envelope, format: 'unrolled-progres' }))).toEqual({ kind: 'wrong-format' });
  });

  it('wrong version', async () => {
    expect(await problemOf(JSON.stringify({ ...envelope, version: 2 }))).toEqual({ kind: 'wrong-version', found: '2' });
    expect(await problemOf(JSON.stringify({ ...envelope, version: '1' }))).toEqual({ kind: 'wrong-version', found: '1' });
    expect(await problemOf(JSON.stringify({ format: PROGRESS_FILE_FORMAT }))).toEqual({ kind: 'wrong-version', found: 'undefined' });
  });

  it('missing or malformed checksum and export time', async () => {
    const data = JSON.parse(await progressFileText(sample(), NOW));
    expect(await problemOf(JSON.stringify({ ...data, checksum: undefined }))).toEqual({ kind: 'bad-field', field: 'checksum' });
    expect(await problemOf(JSON.stringify({ ...data, checksum: 'md5:abc' }))).toEqual({ kind: 'bad-field', field: 'checksum' });
    expect(await problemOf(JSON.stringify({ ...data, exportedAt: 'yesterday' }))).toEqual({ kind: 'bad-field', field: 'exportedAt' });
    expect(await problemOf(JSON.stringify({ ...data, extra: 1 }))).toEqual({ kind: 'bad-field', field: 'extra' });
  });

  it('tampered: content edited after export', async () => {
    const data = JSON.parse(await progressFileText(sample(), NOW));
    const edits: Array<(d: typeof data) => void> = [
      (d) => (d.progress.read.gating = T1), // a chapter added
      (d) => delete d.progress.read.bptt, // a chapter removed
      (d) => (d.progress.solved.bptt['3'] = T1), // an exercise added
      (d) => (d.progress.read.bptt = T2), // a time changed
      (d) => (d.exportedAt = T1), // the export time changed
    ];
    for (const edit of edits) {
      const copy = structuredClone(data);
      edit(copy);
      expect(await problemOf(JSON.stringify(copy))).toEqual({ kind: 'tampered' });
    }
    const flipped = data.checksum.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'));
    expect(await problemOf(JSON.stringify({ ...data, checksum: flipped }))).toEqual({ kind: 'tampered' });
  });

  it('wrong field types, even with a matching checksum', async () => {
    const progress = { read: {}, solved: {}, updatedAt: null };
    const cases: Array<[unknown, string]> = [
      [undefined, 'progress'],
      [[], 'progress'],
      [{ ...progress, read: [] }, 'progress.read'],
      [{ ...progress, read: { bptt: true } }, 'progress.read.bptt'],
      [{ ...progress, read: { bptt: 'last week' } }, 'progress.read.bptt'],
      [{ ...progress, solved: 'all' }, 'progress.solved'],
      [{ ...progress, solved: { bptt: ['1'] } }, 'progress.solved.bptt'],
      [{ ...progress, solved: { bptt: { '1': 1 } } }, 'progress.solved.bptt.1'],
      [{ ...progress, solved: { bptt: { '0': T1 } } }, 'progress.solved.bptt.0'],
      [{ ...progress, solved: { bptt: { first: T1 } } }, 'progress.solved.bptt.first'],
      [{ ...progress, updatedAt: 5 }, 'progress.updatedAt'],
      [{ read: {}, solved: {} }, 'progress.updatedAt'],
      [{ ...progress, score: 100 }, 'progress.score'],
    ];
    for (const [value, field] of cases) {
      expect(await problemOf(await signed({ ...envelope, progress: value })), field).toEqual({ kind: 'bad-field', field });
    }
  });

  it('unknown chapter, even with a matching checksum', async () => {
    const progress = { read: {}, solved: {}, updatedAt: null };
    expect(await problemOf(await signed({ ...envelope, progress: { ...progress, read: { 'chapter-12': T1 } } }))).toEqual({
      kind: 'unknown-chapter',
      chapter: 'chapter-12',
    });
    expect(await problemOf(await signed({ ...envelope, progress: { ...progress, solved: { 'zh-cn/bptt': { '1': T1 } } } }))).toEqual({
      kind: 'unknown-chapter',
      chapter: 'zh-cn/bptt',
    });
    expect(await problemOf(await signed({ ...envelope, progress: { ...progress, read: JSON.parse(`{"__proto__": "${T1}"}`) } }))).toEqual({
      kind: 'unknown-chapter',
      chapter: '__proto__',
    });
  });
});

describe('checksum without Web Crypto', () => {
  it('gives the same file through @noble/hashes (plain-HTTP hosts have no crypto.subtle)', async () => {
    const withSubtle = await progressFileText(sample(), NOW);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
    try {
      expect(await progressFileText(sample(), NOW)).toBe(withSubtle);
      expect((await readProgressFile(withSubtle)).ok).toBe(true);
    } finally {
      Object.defineProperty(globalThis, 'crypto', original!);
    }
  });
});
