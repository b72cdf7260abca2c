/**
 * Checks the harness itself: the guard in fixtures.ts must record each kind of problem, and a
 * recorded problem must become the error that fails the test. Each test provokes one problem,
 * checks what the guard recorded and the failure it would raise, then clears it so the test passes.
 */
import { test, expect, problemsError, type PageProblems } from './fixtures.ts';

/** Waits until the guard recorded `expected`, checks the failure it would raise, then forgets it. */
async function expectRecorded(pageProblems: PageProblems, expected: RegExp): Promise<void> {
  await expect.poll(() => pageProblems.list().join('\n')).toMatch(expected);
  expect(pageProblems.list()).toHaveLength(1);
  const failure = problemsError(pageProblems.list(), 'this test');
  expect(failure?.message).toMatch(/^1 page problem\(s\) during "this test"/);
  expect(failure?.message).toMatch(expected);
  pageProblems.clear();
}

test.describe('the page guard records', () => {
  test('a console error', async ({ page, pageProblems }) => {
    await page.goto('./');
    await page.evaluate(() => console.error('provoked by harness.spec.ts'));
    await expectRecorded(pageProblems, /console error: provoked by harness\.spec\.ts/);
  });

  test('an uncaught page error', async ({ page, pageProblems }) => {
    await page.goto('./');
    await page.evaluate(() => setTimeout(() => { throw new Error('provoked by harness.spec.ts'); }));
    await expectRecorded(pageProblems, /uncaught page error: Error: provoked by harness\.spec\.ts/);
  });

  test('a response with status 404', async ({ page, pageProblems }) => {
    await page.goto('./');
    await page.evaluate(() => fetch('no-such-file.json').catch(() => undefined));
    await expectRecorded(pageProblems, /HTTP 404: GET .*no-such-file\.json/);
  });

  test('a failed request', async ({ page, pageProblems, baseURL }) => {
    await page.goto('./');
    await page.route('**/refused.json', (route) => route.abort('connectionrefused'));
    await page.evaluate(() => fetch('refused.json').catch(() => undefined));
    await expectRecorded(pageProblems, new RegExp(`failed request: GET ${baseURL}refused\\.json`));
  });

  test.describe('with the site’s CSP bypassed', () => {
    // The site's own policy (connect-src 'self') already stops this fetch inside the browser, before
    // the guard could see it; bypassing it tests the guard, the second line of defence.
    test.use({ bypassCSP: true });

    test('a request to another origin, and blocks it', async ({ page, pageProblems }) => {
      await page.goto('./');
      const outcome = await page.evaluate(() => fetch('https://example.com/x.js').then(() => 'answered', () => 'blocked'));
      expect(outcome).toBe('blocked');
      await expectRecorded(pageProblems, /off-origin request: GET https:\/\/example\.com\/x\.js/);
    });
  });

  test('nothing on a clean page', ({ pageProblems }) => {
    expect(problemsError(pageProblems.list(), 'this test')).toBeNull();
  });
});

test.describe('the opt-outs', () => {
  test.use({ allowConsoleErrors: true, allowedFailures: ['no-such-file.json'] });

  test('let a test provoke console errors and an allowed 404', async ({ page, pageProblems }) => {
    await page.goto('./');
    await page.evaluate(() => console.error('provoked by harness.spec.ts'));
    await page.evaluate(() => setTimeout(() => { throw new Error('provoked by harness.spec.ts'); }));
    const status = await page.evaluate(() => fetch('no-such-file.json').then((response) => response.status));
    expect(status).toBe(404);
    expect(pageProblems.list()).toEqual([]);
  });
});
