/**
 * Chapter 9, gating, in a real browser. Expected numbers come from the widgets' own pure logic
 * (src/components/Gating), which runs lib/ and is unit-tested against lib's step API and torch 1.13.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { formatNumber } from '../../src/kit/format.ts';
import { formatEntry } from '../../src/components/ForwardPass/step-view.ts';
import { exploreGates } from '../../src/components/Gating/gate-explorer.ts';
import { gradientPaths } from '../../src/components/Gating/gradient-paths.ts';
import { explorerSettings, pathSettings } from '../../src/components/Gating/page-settings.ts';
import { diagramValues } from '../../src/components/CellDiagram/cell-values.ts';

const SLUG = 'gating/';
const explorer = (page: Page) => page.locator('.gate-explorer');
const explorerControls = (page: Page) => page.getByRole('group', { name: 'Gate explorer' });
const pathControls = (page: Page) => page.getByRole('group', { name: 'Gradient paths' });
const quantity = (page: Page, key: string) => explorer(page).locator(`tr[data-quantity="${key}"] .cell`);
const ratio = (page: Page, kind: string) => page.locator(`.gradient-paths tr[data-kind="${kind}"] [data-ratio]`);
const trainer = (page: Page) => page.locator('.task-trainer');

/** The formatted column of a quantity at a step, as the widget's logic computes it from these page values. */
function expectedColumn(values: Record<string, unknown>, key: string, step: number): string[] {
  const panel = exploreGates(explorerSettings(values)).panels.find((p) => p.key === key);
  if (!panel) throw new Error(`no panel ${key}`);
  return panel.values.map((row) => formatEntry(row[step - 1]!));
}

function expectedRatio(values: Record<string, unknown>, kind: string): string {
  return formatNumber(gradientPaths(pathSettings(values)).find((c) => c.kind === kind)!.firstToLast);
}

