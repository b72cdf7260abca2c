/**
 * Generic checks on every built page, in both projects (root and /course/rnn/). The fixture in
 * fixtures.ts fails any test that sees a console error, a failed or >= 400 request, or an
 * off-origin request; these tests add what a page must show.
 */
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { sitePages, sourceHasMath } from './site-pages.ts';

const pages = sitePages();

for (const sitePage of pages) {
  test(`page ${sitePage.name} loads clean, with its math typeset`, async ({ page }) => {
    const response = await page.goto(sitePage.path || './');
    expect(response?.status(), 'the document answers 200').toBe(200);
    await expect(page.locator('main h1, h1#_top').first()).toBeVisible();

    await hydrateIslands(page);

    await expect(page.locator('.katex-error'), 'KaTeX reports no parse error').toHaveCount(0);
    if (sitePage.source && sourceHasMath(sitePage.source)) {
      const formulas = page.locator('.katex');
      expect(await formulas.count(), `${sitePage.source} has math, so the page has .katex`).toBeGreaterThan(0);
      await expect(formulas.first()).toBeVisible();
      // KaTeX's own CSS and fonts are applied and were served by the site itself.
      const katexStyle = await page.evaluate(async () => {
        await document.fonts.ready;
        const formula = document.querySelector('.katex')!;
        const mathml = document.querySelector('.katex-mathml');
        const loadedFamilies = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family);
        return {
          fontFamily: getComputedStyle(formula).fontFamily,
          mathmlHidden: mathml ? getComputedStyle(mathml).position === 'absolute' : true,
          katexFontLoaded: loadedFamilies.some((family) => family.replace(/["']/g, '').startsWith('KaTeX_')),
        };
      });
      expect(katexStyle.fontFamily, 'KaTeX CSS sets its font').toContain('KaTeX_Main');
      expect(katexStyle.mathmlHidden, 'KaTeX CSS hides the MathML copy visually').toBe(true);
      expect(katexStyle.katexFontLoaded, 'a KaTeX font loaded (self-hosted)').toBe(true);
    }
  });
}

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

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('no page scrolls sideways, and the menu opens the sidebar', async ({ page }) => {
    const overflowing: string[] = [];
    for (const sitePage of pages) {
      await page.goto(sitePage.path || './');
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      if (widths.content > widths.viewport + 1) overflowing.push(`${sitePage.name}: ${widths.content}px wide in a ${widths.viewport}px viewport`);
    }
    expect(overflowing, 'pages wider than the screen').toEqual([]);

    const chapter = pages.find((sitePage) => sitePage.source && sitePage.path !== '') ?? pages[0]!;
    await page.goto(chapter.path || './');
    const menuButton = page.locator('button[popovertarget="starlight__sidebar"], starlight-menu-button button').first();
    await expect(menuButton).toBeVisible();
    await menuButton.click();
    await expect(page.locator('nav[aria-label="Main"] a[href]').first()).toBeVisible();
  });

  test('every box that scrolls sideways can take keyboard focus (equations, tables, widgets)', async ({ page }) => {
    /** Boxes in main that scroll sideways and neither take focus nor hold something that does. */
    const findUnreachable = () =>
      page.evaluate(() => {
        const out: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>('main *')) {
          const style = getComputedStyle(element);
          if (!['auto', 'scroll'].includes(style.overflowX) || element.scrollWidth <= element.clientWidth + 1) continue;
          // Reachable if it or something inside it takes focus (axe's scrollable-region-focusable rule).
          const focusable = element.matches('[tabindex]:not([tabindex="-1"])') || element.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
          if (!focusable) out.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
        }
        return out;
      });
    for (const sitePage of pages) {
      await page.goto(sitePage.path || './');
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready); // equations reach their final width once KaTeX's fonts are in
      // Scripts hand out the tab stops after layout (ours for equations and tables, Expressive Code's
      // for code blocks), later on a loaded machine, so the check polls.
      await expect.poll(findUnreachable, { message: `${sitePage.name}: sideways-scrolling boxes without a tab stop`, timeout: 10_000 }).toEqual([]);
    }
  });
});
