/**
 * The Chinese edition (page-audit.spec.ts checks the language switcher on every page): the
 * switcher works by keyboard, also in the mobile menu at 390 px, and keeps the path and the widget
 * state in the query; widgets compute the same numbers in both languages, the kit speaks Chinese on zh-cn pages, an untranslated page shows the
 * English text under Starlight's notice, and search works on a Chinese page.
 */
import { test, expect } from './fixtures.ts';
import { languageSelect, switcherReady } from './language.ts';

test('the switcher works by keyboard and keeps the path and the widget state', async ({ page }) => {
  test.slow(); // two loads of a heavy widget page, on a loaded machine
  await page.goto('parameters/?H=64', { waitUntil: 'domcontentloaded' });
  await switcherReady(page);
  await languageSelect(page).focus();
  await page.keyboard.press('ArrowDown'); // English → 简体中文
  await expect(page).toHaveURL(/\/zh-cn\/parameters\/\?H=64$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(languageSelect(page)).toHaveValue(/\/zh-cn\/parameters\/$/);

  await switcherReady(page);
  await languageSelect(page).focus();
  await page.keyboard.press('ArrowUp'); // 简体中文 → English
  await expect(page).toHaveURL(/\/parameters\/\?H=64$/);
  expect(page.url()).not.toContain('zh-cn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the switcher sits in the mobile menu and works by keyboard', async ({ page }) => {
    await page.goto('notation/');
    await switcherReady(page);
    await expect(page.locator('starlight-lang-select select').filter({ visible: true })).toHaveCount(0); // hidden until the menu opens
    const menu = page.locator('button[popovertarget="starlight__sidebar"]');
    await menu.focus();
    await page.keyboard.press('Enter');
    const select = languageSelect(page);
    await expect(select).toBeVisible();
    const box = await select.boundingBox();
    expect(box!.x + box!.width, 'the switcher fits on the screen').toBeLessThanOrEqual(390);
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/\/zh-cn\/notation\/$/);
    await expect(page.locator('main h1, h1#_top').first()).toHaveText('记号');
  });
});

test('a widget computes the same numbers in both languages from the same query', async ({ page }) => {
  test.slow(); // two visits to the heaviest widget page, on a loaded machine
  const expected = String(3 * 64 * (100 + 64 + 2)); // the calculator's first formula: a GRU layer with D_h = 64
  const read = async (path: string) => {
    await page.goto(path);
    const formula = page.locator('.unrolled-live-formula').first();
    await formula.scrollIntoViewIfNeeded();
    await expect(formula).toHaveAttribute('data-value', expected, { timeout: 30_000 }); // hydrated, from the query
    const gru = page.getByRole('radio', { name: 'GRU' }).first();
    await gru.scrollIntoViewIfNeeded();
    await expect(gru).toBeChecked({ timeout: 30_000 });
    const formulas = page.locator('.unrolled-live-formula');
    for (let i = 0; i < (await formulas.count()); i++) await formulas.nth(i).scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    return formulas.evaluateAll((list) => list.map((el) => el.getAttribute('data-value')));
  };
  const english = await read('parameters/?H=64&cell=GRU');
  const chinese = await read('zh-cn/parameters/?H=64&cell=GRU');
  expect(chinese).toEqual(english);
});

test('the kit speaks Chinese on a zh-cn page, rendered by the server', async ({ page }) => {
  await page.goto('zh-cn/parameters/');
  // Server-rendered, before any island hydrates: the exercise's chrome and a number field's range.
  const exercise = page.locator('.unrolled-exercise').first();
  await expect(exercise.locator('.title')).toHaveText('练习');
  await expect(exercise.getByRole('button', { name: '检查' })).toBeVisible();
  await expect(page.locator('.unrolled-number-field .range').first()).toContainText('到');

  // The English page keeps its English strings.
  await page.goto('parameters/');
  await expect(page.locator('.unrolled-exercise .title').first()).toHaveText('Exercise');
  await expect(page.locator('.unrolled-exercise').first().getByRole('button', { name: 'Check' })).toBeVisible();
});

test('an exercise on a zh-cn page answers in Chinese', async ({ page }) => {
  await page.goto('zh-cn/parameters/');
  const exercise = page.locator('.unrolled-exercise').first();
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/, { timeout: 30_000 });
  const input = exercise.getByRole('textbox');
  await input.fill('H*(D+H)');
  await exercise.getByRole('button', { name: '检查' }).click();
  await expect(exercise.locator('.verdict')).toContainText('还不对');
  await input.fill('H*(');
  await expect(exercise.locator('.verdict')).toContainText('无法读取公式');
});

test('an untranslated page shows the English text under Starlight\'s notice, never a blank page', async ({ page }) => {
  const english = await page.goto('g2p-model-card/');
  expect(english?.status()).toBe(200);
  const title = (await page.locator('main h1, h1#_top').first().innerText()).trim();
  const englishText = (await page.locator('.sl-markdown-content').innerText()).trim();

  const response = await page.goto('zh-cn/g2p-model-card/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('此内容尚不支持你的语言。')).toBeVisible();
  await expect(page.locator('main h1, h1#_top').first()).toHaveText(title);
  const fallbackText = (await page.locator('.sl-markdown-content').innerText()).trim();
  expect(fallbackText.length).toBeGreaterThan(500);
  expect(fallbackText.slice(0, 200)).toBe(englishText.slice(0, 200));
  // The chrome around it is Chinese: the sidebar's group labels.
  await expect(page.locator('nav.sidebar').getByText('参考', { exact: true }).first()).toBeAttached();
});

test('search works on a Chinese page and finds Chinese text', async ({ page, baseURL }) => {
  test.slow(); // the first query downloads the index and its WebAssembly
  await page.goto('zh-cn/notation/');
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('site-search dialog input[type="text"], site-search dialog input[type="search"]').first();
  await expect(input).toBeVisible();
  await input.fill('记号'); // "notation", a word only the Chinese pages hold
  const results = page.locator('site-search dialog a.pagefind-ui__result-link');
  await expect(results.first(), 'searching 记号 lists a result').toBeVisible({ timeout: 30_000 });
  const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(hrefs.some((href) => href.startsWith(`${baseURL}zh-cn/notation/`)), hrefs.join(' ')).toBe(true);
  await results.first().click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}zh-cn/`));
});
