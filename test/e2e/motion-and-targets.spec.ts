/**
 * Accessibility beyond axe, on every built page (both languages):
 *   - with prefers-reduced-motion, nothing animates: no running animation, and no element (or its
 *     ::before/::after) has a transition or animation that lasts any time;
 *   - every interactive target is at least 24 × 24 CSS px (WCAG 2.5.8) at 1280 px and at 390 px,
 *     the mobile menu included. A target's size is its own box or, for a form control, the box of
 *     its <label> (a click on the label works the control). Links inside running text are the one
 *     exception WCAG makes ("inline"), so an inline <a> is not measured.
 * And live plots can be paused (WCAG 2.2.2): the drawing holds still while training goes on.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';
import { sitePages } from './site-pages.ts';

/** The smallest target WCAG 2.5.8 (level AA) allows, in CSS px. */
const MIN_TARGET_PX = 24;

/** Every visible interactive target smaller than MIN_TARGET_PX, described for the failure message. */
async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="slider"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="switch"]',
    ].join(',');
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (element.closest('[aria-hidden="true"], [inert]')) continue;
      // WCAG's "inline" exception: a link set in a sentence is sized by the line of text.
      if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') continue;
      const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])] : [];
      const boxes = [element, ...labels].map((node) => node.getBoundingClientRect());
      const width = Math.max(...boxes.map((box) => box.width));
      const height = Math.max(...boxes.map((box) => box.height));
      if (width + 0.5 < min || height + 0.5 < min) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const kind = element.tagName.toLowerCase() + (element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '');
        found.push(`${kind} "${name}" ${width.toFixed(1)} × ${height.toFixed(1)} px`);
      }
    }
    return found;
  }, MIN_TARGET_PX);
}

/** Every element whose computed style still moves under reduced motion, plus running animations. */
async function movingThings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(0, ...list.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    const found = new Set<string>();
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const transition = seconds(style.transitionDuration);
        const animation = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
        if (transition > 0 || animation > 0) {
          found.add(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${pseudo ?? ''}: transition ${style.transitionDuration}, animation ${style.animationName}`);
        }
      }
    }
    for (const animation of document.getAnimations()) found.add(`running animation ${animation.id || animation.constructor.name}`);
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.add('html: smooth scrolling');
    return [...found];
  });
}

for (const sitePage of sitePages()) {
  test(`reduced motion and 24 px targets: ${sitePage.name}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(sitePage.path || './');
    await hydrateIslands(page);

    expect(await movingThings(page), 'things that still move with prefers-reduced-motion').toEqual([]);
    expect(await undersizedTargets(page), 'targets under 24 × 24 px at 1280 px').toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await undersizedTargets(page), 'targets under 24 × 24 px at 390 px').toEqual([]);
    // On a phone the sidebar lives in the menu (every page but 404 has one): open it and measure what it holds.
    if (sitePage.path === '404.html') return;
    await page.locator('button[popovertarget="starlight__sidebar"]').click();
    await expect(page.locator('#starlight__sidebar [data-offline-panel]')).toBeVisible();
    expect(await undersizedTargets(page), 'targets under 24 × 24 px in the mobile menu').toEqual([]);
    expect(await movingThings(page), 'things that move in the opened mobile menu').toEqual([]);
  });
}

test.describe('live plots can be paused', () => {
  test('chapter 9: the training chart holds still while training goes on, and resumes', async ({ page }) => {
    await page.goto('gating/?taskT=40'); // long enough to keep training while the test looks
    await hydrateIslands(page);
    const trainer = page.locator('.task-trainer');
    const chart = trainer.locator('.unrolled-plot');
    const status = trainer.getByRole('status');
    await trainer.getByRole('button', { name: 'Start training' }).click();
    await expect(status).toContainText(/Training: step [1-9]/);

    const pause = chart.getByRole('button', { name: 'Pause the chart' });
    await pause.click();
    await expect(chart).toHaveAttribute('data-paused', 'true');
    await expect(chart.getByRole('button', { name: 'Resume the chart' })).toHaveAttribute('aria-pressed', 'true');
    const held = await chart.locator('.chart').innerHTML();
    const stepWhenPaused = Number((await status.textContent())?.match(/step (\d+)/)?.[1]);
    // Training goes on (the status counts on) while the drawing stays exactly as it was.
    await expect(async () => {
      const step = Number((await status.textContent())?.match(/step (\d+)/)?.[1]);
      expect(step).toBeGreaterThan(stepWhenPaused + 20);
    }).toPass({ timeout: 30_000 });
    expect(await chart.locator('.chart').innerHTML(), 'the paused chart did not change').toBe(held);

    await chart.getByRole('button', { name: 'Resume the chart' }).click();
    await expect(chart).toHaveAttribute('data-paused', 'false');
    await expect.poll(() => chart.locator('.chart').innerHTML(), { timeout: 15_000 }).not.toBe(held);

    await trainer.getByRole('button', { name: 'Stop' }).click();
    await expect(trainer).toHaveAttribute('data-phase', 'stopped');
    // Nothing moves any more, so the pause button goes away.
    await expect(chart.getByRole('button', { name: /the chart/ })).toHaveCount(0);
  });

  test('chapter 6: training progress is announced in a status region', async ({ page }) => {
    await page.goto('training/?k=200&H=16');
    await hydrateIslands(page);
    const status = page.locator('.training-step [role="status"][data-training-status]');
    await expect(status).toHaveText('200 steps taken');
    await page.goto('training/?k=3');
    await hydrateIslands(page);
    await expect(status).toHaveText('3 steps taken');
    await page.locator('.training-step').getByRole('button', { name: 'Take one step' }).click();
    await expect(status).toHaveText('4 steps taken');
  });
});
