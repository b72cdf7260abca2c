/**
 * Hosting under a base path. In the `subpath` project the site is built with
 * SITE_BASE=/course/rnn/ into dist-sub/ and served only under /course/rnn/ (anything outside
 * answers 404), so a stray root-absolute URL fails here. In the `root` project the same checks
 * hold trivially for base '/'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { ROOT_BUILD, SUB_BUILD, sitePages } from './site-pages.ts';

/** The build folder a project serves. */
function buildDir(basePath: string): string {
  return basePath === '/' ? ROOT_BUILD : SUB_BUILD;
}

test('the build for this base path has the same pages as dist/', ({ baseURL }) => {
  const basePath = new URL(baseURL!).pathname;
  const here = sitePages(buildDir(basePath)).map((sitePage) => sitePage.path);
  expect(here).toEqual(sitePages(ROOT_BUILD).map((sitePage) => sitePage.path));
});

test('no built file points at a root-absolute path outside the base', ({ baseURL }) => {
  const basePath = new URL(baseURL!).pathname;
  const dir = buildDir(basePath);
  // href="/x", src="/x", url(/x), import("/x") … whose path does not begin with the base.
  const rootAbsolute = /(?:\b(?:href|src|action|content)=["']|url\(\s*["']?|\bimport\(\s*["'`]|\bfrom\s*["'`])(\/(?!\/)[^"'`)\s>]*)/g;
  const offenders: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(html|css|js|mjs)$/.test(entry.name)) {
        for (const match of readFileSync(full, 'utf8').matchAll(rootAbsolute)) {
          const path = match[1]!;
          if (!path.startsWith(basePath)) offenders.push(`${full}: ${match[0]}`);
        }
      }
    }
  };
  walk(dir);
  expect(offenders.slice(0, 20), `${offenders.length} root-absolute reference(s) outside ${basePath}`).toEqual([]);
});

test('a search query fetches Pagefind under the base path', async ({ page, baseURL }) => {
  // page-audit.spec.ts checks every page's own requests once its islands hydrated; search loads
  // Pagefind's script, index and fragments lazily, so one query fetches them here.
  const base = new URL(baseURL!);
  const outside: string[] = [];
  const underBase: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== base.origin) return; // the page guard fails off-origin requests
    (url.pathname.startsWith(base.pathname) ? underBase : outside).push(url.href);
  });
  const pages = sitePages();
  const chapter = pages.find((sitePage) => sitePage.source && sitePage.path !== '') ?? pages[0]!;
  await page.goto(chapter.path || './');
  const title = (await page.locator('main h1, h1#_top').first().innerText()).trim();
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input').first().fill(title);
  await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible();
  expect(underBase.some((url) => url.includes('/pagefind/')), 'the search index was fetched').toBe(true);
  expect(outside, `requests outside ${base.pathname}`).toEqual([]);
});
