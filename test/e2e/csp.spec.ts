/**
 * The strict Content-Security-Policy in a real browser. page-audit.spec.ts checks every built page
 * (a strict policy, 'wasm-unsafe-eval' only where the frontmatter says `webAssembly: true`, and no
 * `securitypolicyviolation` while every island hydrates). This spec covers the parts that
 * compile or spawn things: a search query (Pagefind compiles WebAssembly in its own worker, so no
 * page needs 'wasm-unsafe-eval' for it), the model on pronounce/ (onnxruntime-web), and the
 * training workers. The fixtures also fail a test on any console error, which is where Chromium
 * reports violations inside workers. It also reads back the nginx map the build writes
 * (nginx-csp.conf, src/integrations/csp/nginx.ts), checks it against every page's <meta>, and
 * repeats the search, the model and a worker with pages served with the header it gives them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { cspViolations, pagePolicy, watchCspViolations } from './csp-watch.ts';
import { ROOT_BUILD, SUB_BUILD } from './site-pages.ts';
import { NGINX_CSP_FILE, headerPolicy, pagePolicies, parseNginxMap, ruleFor } from '../../src/integrations/csp/nginx.ts';
import { WASM_SOURCE } from '../../src/integrations/csp/policy.ts';
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

/** The build a project serves (dist/ at /, dist-sub/ under /course/rnn/) and the rules of its nginx-csp.conf. */
function emittedMap(baseURL: string | undefined): { dir: string; base: string; rules: ReturnType<typeof parseNginxMap> } {
  const base = new URL(baseURL!).pathname;
  const dir = base === '/' ? ROOT_BUILD : SUB_BUILD;
  return { dir, base, rules: parseNginxMap(readFileSync(join(dir, NGINX_CSP_FILE), 'utf8')) };
}

test("the build's nginx-csp.conf sends every page the policy its <meta> carries @base", ({ baseURL }) => {
  const { dir, base, rules } = emittedMap(baseURL);
  const pages = pagePolicies(dir);
  expect(pages.size).toBeGreaterThan(20);
  for (const [path, meta] of pages) expect(ruleFor(rules, base + path)?.policy, `${base}${path}`).toBe(headerPolicy(meta));
  // The files that compile WebAssembly outside a page: Pagefind's worker and the training workers.
  const workers = readdirSync(join(dir, '_astro')).filter((name) => /\.worker-[^/]*\.js$/.test(name));
  expect(workers.length).toBeGreaterThan(0);
  for (const uri of [`${base}pagefind/pagefind-worker.js`, ...workers.map((name) => `${base}_astro/${name}`)]) {
    expect(ruleFor(rules, uri)?.policy, uri).toContain(WASM_SOURCE);
  }
  expect(ruleFor(rules, `${base}_astro/not-a-worker.js`)?.policy).not.toContain(WASM_SOURCE);
});

test.describe("served with the headers of the build's nginx-csp.conf", () => {
  /** Sends each page with the header the emitted nginx map would send for its path. */
  test.beforeEach(async ({ page, baseURL }) => {
    const { rules } = emittedMap(baseURL);
    // Pages only: Playwright cannot reliably intercept a dedicated worker's script in Chromium (the
    // request stalls), so workers load as under a <meta>-only host; the pagefind/ and worker rules
    // of the map are not exercised here.
    await page.route((url) => url.pathname.endsWith('/'), async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      const rule = ruleFor(rules, path);
      if (rule === null) throw new Error(`${NGINX_CSP_FILE} has no rule for ${path}`);
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
