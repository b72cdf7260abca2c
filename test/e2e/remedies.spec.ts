/**
 * Chapter 8, remedies, in a real browser. Expected numbers come from the widgets' own pure logic
 * (src/components/Remedies), which runs lib/ and is unit-tested against lib (and, through lib, PyTorch).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { DEFAULT_CLIP_SETTINGS } from '../../src/components/Remedies/clip-settings.ts';
import { firstGradient, trainingRun } from '../../src/components/Remedies/clip-training.ts';
import { formatShort } from '../../src/components/Remedies/format.ts';
import { DEFAULT_INIT, runScheme } from '../../src/components/Remedies/init-compare.ts';
import { DEFAULT_TRUNCATION, truncationView } from '../../src/components/Remedies/truncation.ts';

const SLUG = 'remedies/';
const clip = (page: Page) => page.locator('.clip-lab');
const readout = (page: Page, name: string) => page.locator(`[data-readout="${name}"]`);
const initCell = (page: Page, scheme: string, cell: string) => page.locator(`.init-compare tr[data-scheme="${scheme}"] td[data-cell="${cell}"]`);

test.describe('remedies chapter', () => {
  test('renders every widget’s default state from the server', async ({ page }) => {
    await page.goto(SLUG);
    const first = firstGradient(DEFAULT_CLIP_SETTINGS)!;
    await expect(readout(page, 'raw-norm')).toHaveText(formatShort(first.rawNorm));
    await expect(readout(page, 'clipped-norm')).toHaveText(formatShort(first.clippedNorm));
    await expect(page.locator('[data-run="none"] [data-run-failure]')).toContainText(trainingRun(DEFAULT_CLIP_SETTINGS, 'none').failure!.message);
    await expect(page.locator('.truncation tbody tr')).toHaveCount(truncationView(DEFAULT_TRUNCATION).rows.length);
    await expect(readout(page, 'longest')).toHaveText('7');
    await expect(initCell(page, 'orthogonal', 'rho')).toHaveText('1');
    await expect(initCell(page, 'default', 'g1')).toHaveText(formatShort(runScheme('default', DEFAULT_INIT).gradNorms[0]!));
  });

  test('the clipping widget reacts to the keyboard: mode, max_norm; the PyTorch block follows', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const maxNorm = page.getByRole('slider', { name: 'max_norm c' });
    await maxNorm.focus();
    await page.keyboard.press('ArrowRight'); // 1 → 1.1
    await expect(readout(page, 'clipped-norm')).toHaveText(formatShort(firstGradient({ ...DEFAULT_CLIP_SETTINGS, maxNorm: 1.1 })!.clippedNorm));
    await expect(page.locator('.clip-pytorch code')).toContainText('max_norm=1.1)');

    await page.getByRole('radio', { name: 'norm' }).focus();
    await page.keyboard.press('ArrowRight'); // norm → value
    await expect(clip(page)).toHaveAttribute('data-mode', 'value');
    const value = firstGradient({ ...DEFAULT_CLIP_SETTINGS, maxNorm: 1.1, mode: 'value' })!;
    await expect(readout(page, 'clamped')).toHaveText(String(value.clampedCount));
    await expect(readout(page, 'cosine')).toHaveText(value.cosine.toFixed(4));
    await expect(page.locator('[data-run="value"]')).toContainText('all 25 steps ran');
    await expect(page.locator('.clip-pytorch code')).toContainText('clip_grad_value_(params, clip_value=0.1)');
  });

  test('the truncation widget reacts to the keyboard: k2 below d cuts the dependency', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await expect(readout(page, 'verdict')).toContainText('the same');
    const k2 = page.getByRole('slider', { name: 'k2 (steps backpropagated)' });
    await k2.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft'); // 8 → 5
    await expect(readout(page, 'longest')).toHaveText('4');
    await expect(readout(page, 'truncated')).toHaveText('0');
    await expect(readout(page, 'verdict')).toContainText('cannot be learned');
    const rows = truncationView({ ...DEFAULT_TRUNCATION, k2: 5 }).rows;
    await expect(page.locator('.truncation tbody tr').first()).toHaveAttribute('data-window-start', String(rows[0]!.windowStart));
    await expect(page.locator('.truncation tbody tr').nth(2)).toHaveAttribute('data-window-start', String(rows[2]!.windowStart));
  });

  test('the initialization widget reacts to the keyboard: ReLU, then a large gain overflows honestly', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await expect(page.locator('.init-compare code')).toContainText("kaiming_normal_(W, nonlinearity='tanh')");
    await page.getByRole('radio', { name: 'tanh' }).focus();
    await page.keyboard.press('ArrowRight'); // tanh → ReLU
    await expect(page.locator('.init-compare')).toHaveAttribute('data-activation', 'relu');
    await expect(page.locator('.init-compare code')).toContainText("kaiming_normal_(W, nonlinearity='relu')"); // the PyTorch call follows f
    await expect(initCell(page, 'identity', 'g1')).toHaveText('1');
    await expect(initCell(page, 'orthogonal', 'g1')).toHaveText(formatShort(runScheme('orthogonal', { ...DEFAULT_INIT, activation: 'relu' }).gradNorms[0]!));

    await page.getByRole('slider', { name: 'Gain γ' }).focus();
    await page.keyboard.press('End'); // γ = 3
    await page.getByRole('slider', { name: 'Sequence length T' }).focus();
    await page.keyboard.press('End'); // T = 1000: 3^1000 passes float64's 1.8e308
    await expect(page.locator('.init-compare [data-overflow="orthogonal"]')).toContainText('overflowed');
    await expect(initCell(page, 'orthogonal', 'g1')).toHaveText('overflow');
    await expect(page.locator('.init-compare')).not.toContainText('NaN');
  });

  test('bad input gets an inline message and never NaN', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const maxNorm = page.getByRole('slider', { name: 'max_norm c' });
    await maxNorm.focus();
    await page.keyboard.press('Home'); // 0
    await expect(page.locator('[data-clip-problem]')).toContainText('max_norm = 0 cannot be used');
    await page.keyboard.press('End'); // 10
    await expect(page.locator('[data-clip-problem]')).toHaveCount(0);

    const learningRate = page.getByRole('spinbutton', { name: 'Learning rate α' }).first();
    await learningRate.fill('banana');
    await expect(learningRate).toHaveAttribute('aria-invalid', 'true');
    await learningRate.fill('1');
    await expect(page.locator('[data-run="none"] [data-run-failure]')).toContainText('gradient norm overflowed (Infinity) at step 2');
    const rho = page.getByRole('slider', { name: 'Spectral radius ρ of W_hh' });
    await rho.focus();
    await page.keyboard.press('End'); // ρ = 10
    await expect(page.locator('[data-run="none"] [data-run-failure]')).toBeVisible();
    await expect(page.locator('.clip-lab')).not.toContainText('NaN');
    await expect(page.locator('.clip-runs')).not.toContainText('NaN');
  });

  test('the URL keeps the settings and restores them in a new page; garbage in the URL keeps the defaults', async ({ page, context }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await page.getByRole('radio', { name: 'value' }).check();
    await page.getByRole('slider', { name: 'k1 (steps between updates)' }).focus();
    await page.keyboard.press('ArrowRight'); // k1 = 5
    await page.getByRole('radio', { name: 'ReLU' }).check();
    await expect(page).toHaveURL(/act=ReLU/);
    await expect(page).toHaveURL(/k1=5/);
    const url = page.url();

    const second = await context.newPage();
    await second.goto(url);
    await hydrateIslands(second);
    await expect(second.getByRole('radio', { name: 'value' })).toBeChecked();
    await expect(clip(second)).toHaveAttribute('data-mode', 'value');
    await expect(second.locator('.truncation tbody tr')).toHaveCount(truncationView({ ...DEFAULT_TRUNCATION, k1: 5 }).rows.length);
    await expect(second.locator('.init-compare')).toHaveAttribute('data-activation', 'relu');

    await second.goto(`${SLUG}?mode=banana&maxnorm=-5&k1=abc&k2=1e9&T=0&act=sigmoid&gain=NaN`);
    await hydrateIslands(second);
    await expect(clip(second)).toHaveAttribute('data-mode', 'norm');
    await expect(readout(second, 'raw-norm')).toHaveText(formatShort(firstGradient(DEFAULT_CLIP_SETTINGS)!.rawNorm));
    await expect(readout(second, 'longest')).toHaveText('7');
    await expect(second.locator('.init-compare')).toHaveAttribute('data-activation', 'tanh');
  });

  test('the exercises check answers at once', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const exercises = page.locator('.unrolled-exercise');
    const answer = async (index: number, text: string) => {
      const field = exercises.nth(index).getByLabel('Your answer');
      await field.fill(text);
      await field.press('Enter');
      return exercises.nth(index).locator('.verdict');
    };
    await expect(await answer(0, '5/50')).toContainText('Correct');
    await expect(await answer(1, '2')).toContainText('Not quite');
    await expect(await answer(1, 'sqrt(1+0.25+1)')).toContainText('Correct');
    await expect(await answer(2, '15')).toContainText('Correct');
  });

  test('the PyTorch block copies the script for the current settings', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const block = page.locator('.clip-pytorch');
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('nn.utils.clip_grad_norm_(params, max_norm=1.0)');
    expect(copied).toBe(await block.locator('code').innerText());
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('remedies-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});
