/**
 * Size budgets that size-limit (.size-limit.mjs, `npm run size`) does not express: prose pages load
 * no framework code at all, onnxruntime-web is never part of a page's initial JavaScript, and each
 * search query loads at most 100 kB (gzipped) of index and result fragments from pagefind/. The
 * search runtime (Pagefind's script, worker and WebAssembly, about 86 kB) loads once, with the first
 * query, and is reported beside it but not counted per query.
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

/** The search runtime, loaded once per page: Pagefind's script, its worker, its WebAssembly and metadata. */
const isSearchRuntime = (url: string) => /\/pagefind\/(pagefind(-worker)?\.js|wasm\.[^/]*\.pagefind|pagefind-entry\.json|[^/]*\.pf_meta)(\?|$)/.test(url);

test('each search query loads at most 100 kB (gzipped) of index and results from pagefind/', async ({ page }, testInfo) => {
  /** Bytes per pagefind/ URL, as served: gzipped, or as is when that is smaller (the .pf_* files are gzip already). */
  let loaded = new Map<string, number>();
  page.on('response', async (response) => {
    if (!response.url().includes('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    loaded.set(response.url(), Math.min(body.length, gzipSync(body, { level: 9 }).length));
  });
  const report: string[] = [];
  /** Runs one query and returns what it loaded beyond the runtime. */
  const query = async (text: string): Promise<number> => {
    loaded = new Map();
    const input = page.locator('site-search dialog input').first();
    await input.fill(text);
    await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 }); // Pagefind starts its worker and WebAssembly on first use
    await page.waitForLoadState('networkidle');
    const runtime = [...loaded].filter(([url]) => isSearchRuntime(url)).reduce((sum, [, bytes]) => sum + bytes, 0);
    const perQuery = [...loaded].filter(([url]) => !isSearchRuntime(url)).reduce((sum, [, bytes]) => sum + bytes, 0);
    report.push(`query "${text}": ${(perQuery / 1000).toFixed(1)} kB of index and results, ${(runtime / 1000).toFixed(1)} kB of search runtime (first use only)`);
    for (const [url, bytes] of loaded) report.push(`  ${(bytes / 1000).toFixed(1).padStart(6)} kB  ${url.slice(url.indexOf('/pagefind/'))}`);
    return perQuery;
  };
  await page.goto('parameters/');
  await page.locator('site-search button[data-open-modal]').click();
  const first = await query('gradient');
  const second = await query('forget gate');
  await testInfo.attach('search-query-bytes.txt', { body: `${report.join('\n')}\n` });
  console.log(report.join('\n'));
  expect(first, report.join('\n')).toBeGreaterThan(0);
  expect(first, report.join('\n')).toBeLessThanOrEqual(SEARCH_QUERY_BUDGET);
  expect(second, report.join('\n')).toBeLessThanOrEqual(SEARCH_QUERY_BUDGET);
});
