/**
 * Checks the harness itself: the guard in fixtures.ts must fail a test on each kind of problem.
 * Each provoking test is marked `test.fail()`, so it passes only when the guard failed it, and
 * first asserts that the guard recorded exactly the problem it provoked.
 */
import { test, expect } from './fixtures.ts';

test.describe('the page guard fails a test that sees', () => {
  test('a console error', async ({ page, pageProblems }) => {
    test.fail();
    await page.goto('./');
    await page.evaluate(() => console.error('provoked by harness.spec.ts'));
    await expect.poll(() => pageProblems.list().join('\n')).toContain('console error: provoked by harness.spec.ts');
  });

  test('an uncaught page error', async ({ page, pageProblems }) => {
    test.fail();
    await page.goto('./');
    await page.evaluate(() => setTimeout(() => { throw new Error('provoked by harness.spec.ts'); }));
    await expect.poll(() => pageProblems.list().join('\n')).toContain('uncaught page error: Error: provoked by harness.spec.ts');
  });

  test('a response with status 404', async ({ page, pageProblems }) => {
    test.fail();
    await page.goto('./');
    await page.evaluate(() => fetch('no-such-file.json').catch(() => undefined));
    await expect.poll(() => pageProblems.list().join('\n')).toMatch(/HTTP 404: GET .*no-such-file\.json/);
  });

  test('a request to another origin (and blocks it)', async ({ page, pageProblems }) => {
    test.fail();
    await page.goto('./');
    const outcome = await page.evaluate(() => fetch('https://example.com/x.js').then(() => 'answered', () => 'blocked'));
    expect(outcome).toBe('blocked');
    expect(pageProblems.list()).toEqual(['off-origin request: GET https://example.com/x.js']);
  });
});

test.describe('the opt-outs', () => {
  test.use({ allowConsoleErrors: true, allowedFailures: ['no-such-file.json'] });

  test('let a test provoke console errors and an allowed 404', async ({ page, pageProblems }) => {
    await page.goto('./');
    await page.evaluate(() => console.error('provoked by harness.spec.ts'));
    const status = await page.evaluate(() => fetch('no-such-file.json').then((response) => response.status));
    expect(status).toBe(404);
    expect(pageProblems.list()).toEqual([]);
  });
});
