/** The two languages of the site as the browser tests see them: paths, counterparts and the switcher. */
import type { Page } from '@playwright/test';

/** The Chinese edition's path prefix. */
export const ZH = 'zh-cn/';

/** The same page in the other language: parameters/ ↔ zh-cn/parameters/. */
export function counterpart(path: string): string {
  return path.startsWith(ZH) ? path.slice(ZH.length) : `${ZH}${path}`;
}

/** The language switcher's <select> (the visible one: the header's, or the mobile menu's at 390 px). */
export const languageSelect = (page: Page) => page.locator('starlight-lang-select select').filter({ visible: true }).first();

/** Waits until Starlight's switcher script has run, so a key press on it navigates. */
export async function switcherReady(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('starlight-lang-select') !== undefined);
}
