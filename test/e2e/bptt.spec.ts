/**
 * Chapter 7, backpropagation through time, in a real browser. Expected numbers come from the widgets' own pure
 * logic (src/components/BpttGradients), which runs lib/ and is unit-tested against lib's Jacobian products and
 * a PyTorch fixture (test/src/components/BpttGradients).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { formatNumber } from '../../src/kit/format.ts';
import { gradientView } from '../../src/components/BpttGradients/gradient-view.ts';
import { readSettings } from '../../src/components/BpttGradients/page-settings.ts';

const SLUG = 'bptt/';
const map = (page: Page) => page.locator('.gradient-map');
const caption = (page: Page) => map(page).locator('[data-caption]');
const number = (page: Page, name: string) => map(page).locator(`[data-number="${name}"]`);
const rhoSlider = (page: Page) => page.getByRole('slider', { name: 'Spectral radius ρ of W_hh (log scale)' }).first();

/** ‖∂L_T/∂h_1‖ as the widget prints it, for page values. */
function firstNorm(values: Record<string, string | number>): string {
  return formatNumber(gradientView(readSettings(values)).firstStepNorm);
}

test.describe('BPTT chapter', () => {
  test('renders the defaults from the server: the map, the eigenvalues, the tiny RNN', async ({ page }) => {
    await page.goto(SLUG);
    await expect(caption(page)).toContainText('ρ = 0.9, T = 40, H = 16, f = tanh, seed 1');
    await expect(number(page, 'first')).toHaveText(firstNorm({}));
    await expect(number(page, 'norm')).toHaveText('1.43851');
    await expect(map(page).locator('svg rect:not(pattern rect)')).toHaveCount(820);
    await expect(page.locator('.eigen-plane [data-eigen="outside"]')).toHaveText('0 of 16 eigenvalues lie outside the unit circle.');
    await expect(page.locator('.tiny-rnn [data-verdict]')).toContainText('from 0.729891 to 0.0541345');
  });

  test('sliders, choices and the map itself answer the keyboard', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await rhoSlider(page).focus();
    await page.keyboard.press('End'); // ρ = 10
    await expect(caption(page)).toContainText('ρ = 10,');
    await expect(number(page, 'first')).toHaveText(firstNorm({ rho: 10 }));
    await expect(page.locator('.eigen-plane [data-eigen="rho"]')).toHaveText('10');
    await expect(page.locator('.eigen-plane [data-eigen="outside"]')).toHaveText('16 of 16 eigenvalues lie outside the unit circle.');

    await page.getByRole('radio', { name: 'ReLU' }).focus();
    await page.keyboard.press('ArrowRight'); // ReLU → linear
    await expect(page.getByRole('radio', { name: 'linear' })).toBeChecked();
    await page.getByRole('slider', { name: 'Sequence length T' }).focus();
    await page.keyboard.press('Home'); // T = 2
    await expect(caption(page)).toContainText('T = 2, H = 16, f = linear');
    await expect(number(page, 'first')).toHaveText(firstNorm({ rho: 10, act: 'linear', T: 2 }));

    const grid = map(page).getByRole('group');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(map(page).locator('[data-readout]')).toContainText('t = 2, k = 1 (1 steps back)');
    await expect(page.locator('.gradient-code code')).toContainText('T, H, D, rho = 2, 16, 3, 10');

    await page.getByRole('slider', { name: 'Learning rate α' }).focus();
    await page.keyboard.press('ArrowRight'); // α = 0.55
    await expect(page.locator('.tiny-rnn [data-line="newLoss"]')).toContainText('α = 0.55');
  });

  test('the URL keeps the settings for a new page; garbage in the URL keeps the defaults', { tag: '@base' }, async ({ page, context }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await page.getByRole('spinbutton', { name: 'Spectral radius ρ (type a value)' }).fill('1.2');
    await page.getByRole('radio', { name: 'linear' }).check();
    await page.getByRole('spinbutton', { name: 'Sequence length T (type a value)' }).fill('75');
    await expect(page).toHaveURL(/T=75/);
    const values = { rho: 1.2, act: 'linear', T: 75 };
    await expect(number(page, 'first')).toHaveText(firstNorm(values));

    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateIslands(second);
    await expect(second.getByRole('radio', { name: 'linear' })).toBeChecked();
    await expect(number(second, 'first')).toHaveText(firstNorm(values));
    await expect(map(second).locator('[data-note]').first()).toContainText('The map shows the last 60 steps (t, k from 16 to 75)');

    await second.goto(`${SLUG}?rho=banana&T=-3&H=1e9&act=softmax&seed=0.5&fx=%00&alpha=7`);
    await hydrateIslands(second);
    await expect(caption(second)).toContainText('ρ = 0.9, T = 40, H = 16, f = tanh, seed 1');
    await expect(number(second, 'first')).toHaveText(firstNorm({}));
    await expect(second.locator('.tiny-rnn [data-line="newLoss"]')).toContainText('α = 0.5');
  });

  test('overflow, a broken formula and bad typing show inline messages, never NaN', async ({ page }) => {
    await page.goto(`${SLUG}?act=linear&rho=10&T=1000`);
    await hydrateIslands(page);
    const notes = map(page).locator('[data-note]');
    await expect(notes.nth(1)).toContainText("The hidden state passed float64's largest number (about 1.8e308) at step 310");
    await expect(notes.nth(2)).toContainText('From step k = 691 back (309 steps before T = 1000), ‖∂L_T/∂h_k‖ is beyond float64');
    await expect(number(page, 'first')).toHaveText('not finite');
    await expect(map(page)).not.toContainText('NaN');

    await page.getByRole('radio', { name: 'yours' }).check();
    const field = page.getByRole('textbox', { name: 'Your f(a), used when f = yours' });
    await field.fill('exp(a)*1e300');
    await expect(notes.filter({ hasText: 'The forward pass broke' })).toContainText('The forward pass broke at step 1: your f at a =');
    await field.fill('a +');
    await expect(map(page).locator('[data-formula-error]')).toContainText('Cannot read the formula');
    await expect(map(page).locator('svg')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)

    const rho = page.getByRole('spinbutton', { name: 'Spectral radius ρ (type a value)' });
    await rho.fill('abc');
    await expect(rho).toHaveAttribute('aria-invalid', 'true');
  });

  test('heavy settings compute in a worker, and finish', { tag: '@base' }, async ({ page }) => {
    await page.goto(`${SLUG}?T=1000&H=32`);
    await hydrateIslands(page);
    await expect(caption(page)).toContainText('T = 1000, H = 32, f = tanh');
    await expect(map(page).locator('[data-note]').first()).toContainText('The map shows the last 60 steps (t, k from 941 to 1000)');
    await expect(map(page).locator('[data-progress]')).toHaveCount(0);
    await expect(number(page, 'first')).toHaveText(firstNorm({ T: 1000, H: 32 }));
  });

  test('a background computation shows progress and stops on request; the page stays usable', async ({ page, context }) => {
    // Hold the worker's script back, so that the job is certainly still running when Stop is pressed.
    let held = 0;
    await context.route(/gradient\.worker-[^/]*\.js/, async (route) => {
      held++;
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await route.continue().catch(() => {}); // the page may have moved on
    });
    await page.goto(SLUG);
    await hydrateIslands(page);
    await page.getByRole('spinbutton', { name: 'Sequence length T (type a value)' }).fill('1000');
    const progress = map(page).locator('[data-progress]');
    await expect(progress).toContainText('Computing T = 1000');
    await expect(caption(page)).toContainText('T = 40'); // the last finished map stays until the new one is ready
    await progress.getByRole('button', { name: 'Stop' }).click();
    await expect(map(page).locator('[data-stopped]')).toContainText('Stopped.');
    await expect(progress).toHaveCount(0);
    // The page still answers: a light setting computes at once.
    await page.getByRole('spinbutton', { name: 'Sequence length T (type a value)' }).fill('20');
    await expect(caption(page)).toContainText('T = 20, H = 16, f = tanh');
    expect(held, 'the worker script was requested (and held back)').toBeGreaterThan(0);
  });

  test('the exercises check answers at once', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const first = page.locator('.unrolled-exercise').first();
    const answer = first.getByRole('textbox');
    await answer.fill('0.5*10');
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.locator('.verdict')).toHaveText(/Not quite/);
    await answer.fill('0.5^10');
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.locator('.verdict')).toHaveText(/Correct/);

    const second = page.locator('.unrolled-exercise').nth(1);
    await second.getByRole('textbox').fill('0.84');
    await second.getByRole('button', { name: 'Check' }).click();
    await expect(second.locator('.verdict')).toHaveText(/Correct/);
  });

  test('Copy puts the PyTorch block on the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto(`${SLUG}?seed=7&act=ReLU`);
    await hydrateIslands(page);
    const block = page.locator('.gradient-code');
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('torch.manual_seed(7)');
    expect(copied).toContain('f = torch.relu');
    expect(copied).toBe(await block.locator('code').innerText());
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('bptt-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});
