/**
 * The notebook kit in a real browser, on the parameter calculator and the authoring guide.
 * Reference numbers are hand counts from lib/count.ts's formula G·D_h·(D_in + D_h + B):
 * the defaults (RNN, D_in = 100, D_h = 128, two biases) give 128 · 230 = 29,440.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { undersizedTargets } from './page-checks.ts';

/** Scroll through the page so every client:visible island hydrates, then wait until none is left unhydrated. */
async function hydrateAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
  // Any island the quick scroll passed too fast is brought into view on its own.
  await page.evaluate(async () => {
    for (const island of document.querySelectorAll('astro-island[ssr]')) {
      island.firstElementChild?.scrollIntoView();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

const total = (page: Page) => page.locator('[data-total]');
const formula = (page: Page) => page.locator('.unrolled-live-formula').first();
const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`);

test.describe('parameter calculator', () => {
  test('shows the defaults without any interaction', async ({ page }) => {
    await page.goto('parameters/');
    await expect(total(page)).toHaveText('29,440');
    await expect(readout(page, 'feedForward')).toHaveText('128,000');
    await expect(readout(page, 'cnn')).toHaveText('38,400');
    await expect(readout(page, 'recurrent')).toHaveText('29,184');
    await expect(formula(page)).toHaveAttribute('data-value', '29440');
  });

  test('a slider moved with the keyboard drives the formula, the table and the plot', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    const chart = page.locator('.unrolled-plot svg[aria-label]').first();
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    const chartBefore = await page.locator('.unrolled-plot .chart').first().innerHTML();

    const hidden = page.getByRole('slider', { name: 'Hidden size D_h' });
    await hidden.focus();
    await page.keyboard.press('ArrowRight'); // D_h 128 → 129
    await expect(hidden).toHaveValue('129');
    await expect(formula(page)).toHaveAttribute('data-value', String(129 * (100 + 129 + 2)));
    await expect(total(page)).toHaveText('29,799');
    await expect(readout(page, 'recurrent')).toHaveText((129 * 229).toLocaleString('en-US'));
    await expect.poll(() => page.locator('.unrolled-plot .chart').first().innerHTML()).not.toBe(chartBefore);

    await page.keyboard.press('End');
    await expect(hidden).toHaveValue('512');
    await page.keyboard.press('Home');
    await expect(hidden).toHaveValue('1');
    await page.keyboard.press('PageUp');
    expect(Number(await hidden.inputValue())).toBeGreaterThan(1);

    const length = page.getByRole('slider', { name: 'Sequence length T' });
    await length.focus();
    await page.keyboard.press('ArrowRight'); // T 10 → 11
    await expect(readout(page, 'T')).toHaveText('11');
  });

  test('the plot switches to a table and back', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    const toggle = page.getByRole('button', { name: 'Show as table' });
    await toggle.click();
    const table = page.getByRole('region', { name: /Parameters against sequence length T.*\(table\)/ });
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr').nth(9)).toContainText('128,000');
    await page.getByRole('button', { name: 'Show as chart' }).click();
    await expect(page.locator('.unrolled-plot svg[aria-label]').first()).toBeVisible();
  });

  test('bad input in a NumberField shows a message and changes nothing else', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    const field = page.getByRole('spinbutton', { name: 'Input size D_in' });
    const urlBefore = page.url();
    for (const [text, message] of [
      ['abc', /not a number/],
      ['NaN', /not a number/],
      ['', /Enter a number/],
      ['1e309', /too large/],
      ['5000', /above the maximum/],
      ['0', /below the minimum/],
      ['2.5', /whole number/],
    ] as const) {
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      await expect(page.locator(`[id="${describedBy[1]}"]`)).toHaveText(message);
      await expect(total(page)).toHaveText('29,440');
      await expect(formula(page)).toHaveAttribute('data-value', '29440');
      expect(page.url()).toBe(urlBefore);
    }
    await field.fill('50');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(total(page)).toHaveText((128 * (50 + 128 + 2)).toLocaleString('en-US'));
    await field.press('ArrowUp');
    await expect(field).toHaveValue('51');
    await field.press('End');
    await expect(field).toHaveValue('1024');
  });

  test('URL state round-trips into a new page', { tag: '@base' }, async ({ page, context }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    await page.getByRole('radio', { name: 'LSTM' }).check();
    const hidden = page.getByRole('slider', { name: 'Hidden size D_h' });
    await hidden.focus();
    await page.keyboard.press('ArrowLeft'); // 127
    await page.getByRole('radio', { name: 'two' }).first().check(); // directions: two
    await expect(page).toHaveURL(/cell=LSTM/);
    await expect(page).toHaveURL(/H=127/);
    const expected = await total(page).textContent();
    expect(expected).not.toBe('29,440');

    const second = await context.newPage();
    await second.goto(page.url());
    await hydrateAll(second);
    await expect(second.getByRole('slider', { name: 'Hidden size D_h' })).toHaveValue('127');
    await expect(second.getByRole('radio', { name: 'LSTM' })).toBeChecked();
    await expect(total(second)).toHaveText(expected!);
    await expect(second).toHaveURL(page.url());
  });

  test('garbage URL parameters are ignored and the defaults kept', async ({ page }) => {
    await page.goto('parameters/?H=abc&D=1e309&L=99&cell=Transformer&d=%E0%A4%A&B=__proto__&T=-4&constructor=1&__proto__[x]=1&zzz');
    await hydrateAll(page);
    await expect(page.getByRole('slider', { name: 'Hidden size D_h' })).toHaveValue('128');
    await expect(page.getByRole('spinbutton', { name: 'Input size D_in' })).toHaveValue('100');
    await expect(page.getByRole('radio', { name: 'RNN' })).toBeChecked();
    await expect(total(page)).toHaveText('29,440');
    await expect(readout(page, 'T')).toHaveText('10');
    expect(await page.evaluate(() => ({} as Record<string, unknown>).x)).toBeUndefined();
  });

  test('a FormulaCell evaluates a valid formula and shows errors inline', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    const cell = page.locator('.unrolled-formula-cell');
    const input = cell.getByRole('textbox');
    await expect(cell.locator('.value')).toHaveText('117,760'); // 4 · 128 · (100 + 128 + 2)
    await input.fill('2*H + D');
    await expect(cell.locator('.value')).toHaveText('356');
    await expect(cell.locator('.typeset .katex')).toBeVisible();
    for (const [text, message] of [
      ['2*H +', /Cannot read/],
      ['x + 1', /Unknown name/],
      ['__proto__', /Unknown name/],
      ['H.constructor', /not allowed/],
      ['1/0', /infinite/],
      ['10^20', /too large/],
    ] as const) {
      await input.fill(text);
      await expect(cell.locator('.unrolled-error-text')).toHaveText(message);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
    }
    // The rest of the page keeps working.
    await page.getByRole('slider', { name: 'Hidden size D_h' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(total(page)).toHaveText('29,799');
    await input.fill('H');
    await expect(cell.locator('.value')).toHaveText('129');
  });

  test('the LSTM exercise marks wrong and right formulas', async ({ page }) => {
    await page.goto('parameters/');
    await hydrateAll(page);
    const exercise = page.locator('.unrolled-exercise');
    const answer = exercise.getByRole('textbox');
    await answer.fill('4*H*(D+H+1)');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(exercise.locator('.verdict')).toHaveText(/Not quite/);
    await answer.fill('4*H^2 + 4*H*D + 8*H');
    await answer.press('Enter');
    await expect(exercise.locator('.verdict')).toHaveText(/Correct/);
    await exercise.getByRole('button', { name: 'Show hint 1 of 2' }).click();
    await expect(exercise.locator('.hints li')).toHaveCount(1);
    await exercise.getByText('Show the solution').click();
    await expect(exercise.locator('details.solution')).toContainText('4*H*(D+H+2)');
  });
});

test.describe('authoring guide', () => {
  // A machine without a CJK font draws Chinese labels as narrow boxes, which once squeezed a checkbox
  // to 20.5 px. Here every control label is cut to one narrow letter in a fallback font: the kit's
  // targets must still be 24 × 24 px, so the layout does not depend on which fonts a reader has.
  for (const path of ['authoring/', 'zh-cn/authoring/']) {
    test(`controls keep 24 px targets with one-letter labels in a fallback font (${path})`, { tag: '@rendering' }, async ({ page }) => {
      await page.goto(path);
      await hydrateAll(page);
      const shrunk = await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '.unrolled-control, .unrolled-control * { font-family: serif !important; font-size: 10px !important; }';
        document.head.append(style);
        const labels = [...document.querySelectorAll('.unrolled-control label span, .unrolled-control label:not(:has(span))')];
        for (const label of labels) for (const node of label.childNodes) if (node.nodeType === Node.TEXT_NODE) node.textContent = 'i';
        return document.querySelectorAll('.unrolled-control input[type=checkbox], .unrolled-control input[type=radio]').length;
      });
      expect(shrunk, 'the page shows at least one checkbox and one radio button').toBeGreaterThanOrEqual(2);
      expect(await undersizedTargets(page)).toEqual([]);
    });
  }


  test('numbered equations link to their anchors', async ({ page }) => {
    await page.goto('authoring/');
    await expect(page.locator('#eq-rnn-step')).toHaveCount(1);
    const reference = page.locator('a.unrolled-eqref[href="#eq-lstm-cell"]').first();
    await expect(reference).toHaveText('(2)');
  });

  test('a numeric exercise accepts the right number and arithmetic, and rejects a wrong one', async ({ page }) => {
    await page.goto('authoring/');
    await hydrateAll(page);
    const exercise = page.locator('.unrolled-exercise').first();
    const answer = exercise.getByRole('textbox');
    await answer.fill('29312');
    await answer.press('Enter');
    await expect(exercise.locator('.verdict')).toHaveText(/Not quite/);
    await answer.fill('128*(100+128+2)');
    await expect(exercise.locator('.verdict')).toHaveText(/Correct/);
    await answer.fill('12 apples');
    await expect(exercise.locator('.verdict')).toHaveText(/Cannot read|Unknown/);
  });

  test('Heatmap focus and arrow keys show row, column and value', async ({ page }) => {
    await page.goto('authoring/');
    await hydrateAll(page);
    const heatmap = page.locator('.unrolled-heatmap');
    const readoutText = heatmap.locator('.readout');
    await heatmap.getByRole('gridcell').first().focus();
    await expect(readoutText).toHaveText('r, x1: 0.8');
    await page.keyboard.press('ArrowRight');
    await expect(readoutText).toHaveText('r, x2: −0.2');
    await page.keyboard.press('ArrowDown');
    await expect(readoutText).toHaveText('z, x2: 0.6');
    await expect(heatmap.getByRole('gridcell', { name: 'z, x2: 0.6' })).toBeFocused();
    await heatmap.getByRole('gridcell', { name: 'n, x3: 0.9' }).hover();
    await expect(readoutText).toHaveText('n, x3: 0.9');
  });

  test('one slider drives a LiveFormula and a FormulaCell on the same page', async ({ page }) => {
    await page.goto('authoring/');
    await hydrateAll(page);
    const live = page.locator('.unrolled-live-formula').first();
    await expect(live).toHaveAttribute('data-value', '29312'); // 128 · (100 + 128 + 1)
    await page.getByRole('checkbox', { name: 'Count the bias' }).uncheck();
    await expect(live).toHaveAttribute('data-value', String(128 * 228));
    const slider = page.getByRole('slider', { name: 'Hidden size D_h' });
    await slider.focus();
    await page.keyboard.press('PageDown');
    const hidden = Number(await slider.inputValue());
    expect(hidden).toBeLessThan(128);
    await expect(live).toHaveAttribute('data-value', String(hidden * (100 + hidden)));
    await expect(page.locator('.unrolled-formula-cell .value').first()).toHaveText((4 * hidden * (100 + hidden + 2)).toLocaleString('en-US'));
  });
});
