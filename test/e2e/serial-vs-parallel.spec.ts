/**
 * Chapter 5, "Why RNNs are serial", in a real browser. Reference numbers come from lib/scan.ts's cost
 * counts, checked by hand in test/src/components/SerialScan/: with the defaults (T = 16, D_h = 4) the loop
 * needs 16 rounds, 16 mat-vecs and 576 flops; the scan 4 rounds and Σ(16 − d), d = 1, 2, 4, 8, = 49
 * matrix products (8,036 flops). The round view at round 2 shows 14 combines, 29 so far, 4 of 16 finished.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

/**
 * Scroll to each selector's first match and wait until the island around it has hydrated. Cheaper than
 * hydrating the whole page, so the tests stay quick: each one wakes only the widgets it uses.
 */
async function hydrated(page: Page, ...selectors: string[]): Promise<void> {
  for (const selector of selectors) {
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    await expect(page.locator(`astro-island:not([ssr]) ${selector}`).first()).toBeAttached();
  }
}

const SLIDER = (name: string) => `.unrolled-slider[data-variable="${name}"]`;
const FIELD = (name: string) => `.unrolled-number-field[data-variable="${name}"]`;
const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`);
const code = (page: Page) => page.locator('.scan-pytorch code');
const lengthSlider = (page: Page) => page.getByRole('slider', { name: 'Sequence length T' }).first();
const lengthField = (page: Page) => page.getByRole('spinbutton', { name: 'Sequence length T' });

test.describe('why RNNs are serial', () => {
  test('shows the defaults without any interaction', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await expect(readout(page, 'loop-depth')).toHaveText('16');
    await expect(readout(page, 'scan-depth')).toHaveText('4');
    await expect(readout(page, 'scan-matmuls')).toHaveText('49');
    await expect(readout(page, 'loop-flops')).toHaveText('576');
    await expect(readout(page, 'scan-flops')).toHaveText('8,036');
    await expect(readout(page, 'flops-ratio')).toHaveText('14');
    await expect(readout(page, 'max-difference')).toHaveText(/^\d\.\d{3}e−1[67]$/);
    await expect(readout(page, 'round')).toHaveText('2');
    await expect(readout(page, 'depth')).toHaveText('4');
    await expect(readout(page, 'combines')).toHaveText('14');
    await expect(readout(page, 'finished')).toHaveText('4');
    await expect(readout(page, 'gap-step')).toHaveText('14');
    await expect(readout(page, 'gap-percent')).toHaveText('1.32%');
    await expect(readout(page, 'largest-linear')).toHaveText('0.131519');
    await expect(code(page)).toContainText('T, H, D = 16, 4, 2');
    await expect(page.locator('[data-readout="overflow"], [data-readout="gap-overflow"]')).toHaveCount(0);
  });

  test('the round slider steps through the scan by keyboard', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, SLIDER('r'), '.scan-rounds');
    const picture = page.locator('.scan-rounds svg');
    const round = page.getByRole('slider', { name: 'Round shown r' });
    await round.focus();
    await page.keyboard.press('ArrowRight'); // round 2 → 3: offset 4, 16 − 4 = 12 combines, 8 finished
    await expect(readout(page, 'round')).toHaveText('3');
    await expect(readout(page, 'combines')).toHaveText('12');
    await expect(readout(page, 'finished')).toHaveText('8');
    await expect(picture).toHaveAttribute('aria-label', /After round 3 of 4/);
    await page.keyboard.press('End'); // round 10: past the end, shows round 4
    await expect(readout(page, 'round')).toHaveText('4');
    await expect(readout(page, 'finished')).toHaveText('16');
    await expect(page.locator('.scan-rounds')).toContainText('The scan ends after round 4');
    await page.keyboard.press('Home');
    await expect(readout(page, 'round')).toHaveText('0');
    await expect(readout(page, 'finished')).toHaveText('1');
  });

  test('T drives the table, the depth plot and the PyTorch code', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, SLIDER('T'), FIELD('T'), '.scan-pytorch', '.scan-compare');
    const chart = page.locator('.scan-compare .unrolled-plot .chart');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg[aria-label]')).toBeVisible();
    const chartBefore = await chart.innerHTML();
    const slider = lengthSlider(page);
    await slider.focus();
    await page.keyboard.press('ArrowRight'); // T 16 → 17: ⌈log₂ 17⌉ = 5
    await expect(readout(page, 'loop-depth')).toHaveText('17');
    await expect(readout(page, 'scan-depth')).toHaveText('5');
    await expect(code(page)).toContainText('T, H, D = 17, 4, 2');
    await expect(code(page)).toContainText('# 17 and 5');
    await expect.poll(() => chart.innerHTML()).not.toBe(chartBefore); // the T marker moved
    await lengthField(page).fill('1000'); // the exercise: 10 rounds
    await expect(readout(page, 'scan-depth')).toHaveText('10');
    await expect(readout(page, 'loop-depth')).toHaveText('1,000');
  });

  test('larger inputs open the gap between the tanh RNN and the scan', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, '.scan-pytorch', SLIDER('scale'), '.nonlinear-gap');
    const chart = page.locator('.nonlinear-gap .unrolled-plot .chart').first();
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg[aria-label]')).toBeVisible();
    const chartBefore = await chart.innerHTML();
    await expect(page.locator('.nonlinear-gap')).toContainText('tanh is almost linear here');
    const scale = page.getByRole('slider', { name: 'Input scale s' });
    await scale.focus();
    await page.keyboard.press('End'); // s = 3
    await expect(readout(page, 'scale')).toHaveText('3');
    await expect(page.locator('.nonlinear-gap')).toContainText('tanh has bent the trajectory');
    expect(Number((await readout(page, 'gap-percent').textContent())!.replace('%', ''))).toBeGreaterThan(50);
    await expect.poll(() => chart.innerHTML()).not.toBe(chartBefore);
    await expect(code(page)).toContainText('scale = 3');
  });

  test('a spectral radius above 1 at the longest T gives an honest message, never NaN', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, '.scan-rounds', '.scan-pytorch', FIELD('T'), SLIDER('rho'), '.scan-compare', '.nonlinear-gap');
    await lengthField(page).fill('1024');
    const rho = page.getByRole('slider', { name: 'Spectral radius ρ of A' }).first();
    await rho.focus();
    await page.keyboard.press('End'); // ρ = 3
    await expect(readout(page, 'overflow')).toHaveText(/^Values exceeded 1e308 at step \d+/);
    await expect(readout(page, 'gap-overflow')).toHaveText(/^Values exceeded 1e308 at step \d+/);
    await expect(readout(page, 'plot-cut')).toHaveText(/^The plots stop at step \d+/);
    await expect(readout(page, 'scan-depth')).toHaveText('10');
    for (const widget of ['.scan-compare', '.nonlinear-gap', '.scan-rounds', '.scan-pytorch']) {
      await expect(page.locator(widget)).not.toContainText('NaN');
      await expect(page.locator(widget)).not.toContainText('∞');
    }
  });

  test('bad input in the number fields shows a message and changes nothing', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, '.scan-pytorch', FIELD('seed'), FIELD('T'), '.scan-compare');
    const field = lengthField(page);
    const urlBefore = page.url();
    for (const [text, message] of [
      ['abc', /not a number/],
      ['', /Enter a number/],
      ['5000', /above the maximum/],
      ['0', /below the minimum/],
      ['2.5', /whole number/],
    ] as const) {
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      await expect(page.locator(`[id="${describedBy[1]}"]`)).toHaveText(message);
      await expect(readout(page, 'loop-depth')).toHaveText('16');
      expect(page.url()).toBe(urlBefore);
    }
    const seed = page.getByRole('spinbutton', { name: 'Seed' });
    await seed.fill('1e999');
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(code(page)).toContainText('torch.manual_seed(1)');
  });

  test('URL state round-trips into a new page, and garbage in the URL leaves the defaults', async ({ page, context }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, SLIDER('r'), FIELD('T'), SLIDER('scale'));
    await lengthField(page).fill('40');
    const round = page.getByRole('slider', { name: 'Round shown r' });
    await round.focus();
    await page.keyboard.press('ArrowRight');
    const scale = page.getByRole('slider', { name: 'Input scale s' });
    await scale.focus();
    await page.keyboard.press('ArrowRight'); // 0.02 → 0.03
    await expect(page).toHaveURL(/T=40/);
    await expect(page).toHaveURL(/r=3/);
    await expect(page).toHaveURL(/scale=0\.03/);

    const copy = await context.newPage();
    await copy.goto(page.url());
    await hydrated(copy, '.scan-rounds', FIELD('T'), '.scan-compare', '.nonlinear-gap', '.scan-pytorch');
    await expect(readout(copy, 'loop-depth')).toHaveText('40');
    await expect(readout(copy, 'scan-depth')).toHaveText('6');
    await expect(readout(copy, 'round')).toHaveText('3');
    await expect(readout(copy, 'scale')).toHaveText('0.03');
    await expect(code(copy)).toContainText('T, H, D = 40, 4, 2');
    await expect(lengthField(copy)).toHaveValue('40');

    await copy.goto('serial-vs-parallel/?T=abc&rho=-5&r=99&scale=1e999&seed=%3Cscript%3E');
    await hydrated(copy, '.scan-rounds', '.scan-compare', '.scan-pytorch');
    await expect(readout(copy, 'loop-depth')).toHaveText('16');
    await expect(readout(copy, 'round')).toHaveText('2');
    await expect(code(copy)).toContainText('rho = 0.9');
    await expect(code(copy)).toContainText('torch.manual_seed(1)');
  });

  test('the exercises check answers at once', async ({ page }) => {
    await page.goto('serial-vs-parallel/');
    await hydrated(page, '.unrolled-exercise');
    await page.locator('.unrolled-exercise').nth(1).scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr] .unrolled-exercise')).toHaveCount(0);
    const rounds = page.locator('.unrolled-exercise').nth(0);
    await rounds.getByRole('textbox').fill('1000');
    await rounds.getByRole('button', { name: 'Check' }).click();
    await expect(rounds.locator('.verdict')).toHaveText(/Not quite/);
    await rounds.getByRole('textbox').fill('10');
    await expect(rounds.locator('.verdict')).toHaveText(/Correct/);
    const products = page.locator('.unrolled-exercise').nth(1);
    await products.getByRole('textbox').fill('7+6+4');
    await products.getByRole('textbox').press('Enter');
    await expect(products.locator('.verdict')).toHaveText(/Correct/);
  });

  test('the PyTorch code can be copied', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('serial-vs-parallel/');
    await hydrated(page, '.scan-pytorch');
    const button = page.locator('.scan-pytorch').getByRole('button', { name: 'Copy' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.scan-pytorch [role="status"]')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code(page).textContent());
    expect(copied).toContain('while offset < T:');
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('serial-vs-parallel/');
    await hydrateIslands(page);
    await expect(page.locator('.scan-compare .unrolled-plot svg[aria-label]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('serial-vs-parallel-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
