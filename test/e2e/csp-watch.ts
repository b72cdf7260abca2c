/**
 * Watching a page for Content-Security-Policy violations: an init script records every
 * `securitypolicyviolation` event before any page script runs, and the helpers read it back
 * together with the page's own policy.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every violation the page (and each page it navigates to) sees from now on. */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

/** The violations the current page has seen so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** The page's CSP, from its <meta http-equiv>. */
export async function pagePolicy(page: Page): Promise<string> {
  const content = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(content, 'the page has a CSP <meta>').toBeTruthy();
  return content!;
}
