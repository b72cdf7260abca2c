/**
 * Chapter 1, "Why sequences", in a real browser: the unrolled RNN, the fixed-length contrast, the
 * PyTorch mirror and the exercises. Expected numbers come from the widgets' own logic over lib/
 * (src/components/UnrolledRnn/*.ts, unit-tested against lib's sequence driver and lib/count.ts),
 * and the counts are hand counts: 6·(4+6+2) = 72, 8·4·6+6 = 198, 6·4·6+6 = 150.
 * Accessibility (axe, light and dark) is covered for every page, this one included, by page-audit.spec.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { formatNumber } from '../../src/kit/format.ts';
import { roundTo } from '../../src/components/UnrolledRnn/embedding.ts';
import { DEFAULT_SETUP, unrolledView } from '../../src/components/UnrolledRnn/unrolled-rnn.ts';

const DEFAULT_WORDS = ['the', 'cat', 'sat', 'on', 'the', 'mat'];

/** A vector as the widget prints it. */
const vector = (values: readonly number[]) => `[${values.map((v) => formatNumber(roundTo(v, 3))).join(', ')}]`;

const rnn = (page: Page) => page.locator('.unrolled-rnn');
const fixed = (page: Page) => page.locator('.fixed-length');
const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`);
const stepSlider = (page: Page) => page.getByRole('slider', { name: 'Step t (words read so far)' });
const sentenceField = (page: Page) => rnn(page).getByRole('textbox', { name: 'Your sentence' });
const code = (page: Page) => page.locator('[data-pytorch-mirror] code');
const hCells = (page: Page) => rnn(page).locator('.unrolled-heatmap').first().getByRole('gridcell');

test.describe('why-sequences: the default state', () => {
  test('shows lib\'s numbers before any interaction', async ({ page }) => {
    const view = unrolledView(DEFAULT_SETUP, DEFAULT_WORDS);
    await page.goto('why-sequences/');
    await expect(readout(page, 'step')).toHaveText('5 of 6');
    await expect(readout(page, 'word')).toHaveText('the');
    await expect(readout(page, 'x')).toHaveText(vector(view.steps[4]!.x));
    await expect(readout(page, 'h')).toHaveText(vector(view.steps[4]!.h));
    await expect(readout(page, 'repeat')).toContainText(vector(view.steps[0]!.h));
    await expect(readout(page, 'rnnCount')).toHaveText('72');
    await expect(readout(page, 'ffFixed')).toHaveText('198');
    await expect(readout(page, 'ffSentence')).toHaveText('150');
    await expect(readout(page, 'rnn')).toHaveText('72');
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(6);
    await expect(hCells(page)).toHaveCount(5 * 6);
    await expect(hCells(page).first()).toHaveAttribute('aria-label', `1 the, h1: ${formatNumber(view.steps[0]!.h[0]!)}`);
    await expect(code(page)).toContainText('rnn = nn.RNN(input_size=4, hidden_size=6)');
    await expect(code(page)).toContainText("print(output[4, 0])  # h_5, after 'the'");
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the page still shows the unrolled chain, the counts and the code', async ({ page }) => {
      await page.goto('why-sequences/');
      await expect(rnn(page).locator('li[data-step]')).toHaveCount(6);
      await expect(rnn(page).locator('li.current .word')).toHaveText('the');
      await expect(readout(page, 'rnnCount')).toHaveText('72');
      await expect(fixed(page).locator('li[data-slot]')).toHaveCount(8);
      await expect(code(page)).toContainText('nn.Embedding(len(vocab), 4)');
    });
  });
});

test.describe('why-sequences: the widgets respond', () => {
  test('the step slider, moved by keyboard, changes h_t, the heatmap and the PyTorch code', async ({ page }) => {
    const view = unrolledView(DEFAULT_SETUP, DEFAULT_WORDS);
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    const slider = stepSlider(page);
    await slider.focus();
    await page.keyboard.press('ArrowLeft'); // t 5 → 4
    await expect(slider).toHaveValue('4');
    await expect(readout(page, 'word')).toHaveText('on');
    await expect(readout(page, 'h')).toHaveText(vector(view.steps[3]!.h));
    await expect(hCells(page)).toHaveCount(4 * 6);
    await expect(rnn(page).locator('li.current')).toHaveAttribute('data-step', '4');
    await expect(page).toHaveURL(/[?&]t=4\b/);
    await expect(code(page)).toContainText('print(output[3, 0])  # h_4');
    await page.keyboard.press('End');
    await expect(slider).toHaveValue('6');
    await expect(readout(page, 'word')).toHaveText('mat');
    await expect(readout(page, 'h')).toHaveText(vector(view.steps[5]!.h));
    await page.keyboard.press('Home');
    await expect(readout(page, 'word')).toHaveText('the');
    await expect(readout(page, 'repeat')).toHaveCount(0);
  });

  test('typing a sentence re-runs the RNN, and both widgets and the code follow it', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    await sentenceField(page).fill('The dog bit the man, and then the man bit the dog!');
    const words = ['the', 'dog', 'bit', 'the', 'man', 'and', 'then', 'the', 'man', 'bit', 'the', 'dog'];
    const view = unrolledView(DEFAULT_SETUP, words);
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(12);
    await expect(readout(page, 'h')).toHaveText(vector(view.steps[4]!.h)); // t stays 5
    await expect(fixed(page).getByRole('textbox', { name: 'Your sentence' })).toHaveValue(/^The dog bit/);
    await expect(fixed(page).locator('li[data-dropped]')).toHaveCount(4); // 12 words into 8 slots
    await expect(readout(page, 'ffSentence')).toHaveText(formatNumber(12 * 4 * 6 + 6));
    await expect(readout(page, 'rnnCount')).toHaveText('72');
    await expect(code(page)).toContainText("words = ['the', 'dog', 'bit', 'the', 'man', 'and', 'then', 'the', 'man', 'bit', 'the', 'dog']");
    await expect(page).toHaveURL(/sentence=The(\+|%20)dog/);
  });

  test('the length slider L pads or cuts the feed-forward input and changes its count', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    const length = page.getByRole('slider', { name: 'Feed-forward input length L' });
    await length.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft'); // L 8 → 5
    await expect(length).toHaveValue('5');
    await expect(fixed(page).locator('li[data-slot]')).toHaveCount(5);
    await expect(fixed(page).locator('li[data-dropped]')).toHaveText(['mat (cut off)']);
    await expect(readout(page, 'fit')).toContainText('the last 1 word never reach');
    await expect(readout(page, 'ffFixed')).toHaveText(formatNumber(5 * 4 * 6 + 6));
    await expect(readout(page, 'rnn')).toHaveText('72');
    await expect(page.locator('.unrolled-live-formula').first()).toHaveAttribute('data-value', String(5 * 4 * 6 + 6));
  });

  test('the sizes and the seed change the network, and the counts follow lib', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    const hidden = page.getByRole('slider', { name: 'Hidden size D_h' });
    await hidden.focus();
    await page.keyboard.press('ArrowLeft'); // D_h 6 → 5
    await page.getByRole('spinbutton', { name: /^Seed/ }).fill('42');
    const view = unrolledView({ inputSize: 4, hiddenSize: 5, seed: 42 }, DEFAULT_WORDS);
    await expect(readout(page, 'h')).toHaveText(vector(view.steps[4]!.h));
    await expect(readout(page, 'rnnCount')).toHaveText(formatNumber(view.parameterCount));
    await expect(code(page)).toContainText('rnn = nn.RNN(input_size=4, hidden_size=5)');
    await expect(code(page)).toContainText("(seed 42)");
  });

  test('the PyTorch block can be copied', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    await page.locator('[data-pytorch-mirror]').getByRole('button', { name: 'Copy' }).click();
    await expect(page.locator('[data-pytorch-mirror] [role="status"]')).toHaveText(/Copied|Selected/);
  });

  test('the exercises check answers instantly', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    const [numeric, formula] = [page.locator('.unrolled-exercise').nth(0), page.locator('.unrolled-exercise').nth(1)];
    await numeric.getByRole('textbox').fill('11');
    await numeric.getByRole('textbox').press('Enter');
    await expect(numeric.locator('.verdict')).toHaveText(/Not quite/);
    await numeric.getByRole('textbox').fill('12');
    await expect(numeric.locator('.verdict')).toHaveText(/Correct/);
    await formula.getByRole('textbox').fill('T*D*H');
    await formula.getByRole('textbox').press('Enter');
    await expect(formula.locator('.verdict')).toHaveText(/Not quite/);
    await formula.getByRole('textbox').fill('H*(T*D + 1)');
    await expect(formula.locator('.verdict')).toHaveText(/Correct/);
  });
});

test.describe('why-sequences: URL state', () => {
  test('the sentence, step, sizes and seed round-trip into a new page', async ({ page, context }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    await sentenceField(page).fill('colourless green ideas sleep furiously');
    await stepSlider(page).focus();
    await page.keyboard.press('ArrowLeft'); // t 5 → 4
    await page.getByRole('spinbutton', { name: /^Seed/ }).fill('7');
    await expect(page).toHaveURL(/seed=7/);
    const h = await readout(page, 'h').textContent();
    const codeText = await code(page).textContent();

    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateIslands(second);
    await expect(sentenceField(second)).toHaveValue('colourless green ideas sleep furiously');
    await expect(stepSlider(second)).toHaveValue('4');
    await expect(readout(second, 'word')).toHaveText('sleep');
    await expect(readout(second, 'h')).toHaveText(h!);
    await expect(code(second)).toHaveText(codeText!);
  });

  test('garbage in the URL is ignored or clamped, never shown as NaN', async ({ page }) => {
    await page.goto('why-sequences/?t=999&seed=abc&H=1e309&D=-3&L=NaN&sentence=%F0%9F%99%82%20hi%20%E2%80%94%20there');
    await hydrateIslands(page);
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(2);
    await expect(stepSlider(page)).toHaveValue('2'); // t = 5 (the default; 999 is out of range) clamped to 2 words
    await expect(readout(page, 'word')).toHaveText('there');
    await expect(readout(page, 'rnnCount')).toHaveText('72');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });
});

test.describe('why-sequences: bad input', () => {
  test('empty, punctuation-only and emoji-only sentences show a message, and the page keeps working', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    const message = rnn(page).locator('[data-message]');
    for (const [text, expected] of [
      ['', /Type a sentence/],
      ['   ', /Type a sentence/],
      ['?!... ;;', /No words found/],
      ['🙂🙃🎉', /No words found/],
    ] as const) {
      await sentenceField(page).fill(text);
      await expect(message).toHaveText(expected);
      await expect(fixed(page).locator('[data-message]')).toHaveText(expected);
      await expect(rnn(page).locator('li[data-step]')).toHaveCount(0);
      await expect(rnn(page).locator('.empty')).toHaveText('Nothing to unroll yet.');
      await expect(fixed(page).locator('li.pad')).toHaveCount(8);
      await expect(code(page)).toHaveText(/^# No words/);
      await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
    }
    await sentenceField(page).fill('back again');
    await expect(message).toHaveCount(0);
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(2);
    await expect(readout(page, 'word')).toHaveText('again');
  });

  test('1,000 words are cut to the first 40, with a message', async ({ page }) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    await sentenceField(page).fill(Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' '));
    await expect(rnn(page).locator('[data-message]')).toHaveText('Your text has 1,000 words; the widgets read the first 40.');
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(40);
    await stepSlider(page).focus();
    await page.keyboard.press('End');
    await expect(readout(page, 'word')).toHaveText('w39');
    await expect(fixed(page).locator('li[data-dropped]')).toHaveCount(32);
    await expect(readout(page, 'rnnCount')).toHaveText('72');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });
});

test.describe('why-sequences: phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('reads at 390 px without page-level horizontal scroll', async ({ page }, testInfo) => {
    await page.goto('why-sequences/');
    await hydrateIslands(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await sentenceField(page).fill('a much longer sentence that makes the unrolled chain far wider than a phone screen can show at once');
    await expect(rnn(page).locator('li[data-step]')).toHaveCount(19);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('why-sequences-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
