/** Brings every client:visible island on the page into view and waits until all have hydrated. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Scrolls each island not yet hydrated into view, again and again until none is left (a loaded
 * machine can take seconds to fetch and run an island's module), then lets the network settle.
 */
export async function hydrateIslands(page: Page): Promise<void> {
  // Astro removes the `ssr` attribute once an island has hydrated. An island is display: contents,
  // so its first rendered child is what gets scrolled into view.
  const pending = page.locator('astro-island[ssr]');
  await expect(async () => {
    await page.evaluate(async () => {
      for (const island of document.querySelectorAll('astro-island[ssr]')) {
        const target = island.querySelector('*:not(template):not(script):not(style)') ?? island;
        target.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    });
    expect(await pending.count(), 'islands still waiting to hydrate').toBe(0);
  }, 'every island hydrated').toPass({ timeout: 30_000, intervals: [250, 500, 1000] });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
}
