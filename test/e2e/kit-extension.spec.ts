/**
 * Text variables, TextField, PyTorchCode and CodeBlock in a real browser, on the authoring guide's
 * demo: a TextField for `sentence` (default "the cat sat on the mat", maxLength 200) and a
 * PyTorchCode block that shows `nn.{{cell}}(input_size={{D}}, hidden_size={{H}}, bias={{bias}})`
 * and `tokens = {{sentence:str}}.split()`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

const code = (page: Page) => page.locator('.unrolled-pytorch-code code');
const field = (page: Page) => page.getByRole('textbox', { name: 'Your sentence' });

test.describe('text variables and code blocks', () => {
  test('the server renders the defaults into the code', async ({ page }) => {
    await page.goto('authoring/');
    await expect(code(page)).toContainText("rnn = nn.RNN(input_size=100, hidden_size=128, bias=True)");
    await expect(code(page)).toContainText("tokens = 'the cat sat on the mat'.split()");
    await expect(field(page)).toHaveValue('the cat sat on the mat');
  });

  test('typing updates the code and the URL, and a reload restores both', { tag: '@base' }, async ({ page }) => {
    await page.goto('authoring/');
    await hydrateIslands(page);
    await field(page).fill('');
    await field(page).pressSequentially("it's {{H}} & <b>");
    await expect(code(page)).toContainText(`tokens = "it's {{H}} & <b>".split()`);
    await expect(page.locator('.unrolled-pytorch-code b')).toHaveCount(0); // markup stays text
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence')).toBe("it's {{H}} & <b>");

    await page.getByRole('radio', { name: 'LSTM' }).check();
    await expect(code(page)).toContainText('rnn = nn.LSTM(input_size=100, hidden_size=128, bias=True)  # gate blocks: 4');
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe('LSTM');

    await page.reload();
    await hydrateIslands(page);
    await expect(field(page)).toHaveValue("it's {{H}} & <b>");
    await expect(code(page)).toContainText(`tokens = "it's {{H}} & <b>".split()`);
    await expect(code(page)).toContainText('nn.LSTM(');
  });

  test('an over-long text from the URL is cut, control characters dropped, and the field keeps working', async ({ page }) => {
    await page.goto(`authoring/?sentence=${'ab%00'.repeat(150)}`);
    await hydrateIslands(page);
    await expect(field(page)).toHaveValue('ab'.repeat(100));
    await field(page).press('End');
    await field(page).pressSequentially('xyz');
    await expect(field(page)).toHaveValue('ab'.repeat(100));
    await expect(page.locator('.unrolled-text-field .message')).toHaveText(/Cut to 200 characters/);
    await field(page).press('Backspace');
    await expect(page.locator('.unrolled-text-field .message')).toHaveText('');
  });

  test('Copy puts the code on the clipboard and says "Copied"', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto('authoring/?H=64');
    await hydrateIslands(page);
    const block = page.locator('.unrolled-pytorch-code');
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('rnn = nn.RNN(input_size=100, hidden_size=64, bias=True)');
    expect(copied).toBe(await code(page).innerText());
  });

  test('without the Clipboard API, Copy falls back to selecting the code', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto('authoring/');
    await hydrateIslands(page);
    const block = page.locator('.unrolled-pytorch-code');
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText(/^(Copied|Selected: press Ctrl\+C)/);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(await code(page).innerText());
  });

  test('the code scrolls inside its own box at phone width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('authoring/');
    const pre = page.locator('.unrolled-pytorch-code pre');
    await pre.scrollIntoViewIfNeeded();
    const sizes = await pre.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
  });
});
