/**
 * Chapter 6, training an RNN, in a real browser. Expected numbers come from the widgets' pure logic
 * (src/components/Training), which runs lib/ and is unit-tested against PyTorch 1.13 runs of the
 * chapter's own code (test/src/components/Training/torch-runs.json).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { trainingView } from '../../src/components/Training/training-view.ts';
import { generationView } from '../../src/components/Training/generation-view.ts';
import { lossView } from '../../src/components/Training/loss-view.ts';
import { formatValue } from '../../src/components/Training/settings.ts';

const SLUG = 'training/';
const lossWidget = (page: Page) => page.locator('.sequence-loss');
const stepWidget = (page: Page) => page.locator('.training-step');
const generation = (page: Page) => page.locator('.generation');
const code = (page: Page) => page.locator('.training-code code');
const stepsSlider = (page: Page) => page.getByRole('slider', { name: 'Training steps k' }).first();

/** The texts the step widget shows for these page values: loss before and after step k + 1. */
function expectedStep(values: Record<string, string | number>) {
  const detail = trainingView(values).detail!;
  return { before: formatValue(detail.lossBefore), after: formatValue(detail.lossAfter) };
}

test.describe('training chapter', () => {
  test('renders the defaults from the server: the losses of hello, 10 steps, helll', async ({ page }) => {
    await page.goto(SLUG);
    const defaults = lossView({});
    await expect(lossWidget(page).locator('[data-total="sum"] strong')).toHaveText(formatValue(defaults.sum));
    await expect(lossWidget(page).locator('[data-total="mean"] strong')).toHaveText(formatValue(defaults.mean));
    await expect(lossWidget(page).locator('tbody tr')).toHaveCount(4);
    await expect(stepWidget(page).locator('[data-steps-taken]')).toHaveText('10 steps taken');
    await expect(stepWidget(page).locator('[data-loss-before]')).toHaveText(expectedStep({}).before);
    await expect(stepWidget(page).locator('[data-loss-after]')).toHaveText(expectedStep({}).after);
    await expect(generation(page).locator('[data-generated]')).toHaveText('helll');
    await expect(code(page)).toContainText('for step in range(10):');
  });

  test('the step slider and the step button move every widget by keyboard; the code follows', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await stepsSlider(page).focus();
    await page.keyboard.press('ArrowRight'); // k = 11
    await expect(stepWidget(page).locator('[data-steps-taken]')).toHaveText('11 steps taken');
    await expect(stepWidget(page).locator('[data-loss-before]')).toHaveText(expectedStep({ k: 11 }).before);
    await expect(code(page)).toContainText('for step in range(11):');

    await stepWidget(page).getByRole('button', { name: 'Take one step' }).focus();
    await page.keyboard.press('Enter'); // k = 12
    await page.keyboard.press('Enter'); // k = 13
    await page.keyboard.press('Enter'); // k = 14
    await page.keyboard.press('Enter'); // k = 15
    await expect(stepWidget(page).locator('[data-steps-taken]')).toHaveText('15 steps taken');
    await expect(stepWidget(page).locator('[data-loss-after]')).toHaveText(expectedStep({ k: 15 }).after);
    await expect(generation(page).locator('[data-generated]')).toHaveText(generationView({ k: 15 }).text);
    await expect(stepsSlider(page)).toHaveValue('15');

    await page.getByRole('radio', { name: 'characters' }).focus();
    await page.keyboard.press('ArrowRight'); // task: sine
    await expect(lossWidget(page)).toHaveAttribute('data-task', 'sine');
    await expect(lossWidget(page).locator('[data-total="sum"] strong')).toHaveText(formatValue(lossView({ task: 'sine' }).sum));

    await page.getByRole('radio', { name: 'greedy' }).focus();
    await page.keyboard.press('ArrowRight'); // decoding: sample
    await expect(generation(page).locator('figcaption')).toContainText('sampling at temperature');
    await expect(generation(page).locator('[data-generated]')).toHaveText(generationView({ k: 15, decode: 'sample' }).text);
    await expect(code(page)).toContainText('torch.multinomial');
  });

  test('the URL keeps the settings and restores them in a new page; garbage in the URL is ignored', { tag: '@base' }, async ({ page, context }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await page.getByLabel('Your word').fill('banana');
    await page.getByRole('spinbutton', { name: 'Learning rate α' }).fill('0.2');
    await page.getByRole('radio', { name: 'sum' }).first().check();
    await stepsSlider(page).focus();
    await page.keyboard.press('ArrowRight'); // k = 11
    await expect(page).toHaveURL(/word=banana/);
    await expect(page).toHaveURL(/k=11/);
    const url = page.url();
    const values = { word: 'banana', lr: 0.2, reduction: 'sum', k: 11 };

    const second = await context.newPage();
    await second.goto(url);
    await hydrateIslands(second);
    await expect(second.getByLabel('Your word')).toHaveValue('banana');
    await expect(stepWidget(second).locator('[data-loss-before]')).toHaveText(expectedStep(values).before);
    await expect(generation(second).locator('[data-generated]')).toHaveText(generationView(values).text);
    await expect(code(second)).toContainText("word = 'banana'");
    await expect(code(second)).toContainText('lr=0.2');

    await second.goto(`${SLUG}?k=banana&lr=1e9&H=-3&word=he%00llo&reduction=median&decode=beam&temp=0`);
    await hydrateIslands(second);
    await expect(stepWidget(second).locator('[data-steps-taken]')).toHaveText('10 steps taken');
    await expect(stepWidget(second).locator('[data-loss-before]')).toHaveText(expectedStep({}).before);
    await expect(generation(second).locator('[data-generated]')).toHaveText('helll');
  });

  test('bad input shows inline messages, never NaN: a one-letter word, an empty word, α = 1000', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const word = page.getByLabel('Your word');
    await word.fill('a');
    await expect(lossWidget(page).locator('[data-loss-error]')).toContainText('one character');
    await expect(stepWidget(page).locator('[data-training-error]')).toContainText('one character');
    await expect(generation(page).locator('[data-generation-error]')).toBeVisible();
    await expect(page.locator('[data-code-error]')).toBeVisible();
    await expect(stepWidget(page).getByRole('button', { name: 'Take one step' })).toBeDisabled();
    await word.fill('');
    await expect(stepWidget(page).locator('[data-training-error]')).toContainText('Type a word');

    await word.fill('hello');
    await page.getByRole('spinbutton', { name: 'Learning rate α' }).fill('1000');
    await expect(stepWidget(page).locator('[data-training-warning]')).toContainText('The loss went up');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
    await expect(page.locator('main')).not.toContainText('Infinity');
  });

  test('the exercises check answers at once', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const exercises = page.locator('.unrolled-exercise');
    const mean = exercises.nth(0);
    await mean.getByLabel("L with reduction='mean'").fill('3');
    await mean.getByRole('button', { name: 'Check' }).click();
    await expect(mean).toContainText('Not quite');
    await mean.getByLabel("L with reduction='mean'").fill('3/4');
    await expect(mean).toContainText('Correct');
    const update = exercises.nth(1);
    await update.getByLabel('The new weight').fill('0.8 - 0.1*(-0.5)');
    await update.getByLabel('The new weight').press('Enter');
    await expect(update).toContainText('Correct');
    const labels = exercises.nth(2);
    await labels.getByLabel('Labels, in n').fill('n - 1');
    await labels.getByRole('button', { name: 'Check' }).click();
    await expect(labels).toContainText('Correct');
  });

  test('Copy puts the PyTorch code on the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto(`${SLUG}?k=12`);
    await hydrateIslands(page);
    const block = page.locator('.training-code');
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('for step in range(12):');
    expect(copied).toBe(await code(page).innerText());
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('training-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});
