/**
 * The browser tests' `test` and `expect`. Import them from here, never from '@playwright/test':
 *
 *   import { test, expect } from './fixtures.ts';
 *
 * An automatic fixture watches the whole browser context of every test (every page it opens,
 * popups and `context.newPage()` included) and fails the test, after it ran, when anything below
 * happened. The failure message lists each problem:
 *   - a console error (`console.error`, a failed `console.assert`);
 *   - an uncaught exception or unhandled rejection in a page;
 *   - a failed request (network error, refused, blocked; not a load cancelled by navigating
 *     away, net::ERR_ABORTED) or a response with HTTP status >= 400;
 *   - a request to any origin other than the site's own (the project's baseURL). Off-origin
 *     requests are aborted before they leave, so a test never depends on the outside world.
 *
 * Opt-outs, for a test that provokes a problem on purpose (set them with `test.use`, in a
 * `test.describe` block or at the top of a spec file):
 *   - `allowConsoleErrors: true` ignores console errors and uncaught page errors;
 *   - `allowedFailures: [/\/no-such-page\/$/]` lets requests whose URL matches one of these
 *     patterns fail or answer >= 400. A string matches when the URL contains it.
 * Off-origin requests have no opt-out: the site must never make one.
 *
 * The `pageProblems` fixture gives a test the live list, to assert on it mid-test or to
 * `clear()` what it provoked on purpose.
 */
import { test as base, expect, type ConsoleMessage, type Request, type Response } from '@playwright/test';

/** Options a spec can set with `test.use(...)`. */
export interface SiteGuardOptions {
  /** Ignore console errors and uncaught page errors (default false). */
  readonly allowConsoleErrors: boolean;
  /** URL patterns allowed to fail or answer with status >= 400 (default none). */
  readonly allowedFailures: ReadonlyArray<string | RegExp>;
}

/** The problems seen so far in this test's browser context. */
export interface PageProblems {
  /** One human-readable line per problem, in the order they happened. */
  readonly list: () => readonly string[];
  /** Forget the problems seen so far (after provoking one on purpose). */
  readonly clear: () => void;
}

interface SiteGuardFixtures {
  pageProblems: PageProblems;
}

/** True when `url` matches one of the allowed patterns. */
function matchesAny(url: string, patterns: ReadonlyArray<string | RegExp>): boolean {
  return patterns.some((pattern) => (typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url)));
}

/** The origin of an http(s)/ws(s) URL, or null for data:, blob:, about: and the like. */
function networkOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^(https?|wss?):$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Where a console message came from, for the failure message. */
function describeLocation(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? ` (at ${url}:${lineNumber + 1})` : '';
}

/** The error that fails a test which saw these problems, or null when there were none. */
export function problemsError(problems: readonly string[], testTitle: string): Error | null {
  if (problems.length === 0) return null;
  const report = problems.map((problem) => `  - ${problem}`).join('\n');
  return new Error(
    `${problems.length} page problem(s) during "${testTitle}" ` +
      `(console errors, page errors, failed or >= 400 requests, off-origin requests):\n${report}`,
  );
}

export const test = base.extend<SiteGuardOptions & SiteGuardFixtures>({
  allowConsoleErrors: [false, { option: true }],
  allowedFailures: [[], { option: true }],

  pageProblems: [
    async ({ context, baseURL, allowConsoleErrors, allowedFailures }, use, testInfo) => {
      if (!baseURL) throw new Error('fixtures.ts: the project has no baseURL; set one in playwright.config.ts');
      const siteOrigin = new URL(baseURL).origin;
      const problems: string[] = [];

      // Abort off-origin requests before they leave, and record them.
      await context.route(
        (url) => {
          const origin = networkOrigin(url.href);
          return origin !== null && origin !== siteOrigin;
        },
        async (route) => {
          problems.push(`off-origin request: ${route.request().method()} ${route.request().url()}`);
          await route.abort('blockedbyclient');
        },
      );

      context.on('console', (message: ConsoleMessage) => {
        if (message.type() !== 'error' && message.type() !== 'assert') return;
        // Chromium echoes every failed resource as a console error. The request handlers below
        // already judge those (and honour allowedFailures), so they are not counted twice.
        if (message.text().startsWith('Failed to load resource') && networkOrigin(message.location().url)) return;
        if (allowConsoleErrors) return;
        problems.push(`console ${message.type()}: ${message.text()}${describeLocation(message)}`);
      });

      context.on('weberror', (webError) => {
        if (allowConsoleErrors) return;
        const error = webError.error();
        problems.push(`uncaught page error: ${error.stack ?? error.message}`);
      });

      context.on('requestfailed', (request: Request) => {
        const url = request.url();
        if (networkOrigin(url) !== siteOrigin) return; // recorded as off-origin, or not a network URL
        if (matchesAny(url, allowedFailures)) return;
        // A navigation cancels the previous page's pending loads; that is not a broken request.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        // A service worker's own network attempt (offline, it then answers from its cache); when it
        // cannot answer, the page's request fails too and is counted.
        if (request.serviceWorker()) return;
        problems.push(`failed request: ${request.method()} ${url} (${request.failure()?.errorText ?? 'unknown error'})`);
      });

      context.on('response', (response: Response) => {
        if (response.status() < 400) return;
        const url = response.url();
        if (matchesAny(url, allowedFailures)) return;
        problems.push(`HTTP ${response.status()}: ${response.request().method()} ${url}`);
      });

      await use({ list: () => [...problems], clear: () => void problems.splice(0) });

      const failure = problemsError(problems, testInfo.title);
      if (failure) {
        await testInfo.attach('page-problems.txt', { body: failure.message, contentType: 'text/plain' });
        throw failure;
      }
    },
    { auto: true },
  ],
});

export { expect };
