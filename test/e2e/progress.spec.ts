/**
 * Reading progress: exercises solved and chapters read are kept in localStorage and shown under
 * the sidebar; Export, Import and Reset; a corrupted or tampered file changes nothing; storage
 * that refuses writes does not break the page; nothing leaves the browser.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const CHAPTER = 'serial-vs-parallel/';
const KEY = 'unrolled.progress.v1';

const panel = (page: Page): Locator => page.locator('[data-unrolled-progress]');
const summary = (page: Page): Locator => panel(page).locator('[data-progress="summary"]');
const sidebarLink = (page: Page, slug: string): Locator => page.locator(`#starlight__sidebar a[href$="/${slug}/"]`);
const marks = (page: Page, slug: string): Locator => sidebarLink(page, slug).locator('.unrolled-progress-marks');
const stored = (page: Page): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), KEY);

/** Answer the `index`-th exercise (0-based) of the page with `answer` and wait for the verdict. */
async function solve(page: Page, index: number, answer: string, verdict: 'correct' | 'incorrect' = 'correct'): Promise<void> {
  const exercise = page.locator('.unrolled-exercise').nth(index);
  await exercise.scrollIntoViewIfNeeded();
  // The exercise is a client:visible island: wait until it has hydrated.
  await expect(page.locator('astro-island[ssr]').filter({ has: exercise })).toHaveCount(0, { timeout: 30_000 });
  await exercise.getByRole('textbox').fill(answer);
  await exercise.locator('button[type="submit"]').click();
  await expect(exercise.locator('.verdict')).toHaveClass(new RegExp(`(^|\\s)${verdict}(\\s|$)`));
}

/** Record every request a context makes: progress must never send anything anywhere. */
function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (request) => seen.push(`${request.method()} ${request.url()}`));
  return seen;
}

