/**
 * The strict Content-Security-Policy in a real browser. page-audit.spec.ts checks every built page
 * (a strict policy, 'wasm-unsafe-eval' only where the frontmatter says `webAssembly: true`, and no
 * `securitypolicyviolation` while every island hydrates). This spec covers the parts that
 * compile or spawn things: a search query (Pagefind compiles WebAssembly in its own worker, so no
 * page needs 'wasm-unsafe-eval' for it), the model on pronounce/ (onnxruntime-web), and the
 * training workers. The fixtures also fail a test on any console error, which is where Chromium
 * reports violations inside workers.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { cspViolations, pagePolicy, watchCspViolations } from './csp-watch.ts';
import { ROOT_BUILD } from './site-pages.ts';
import { cspRules, nginxSnippet, snippetIn } from '../../src/integrations/csp/nginx.ts';
import { webAssemblySlugs } from '../../src/integrations/csp/wasm-pages.ts';

test.beforeEach(async ({ page }) => {
  await watchCspViolations(page);
});

const wasmSlugs = webAssemblySlugs();

test('only pages with webAssembly: true exist in the allow-list, and pronounce/ is one of them', () => {
  expect([...wasmSlugs]).toEqual(['pronounce/']);
});

test('a search query runs (Pagefind in its worker) without a violation on a page without wasm-unsafe-eval', async ({ page }) => {
  await page.goto('parameters/');
  expect(await pagePolicy(page)).not.toContain("'wasm-unsafe-eval'");
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('site-search dialog input').first();
  await input.fill('gradient');
  await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 }); // Pagefind starts its worker and WebAssembly on first use
  expect(await cspViolations(page)).toEqual([]);
});

test('the model on pronounce/ loads and runs (onnxruntime-web, WebAssembly) without a violation', async ({ page }) => {
  await page.goto('pronounce/');
  expect(await pagePolicy(page)).toContain("'wasm-unsafe-eval'");
  await hydrateIslands(page);
  const word = page.locator('.pronounce-word');
  await expect(word).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  await expect(word.locator('[data-phonemes]')).not.toBeEmpty();
  expect(await cspViolations(page)).toEqual([]);
});

test('a training worker starts and reports progress without a violation (gating/)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('gating/?taskT=40');
  await hydrateIslands(page);
  const trainer = page.locator('.task-trainer');
  await trainer.getByRole('button', { name: 'Start training' }).click();
  await expect(trainer.getByRole('status')).toContainText(/Training: step [1-9]/);
  await trainer.getByRole('button', { name: 'Stop' }).click();
  expect(await cspViolations(page)).toEqual([]);
});

test('the in-browser trainer and its race start their workers without a violation (train-in-browser/)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('train-in-browser/');
  await hydrateIslands(page);
  await expect(page.locator('.trainer')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(await cspViolations(page)).toEqual([]);
});

test("README's nginx snippet is the one the build produces (npm run csp:nginx -- --write)", () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(snippetIn(readme), 'README.md holds the generated block').not.toBeNull();
  expect(snippetIn(readme)).toBe(nginxSnippet(cspRules(ROOT_BUILD, '/course/rnn/')));
});

test.describe('served with the nginx headers from README', () => {
  /** Sends each page with the header the README's nginx map would send for its path. */
  test.beforeEach(async ({ page, baseURL }) => {
    const rules = cspRules(ROOT_BUILD, new URL(baseURL!).pathname);
    // Pages only: Playwright cannot reliably intercept a dedicated worker's script in Chromium (the
    // request stalls), so workers load as under a <meta>-only host; the pagefind/ and worker rules
    // of the map are not exercised here.
    await page.route((url) => url.pathname.endsWith('/'), async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      const rule = rules.find((candidate) => candidate.pattern !== null && new RegExp(candidate.pattern).test(path)) ?? rules[0]!;
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': rule.policy } });
    });
  });

  test('a prose page and a search query work without a violation', async ({ page }) => {
    await page.goto('notation/');
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('site-search dialog input').first().fill('gradient');
    await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 }); // Pagefind starts its worker and WebAssembly on first use
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the model page runs its model without a violation', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('pronounce/');
    await hydrateIslands(page);
    await expect(page.locator('.pronounce-word')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
    expect(await cspViolations(page)).toEqual([]);
  });

  test('a widget page trains in its worker without a violation', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('gating/?taskT=40');
    await hydrateIslands(page);
    const trainer = page.locator('.task-trainer');
    await trainer.getByRole('button', { name: 'Start training' }).click();
    await expect(trainer.getByRole('status')).toContainText(/Training: step [1-9]/);
    expect(await cspViolations(page)).toEqual([]);
  });
});
