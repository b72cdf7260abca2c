/**
 * Offline reading: the Workbox service worker (src/integrations/service-worker.ts) and the
 * sidebar's offline panel (src/components/Site/OfflinePanel.astro). Each test gets a fresh browser
 * context, so the worker installs from scratch: visit online, wait until the panel says the page
 * is stored, turn the network off with `context.setOffline(true)`, and load pages again. The
 * page guard in fixtures.ts fails a test on any failed same-origin request or console error, so
 * "renders offline" means nothing the page needed was missing.
 *
 * playwright.config.ts blocks service workers for every other spec; this one allows them.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { sitePages } from './site-pages.ts';

// No trace: recording every response body (44 MB for the whole course, through the worker and again
// from it) slows the browser so much that storing the course stalls.
test.use({ serviceWorkers: 'allow', trace: 'off' });
// One after another: each test downloads the model runtime (27 MB) and compiles it; in parallel they starve a small machine.
test.describe.configure({ mode: 'default' });

const panel = (page: Page) => page.locator('[data-offline-panel]');
const title = (page: Page) => page.locator('h1#_top');

/** Waits until the worker controls the page and the panel has stored this page and what it loaded. */
async function expectStored(page: Page): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-page-offline', 'yes', { timeout: 30_000 });
  await expect(panel(page).locator('[data-page-status]')).toHaveText('This page is available offline.');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The English chapters and reference pages (every built page but the Chinese edition and 404). */
const englishPages = () => sitePages().filter((sitePage) => !sitePage.path.startsWith('zh-cn/') && sitePage.source);

/** Hydrates every island, allowing for a slow machine (the authoring guide alone takes over 30 s there). */
async function hydrateAll(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await hydrateIslands(page);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

test('every chapter, visited once online, reloads offline with its widgets working', async ({ page, context }) => {
  const pages = englishPages();
  test.setTimeout(60_000 + 60_000 * pages.length);
  const titles = new Map<string, string>();
  for (const sitePage of pages) {
    await page.goto(sitePage.path || './');
    await hydrateAll(page); // widgets fetch their modules, samples and models once visible
    await expectStored(page);
    titles.set(sitePage.path, (await title(page).innerText()).trim());
  }
  await context.setOffline(true);
  for (const sitePage of pages) {
    await page.goto(sitePage.path || './');
    await expect(title(page), sitePage.name).toHaveText(titles.get(sitePage.path)!);
    await expect(page.locator('main .sl-markdown-content')).not.toBeEmpty();
    await hydrateAll(page);
    await expect(panel(page)).toHaveAttribute('data-page-offline', 'yes');
  }
});

test('"Make the whole course available offline" reaches 100%, then unvisited pages and search work offline', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expectStored(page);
  const button = panel(page).getByRole('button', { name: 'Make the whole course available offline' });
  await button.click();
  const progress = panel(page).locator('progress');
  await expect(progress).toBeVisible();
  await expect(panel(page)).toHaveAttribute('data-course-state', 'done', { timeout: 200_000 });
  const { value, max } = await progress.evaluate((element: HTMLProgressElement) => ({ value: element.value, max: element.max }));
  expect(max).toBeGreaterThan(1_000_000);
  expect(value).toBe(max);
  await expect(panel(page).locator('[data-course-status]')).toHaveText(/^The whole course is available offline: \d+ files, [\d.]+ MB\.$/);
  await expect(panel(page).locator('[data-course-status]')).toHaveAttribute('role', 'status');

  await context.setOffline(true);
  for (const path of ['zh-cn/gating/', 'train-in-browser/?steps=5', 'zh-cn/']) {
    await page.goto(path);
    await expect(title(page)).not.toBeEmpty();
    await hydrateAll(page);
  }
  await expect(panel(page).locator('[data-page-status]')).toHaveText('本页已可离线阅读。');
  // Search: Pagefind's script, index and fragments come from the stored course.
  await page.goto('bptt/');
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input').first().fill('gradient');
  await expect(page.locator('site-search dialog a.pagefind-ui__result-link').first()).toBeVisible();
});

test('the model page runs its model offline after one visit', async ({ page, context }) => {
  test.setTimeout(180_000);
  const word = page.locator('.pronounce-word');
  const field = page.getByRole('group', { name: 'Your word' }).getByLabel('Your word');
  await page.goto('pronounce/');
  await word.scrollIntoViewIfNeeded(); // the widget hydrates when visible
  await expect(word).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await field.fill('colonel');
  const online = (await word.locator('[data-phonemes]').innerText()).trim();
  expect(online.length).toBeGreaterThan(0);
  await expectStored(page);

  await context.setOffline(true);
  await page.goto('pronounce/');
  await word.scrollIntoViewIfNeeded();
  await expect(word).toHaveAttribute('data-phase', 'ready', { timeout: 90_000 });
  await field.fill('colonel');
  await expect(word.locator('[data-phonemes]')).toHaveText(online);
});

test.describe('when the browser refuses the service worker', () => {
  // As a blocking policy or privacy setting would (and as every other spec's browser does).
  test.use({ serviceWorkers: 'block' });

  test('the panel says offline reading is unavailable, and the page works without an error', async ({ page }) => {
    await page.goto('parameters/');
    const panel = page.locator('[data-offline-panel]');
    await expect(panel).toHaveAttribute('data-page-offline', 'unavailable');
    await expect(panel.locator('[data-page-status]')).toHaveText(/the browser did not start the offline worker/);
    await expect(panel.getByRole('button', { name: 'Make the whole course available offline' })).toBeDisabled();
  });
});
