/**
 * Chapter 2, "From text to vectors", in a real browser. Expected numbers are lib/data/text's, the
 * same ones test/src/components/TextVectors/text-vectors.test.ts checks against lib:
 *   - default sentences: "mat" in s1 weighs 1/6 · ln(4/2) = 0.116; "the" has idf ln(4/5) = −0.223;
 *   - default query "free money offer" on the 200-message sample: df 62, 25, 19; the top 8 are spam;
 *   - n-grams: 5,914 distinct words in all 200 messages, 662 in the first 10.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

const sentencesBox = (page: Page) => page.getByLabel('Your sentences, one per line');
const queryBox = (page: Page) => page.getByLabel('Query', { exact: true });
const widget = (page: Page, name: string) => page.locator(`[data-widget="${name}"]`);
const countsHeader = (page: Page) => widget(page, 'sentence-vectors').locator('table[data-table="counts"] thead th');

/** Replace a field's text by typing, as a reader would. */
async function retype(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every widget shows its default state', async ({ page }) => {
    await page.goto('text-to-vectors/');
    await expect(page.locator('[data-readout="worked-weight"]')).toHaveText('0.116');
    await expect(countsHeader(page)).toHaveText(['Sentence', 'the', 'cat', 'sat', 'on', 'mat', 'dog', 'log', 'chased', 'ate', 'my', 'homework', '|d|']);
    await expect(widget(page, 'bm25').locator('[data-term]')).toHaveText([/free df = 62/, /money df = 25, idf = 1\.929/, /offer df = 19/]);
    await expect(widget(page, 'bm25').locator('li[data-rank] .label')).toHaveText(Array(8).fill('spam'));
    await expect(widget(page, 'ngrams').locator('tr[data-n="1"] [data-vocabulary]')).toHaveText('5,914');
    await expect(widget(page, 'embedding').locator('[data-readout="ids"]')).toHaveText('ids [0, 1, 2, 3, 0, 4]');
    await expect(widget(page, 'pytorch')).toContainText("'the cat sat on the mat',");
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });
});

