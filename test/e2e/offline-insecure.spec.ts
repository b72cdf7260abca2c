/**
 * A plain-HTTP classroom host: the site is opened as http://unrolled.test:<port>/ (Chromium maps
 * the name to 127.0.0.1), which is not a secure context, so the browser offers no service worker
 * and no crypto.subtle. The course must still work online, the model page included (model files
 * are then verified with @noble/hashes), and the offline panel must say why offline reading is
 * unavailable.
 */
import type { Page } from '@playwright/test';
import { test as secureTest, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

const HOST = 'unrolled.test';

const test = secureTest.extend({
  // The project's URL with the classroom host name: the page guard then treats it as the site's origin.
  baseURL: async ({ baseURL }, use) => {
    const url = new URL(baseURL!);
    url.hostname = HOST;
    await use(url.href);
  },
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    },
    { scope: 'worker' },
  ],
});

test.use({ serviceWorkers: 'allow', trace: 'off' }); // tracing every response body slows the browser badly

const panel = (page: Page) => page.locator('[data-offline-panel]');

test('the page is not a secure context: no service worker, no crypto.subtle', async ({ page }) => {
  await page.goto('./');
  expect(new URL(page.url()).hostname).toBe(HOST);
  const context = await page.evaluate(() => ({
    secure: window.isSecureContext,
    serviceWorker: 'serviceWorker' in navigator,
    subtle: typeof crypto.subtle,
  }));
  expect(context).toEqual({ secure: false, serviceWorker: false, subtle: 'undefined' });
});

test('the offline panel says why offline reading is unavailable, in both languages', async ({ page }) => {
  await page.goto('parameters/');
  await expect(panel(page)).toHaveAttribute('data-page-offline', 'unavailable');
  await expect(panel(page).locator('[data-page-status]')).toHaveText(
    'Offline reading is unavailable here: it needs a secure connection (HTTPS, or localhost). The course works online as usual.',
  );
  await expect(panel(page).getByRole('button', { name: 'Make the whole course available offline' })).toBeDisabled();
  await page.goto('zh-cn/parameters/');
  await expect(panel(page).locator('[data-page-status]')).toContainText('需要安全连接（HTTPS 或 localhost）');
});

test('chapters and their widgets work online', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['parameters/', 'training/', 'zh-cn/text-to-vectors/']) {
    await page.goto(path);
    await expect(page.locator('h1#_top')).not.toBeEmpty();
    await hydrateIslands(page);
  }
});

test('the model page loads and runs its model (hashes checked without crypto.subtle)', async ({ page }) => {
  test.setTimeout(150_000);
  const word = page.locator('.pronounce-word');
  await page.goto('pronounce/');
  await word.scrollIntoViewIfNeeded(); // the widget hydrates when visible
  await expect(word).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await page.getByRole('group', { name: 'Your word' }).getByLabel('Your word').fill('cat');
  await expect(word.locator('[data-phonemes]')).toHaveText(/\S/);
});
