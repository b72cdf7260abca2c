/**
 * Size budgets that size-limit (.size-limit.mjs, `npm run size`) does not express: prose pages load
 * no framework code at all, onnxruntime-web is never part of a page's initial JavaScript, and one
 * search query loads at most 100 kB (gzipped) from pagefind/.
 */
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';
import { ROOT_BUILD } from './site-pages.ts';
import { buildScripts, isOnnxRuntime, staticClosure } from '../../src/integrations/size/initial-js.ts';

/** The most one search query may load from pagefind/, gzipped, in bytes. */
const SEARCH_QUERY_BUDGET = 100_000;

const pages = buildScripts(ROOT_BUILD, '/');
/** The framework's client runtime: every file the islands' renderer files load statically. */
const frameworkFiles = staticClosure(new Set(pages.flatMap((page) => page.renderers)), ROOT_BUILD, '/');

test('the build has widget pages with a framework runtime, and prose pages', () => {
  expect(frameworkFiles.size, 'the Svelte renderer and its runtime chunks').toBeGreaterThan(0);
  expect(pages.filter((page) => page.hasIslands).length).toBeGreaterThan(0);
  expect(pages.filter((page) => !page.hasIslands).length).toBeGreaterThan(0);
});

for (const page of pages.filter((candidate) => !candidate.hasIslands)) {
  test(`prose page ${page.path || '(home)'} loads no framework JavaScript`, () => {
    expect(page.files.filter((file) => frameworkFiles.has(file))).toEqual([]);
  });
}

test('onnxruntime-web is in no page’s initial JavaScript (it loads lazily, where a model runs)', () => {
  const eager = pages.filter((page) => page.files.some(isOnnxRuntime)).map((page) => page.path);
  expect(eager).toEqual([]);
});

test('one search query loads at most 100 kB (gzipped) from pagefind/', async ({ page }, testInfo) => {
  const loaded = new Map<string, number>();
  page.on('response', async (response) => {
    if (!response.url().includes('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    loaded.set(response.url(), gzipSync(body, { level: 9 }).length);
  });
  await page.goto('parameters/');
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input').first().fill('gradient');
  await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const total = [...loaded.values()].reduce((sum, bytes) => sum + bytes, 0);
  const lines = [...loaded].map(([url, bytes]) => `${(bytes / 1000).toFixed(1).padStart(6)} kB  ${url.slice(url.indexOf('/pagefind/'))}`);
  await testInfo.attach('search-query-bytes.txt', { body: `${lines.join('\n')}\n${(total / 1000).toFixed(1)} kB in all\n` });
  console.log(`search query: ${(total / 1000).toFixed(1)} kB gzipped from pagefind/ in ${loaded.size} requests`);
  expect(loaded.size, 'the query loaded from pagefind/').toBeGreaterThan(0);
  expect(total, lines.join('\n')).toBeLessThanOrEqual(SEARCH_QUERY_BUDGET);
});
