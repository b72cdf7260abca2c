/** The course's chapters as progress counts them, and which chapter a URL belongs to. */

/** The chapter slugs in reading order, without a language prefix (the sidebar's "Chapters" group). */
export const CHAPTERS = [
  'why-sequences',
  'text-to-vectors',
  'parameters',
  'forward-pass',
  'serial-vs-parallel',
  'training',
  'bptt',
  'remedies',
  'gating',
  'train-in-browser',
  'pronounce',
] as const;

/** A chapter's slug, e.g. 'bptt'. */
export type ChapterSlug = (typeof CHAPTERS)[number];

/** The path prefixes of the translated editions (English lives at the root). */
const LOCALE_PREFIXES = ['zh-cn'];

/** True when `slug` names a chapter. */
export function isChapter(slug: string): slug is ChapterSlug {
  return (CHAPTERS as readonly string[]).includes(slug);
}

/**
 * The chapter a page path belongs to, in any language: '/course/rnn/zh-cn/bptt/' with base
 * '/course/rnn/' is 'bptt'. Null for pages that are not chapters (home, notation, 404).
 */
export function chapterOfPath(pathname: string, base: string): ChapterSlug | null {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return null;
  const segments = pathname.slice(root.length).split('/').filter((s) => s !== '');
  if (segments.length > 0 && LOCALE_PREFIXES.includes(segments[0].toLowerCase())) segments.shift();
  if (segments.length !== 1) return null;
  return isChapter(segments[0]) ? segments[0] : null;
}
