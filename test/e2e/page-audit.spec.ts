/**
 * Every built page, audited in as few visits as possible (each visit hydrates every island, the
 * slow part on two cores):
 *
 * 1. At 1280 px in the light theme, in both projects (root and /course/rnn/):
 *    - the document answers 200 and shows its title; the fixture fails the test on any console
 *      error, failed request or off-origin request, which is how a wrong base path shows up;
 *    - its Content-Security-Policy is strict ('wasm-unsafe-eval' only where the frontmatter says
 *      `webAssembly: true`), and no `securitypolicyviolation` fires while every island hydrates
 *      and the page is scrolled end to end;
 *    - its math is typeset by KaTeX with KaTeX's own CSS and self-hosted fonts;
 *    - every request it makes, islands hydrated, stays under the base path;
 *    - its language switcher offers English and 简体中文 and leads to the same page in the other
 *      language (the 404 page has no counterpart).
 *    In the root project, where the project's `metadata.renderingChecks` is true, the same visit
 *    goes on to what the base path does not change:
 *    - with prefers-reduced-motion nothing animates (WCAG 2.3.3);
 *    - every interactive target is at least 24 × 24 px (WCAG 2.5.8);
 *    - axe finds no serious or critical violation;
 *    - printed, the chrome is hidden and every widget carries a caption with this page's URL.
 * 2. At 390 px on a touch screen in the dark theme (root project only, tagged @rendering):
 *    - the page does not scroll sideways, and every box that does can take keyboard focus;
 *    - targets are 24 × 24 px, in the page and in the opened mobile menu, where nothing moves;
 *    - axe finds no serious or critical violation in the dark theme.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { sitePages, sourceHasMath, type SitePage } from './site-pages.ts';
import { cspViolations, pagePolicy, watchCspViolations } from './csp-watch.ts';
import { seriousAxeViolations } from './axe.ts';
import { ZH, counterpart, languageSelect } from './language.ts';
import { katexStyle, movingThings, pageWidth, printedView, stateUrl, undersizedTargets, unreachableScrollers } from './page-checks.ts';
import { parsePolicy } from '../../src/integrations/csp/audit.ts';
import { pageAllowsWasm, webAssemblySlugs } from '../../src/integrations/csp/wasm-pages.ts';

const wasmSlugs = webAssemblySlugs();

/** True in a project that checks the rendered page too (root), false where only the base path differs (subpath). */
function renderingChecks(testInfo: TestInfo): boolean {
  return testInfo.project.metadata?.renderingChecks !== false;
}

/** The 404 page has no article to print and no menu to open. */
const isNotFoundPage = (sitePage: SitePage) => sitePage.path.endsWith('404.html');

