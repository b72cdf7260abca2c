/**
 * Chapter 11, pronounce, in a real browser on onnxruntime-web's WASM backend (the suite launches Chromium with
 * --disable-gpu, so WebGPU is absent and the chip says why). Expected phonemes and beam candidates come from the
 * widgets' own logic run on the committed model in Node (onnxruntime-web, WASM); the backend chip and the
 * failure paths (404, corrupt file, cancel, no WebGPU) are tested in the onnx-runtime specs.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { beamRows } from '../../src/components/Pronounce/beam-view.ts';
import type { G2pModel } from '../../src/components/Pronounce/g2p-model.ts';
import { beamWord, decodeWord } from '../../src/components/Pronounce/word-decoding.ts';
import { loadCommittedModel } from '../src/components/Pronounce/g2p-runners.ts';

const SLUG = 'pronounce/';
const word = (page: Page) => page.locator('.pronounce-word');
const phonemes = (page: Page) => word(page).locator('[data-phonemes]');
const wordControls = (page: Page) => page.getByRole('group', { name: 'Your word' });
const beamControls = (page: Page) => page.getByRole('group', { name: 'Beam search' });
const beam = (page: Page) => page.locator('.beam-search');
const gates = (page: Page) => page.locator('.encoder-gates');
const attention = (page: Page) => page.locator('.attention-map');

let model: G2pModel;
test.beforeAll(async () => {
  model = await loadCommittedModel();
});

/** The greedy phonemes the page should show for a word, from the same logic on the committed model in Node. */
async function expectedPhonemes(spelling: string): Promise<{ text: string; rows: number }> {
  const outcome = await decodeWord(model, spelling);
  if ('error' in outcome) throw new Error(outcome.error);
  return { text: outcome.value.phonemes.join(' '), rows: outcome.value.attention.length };
}

/** The beam table's phoneme column for a word and width. */
async function expectedBeam(spelling: string, width: number): Promise<string[]> {
  const outcome = await beamWord(model, spelling, width);
  if ('error' in outcome) throw new Error(outcome.error);
  return beamRows(outcome.value).map((row) => row.phonemes).slice(0, 20); // the widget shows the best 20
}

/** Opens the page and waits until every island has hydrated and the model has loaded. */
async function openReady(page: Page, query = ''): Promise<void> {
  await page.goto(`${SLUG}${query}`);
  await hydrateIslands(page);
  await expect(word(page)).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
}