test.describe('with JavaScript', () => {
  test('typed sentences drive the vectors, the embedding and the PyTorch code', async ({ page }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    await retype(page, sentencesBox(page), 'spam spam eggs\nham and eggs');
    await expect(countsHeader(page)).toHaveText(['Sentence', 'spam', 'eggs', 'ham', 'and', '|d|']);
    // N = 2: spam is only in s1 (df 1) → idf ln(2/2) = 0; eggs in both → ln(2/3) = −0.405.
    await expect(widget(page, 'sentence-vectors').locator('tfoot [data-idf]')).toHaveText(['0', '−0.405', '0', '0']);
    await expect(widget(page, 'embedding').locator('[data-readout="ids"]')).toHaveText('ids [0, 0, 1]');
    await expect(widget(page, 'pytorch')).toContainText("'spam spam eggs',");
    await expect(page).toHaveURL(/sentences=spam/);

    const dimension = page.getByRole('slider', { name: 'Embedding size D_in' });
    await dimension.focus();
    await page.keyboard.press('ArrowRight'); // 8 → 9
    await expect(widget(page, 'embedding').locator('[role="columnheader"]')).toHaveCount(9);
    await expect(widget(page, 'pytorch')).toContainText('nn.Embedding(len(vocab), 9)');
  });

  test('the query and the k1 and b sliders drive the BM25 ranking', async ({ page }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    const ranking = widget(page, 'bm25');
    await retype(page, queryBox(page), 'linux kernel');
    await expect(ranking.locator('li[data-rank="1"] .label')).toHaveText('ham');
    await expect(ranking.locator('[data-term]')).toHaveText([/linux df = 13/, /kernel df = 2/]);

    const top = ranking.locator('li[data-rank="1"] [data-score]');
    const before = await top.getAttribute('data-score');
    const k1 = page.getByRole('slider', { name: 'k1: how fast repeats saturate' });
    await k1.focus();
    await page.keyboard.press('Home'); // k1 = 0: only presence counts, each word weighs its idf
    await expect(k1).toHaveValue('0');
    await expect(top).not.toHaveAttribute('data-score', before!);
    // With k1 = 0 the best message holds both words: ln(187.5/13.5) + ln(198.5/2.5) = 7.008.
    await expect(top).toHaveText('7.01');
    const b = page.getByRole('slider', { name: 'b: length normalisation' });
    await b.focus();
    await page.keyboard.press('End');
    await expect(b).toHaveValue('1');
    await expect(page).toHaveURL(/k1=0/);
    await expect(page).toHaveURL(/b=1/);
  });

  test('the messages slider drives the n-gram table', { tag: '@base' }, async ({ page }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    const slider = page.getByRole('slider', { name: 'Messages used' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveValue('10');
    await expect(widget(page, 'ngrams').locator('tr[data-n="1"] [data-vocabulary]')).toHaveText('662');
    await page.keyboard.press('ArrowRight');
    await expect(widget(page, 'ngrams')).toContainText('With the first 20 messages');
    await expect(widget(page, 'ngrams').locator('svg[aria-label]')).toBeVisible();
  });

  test('the state in the URL comes back in a new page', { tag: '@base' }, async ({ page, context }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    await retype(page, sentencesBox(page), 'a b c\nc d');
    await retype(page, queryBox(page), 'mortgage');
    const docs = page.getByRole('slider', { name: 'Messages used' });
    await docs.focus();
    await page.keyboard.press('ArrowLeft'); // 200 → 190
    await expect(page).toHaveURL(/docs=190/);
    const url = page.url();

    const second = await context.newPage();
    await second.goto(url);
    await hydrateIslands(second);
    await expect(sentencesBox(second)).toHaveValue('a b c\nc d');
    await expect(queryBox(second)).toHaveValue('mortgage');
    await expect(countsHeader(second)).toHaveText(['Sentence', 'a', 'b', 'c', 'd', '|d|']);
    await expect(widget(second, 'bm25').locator('[data-term]')).toHaveText([/mortgage df = 13/]);
    await expect(widget(second, 'ngrams')).toContainText('With the first 190 messages');
  });

  test('bad input gives inline messages, never NaN or a broken page', async ({ page }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    await retype(page, sentencesBox(page), '');
    await expect(widget(page, 'sentence-vectors')).toContainText('Type at least one sentence');
    await expect(widget(page, 'embedding')).toContainText('no words to look up');

    await retype(page, queryBox(page), 'qwxyzzy');
    await expect(widget(page, 'bm25')).toContainText('No message in the sample contains “qwxyzzy”');
    await retype(page, queryBox(page), 'the money');
    await expect(widget(page, 'bm25')).toContainText('negative idf');

    // 10,000 characters pasted: the field keeps its maximum and says so; the widgets cope.
    await sentencesBox(page).fill(Array.from({ length: 1700 }, (_, i) => `w${i}`).join(' ').slice(0, 10_000));
    await expect(page.locator('[data-variable="sentences"]')).toContainText('Cut to 2000 characters');
    await expect(widget(page, 'sentence-vectors')).toContainText('the first 30 columns are shown');
    await expect(widget(page, 'embedding')).toContainText('The first 16 of its');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });

  test('garbage in the URL leaves the defaults', async ({ page }) => {
    await page.goto('text-to-vectors/?k1=abc&b=7&docs=-5&dim=1e9&seed=NaN&query=%00%01&sentences=&zzz=1');
    await hydrateIslands(page);
    await expect(page.getByRole('slider', { name: 'k1: how fast repeats saturate' })).toHaveValue('1.2');
    await expect(page.getByRole('slider', { name: 'Messages used' })).toHaveValue('200');
    await expect(widget(page, 'ngrams').locator('tr[data-n="1"] [data-vocabulary]')).toHaveText('5,914');
    await expect(page.locator('main')).not.toContainText('NaN', { useInnerText: true }); // what a reader sees (print captions quote the URL)
  });

  test('the exercises check answers instantly', async ({ page }) => {
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    const exercises = page.locator('.unrolled-exercise');
    await exercises.nth(0).getByLabel('Your answer').fill('0.25*log(20)');
    await exercises.nth(0).getByLabel('Your answer').press('Enter');
    await expect(exercises.nth(0)).toContainText('✓');
    await exercises.nth(1).getByLabel('Your answer').fill('2.12');
    await exercises.nth(1).getByLabel('Your answer').press('Enter');
    await expect(exercises.nth(1)).toContainText('✗');
  });

  test('at 390 px the page does not scroll sideways (screenshot attached)', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('text-to-vectors/');
    await hydrateIslands(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('text-to-vectors-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
