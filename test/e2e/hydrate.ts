/** Brings every client:visible island on the page into view and waits until all have hydrated. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Scrolls each island not yet hydrated into view, waits for all of them, then lets the network settle. */
export async function hydrateIslands(page: Page): Promise<void> {
  // Astro removes the `ssr` attribute once an island has hydrated. An island is display: contents,
  // so its first rendered child is what gets scrolled into view.
  const pending = page.locator('astro-island[ssr]');
  for (let round = 0; round < 3 && (await pending.count()) > 0; round++) {
    await page.evaluate(async () => {
      for (const island of document.querySelectorAll('astro-island[ssr]')) {
        const target = island.querySelector('*:not(template):not(script):not(style)') ?? island;
        target.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      window.scrollTo(0, 0);
    });
  }
  await expect(pending, 'every island hydrated').toHaveCount(0);
  await page.waitForLoadState('networkidle');
}
