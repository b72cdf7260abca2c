/**
 * The reading-progress record: which chapters were read to the end and which exercises were solved,
 * each with the time it first happened. Pure data; storing it and files live next door.
 */
import type { ChapterSlug } from './chapters.ts';

/** The record's format version; a new shape gets a new number (and a new storage key). */
export const PROGRESS_VERSION = 1;

/** The most exercises one chapter may have in a record (exercise ids are 1 to this). */
export const MAX_EXERCISES_PER_CHAPTER = 99;

/** A point in time as an ISO 8601 string, e.g. '2026-12-04T19:30:00.000Z'. */
export type Timestamp = string;

/** Reading progress. Exercise ids are the exercise's 1-based position on its chapter page, as strings. */
export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  /** Chapters read to the end: slug → when first read. */
  readonly read: Readonly<Partial<Record<ChapterSlug, Timestamp>>>;
  /** Exercises solved: slug → exercise id → when first solved. */
  readonly solved: Readonly<Partial<Record<ChapterSlug, Readonly<Record<string, Timestamp>>>>>;
  /** The last change, or null for a record nothing was ever recorded in. */
  readonly updatedAt: Timestamp | null;
}

/** A record with nothing read and nothing solved. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, read: {}, solved: {}, updatedAt: null };
}

/** True when `id` is a valid exercise id: '1' to '99', no leading zero. */
export function isExerciseId(id: string): boolean {
  return /^[1-9][0-9]?$/.test(id) && Number(id) <= MAX_EXERCISES_PER_CHAPTER;
}

/** The record with `chapter` marked read at `at`; the same object when it already was. */
export function markRead(progress: Progress, chapter: ChapterSlug, at: Timestamp): Progress {
  if (progress.read[chapter] !== undefined) return progress;
  return { ...progress, read: { ...progress.read, [chapter]: at }, updatedAt: at };
}

/** The record with exercise `id` of `chapter` marked solved at `at`; the same object when it already was. */
export function markSolved(progress: Progress, chapter: ChapterSlug, id: string, at: Timestamp): Progress {
  if (!isExerciseId(id)) throw new Error(`Not an exercise id: ${JSON.stringify(id)}`);
  const solved = progress.solved[chapter] ?? {};
  if (solved[id] !== undefined) return progress;
  return { ...progress, solved: { ...progress.solved, [chapter]: { ...solved, [id]: at } }, updatedAt: at };
}

/** The earlier of two optional timestamps. */
function earlier(a: Timestamp | undefined, b: Timestamp | undefined): Timestamp | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** The later of two nullable timestamps. */
function later(a: Timestamp | null, b: Timestamp | null): Timestamp | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Both records together: everything read or solved in either, each at its earliest time. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const read: Partial<Record<ChapterSlug, Timestamp>> = { ...a.read };
  for (const [chapter, at] of Object.entries(b.read) as [ChapterSlug, Timestamp][]) read[chapter] = earlier(read[chapter], at);
  const solved: Partial<Record<ChapterSlug, Record<string, Timestamp>>> = {};
  for (const source of [a.solved, b.solved]) {
    for (const [chapter, exercises] of Object.entries(source) as [ChapterSlug, Record<string, Timestamp>][]) {
      const into = (solved[chapter] ??= {});
      for (const [id, at] of Object.entries(exercises)) into[id] = earlier(into[id], at)!;
    }
  }
  return { version: PROGRESS_VERSION, read, solved, updatedAt: later(a.updatedAt, b.updatedAt) };
}

/** How far a reader got: chapters read, exercises solved, and the exercises solved in one chapter. */
export interface ProgressSummary {
  readonly chaptersRead: number;
  readonly exercisesSolved: number;
}

/** Count the chapters read and the exercises solved. */
export function summarize(progress: Progress): ProgressSummary {
  const exercisesSolved = Object.values(progress.solved).reduce((sum, exercises) => sum + Object.keys(exercises ?? {}).length, 0);
  return { chaptersRead: Object.keys(progress.read).length, exercisesSolved };
}

/** How many exercises of `chapter` are solved. */
export function solvedIn(progress: Progress, chapter: ChapterSlug): number {
  return Object.keys(progress.solved[chapter] ?? {}).length;
}
