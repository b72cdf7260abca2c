/**
 * Print: with the print medium emulated, the site chrome is hidden, the page prints light even in
 * dark mode, and every widget carries a visible caption "Figure N — name · This state: URL" whose
 * URL reopens the page in the state it shows (src/components/Print/print-captions.ts, src/styles/print.css).
 */
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { stateUrl } from './page-checks.ts';

test.describe('print', () => {
  test('moving a slider changes the caption URL, and that URL restores the state', async ({ page, context }) => {
    test.setTimeout(300_000); // every island on the page hydrates first, twice
    await page.goto('parameters/');
    await hydrateIslands(page);
    const caption = page.locator('.unrolled-print-caption').first();
    await page.emulateMedia({ media: 'print' });
    await expect(caption).toBeVisible();
    await expect(caption).toContainText('Figure 1 — ');
    await expect(caption.locator('a')).toHaveAttribute('href', await stateUrl(page));

    await page.emulateMedia({ media: 'screen' });
    const slider = page.getByRole('slider', { name: 'Hidden size D_h' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('129');
    await expect(page).toHaveURL(/[?&]H=129\b/);
    await page.emulateMedia({ media: 'print' });
    const printed = await caption.locator('a').getAttribute('href');
    expect(printed).toMatch(/[?&]H=129\b/);
    expect(printed).toBe(await stateUrl(page));
    await expect(caption).toContainText(printed!);

    const reopened = await context.newPage();
    await reopened.goto(printed!);
    await hydrateIslands(reopened);
    await expect(reopened.getByRole('slider', { name: 'Hidden size D_h' })).toHaveValue('129');
    await expect(reopened.locator('[data-shape="W"]')).toHaveText('129 × 129');
  });

  test('a change made just before printing is in the caption (the URL write is flushed on beforeprint)', async ({ page }) => {
    test.setTimeout(180_000); // every island on the page hydrates first
    await page.goto('parameters/');
    await hydrateIslands(page);
    const slider = page.getByRole('slider', { name: 'Hidden size D_h' });
    await slider.focus();
    // Several quick presses: the URL is written at most every 300 ms, so the last one is pending.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('132');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.unrolled-print-caption a').first()).toHaveAttribute('href', /[?&]H=132\b/);
  });

  test('dark mode prints dark text on white', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('parameters/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colors = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('.sl-markdown-content p')!).color,
    }));
    const channels = (css: string) => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    expect(channels(colors.body).every((c) => c >= 250), `background ${colors.body}`).toBe(true);
    expect(channels(colors.text).every((c) => c <= 90), `text ${colors.text}`).toBe(true);
  });

  test('captions and link addresses in the Chinese edition', async ({ page }) => {
    await page.goto('zh-cn/parameters/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.unrolled-print-caption').first()).toContainText(/^图 1 — .+ · 此状态：/);
  });

  test('a link to another page prints its address', async ({ page }) => {
    await page.goto('parameters/');
    await page.emulateMedia({ media: 'print' });
    const link = page.locator('.sl-markdown-content a[href="../notation/"]').first();
    const address = new URL('../notation/', await stateUrl(page)).href;
    await expect(link).toHaveAttribute('data-print-url', address);
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(address);
  });
});
