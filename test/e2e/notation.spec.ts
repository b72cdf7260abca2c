/** The notation page: the naming schemes, the gate order, and the symbols, typeset at build time. */
import { test, expect } from './fixtures.ts';

test.describe('notation page', () => {
  test('loads with KaTeX typeset and the naming tables present', async ({ page }) => {
    await page.goto('notation/');
    await expect(page.locator('h1')).toHaveText('Notation');
    expect(await page.locator('main .katex').count()).toBeGreaterThan(40);
    await expect(page.locator('main .katex-error')).toHaveCount(0);
    const shapes = page.locator('main table').filter({ hasText: 'weight_ih_l0' }).first();
    await expect(shapes).toBeVisible();
    for (const name of ['weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'head.weight', 'head.bias']) await expect(shapes).toContainText(name);
    // KaTeX keeps each formula's TeX source in its MathML annotation.
    await expect(shapes.locator('annotation', { hasText: 'W_{xh}' })).toHaveCount(1);
    const gates = page.locator('main table').filter({ hasText: 'forget gate' });
    await expect(gates.locator('tr', { hasText: 'LSTM' })).toContainText(/i, input gate.*f, forget gate.*g, candidate cell.*o, output gate/s);
    await expect(gates.locator('tr', { hasText: 'GRU' })).toContainText(/r, reset gate.*z, update gate.*n, candidate state/s);
    await expect(page.getByRole('heading', { name: 'Who writes the GRU which way' })).toBeVisible();
    const conventions = page.locator('main table').filter({ hasText: 'Chung et al.' });
    await expect(conventions.locator('tr', { hasText: 'Keras' })).toContainText('reset_after=True');
  });

  test('the parameters chapter links here', async ({ page }) => {
    await page.goto('parameters/');
    await page.locator('main a[href="../notation/"]').first().click();
    await expect(page).toHaveURL(/\/notation\/$/);
    await expect(page.locator('h1')).toHaveText('Notation');
  });

  test('at 390 px the page does not scroll sideways (screenshot attached)', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('notation/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('notation-390.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
