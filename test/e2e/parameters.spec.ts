/**
 * Chapter 3, Parameters: the weight-shapes drawing, the PyTorch mirror, the comparison's biases
 * toggle and the table against PyTorch. (test/e2e/kit.spec.ts covers the calculator's kit controls
 * on the same page.) Expected numbers come from lib/count.ts, and the table's totals from PyTorch
 * itself: test/fixtures/ops/counts.json, written by scripts/make_op_fixtures.py.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { linearParameterCount, recurrentParameterCount } from '../../lib/count.ts';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

interface RecurrentCase { module: 'RNN' | 'GRU' | 'LSTM'; input_size: number; hidden_size: number; num_layers: number; bidirectional: boolean; bias: boolean; num_parameters: number }
const counts = JSON.parse(readFileSync(new URL('../fixtures/ops/counts.json', import.meta.url), 'utf8')) as { recurrent: RecurrentCase[] };

const shape = (page: Page, key: string) => page.locator(`[data-shape="${key}"]`);
const boxCount = (page: Page, key: string) => page.locator(`[data-count="${key}"]`);
const code = (page: Page) => page.locator('.pytorch-mirror code');
const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`);
const fmt = (n: number) => n.toLocaleString('en-US');

test.describe('chapter 3: parameters', () => {
  test('the server renders every default number, equal to lib/count.ts', async ({ page }) => {
    await page.goto('parameters/');
    await expect(page.locator('h1')).toHaveText('3. Parameters');
    await expect(shape(page, 'U')).toHaveText('128 × 100');
    await expect(shape(page, 'W')).toHaveText('128 × 128');
    await expect(shape(page, 'bh')).toHaveText('2 × 128');
    await expect(shape(page, 'V')).toHaveText('10 × 128');
    await expect(shape(page, 'by')).toHaveText('10');
    await expect(boxCount(page, 'W')).toHaveText('16,384');
    const layer = recurrentParameterCount({ kind: 'RNN', inputSize: 100, hiddenSize: 128 });
    const head = linearParameterCount(128, 10);
    await expect(page.locator('[data-layer-count]')).toHaveText(fmt(layer));
    await expect(page.locator('[data-head-count]')).toHaveText(fmt(head));
    await expect(page.locator('[data-shapes-total]')).toHaveText(fmt(layer + head));
    await expect(code(page)).toContainText('rnn = nn.RNN(100, 128)');
    await expect(code(page)).toContainText(`# ${layer}`);
    await expect(code(page)).toContainText(`# ${head}`);
    await expect(page.locator('[data-memory]')).toContainText('117.8 kB');
    await expect(page.locator('a[href="../notation/"]').first()).toBeVisible();
  });

  test('the drawing and the code follow the cell, D_h and D_out set by keyboard', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateIslands(page);
    await page.getByRole('radio', { name: 'RNN' }).focus();
    await page.keyboard.press('ArrowRight'); // RNN → GRU
    await expect(page.getByRole('radio', { name: 'GRU' })).toBeChecked();
    await expect(shape(page, 'U')).toHaveText('384 × 100');
    await expect(page.locator('[data-box="W"] text')).toHaveText(['r', 'z', 'n']);

    await page.getByRole('slider', { name: 'Hidden size D_h' }).focus();
    await page.keyboard.press('ArrowRight'); // D_h 128 → 129
    await expect(shape(page, 'W')).toHaveText('387 × 129');
    await expect(code(page)).toContainText('rnn = nn.GRU(100, 129)');
    await expect(code(page)).toContainText(`# ${recurrentParameterCount({ kind: 'GRU', inputSize: 100, hiddenSize: 129 })}`);

    const output = page.getByRole('spinbutton', { name: 'Output size D_out' });
    await output.focus();
    await page.keyboard.press('ArrowDown'); // 10 → 9
    await expect(shape(page, 'V')).toHaveText('9 × 129');
    await expect(code(page)).toContainText('head = nn.Linear(129, 9)');
    await expect(page.locator('[data-head-count]')).toHaveText(fmt(linearParameterCount(129, 9)));
  });

  test('the biases toggle adds each model its bias vectors, as the text says', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateIslands(page);
    const toggle = page.getByRole('checkbox', { name: 'Count biases in the comparison' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect(readout(page, 'feedForward')).toHaveText('128,128');
    await expect(readout(page, 'cnn')).toHaveText('38,528');
    await expect(readout(page, 'recurrent')).toHaveText('29,440');
    await expect(page.locator('.parameter-plot svg[aria-label]').first()).toHaveAttribute('aria-label', /biases counted/);
    await page.getByRole('radio', { name: 'none' }).check(); // n_b = 0: the recurrent layer has no bias left to add
    await expect(readout(page, 'recurrent')).toHaveText('29,184');
    await toggle.press('Space');
    await expect(readout(page, 'feedForward')).toHaveText('128,000');
  });

  test('URL state round-trips into a new page', async ({ page, context }) => {
    await page.goto('parameters/');
    await hydrateIslands(page);
    await page.getByRole('radio', { name: 'LSTM' }).check();
    await page.getByRole('spinbutton', { name: 'Output size D_out' }).fill('7');
    await page.getByRole('checkbox', { name: 'Count biases in the comparison' }).check();
    await page.getByRole('slider', { name: 'Layers L' }).focus();
    await page.keyboard.press('ArrowRight'); // L 1 → 2
    await expect(page).toHaveURL(/Dout=7/);
    await expect(page).toHaveURL(/withBias=1/);
    await expect(page).toHaveURL(/L=2/);
    const codeText = await code(page).innerText();
    expect(codeText).toContain('nn.LSTM(100, 128, num_layers=2)');

    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateIslands(second);
    await expect(second.getByRole('spinbutton', { name: 'Output size D_out' })).toHaveValue('7');
    await expect(second.getByRole('checkbox', { name: 'Count biases in the comparison' })).toBeChecked();
    await expect(shape(second, 'V')).toHaveText('7 × 128');
    expect(await code(second).innerText()).toBe(codeText);
    await expect(second.locator('[data-total]')).toHaveText(fmt(recurrentParameterCount({ kind: 'LSTM', inputSize: 100, hiddenSize: 128, numLayers: 2 })));
  });

  test("the table's total equals PyTorch's numel for fixture configurations", async ({ page }) => {
    const picks = [
      counts.recurrent.find((c) => c.module === 'LSTM' && c.input_size === 5 && c.num_layers === 2 && c.bidirectional && c.bias),
      counts.recurrent.find((c) => c.module === 'GRU' && c.input_size === 100 && c.num_layers === 3 && !c.bidirectional && !c.bias),
      counts.recurrent.find((c) => c.module === 'RNN' && c.input_size === 5 && c.num_layers === 1 && c.bidirectional && c.bias),
    ];
    for (const c of picks) {
      expect(c, 'fixture case present').toBeDefined();
      const query = `cell=${c!.module}&D=${c!.input_size}&H=${c!.hidden_size}&L=${c!.num_layers}&d=${c!.bidirectional ? 'two' : 'one'}&B=${c!.bias ? 'two' : 'none'}`;
      await page.goto(`parameters/?${query}`);
      // Only the table and the code are needed: scrolling them into view hydrates just those two islands.
      await page.locator('[data-total]').scrollIntoViewIfNeeded();
      await expect(page.locator('[data-total]'), query).toHaveText(fmt(c!.num_parameters));
      await code(page).scrollIntoViewIfNeeded();
      await expect(code(page), query).toContainText(`print(sum(p.numel() for p in rnn.parameters()))\n# ${c!.num_parameters}`);
    }
  });

  test('bad input shows an inline message; extremes and a bad URL never show NaN', async ({ page }) => {
    await page.goto('parameters/?Dout=1e999&withBias=maybe&cell=__proto__&H=-1');
    await hydrateIslands(page);
    await expect(shape(page, 'V')).toHaveText('10 × 128');
    await expect(page.getByRole('checkbox', { name: 'Count biases in the comparison' })).not.toBeChecked();
    const field = page.getByRole('spinbutton', { name: 'Output size D_out' });
    for (const [text, message] of [['abc', /not a number/], ['0', /below the minimum/], ['1001', /above the maximum/], ['2.5', /whole number/]] as const) {
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      await expect(page.locator(`[id="${describedBy[1]}"]`)).toHaveText(message);
      await expect(shape(page, 'V')).toHaveText('10 × 128');
    }
    await field.fill('1000');
    await expect(shape(page, 'V')).toHaveText('1,000 × 128');
    await page.getByRole('radio', { name: 'LSTM' }).check();
    await page.getByRole('spinbutton', { name: 'Input size D_in' }).fill('1024');
    await page.getByRole('slider', { name: 'Hidden size D_h' }).focus();
    await page.keyboard.press('End');
    await expect(shape(page, 'U')).toHaveText('2,048 × 1,024');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
    await expect(page.locator('main')).not.toContainText('undefined');
  });

  test('Copy puts the mirrored code on the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto('parameters/?cell=GRU&Dout=3');
    await hydrateIslands(page);
    const mirror = page.locator('.pytorch-mirror');
    await mirror.getByRole('button', { name: 'Copy' }).click();
    await expect(mirror.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('rnn = nn.GRU(100, 128)');
    expect(copied).toContain('head = nn.Linear(128, 3)');
    expect(copied).toBe(await code(page).innerText());
  });

  test('at 390 px the page does not scroll sideways (screenshot attached)', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('parameters/?cell=LSTM&d=two&L=3');
    await hydrateIslands(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('parameters-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
