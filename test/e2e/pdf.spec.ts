/**
 * `npm run pdf` (scripts/pdf.mjs) against the site this project serves: the handout PDF exists,
 * has one section per chapter (each chapter's title opens a page, in sidebar order, found with
 * pdftotext), and its first page renders with pdftoppm to a PNG that is not blank. The tools come
 * from Debian's poppler-utils; without them the test fails with the install hint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { chapterPages, makePdf } from '../../scripts/pdf.mjs';

/** Runs a poppler tool; fails the test with the install hint when it is missing. */
function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`${tool} not found. Install poppler-utils: sudo apt-get install -y poppler-utils`);
  expect(result.status, `${tool} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

test('npm run pdf: one PDF, a section per chapter, a first page that renders', async ({ baseURL }, testInfo) => {
  test.setTimeout(20 * 60_000); // every chapter is opened and drawn, then the handout is printed twice
  poppler('pdftoppm', ['-v']);
  const out = testInfo.outputPath('unrolled.pdf');
  const { chapters, pageNumbers } = await makePdf({ url: baseURL!, lang: 'en', out, site: undefined, dist: 'dist', port: 0 });

  expect(existsSync(out)).toBe(true);
  const info = poppler('pdfinfo', [out]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(info).toMatch(/^Tagged:\s+yes/m);

  // Chapters 1…N in order, then the reference pages; each title opens its own page, in order.
  const numbered = chapters.map((c) => /^(\d+)\. /.exec(c.title)?.[1]).filter(Boolean).map(Number);
  expect(numbered.length).toBeGreaterThanOrEqual(11);
  expect(numbered).toEqual(numbered.map((_, i) => i + 1));
  expect(chapters.map((c) => c.title)).toContain('Notation');
  const starts = chapterPages(out, chapters.map((c) => c.title));
  expect(starts, 'every chapter title found at the top of a page, in order').not.toBeNull();
  expect(starts).toEqual(pageNumbers);
  expect(starts!.every((p, i) => i === 0 || p > starts![i - 1]!)).toBe(true);
  expect(starts!.at(-1)!).toBeLessThanOrEqual(pages);
  // The contents page lists each chapter with that page number.
  const contents = poppler('pdftotext', ['-layout', '-f', '2', '-l', '2', out, '-']);
  chapters.forEach((c, i) => expect(contents).toMatch(new RegExp(`${c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${starts![i]}\\b`)));
  // Numbered equations print, e.g. "(1)".
  const body = poppler('pdftotext', ['-layout', '-f', String(starts![0]), out, '-']);
  expect(body).toMatch(/\(1\)/);
  // Widgets print with their caption and the URL of their page.
  expect(body).toMatch(/Figure 1 — .+ · This state: /);

  // The first page renders: a PNG, and (as raw grey levels) not blank.
  const png = testInfo.outputPath('page-1');
  poppler('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', out, png]);
  const image = readFileSync(`${png}.png`);
  expect(image.subarray(1, 4).toString()).toBe('PNG');
  expect(statSync(`${png}.png`).size).toBeGreaterThan(1000);
  poppler('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', out, png]);
  const pgm = readFileSync(`${png}.pgm`);
  const [width, height] = /^P5\s+(\d+)\s+(\d+)/.exec(pgm.subarray(0, 40).toString('latin1'))!.slice(1).map(Number) as [number, number];
  const pixels = pgm.subarray(pgm.length - width * height); // one byte per pixel after the header
  const dark = pixels.filter((v) => v < 128).length;
  expect(dark, 'dark pixels on page 1 (the title)').toBeGreaterThan(20); // blank is 0; the title page has about 150 at 40 dpi
});
