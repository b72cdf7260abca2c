/**
 * Site-wide checks in both projects (root and /course/rnn/): links and assets resolve under the
 * base path, the 404 page, the sidebar's order against prev/next, and search. Each page's own
 * checks (loads clean, CSP, math, axe, motion, targets, print, phone layout) are in
 * page-audit.spec.ts. The fixture in fixtures.ts fails any test that sees a console error, a
 * failed or >= 400 request, or an off-origin request.
 */
import { test, expect } from './fixtures.ts';
import { sitePages } from './site-pages.ts';

const pages = sitePages();

test('every same-origin link and asset on every page resolves, under the base path', async ({ page, baseURL }) => {
  test.setTimeout(60_000 + 10_000 * pages.length); // it visits every page in turn
  const base = new URL(baseURL!);
  const seen = new Map<string, string>(); // url → first page that links it
  for (const sitePage of pages) {
    await page.goto(sitePage.path || './');
    const urls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src], source[src], iframe[src]')]
        .map((element) => (element as HTMLAnchorElement).href || (element as HTMLScriptElement).src)
        .filter(Boolean),
    );
    for (const url of urls) {
      const target = new URL(url);
      if (target.origin !== base.origin) continue; // a link out (e.g. a citation) is not a request
      target.hash = '';
      if (!seen.has(target.href)) seen.set(target.href, sitePage.name);
    }
  }
  expect(seen.size, 'the pages link somewhere').toBeGreaterThan(pages.length);
  const broken: string[] = [];
  for (const [url, from] of seen) {
    if (!new URL(url).pathname.startsWith(base.pathname)) {
      broken.push(`${url} (linked from ${from}) is outside the base path ${base.pathname}`);
      continue;
    }
    const response = await page.request.get(url, { maxRedirects: 0 });
    if (response.status() >= 300) broken.push(`${url} (linked from ${from}) answers ${response.status()}`);
  }
  expect(broken, 'broken or misplaced links').toEqual([]);
});

test.describe('a missing page', () => {
  test.use({ allowedFailures: ['/no-such-page/'] });

  test('answers 404 with the site’s own 404 page, its assets under the base path', async ({ page }) => {
    const response = await page.goto('no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').first()).toBeVisible();
    expect(await page.evaluate(() => document.styleSheets.length), 'the 404 page is styled').toBeGreaterThan(0);
  });
});

test('sidebar order matches the prev/next chain on every page that has a sidebar', async ({ page }) => {
  const chapter = pages.find((sitePage) => sitePage.source && sitePage.path !== '') ?? pages[0]!;
  await page.goto(chapter.path || './');
  const sidebar = await page
    .locator('nav[aria-label="Main"] a[href]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(sidebar.length, 'the sidebar lists the pages').toBeGreaterThan(1);

  let pagesWithPagination = 0;
  for (const [index, url] of sidebar.entries()) {
    await page.goto(url);
    if ((await page.locator('nav[aria-label="Main"]').count()) === 0) continue; // a splash page has neither
    pagesWithPagination++;
    const prev = page.locator('.pagination-links a[rel="prev"]');
    const next = page.locator('.pagination-links a[rel="next"]');
    if (index > 0) await expect(prev, `${url} links back to ${sidebar[index - 1]}`).toHaveJSProperty('href', sidebar[index - 1]);
    else await expect(prev).toHaveCount(0);
    if (index < sidebar.length - 1) await expect(next, `${url} links on to ${sidebar[index + 1]}`).toHaveJSProperty('href', sidebar[index + 1]);
    else await expect(next).toHaveCount(0);
  }
  expect(pagesWithPagination).toBeGreaterThan(1);
});

test('search finds a chapter and its result opens', async ({ page, baseURL }) => {
  const chapter = pages.find((sitePage) => sitePage.source && sitePage.path !== '') ?? pages[0]!;
  await page.goto(chapter.path || './');
  const title = (await page.locator('main h1, h1#_top').first().innerText()).trim();
  const query = title.split(/\s+/).find((word) => word.length >= 4) ?? title;

  const searchButton = page.locator('site-search button[data-open-modal]');
  await expect(searchButton).toBeEnabled();
  await searchButton.click();
  const input = page.locator('site-search dialog input[type="text"], site-search dialog input[type="search"]').first();
  await expect(input).toBeVisible();
  await input.fill(query);

  const results = page.locator('site-search dialog a.pagefind-ui__result-link');
  await expect(results.first(), `searching "${query}" lists a result`).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  for (const href of hrefs) expect(href, 'a result lies under the base URL').toMatch(new RegExp(`^${baseURL}`));

  await results.first().click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}`));
  await expect(page.locator('main h1, h1#_top').first()).toBeVisible();
});
