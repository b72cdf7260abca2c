/**
 * Chapter 4, the forward pass, in a real browser. Expected numbers come from the widgets' own pure
 * logic (src/components/ForwardPass), which runs lib/ and is unit-tested against lib's sequence driver;
 * shapes are PyTorch's documented ones (the worked example: [2, 5, 10] batch first, hidden 20 → [2, 5, 20] and [1, 2, 20]).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { formatEntry, stepWidgetView } from '../../src/components/ForwardPass/step-view.ts';

const SLUG = 'forward-pass/';
const stepWidget = (page: Page) => page.locator('.step-through');
const quantity = (page: Page, key: string) => stepWidget(page).locator(`tr[data-quantity="${key}"] .cell`);
const shapeOf = (page: Page, tensor: string) => page.locator(`.shape-explorer tr[data-tensor="${tensor}"] td[data-shape]`);

/** The formatted entries lib gives for a row, for the given page values. */
function expectedRow(values: Record<string, string | number>, key: string): string[] {
  const row = stepWidgetView(values).rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key} for ${JSON.stringify(values)}`);
  return row.values.map(formatEntry);
}

test.describe('forward pass chapter', () => {
  test('renders the defaults from the server: step 2, the worked example, many-to-one', async ({ page }) => {
    await page.goto(SLUG);
    await expect(stepWidget(page).locator('figcaption').first()).toContainText('Step 2 of 5');
    await expect(quantity(page, 'a')).toHaveText(expectedRow({}, 'a'));
    await expect(quantity(page, 'y')).toHaveText(expectedRow({}, 'y'));
    await expect(shapeOf(page, 'output')).toHaveAttribute('data-shape', '2,5,20');
    await expect(shapeOf(page, 'hN')).toHaveAttribute('data-shape', '1,2,20');
    await expect(page.locator('.layouts')).toHaveAttribute('data-layout', 'many-to-one');
  });

  test('the step slider, f and g move the step-through by keyboard; the PyTorch block follows', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const slider = page.getByRole('slider', { name: 'Step t' });
    await slider.focus();
    await page.keyboard.press('ArrowRight'); // 2 → 3
    await expect(stepWidget(page).locator('figcaption').first()).toContainText('Step 3 of 5');
    await expect(quantity(page, 'hPrev')).toHaveText(expectedRow({ step: 3 }, 'hPrev'));
    await expect(quantity(page, 'h')).toHaveText(expectedRow({ step: 3 }, 'h'));
    await expect(page.locator('.unrolled-code code').first()).toContainText('t = 3');

    await page.getByRole('radio', { name: 'softmax' }).focus();
    await page.keyboard.press('ArrowRight'); // softmax → sigmoid
    await expect(page.getByRole('radio', { name: 'sigmoid' })).toBeChecked();
    await expect(quantity(page, 'y')).toHaveText(expectedRow({ step: 3, g: 'sigmoid' }, 'y'));
    await expect(page.locator('.unrolled-code code').first()).toContainText('torch.sigmoid(z)');

    await page.getByRole('radio', { name: 'tanh' }).focus();
    await page.keyboard.press('ArrowRight'); // tanh → ReLU
    await expect(quantity(page, 'h')).toHaveText(expectedRow({ step: 3, g: 'sigmoid', f: 'ReLU' }, 'h'));
    await expect(page.locator('.unrolled-code code').first()).toContainText("nonlinearity='relu'");
  });

  test('the reader\'s f: a working formula, garbage, and a blow-up, each shown inline and never as NaN', async ({ page }) => {
    await page.goto(`${SLUG}?f=yours`);
    await hydrateIslands(page);
    const field = page.getByLabel('Your f(a), used when f = yours');
    await field.fill('max(0.1*a, a)');
    await expect(quantity(page, 'h')).toHaveText(expectedRow({ f: 'yours', fx: 'max(0.1*a, a)' }, 'h'));
    await expect(page.locator('.unrolled-code code').first()).toContainText('f = lambda a: torch.maximum(0.1 * a, a)');

    await field.fill('a +');
    await expect(stepWidget(page).locator('[data-formula-error]')).toContainText('Cannot read the formula');
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill('exp(a)*1e300');
    await expect(stepWidget(page).locator('[data-run-error]')).toContainText('Step 1 has no usable numbers');
    await expect(stepWidget(page)).not.toContainText('NaN');
    await expect(quantity(page, 'a')).toHaveCount(0);
  });

  test('the URL keeps every setting and restores it in a new page; garbage in the URL is ignored', async ({ page, context }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const slider = page.getByRole('slider', { name: 'Step t' });
    await slider.focus();
    await page.keyboard.press('End'); // step 5
    await page.getByRole('radio', { name: 'identity' }).check();
    await page.getByRole('radio', { name: 'yours' }).check();
    await page.getByLabel('Your f(a), used when f = yours').fill('a / (2 + abs(a))');
    await page.getByRole('checkbox', { name: 'bidirectional' }).check();
    await page.getByRole('radio', { name: 'encoder-decoder' }).check();
    await expect(page).toHaveURL(/layout=encoder-decoder/);
    const url = page.url();

    const second = await context.newPage();
    await second.goto(url);
    await hydrateIslands(second);
    await expect(stepWidget(second).locator('figcaption').first()).toContainText('Step 5 of 5');
    await expect(second.getByRole('radio', { name: 'identity' })).toBeChecked();
    await expect(second.getByLabel('Your f(a), used when f = yours')).toHaveValue('a / (2 + abs(a))');
    const values = { step: 5, g: 'identity', f: 'yours', fx: 'a / (2 + abs(a))' };
    await expect(quantity(second, 'y')).toHaveText(expectedRow(values, 'y'));
    await expect(shapeOf(second, 'output')).toHaveAttribute('data-shape', '2,5,40');
    await expect(second.locator('.layouts')).toHaveAttribute('data-layout', 'encoder-decoder');

    await second.goto(`${SLUG}?step=banana&g=argmax&seed=1e9&B=-3&fx=%00`);
    await hydrateIslands(second);
    await expect(stepWidget(second).locator('figcaption').first()).toContainText('Step 2 of 5');
    await expect(quantity(second, 'y')).toHaveText(expectedRow({}, 'y'));
    await expect(shapeOf(second, 'input')).toHaveAttribute('data-shape', '2,5,10');
  });

  test('shapes follow batch_first, num_layers and bidirectional; bad sizes get a message', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const batchFirst = page.getByRole('checkbox', { name: 'batch_first' });
    await batchFirst.focus();
    await page.keyboard.press('Space'); // off: time first
    await expect(shapeOf(page, 'input')).toHaveAttribute('data-shape', '5,2,10');
    await expect(shapeOf(page, 'output')).toHaveAttribute('data-shape', '5,2,20');
    await expect(shapeOf(page, 'hN')).toHaveAttribute('data-shape', '1,2,20');

    const layers = page.getByRole('slider', { name: 'Layers L (num_layers)' });
    await layers.focus();
    await page.keyboard.press('ArrowRight'); // L = 2
    await page.getByRole('checkbox', { name: 'bidirectional' }).focus();
    await page.keyboard.press('Space');
    await expect(shapeOf(page, 'output')).toHaveAttribute('data-shape', '5,2,40');
    await expect(shapeOf(page, 'hN')).toHaveAttribute('data-shape', '4,2,20');
    const code = page.locator('.unrolled-code code').nth(1);
    await expect(code).toContainText('num_layers=2');
    await expect(code).toContainText('batch_first=False, bidirectional=True');
    await expect(code).toContainText('x = torch.zeros(5, 2, 10)');

    const hidden = page.getByRole('spinbutton', { name: 'Hidden size H (hidden_size)' });
    await hidden.fill('abc');
    await expect(hidden).toHaveAttribute('aria-invalid', 'true');
    const describedBy = ((await hidden.getAttribute('aria-describedby')) ?? '').split(' ');
    await expect(page.locator(`[id="${describedBy[1]}"]`)).not.toBeEmpty();
    await expect(shapeOf(page, 'hN')).toHaveAttribute('data-shape', '4,2,20'); // unchanged
  });

  test('the shape exercise checks answers at once', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const exercise = page.locator('.shape-exercise');
    await exercise.getByLabel('output.shape').fill('banana');
    await exercise.getByLabel('h_n.shape').fill('[2, 3, 16]');
    await exercise.getByLabel('h_n.shape').press('Enter');
    await expect(exercise.locator('[data-verdict="output"]')).toContainText('Write a shape');
    await expect(exercise.locator('[data-verdict="hN"]')).toContainText('Not quite: check dimension 1.');
    await exercise.getByLabel('output.shape').fill('[7, 3, 32]');
    await exercise.getByLabel('h_n.shape').fill('torch.Size([4, 3, 16])');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(exercise.locator('[data-verdict="output"]')).toContainText('Correct');
    await expect(exercise.locator('[data-verdict="hN"]')).toContainText('Correct');
  });

  test('the layout choice switches which outputs are used', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const layouts = page.locator('.layouts');
    await expect(layouts.locator('[data-output="used"]')).toHaveCount(1);
    await page.getByRole('radio', { name: 'many-to-one' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(layouts).toHaveAttribute('data-layout', 'many-to-many');
    await expect(layouts.locator('[data-output="used"]')).toHaveCount(4);
    await page.keyboard.press('ArrowRight');
    await expect(layouts).toHaveAttribute('data-layout', 'encoder-decoder');
    await expect(layouts.locator('[data-layout-code]')).toContainText('decoder(y_in, h_n)');
  });

  test('bidirectional slices, on a phone and by keyboard: a wrong slice is marked wrong, output[:, 0, H:] right', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const widget = page.locator('.bidirectional-slices');
    const verdict = widget.locator('[data-verdict]');
    const check = widget.getByRole('button', { name: 'Check' });
    await widget.getByRole('radio', { name: 'output[:, -1]', exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // → output[:, -1, H:]
    await expect(widget.getByRole('radio', { name: 'output[:, -1, H:]' })).toBeChecked();
    await expect(widget.locator('.cell.marked')).toHaveCount(3); // the last row's backward half
    await check.focus();
    await page.keyboard.press('Enter');
    await expect(verdict).toHaveAttribute('data-verdict', 'incorrect');
    await expect(verdict).toContainText('Not this one.');
    await expect(verdict).toContainText('x[:, -1:]');
    await widget.getByRole('radio', { name: 'output[:, -1, H:]' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // → output[:, 0, H:]
    await expect(widget.getByRole('radio', { name: 'output[:, 0, H:]' })).toBeChecked();
    await expect(verdict).toHaveAttribute('data-verdict', 'none'); // a new pick clears the old verdict
    await expect(verdict).toBeEmpty();
    await check.focus();
    await page.keyboard.press('Space');
    await expect(verdict).toHaveAttribute('data-verdict', 'correct');
    await expect(verdict).toContainText('h_n[-1]');
    await expect(widget.locator('[data-change-note]')).toContainText('largest change 0)');
    const box = await widget.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('forward-pass-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});