/** Every recorded request is a GET to the site's own origin (or a blob: download). */
function expectOnlyOwnGets(requests: readonly string[], baseURL: string): void {
  const origin = new URL(baseURL).origin;
  const foreign = requests.filter((line) => {
    const [method, url] = line.split(' ');
    return !(method === 'GET' && (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')));
  });
  expect(foreign, 'requests other than GETs to the site itself').toEqual([]);
}

/** Export the page's progress through the Export button; the file's text. */
async function exportProgress(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('unrolled-progress.json');
  await expect(panel(page).getByRole('status').last()).toHaveText('Progress saved to unrolled-progress.json.');
  return readFile((await file.path())!, 'utf8');
}

/** Import `text` through the Import button's file chooser. */
async function importProgress(page: Page, text: string, name = 'unrolled-progress.json'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await panel(page).getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test.describe('reading progress', () => {
  // Each test loads a chapter and hydrates an exercise, often twice: on a loaded 2-core machine that
  // takes most of the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('a solved exercise shows in the sidebar and survives a reload; nothing is sent', async ({ page, context, baseURL }) => {
    const requests = recordRequests(context);
    await page.goto(CHAPTER);
    await expect(panel(page)).toBeVisible();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 0 exercises solved');
    await expect(marks(page, 'serial-vs-parallel')).toHaveCount(0);

    await solve(page, 1, '16', 'incorrect');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 0 exercises solved');
    await solve(page, 1, '7 + 6 + 4');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    await expect(marks(page, 'serial-vs-parallel')).toHaveText('1 ex. (1 exercise solved)');
    await expect(sidebarLink(page, 'serial-vs-parallel')).toHaveAccessibleName(/Why RNNs are serial \(1 exercise solved\)/);

    // Checking the same exercise again does not count it twice.
    await page.locator('.unrolled-exercise').nth(1).locator('button[type="submit"]').click();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');

    await page.reload();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    await expect(marks(page, 'serial-vs-parallel')).toHaveText('1 ex. (1 exercise solved)');
    // Shown on every page, not only the chapter's own.
    await page.goto('notation/');
    await expect(marks(page, 'serial-vs-parallel')).toHaveText('1 ex. (1 exercise solved)');
    expect(JSON.parse((await stored(page))!).solved).toEqual({ 'serial-vs-parallel': { '2': expect.any(String) } });
    expectOnlyOwnGets(requests, baseURL!);
  });

  test("a chapter's own exercise widget counts too: the shape exercise, once both shapes are right", async ({ page }) => {
    await page.goto('forward-pass/');
    const exercise = page.locator('.shape-exercise');
    await exercise.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]').filter({ has: exercise })).toHaveCount(0, { timeout: 30_000 });
    await exercise.getByLabel('output.shape').fill('[7, 3, 32]');
    await exercise.getByLabel('h_n.shape').fill('[2, 3, 16]');
    await exercise.locator('button[type="submit"]').click();
    await expect(exercise.locator('[data-verdict="output"]')).toHaveClass(/(^|\s)correct(\s|$)/);
    await expect(exercise.locator('[data-verdict="hN"]')).toHaveClass(/incorrect/);
    await expect(summary(page), 'half right is not solved').toHaveText('0 of 11 chapters read · 0 exercises solved');
    await exercise.getByLabel('h_n.shape').fill('[4, 3, 16]');
    await exercise.locator('button[type="submit"]').click();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    expect(JSON.parse((await stored(page))!).solved).toEqual({ 'forward-pass': { '1': expect.any(String) } });
  });

  test('reaching the end of a chapter marks it read', async ({ page }) => {
    await page.goto(CHAPTER);
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 0 exercises solved');
    await page.locator('.unrolled-exercise').first().scrollIntoViewIfNeeded();
    await expect(summary(page), 'the middle of the chapter is not its end').toHaveText('0 of 11 chapters read · 0 exercises solved');

    await page.locator('.unrolled-progress-end').scrollIntoViewIfNeeded();
    await expect(summary(page)).toHaveText('1 of 11 chapters read · 0 exercises solved');
    await expect(panel(page).getByRole('status').last()).toHaveText('You reached the end: this chapter is marked as read.');
    await expect(marks(page, 'serial-vs-parallel')).toHaveText('✓ (read)');
    await expect(marks(page, 'bptt')).toHaveCount(0);

    await page.goto('notation/');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(summary(page), 'a page that is not a chapter is not counted').toHaveText('1 of 11 chapters read · 0 exercises solved');
  });

  test('the Chinese edition counts for the same chapter', async ({ page }) => {
    await page.goto(`zh-cn/${CHAPTER}`);
    await expect(summary(page)).toHaveText('已读 0/11 章 · 已完成 0 道练习');
    await solve(page, 0, '10');
    await expect(summary(page)).toHaveText('已读 0/11 章 · 已完成 1 道练习');
    await expect(marks(page, 'serial-vs-parallel')).toHaveText('1 题（已完成 1 道练习）');
    await page.goto(CHAPTER);
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    expect(JSON.parse((await stored(page))!).solved).toEqual({ 'serial-vs-parallel': { '1': expect.any(String) } });
  });

  test('export, then import into a fresh browser, restores the progress', async ({ page, browser, baseURL }) => {
    await page.goto(CHAPTER);
    await solve(page, 0, '10');
    await page.locator('.unrolled-progress-end').scrollIntoViewIfNeeded();
    await expect(summary(page)).toHaveText('1 of 11 chapters read · 1 exercise solved');
    const file = await exportProgress(page);
    expect(JSON.parse(file)).toMatchObject({ format: 'unrolled-progress', version: 1, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });

    const fresh = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const requests = recordRequests(fresh);
    try {
      const other = await fresh.newPage();
      await other.goto('notation/');
      await expect(summary(other)).toHaveText('0 of 11 chapters read · 0 exercises solved');
      await importProgress(other, file);
      await expect(panel(other).getByRole('status').last()).toHaveText(
        "Progress imported and merged with this browser's: 1 chapters read, 1 exercises solved.",
      );
      await expect(summary(other)).toHaveText('1 of 11 chapters read · 1 exercise solved');
      await expect(marks(other, 'serial-vs-parallel')).toHaveText('✓ (read)1 ex. (1 exercise solved)');
      await other.reload();
      await expect(summary(other)).toHaveText('1 of 11 chapters read · 1 exercise solved');
      expect(JSON.parse((await stored(other))!)).toEqual(JSON.parse((await stored(page))!));
    } finally {
      await fresh.close();
    }
    expectOnlyOwnGets(requests, baseURL!);
  });

  test('a corrupted or tampered file names the problem and changes nothing', async ({ page }) => {
    await page.goto(CHAPTER);
    await solve(page, 0, '10');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    const good = await exportProgress(page);
    const before = await stored(page);
    const alert = panel(page).getByRole('alert');

    const cases: Array<[string, string, RegExp]> = [
      ['corrupted (cut short)', good.slice(0, 60), /not JSON/],
      ['not a progress file', '{"name": "my-package", "version": "1.0.0"}', /not an Unrolled progress file/],
      ['tampered (a chapter added by hand)', good.replace('"read": {}', '"read": { "bptt": "2026-12-01T10:00:00.000Z" }'), /changed after it was exported/],
    ];
    for (const [what, text, message] of cases) {
      expect(text, `${what}: the test edit took effect`).not.toBe(good);
      await importProgress(page, text);
      await expect(alert, what).toHaveText(message);
      await expect(alert, what).toContainText('Your progress was not changed.');
      await expect(summary(page), what).toHaveText('0 of 11 chapters read · 1 exercise solved');
      expect(await stored(page), what).toBe(before);
    }
    // A good file afterwards clears the alert.
    await importProgress(page, good);
    await expect(alert).toHaveText('');
    await expect(panel(page).getByRole('status').last()).toContainText('Progress imported');
  });

  test('reset asks first, then clears everything', async ({ page }) => {
    await page.goto(CHAPTER);
    await solve(page, 0, '10');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
    const reset = panel(page).getByRole('button', { name: 'Reset' });

    await reset.click();
    const question = panel(page).getByRole('group', { name: 'Erase all progress in this browser?' });
    await expect(question).toBeVisible();
    await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toBeHidden();
    await expect(reset).toBeFocused();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');

    await reset.click();
    await question.getByRole('button', { name: 'Yes, erase' }).click();
    await expect(panel(page).getByRole('status').last()).toHaveText('Progress erased.');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 0 exercises solved');
    await expect(marks(page, 'serial-vs-parallel')).toHaveCount(0);
    expect(await stored(page)).toBeNull();
    await page.reload();
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 0 exercises solved');
  });

  test('storage that refuses writes does not break the page: it says progress cannot be saved', async ({ page }) => {
    // Every write of the course's progress fails, as in a private mode with no quota (other
    // writes still work, so Starlight's own theme setting is not what is tested here).
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('unrolled.progress')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto(CHAPTER);
    await expect(panel(page).locator('[data-progress="warning"]')).toHaveText(/Progress can't be saved in this browser/);
    await solve(page, 0, '10');
    await expect(summary(page)).toHaveText('0 of 11 chapters read · 1 exercise solved');
  });

  test('the panel works at 390 px, inside the mobile menu, with targets of at least 24 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(CHAPTER);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(panel(page)).toBeVisible();
    for (const button of await panel(page).getByRole('button').all()) {
      if (!(await button.isVisible())) continue;
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390);
  });
});