test.describe('pronounce chapter', () => {
  test('the default word is pronounced, with the backend chip, an IPA gloss and no NaN', { tag: '@base' }, async ({ page }) => {
    await openReady(page);
    const expected = await expectedPhonemes('pronounce');
    await expect(phonemes(page)).toHaveText(expected.text);
    await expect(word(page).locator('[data-backend-chip]')).toContainText('WASM');
    await expect(word(page).locator('[data-ipa]')).toHaveText(/^\/.+\/$/);
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });

  test('typing a word shows its phonemes; the attention heatmap and the beam follow', async ({ page }) => {
    await openReady(page);
    await wordControls(page).getByLabel('Your word').fill('colonel');
    const expected = await expectedPhonemes('colonel');
    await expect(phonemes(page)).toHaveText(expected.text);
    await expect(attention(page)).toHaveAttribute('data-rows', String(expected.rows));
    await expect(attention(page).locator('[role="columnheader"]')).toHaveText(['c', 'o', 'l', 'o', 'n', 'e', 'l']);
    await expect(beam(page).locator('[data-candidate] [data-phonemes]')).toHaveText(await expectedBeam('colonel', 4));
    await expect(beam(page).locator('tr.winner')).toHaveCount(1);
  });

  test('the beam width slider follows the keyboard and the list updates, best first', async ({ page }) => {
    await openReady(page, '?word=box');
    await beamControls(page).getByRole('slider', { name: 'Beam width k' }).focus();
    await page.keyboard.press('ArrowRight'); // 4 → 5
    await expect(beam(page)).toHaveAttribute('data-width', '5');
    await expect(beam(page).locator('[data-candidate] [data-phonemes]')).toHaveText(await expectedBeam('box', 5));
    const scores = (await beam(page).locator('[data-score]').allTextContents()).map((s) => Number(s.replace('−', '-')));
    expect(scores.every((score, i) => i === 0 || scores[i - 1]! >= score)).toBe(true);
    await page.keyboard.press('Home'); // k = 1: greedy
    await expect(beam(page).locator('[data-candidate]')).toHaveCount(1);
    await expect(beam(page).locator('[data-candidate] [data-phonemes]')).toHaveText((await expectedPhonemes('box')).text);
  });

  test('the heatmap is readable by keyboard', async ({ page }) => {
    await openReady(page, '?word=cat');
    const firstCell = attention(page).locator('[role="gridcell"]').first();
    await firstCell.focus();
    await page.keyboard.press('ArrowRight');
    await expect(attention(page).locator('[role="gridcell"][tabindex="0"]')).toHaveAttribute('aria-label', /, a: \d/);
  });

  test("the encoder's gates replay in the core and match onnxruntime (✓); the letter slider moves the table", async ({ page }) => {
    await openReady(page, '?word=knight');
    await expect(gates(page).locator('[data-gate-check]')).toHaveAttribute('data-pass', 'true');
    await expect(gates(page).locator('[data-gate-check]')).toContainText('✓');
    await page.getByRole('group', { name: 'Encoder gates' }).getByRole('slider', { name: 'Letter position t' }).focus();
    await page.keyboard.press('ArrowRight'); // 1 → 2
    await expect(gates(page)).toHaveAttribute('data-letter', '2');
    await expect(gates(page).locator('caption')).toContainText('Letter 2, “n”');
    await expect(gates(page).locator('tr[data-direction="forward"][data-quantity="h"] td')).toHaveCount(4);
  });

  test('the latency table fills on WASM and says why WebGPU is missing', async ({ page }) => {
    await openReady(page, '?word=cat');
    await page.locator('.latency-table [data-measure]').click();
    await expect(page.locator('.latency-table')).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
    await expect(page.locator('.latency-table [data-per-step]')).toHaveCount(2);
    await expect(page.locator('.latency-table [data-per-step]').first()).toHaveText(/^\d.* (µs|ms)$/);
    await expect(page.locator('.latency-table [data-unavailable]')).toContainText('not available here');
  });

  test('word and beam width round-trip through the URL into a new page', { tag: '@base' }, async ({ page, context }) => {
    await openReady(page);
    await wordControls(page).getByLabel('Your word').fill('phone');
    await beamControls(page).getByRole('slider', { name: 'Beam width k' }).focus();
    await page.keyboard.press('ArrowLeft'); // 4 → 3
    await expect(page).toHaveURL(/word=phone/);
    await expect(page).toHaveURL(/beam=3/);
    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateIslands(second);
    await expect(wordControls(second).getByLabel('Your word')).toHaveValue('phone');
    await expect(beam(second)).toHaveAttribute('data-width', '3');
    await expect(phonemes(second)).toHaveText((await expectedPhonemes('phone')).text);
  });

  test('a garbage URL keeps the defaults', async ({ page }) => {
    await openReady(page, '?beam=abc&letter=%F0%9F%98%80&unknown=1');
    await expect(beam(page)).toHaveAttribute('data-width', '4');
    await expect(gates(page)).toHaveAttribute('data-letter', '1');
    await expect(phonemes(page)).toHaveText((await expectedPhonemes('pronounce')).text);
  });

  test('bad words get an inline message naming the characters, in every widget, and nothing breaks', async ({ page }) => {
    await openReady(page);
    const field = wordControls(page).getByLabel('Your word');
    await field.fill('b0x 😀');
    await expect(word(page).locator('[data-word-message]')).toContainText('“0”');
    await expect(word(page).locator('[data-word-message]')).toContainText('😀');
    for (const widget of [beam(page), gates(page), attention(page)]) await expect(widget.locator('[data-word-message]')).toBeVisible();
    await field.fill('');
    await expect(word(page).locator('[data-word-message]')).toContainText('Type a word');
    await field.fill('a'.repeat(31));
    await expect(word(page).locator('[data-word-message]')).toContainText('31 letters');
    await field.fill('cat');
    await expect(phonemes(page)).toHaveText((await expectedPhonemes('cat')).text);
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });

  test('the exercises check answers instantly', async ({ page }) => {
    await page.goto(SLUG);
    await hydrateIslands(page);
    const exercise = page.locator('.unrolled-exercise').first();
    await exercise.getByRole('textbox').fill('-0.5');
    await exercise.getByRole('textbox').press('Enter');
    await expect(exercise.locator('.verdict')).toHaveText(/Not quite/);
    await exercise.getByRole('textbox').fill('log(0.8)+log(0.9)+log(0.76)');
    await expect(exercise.locator('.verdict')).toHaveText(/Correct/);
    const count = page.locator('.unrolled-exercise').nth(1);
    await count.getByRole('textbox').fill('7');
    await count.getByRole('textbox').press('Enter');
    await expect(count.locator('.verdict')).toHaveText(/Not quite/);
    await count.getByRole('textbox').fill('3');
    await expect(count.locator('.verdict')).toHaveText(/Correct/);
  });

  test('the PyTorch block follows the word and copies', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${SLUG}?word=knight`);
    await hydrateIslands(page);
    const block = page.locator('.unrolled-pytorch-code');
    await expect(block.locator('code')).toContainText("word = 'knight'.strip().lower()");
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('status')).toHaveText(/Copied|Selected/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('numpy_helper');
  });

  test('reads on a phone: 390 px wide, no page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openReady(page, '?word=colonel');
    await expect(phonemes(page)).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await testInfo.attach('pronounce-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });
});
