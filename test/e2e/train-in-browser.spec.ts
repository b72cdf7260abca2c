/**
 * Chapter 10, training in the browser. The trainer and the race run lib/ in a Web Worker; these
 * tests drive them with single steps and short runs (never long training), and check what the page
 * shows: the build-time baseline (the bigram's 3.502 bits per character, computed with lib and
 * checked in test/lib/train/tasks.test.ts), the status region, the live chart, sampling, refusals,
 * the ONNX download (read back by lib/onnx), import of bad files, a killed worker, the URL round trip,
 * the exercise, copying, and 390 px.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { importOnnx } from '../../lib/onnx/import.ts';

const SLUG = 'train-in-browser/';
const trainer = (page: Page) => page.locator('.trainer');
const race = (page: Page) => page.locator('.race');
const status = (page: Page) => trainer(page).locator('[data-status]');

/** Open the chapter, hydrate it and wait until the trainer's worker is ready. */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${SLUG}${query}`);
  await hydrateIslands(page);
  await expect(trainer(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

test.describe('train in your browser', () => {
  test('the server renders the default trainer with the bigram baseline', async ({ page }) => {
    await page.goto(SLUG);
    await expect(trainer(page).locator('figcaption').first()).toContainText('LSTM, hidden size 32, on first names');
    await expect(trainer(page).locator('[data-row="bpc"] [data-baseline]')).toHaveText('3.502');
    await expect(trainer(page).locator('[data-row="bpc"] [data-model]')).toHaveText('—');
  });

  test('step, start, pause, resume and reset by keyboard; the status and the chart follow', { tag: '@base' }, async ({ page }) => {
    await open(page);
    await expect(status(page)).toContainText('Ready: press Start');
    await expect(status(page)).toContainText('validation loss');
    const step = trainer(page).getByRole('button', { name: 'Step', exact: true });
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('Paused after 1 update;');
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('Paused after 2 updates;');
    await expect(trainer(page).locator('.live-chart svg[role="img"]')).toBeVisible();
    await expect(trainer(page).locator('[data-samples] li')).toHaveCount(8);

    await trainer(page).getByRole('button', { name: 'Resume' }).focus();
    await page.keyboard.press('Enter');
    await expect(trainer(page)).toHaveAttribute('data-state', 'running');
    await expect(status(page)).toContainText('Training:');
    await trainer(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(trainer(page)).toHaveAttribute('data-state', 'paused');
    const paused = await status(page).textContent();
    const updates = Number(/after ([\d,]+) updates/.exec(paused ?? '')?.[1]?.replace(',', ''));
    expect(updates).toBeGreaterThan(2);
    // The table view of the chart lists the points, from update 0 (the first validation loss) on.
    await trainer(page).getByRole('button', { name: 'Show as table' }).click();
    await expect(trainer(page).locator('.live-chart tbody tr').first().locator('td').first()).toHaveText('0');
    expect(await trainer(page).locator('.live-chart tbody tr').count()).toBeGreaterThan(2);
    await trainer(page).getByRole('button', { name: 'Show as chart' }).click();
    // The chart can be frozen while training goes on.
    await trainer(page).getByRole('button', { name: 'Pause the chart' }).click();
    await expect(trainer(page).getByRole('button', { name: 'Resume the chart' })).toHaveAttribute('aria-pressed', 'true');

    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    await expect(status(page)).toContainText('Ready: press Start');
    await expect(trainer(page).getByRole('button', { name: 'Start' })).toBeEnabled();
  });

  test('the temperature slider resamples names while the model stays the same', async ({ page }) => {
    await open(page);
    await trainer(page).getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).toContainText('Paused after 1 update;');
    const slider = page.getByRole('slider', { name: 'Sampling temperature τ' });
    await slider.focus();
    await page.keyboard.press('End'); // τ = 2
    await expect(trainer(page).locator('.samples-label')).toContainText('τ = 2');
    await expect(trainer(page).locator('[data-samples] li')).toHaveCount(8);
    await expect(status(page)).toContainText('Paused after 1 update;');
    await expect(page).toHaveURL(/temperature=2/);
  });

  test('absurd settings are refused inline; a diverging run stops with a message, never NaN', async ({ page }) => {
    await open(page);
    const lr = page.getByRole('spinbutton', { name: 'Learning rate η' });
    await lr.fill('1000');
    await expect(page.locator('.unrolled-control', { has: lr })).toContainText('1,000 is above the maximum, 10.');
    const hidden = page.getByRole('spinbutton', { name: 'Hidden size D_h' });
    await hidden.fill('4096');
    await expect(page.locator('.unrolled-control', { has: hidden })).toContainText('4,096 is above the maximum, 128.');
    await expect(trainer(page).locator('figcaption').first()).toContainText('hidden size 32');

    await open(page, '?task=stocks&optimizer=SGD&lr=10&clip=0&model=GRU');
    await trainer(page).getByRole('button', { name: 'Start' }).click();
    await expect(status(page)).toContainText('Training stopped', { timeout: 30_000 });
    await expect(trainer(page)).toHaveAttribute('data-state', 'halted');
    await expect(trainer(page)).not.toContainText('NaN');
  });

  test('weights download as a state dict and as ONNX, and load back; bad files are refused by name', async ({ page }) => {
    await open(page);
    await trainer(page).getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).toContainText('Paused after 1 update;');
    const downloading = page.waitForEvent('download');
    await trainer(page).getByRole('button', { name: 'Download the weights (JSON)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('names-lstm.json');
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const json = JSON.parse(text);
    expect(Object.keys(json.state_dict)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'fc.weight', 'fc.bias']);
    expect(json.metadata).toMatchObject({ kind: 'LSTM', input_size: 28, hidden_size: 32, output_size: 28, task: 'names' });

    const onnxDownloading = page.waitForEvent('download');
    await trainer(page).getByRole('button', { name: 'Download as ONNX' }).click();
    const onnxDownload = await onnxDownloading;
    expect(onnxDownload.suggestedFilename()).toBe('names-lstm.onnx');
    const onnxBytes = await (await onnxDownload.createReadStream()).toArray().then((chunks) => new Uint8Array(Buffer.concat(chunks)));
    const imported = importOnnx(onnxBytes); // the same weights, read back by lib/onnx
    expect(imported.recurrent.config).toMatchObject({ kind: 'LSTM', inputSize: 28, hiddenSize: 32, numLayers: 1 });
    expect(Array.from(imported.head!.bias!.value)).toEqual(json.state_dict['fc.bias'].map(Math.fround));
    await expect(trainer(page).locator('[data-onnx-message]')).toContainText('input [T, B, 28] (one-hot letters)');

    const input = trainer(page).getByLabel('Load weights from a file');
    const message = trainer(page).locator('[data-import-message]');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(message).toHaveText('notes.txt: The file is not JSON.');
    const renamed = { ...json, state_dict: { ...json.state_dict, weight_ih: json.state_dict.weight_ih_l0, weight_ih_l0: undefined } };
    await input.setInputFiles({ name: 'keys.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
    await expect(message).toContainText('unexpected key(s) in state dict: weight_ih');
    const reshaped = { ...json, state_dict: { ...json.state_dict, 'fc.bias': [1, 2] } };
    await input.setInputFiles({ name: 'shape.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(reshaped)) });
    await expect(message).toContainText('fc.bias has shape [2], expected [28]');
    await input.setInputFiles({ name: 'gru.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...json, metadata: { ...json.metadata, kind: 'GRU' } })) });
    await expect(message).toContainText('The file holds a GRU');
    await input.setInputFiles({ name: 'names-lstm.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(message).toHaveText('Loaded the weights from names-lstm.json; the scores above are now theirs.');
  });

  test('a killed worker is reported, the page keeps working, and Reset starts a new one', async ({ page }) => {
    await open(page);
    await page.evaluate(() => {
      const registry = globalThis as unknown as { __unrolledTrainers?: { kill(reason: string): void }[] };
      registry.__unrolledTrainers?.forEach((client) => client.kill('The training worker was stopped.'));
    });
    await expect(status(page)).toContainText('The training worker was stopped. The rest of the page still works');
    await expect(trainer(page)).toHaveAttribute('data-state', 'crashed');
    // The rest of the page: the exercise still checks answers.
    const exercise = page.locator('.unrolled-exercise');
    await exercise.getByRole('textbox').fill('4.807');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(exercise.locator('.verdict')).toHaveText(/Correct/);
    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    await expect(trainer(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await trainer(page).getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).toContainText('Paused after 1 update;');
  });

  test('the URL keeps the settings and restores them in a new page; garbage in the URL keeps the defaults', { tag: '@base' }, async ({ page, context }) => {
    await open(page);
    await page.getByRole('radio', { name: 'stocks' }).check();
    await page.getByRole('radio', { name: 'GRU' }).check();
    await page.getByRole('radio', { name: 'SGD' }).check();
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
    await page.getByRole('radio', { name: 'MSFT' }).check();
    await expect(page).toHaveURL(/symbol=MSFT/);
    const url = page.url();
    expect(url).toMatch(/task=stocks/);
    expect(url).toMatch(/model=GRU/);
    expect(url).toMatch(/seed=7/);

    const second = await context.newPage();
    await second.goto(url);
    await hydrateIslands(second);
    await expect(trainer(second).locator('figcaption').first()).toContainText('GRU, hidden size 32, on monthly stock prices');
    await expect(second.getByRole('radio', { name: 'SGD' })).toBeChecked();
    await expect(trainer(second)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await expect(trainer(second).locator('[data-row="rmse"] [data-baseline]')).not.toHaveText('—');
    await expect(trainer(second).getByRole('img', { name: /MSFT/ })).toBeVisible();
    await expect(second.locator('.unrolled-code code').filter({ hasText: 'manual_seed' })).toContainText('torch.manual_seed(7)');
    await second.close();

    await page.goto(`${SLUG}?task=weather&model=CNN&hidden=4096&lr=banana&batch=0&seed=-5`);
    await hydrateIslands(page);
    await expect(trainer(page).locator('figcaption').first()).toContainText('LSTM, hidden size 32, on first names');
    await expect(page.getByRole('spinbutton', { name: 'Batch size B' })).toHaveValue('32');
  });

  test('the race steps all three cells; the code block copies', { tag: '@base' }, async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await open(page, '?task=stocks');
    await expect(race(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const step = race(page).getByRole('button', { name: 'Step', exact: true });
    await step.focus();
    await page.keyboard.press('Enter');
    for (const kind of ['RNN', 'LSTM', 'GRU']) await expect(race(page).locator(`[data-racer="${kind}"] td`).first()).toHaveText('1');
    await expect(race(page).locator('[data-status]')).toContainText('Paused after 1 update');

    const block = page.locator('.unrolled-code').filter({ hasText: 'torch.manual_seed' });
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('rnn = nn.LSTM(input_size=1, hidden_size=32)');
  });

  test('at 390 px the page does not scroll sideways', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    await trainer(page).getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).toContainText('Paused after 1 update;');
    await testInfo.attach('train-in-browser-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('a worker script that throws', () => {
  // The worker's uncaught error is the point of this test; Chromium may also print it.
  test.use({ allowConsoleErrors: true });

  test('is reported as a crash, inline, and the rest of the page keeps working', async ({ page }) => {
    await page.route(/trainer\.worker[^/]*\.js/, (route) => route.fulfill({ contentType: 'text/javascript', body: "throw new Error('boom');" }));
    await page.goto(SLUG);
    await hydrateIslands(page);
    await expect(trainer(page)).toHaveAttribute('data-state', 'crashed', { timeout: 30_000 });
    await expect(status(page)).toContainText('The training worker crashed');
    await expect(status(page)).toContainText('The rest of the page still works');
    await page.getByRole('radio', { name: 'GRU' }).check();
    await expect(page).toHaveURL(/model=GRU/);
    const exercise = page.locator('.unrolled-exercise');
    await exercise.getByRole('textbox').fill('4.807');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(exercise.locator('.verdict')).toHaveText(/Correct/);
  });
});