/** Scrolls the page end to end in half-screen steps, so anything loaded on view has loaded. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

for (const sitePage of sitePages()) {
  test(`${sitePage.name}: loads clean under a strict CSP, its math typeset`, async ({ page, baseURL }, testInfo) => {
    const rendering = renderingChecks(testInfo);
    test.setTimeout(rendering ? 180_000 : 90_000); // a dozen islands, then axe over a page full of KaTeX
    await watchCspViolations(page);
    // Same-origin requests outside the base path (the page guard already fails off-origin ones);
    // widgets fetch their workers, datasets and models once hydrated, so this waits for that.
    const outsideBase: string[] = [];
    const base = new URL(baseURL!);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === base.origin && !url.pathname.startsWith(base.pathname)) outsideBase.push(url.href);
    });
    if (rendering) await page.emulateMedia({ reducedMotion: 'reduce' });

    const response = await page.goto(sitePage.path || './');
    expect(response?.status(), 'the document answers 200').toBe(200);
    await expect(page.locator('main h1, h1#_top').first()).toBeVisible();

    await test.step('the policy is strict', async () => {
      const policy = parsePolicy(await pagePolicy(page));
      for (const [name, sources] of policy) expect(sources, `${name} has no 'unsafe-eval'`).not.toContain("'unsafe-eval'");
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      const wasm = policy.get('script-src')?.includes("'wasm-unsafe-eval'") ?? false;
      expect(wasm, `'wasm-unsafe-eval' on ${sitePage.name}`).toBe(pageAllowsWasm(sitePage.path, wasmSlugs));
    });

    await hydrateIslands(page);

    await test.step('math is typeset with KaTeX’s CSS and fonts', async () => {
      await expect(page.locator('.katex-error'), 'KaTeX reports no parse error').toHaveCount(0);
      if (!sitePage.source || !sourceHasMath(sitePage.source)) return;
      const formulas = page.locator('.katex');
      expect(await formulas.count(), `${sitePage.source} has math, so the page has .katex`).toBeGreaterThan(0);
      await expect(formulas.first()).toBeVisible();
      const style = await katexStyle(page);
      expect(style.fontFamily, 'KaTeX CSS sets its font').toContain('KaTeX_Main');
      expect(style.mathmlHidden, 'KaTeX CSS hides the MathML copy visually').toBe(true);
      expect(style.katexFontLoaded, 'a KaTeX font loaded (self-hosted)').toBe(true);
    });

    await test.step('no policy violation, islands hydrated and the page scrolled end to end', async () => {
      await scrollThrough(page);
      expect(await cspViolations(page)).toEqual([]);
    });

    await test.step('every request stayed under the base path', async () => {
      expect(outsideBase, `requests outside ${base.pathname}`).toEqual([]);
    });

    if (!isNotFoundPage(sitePage)) {
      await test.step('the language switcher leads to the page in the other language', async () => {
        const select = languageSelect(page);
        await expect(select).toBeVisible();
        const options = await select.locator('option').evaluateAll((list) => list.map((o) => ({ label: o.textContent?.trim(), value: (o as HTMLOptionElement).value })));
        expect(options.map((o) => o.label)).toEqual(['English', '简体中文']);
        expect(options.map((o) => o.value).sort()).toEqual([`${base.pathname}${sitePage.path}`, `${base.pathname}${counterpart(sitePage.path)}`].sort());
        await expect(page.locator('html')).toHaveAttribute('lang', sitePage.path.startsWith(ZH) ? 'zh-CN' : 'en');
      });
    }

    if (!rendering) return;

    await test.step('with prefers-reduced-motion nothing moves', async () => {
      expect(await movingThings(page), 'things that still move with prefers-reduced-motion').toEqual([]);
    });

    await test.step('targets are at least 24 × 24 px at 1280 px', async () => {
      expect(await undersizedTargets(page), 'targets under 24 × 24 px at 1280 px').toEqual([]);
    });

    await test.step('axe, light theme', async () => {
      expect(await seriousAxeViolations(page), `serious or critical axe violations on ${sitePage.name} (light)`).toEqual([]);
    });

    if (isNotFoundPage(sitePage)) return;
    await test.step('printed: chrome hidden, every widget captioned with this page’s URL', async () => {
      await page.emulateMedia({ media: 'print' });
      const printed = await printedView(page);
      for (const { selector, shown } of printed.chrome) expect(shown, `${selector} is hidden in print`).toBe(false);
      expect(printed.chrome.find((c) => c.selector === 'nav.sidebar')?.count, 'the page has a sidebar to hide').toBeGreaterThan(0);
      expect(printed.title, 'the title prints').toBe(true);
      const url = await stateUrl(page);
      for (const { widget, caption } of printed.widgets) expect(caption, `a visible caption under ${widget}`).not.toBeNull();
      // Numbered 1, 2, 3… in page order (other figures, such as live formulas, may sit between widgets).
      printed.captions.forEach(({ text, shown }, i) => {
        expect(shown, text).toBe(true);
        expect(text).toMatch(new RegExp(`^(Figure|图) ${i + 1} — \\S.* · (This state:|此状态：) `));
        expect(text.endsWith(url), `${text} ends with ${url}`).toBe(true);
      });
      await page.emulateMedia({ media: 'screen' });
      expect((await printedView(page)).captions.filter((c) => c.shown), 'captions shown on screen').toEqual([]);
    });
  });
}

test.describe('on a phone in the dark theme', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const sitePage of sitePages()) {
    test(`${sitePage.name}: fits the screen, reachable by keyboard, 24 px targets, axe clean`, { tag: '@rendering' }, async ({ page }) => {
      test.setTimeout(180_000);
      // Starlight reads the theme from localStorage before first paint.
      await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(sitePage.path || './');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await hydrateIslands(page);
      await page.evaluate(() => document.fonts.ready); // equations reach their final width once KaTeX's fonts are in

      await test.step('nothing scrolls the page sideways', async () => {
        const widths = await pageWidth(page);
        expect(widths.content, `${sitePage.name} is ${widths.content}px wide in a ${widths.viewport}px viewport`).toBeLessThanOrEqual(widths.viewport + 1);
      });

      await test.step('every box that scrolls sideways takes keyboard focus', async () => {
        // Scripts hand out the tab stops after layout (ours for equations and tables, Expressive
        // Code's for code blocks), later on a loaded machine, so the check polls.
        await expect.poll(() => unreachableScrollers(page), { message: 'sideways-scrolling boxes without a tab stop' }).toEqual([]);
      });

      await test.step('targets are at least 24 × 24 px at 390 px', async () => {
        expect(await undersizedTargets(page), 'targets under 24 × 24 px at 390 px').toEqual([]);
      });

      await test.step('axe, dark theme', async () => {
        expect(await seriousAxeViolations(page), `serious or critical axe violations on ${sitePage.name} (dark)`).toEqual([]);
      });

      if (isNotFoundPage(sitePage)) return;
      await test.step('the menu opens the sidebar: 24 px targets, nothing moves', async () => {
        await page.locator('button[popovertarget="starlight__sidebar"]').click();
        await expect(page.locator('#starlight__sidebar a[href]').first()).toBeVisible();
        await expect(page.locator('#starlight__sidebar [data-offline-panel]')).toBeVisible();
        expect(await undersizedTargets(page), 'targets under 24 × 24 px in the mobile menu').toEqual([]);
        expect(await movingThings(page), 'things that move in the opened mobile menu').toEqual([]);
      });
    });
  }
});