test.describe('gating chapter', () => {
  test('renders the defaults from the server: LSTM gates at step 3, gradient ratios, counts', async ({ page }) => {
    await page.goto(SLUG);
    await expect(explorer(page).locator('figcaption').first()).toContainText('LSTM over 14 words (seed 1, H = 8, b_f = 1): step 3, “sat”');
    await expect(quantity(page, 'f')).toHaveText(expectedColumn({}, 'f', 3));
    await expect(quantity(page, 'c')).toHaveText(expectedColumn({}, 'c', 3));
    await expect(explorer(page).locator('.gate-grid')).toHaveCount(6);
    for (const kind of ['RNN', 'LSTM', 'GRU']) await expect(ratio(page, kind)).toHaveText(expectedRatio({}, kind));
    const lstm = gradientPaths(pathSettings({})).find((c) => c.kind === 'LSTM')!;
    await expect(ratio(page, 'LSTM-c')).toHaveText(formatNumber(lstm.cellFirstToLast!)); // the cell state's row
    await expect(page.locator('.speed-compare tr[data-kind="LSTM"] [data-count]')).toHaveText('25,088');
    await expect(page.locator('.speed-compare tr[data-kind="GRU"] [data-count]')).toHaveText('18,816');
    await expect(explorer(page)).not.toContainText('NaN');
    await expect(page.locator('.gradient-paths')).not.toContainText('NaN');
  });

  test('the explorer follows the keyboard: step, cell and remember bias; the PyTorch block follows', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await explorerControls(page).getByRole('slider', { name: 'Step t' }).focus();
    await page.keyboard.press('ArrowRight'); // 3 → 4
    await expect(explorer(page)).toHaveAttribute('data-step', '4');
    await expect(quantity(page, 'h')).toHaveText(expectedColumn({}, 'h', 4));

    await explorerControls(page).getByRole('radio', { name: 'LSTM' }).focus();
    await page.keyboard.press('ArrowRight'); // LSTM → GRU
    await expect(explorer(page)).toHaveAttribute('data-kind', 'GRU');
    await expect(quantity(page, 'z')).toHaveText(expectedColumn({ cell: 'GRU' }, 'z', 4));
    await expect(explorer(page).locator('.gate-grid')).toHaveCount(4);
    await expect(explorer(page).locator('code')).toContainText('gru = nn.GRU(input_size=4, hidden_size=8)');

    await explorerControls(page).getByRole('radio', { name: '1' }).focus();
    await page.keyboard.press('ArrowRight'); // bias 1 → 2
    await expect(quantity(page, 'z')).toHaveText(expectedColumn({ cell: 'GRU', fb: '2' }, 'z', 4));
    await expect(explorer(page).locator('code')).toContainText('gru.bias_ih_l0[H:2 * H].fill_(2)');
    await expect(ratio(page, 'LSTM')).toHaveText(expectedRatio({ fb: '2' }, 'LSTM')); // the same variable drives both widgets
  });

  test('the gradient paths follow the keyboard', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await pathControls(page).getByRole('slider', { name: 'Sequence length T' }).focus();
    await page.keyboard.press('ArrowRight'); // 50 → 51
    await expect(page.locator('.gradient-paths figcaption').first()).toContainText('step T = 51');
    for (const kind of ['RNN', 'GRU']) await expect(ratio(page, kind)).toHaveText(expectedRatio({ pT: 51 }, kind));
    await expect(page.locator('.gradient-paths svg[role="img"]')).toHaveCount(1);
  });

  test('the URL keeps the settings and restores them in a new page; garbage in the URL keeps the defaults', { tag: '@base' }, async ({ page, context }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    await explorerControls(page).getByLabel('Your sentence').fill('gates open and close');
    await explorerControls(page).getByRole('radio', { name: 'GRU' }).check();
    await explorerControls(page).getByRole('slider', { name: 'Step t' }).focus();
    await page.keyboard.press('ArrowLeft'); // 3 → 2
    await explorerControls(page).getByRole('radio', { name: '0' }).check();
    await expect(page).toHaveURL(/fb=0/);
    const values = { text: 'gates open and close', cell: 'GRU', fb: '0' };

    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateIslands(second);
    await expect(explorer(second)).toHaveAttribute('data-step', '2');
    await expect(explorer(second).locator('figcaption').first()).toContainText('GRU over 4 words (seed 1, H = 8, b_z = 0): step 2, “open”');
    await expect(quantity(second, 'n')).toHaveText(expectedColumn(values, 'n', 2));
    await expect(ratio(second, 'GRU')).toHaveText(expectedRatio({ fb: '0' }, 'GRU'));

    await second.goto(`${SLUG}?step=banana&cell=RNN&fb=9&H=-3&pT=1e9&seed=0.5&taskT=x`);
    await hydrateIslands(second);
    await expect(explorer(second).locator('figcaption').first()).toContainText('LSTM over 14 words (seed 1, H = 8, b_f = 1): step 3');
    await expect(quantity(second, 'f')).toHaveText(expectedColumn({}, 'f', 3));
    await expect(ratio(second, 'RNN')).toHaveText(expectedRatio({}, 'RNN'));
  });

  test('bad input: wordless text, a step past the end and a huge task T get inline messages', async ({ page }) => {
    await page.goto(`${SLUG}?taskT=1000`);
    await hydrateIslands(page);
    await expect(trainer(page).locator('[data-cap-message]')).toContainText('T = 1000 is more than this page trains on');
    await expect(trainer(page).locator('figcaption').first()).toContainText('T = 200');
    const field = explorerControls(page).getByLabel('Your sentence');
    await field.fill('!!! ??? …');
    await expect(explorer(page).locator('[data-text-message]')).toContainText('No words found');
    await expect(explorer(page).locator('.gate-grid')).toHaveCount(0);
    await expect(explorer(page).locator('code')).toContainText('# No words to read yet');
    await field.fill('only two');
    await expect(explorer(page).locator('[data-step-message]')).toHaveText('The sentence has 2 words, so step 2 is shown instead of step 3.');
    await expect(explorer(page)).not.toContainText('NaN');
  });

  test('the exercises check answers instantly', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const [cell, count] = [page.locator('.unrolled-exercise').nth(0), page.locator('.unrolled-exercise').nth(1)];
    await cell.getByRole('textbox').fill('1.8');
    await cell.getByRole('textbox').press('Enter');
    await expect(cell.locator('.verdict')).toHaveText(/Not quite/);
    await cell.getByRole('textbox').fill('0.9*2 + 0.5*(-0.4)');
    await expect(cell.locator('.verdict')).toHaveText(/Correct/);
    await count.getByRole('textbox').fill('3*H*(D+H+2)');
    await count.getByRole('textbox').press('Enter');
    await expect(count.locator('.verdict')).toHaveText(/Not quite/);
    await count.getByRole('textbox').fill('4*H*D + 4*H*H + 8*H');
    await expect(count.locator('.verdict')).toHaveText(/Correct/);
  });

  test('the PyTorch block opens and copies', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(SLUG);
    await hydrateIslands(page);
    await page.getByText('The same in PyTorch: this LSTM, with its weights copied in').click();
    await explorer(page).locator('.pytorch').getByRole('button', { name: 'Copy' }).click();
    await expect(explorer(page).locator('.pytorch [role="status"]')).toHaveText(/Copied|Selected/);
  });

  test('training runs in a worker: progress in a status region, stop, and a finished short run', { tag: '@base' }, async ({ page }) => {
    await page.goto(`${SLUG}?taskT=40`);
    await hydrateIslands(page);
    const status = trainer(page).getByRole('status');
    await trainer(page).getByRole('button', { name: 'Start training' }).click();
    await expect(status).toContainText(/Training: step [1-9]/);
    await trainer(page).getByRole('button', { name: 'Stop' }).click();
    await expect(trainer(page)).toHaveAttribute('data-phase', 'stopped');
    await expect(status).toContainText('Stopped: step');
    // The page stays responsive while and after training: the explorer still reacts.
    await explorerControls(page).getByRole('slider', { name: 'Step t' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(explorer(page)).toHaveAttribute('data-step', '4');

    await page.goto(`${SLUG}?taskT=3`);
    await hydrateIslands(page);
    await trainer(page).getByRole('button', { name: 'Start training' }).click();
    await expect(trainer(page)).toHaveAttribute('data-phase', 'finished', { timeout: 45_000 });
    await expect(trainer(page).getByRole('status')).toContainText('Finished: step 800 of 800.');
    await expect(trainer(page)).not.toContainText('NaN');
  });

  test('the cell diagram at 390 px: a wire reached by Tab shows its numbers and equation; the GRU form changes the numbers', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    const diagram = page.locator('.cell-diagram');
    const controls = page.getByRole('group', { name: 'Cell diagram' });
    // Hydrate only this figure and its controls (client:visible), not the whole chapter.
    await controls.scrollIntoViewIfNeeded();
    await expect(controls.locator('astro-island[ssr]')).toHaveCount(0);
    await diagram.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]', { has: diagram })).toHaveCount(0);
    const vector = (values: readonly number[]) => `[${values.map(formatEntry).join(', ')}]`;
    await expect(diagram.locator('svg [data-wire]')).toHaveCount(13);
    const box = (await diagram.locator('svg').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    await controls.getByRole('radio', { name: 'PyTorch' }).focus();
    for (const key of ['cPrev', 'hPrev', 'x', 'hx', 'f']) {
      await page.keyboard.press('Tab');
      await expect(diagram.locator(`svg [data-wire="${key}"]`)).toBeFocused();
    }
    const lstm = diagramValues(explorerSettings({}), 3, 'after').vectors;
    await expect(diagram.locator('svg [data-wire="f"]')).toHaveAttribute('aria-label', `forget gate: ${vector(lstm.f!)}`);
    await expect(diagram.locator('.info')).toHaveAttribute('data-shown', 'f');
    await expect(diagram.locator('.info [data-vector]')).toHaveText(vector(lstm.f!));
    await expect(diagram.locator('.info .equation .katex-mathml')).toContainText('W');

    await controls.getByRole('radio', { name: 'GRU' }).check();
    await expect(diagram.locator('svg [data-wire]')).toHaveCount(14);
    const [after, before] = (['after', 'before'] as const).map((reset) => diagramValues(explorerSettings({ cell: 'GRU' }), 3, reset).vectors);
    await diagram.locator('svg [data-wire="h"]').focus();
    await expect(diagram.locator('.info [data-vector]')).toHaveText(vector(after!.h!));
    await controls.getByRole('radio', { name: 'Cho' }).check();
    await expect(diagram).toHaveAttribute('data-reset', 'before');
    await expect(diagram.locator('.info [data-vector]')).toHaveText(vector(before!.h!));
    await expect(diagram.locator('tr[data-form="before"] td').first()).toHaveText(formatEntry(before!.h![0]!));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SLUG);
    await hydrateIslands(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('gating-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});

test.describe('gating chapter: a worker that cannot run', () => {
  test.use({ allowedFailures: [/task-training\.worker/], allowConsoleErrors: true });

  test('a crashed worker is reported inline and the rest of the page keeps working', async ({ page }) => {
    await page.route(/task-training\.worker/, (route) => route.abort());
    await page.goto(SLUG);
    await hydrateIslands(page);
    await trainer(page).getByRole('button', { name: 'Start training' }).click();
    await expect(trainer(page).locator('[data-failure]')).toContainText('The training worker stopped unexpectedly');
    await expect(trainer(page)).toHaveAttribute('data-phase', 'failed');
    await explorerControls(page).getByRole('slider', { name: 'Step t' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(explorer(page)).toHaveAttribute('data-step', '4');
  });
});
