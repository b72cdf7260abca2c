/**
 * Live plots can be paused (WCAG 2.2.2): the drawing holds still while training goes on, and
 * training progress is announced in a role=status region. Reduced motion and target sizes are
 * checked on every page by page-audit.spec.ts.
 */
import { test, expect } from './fixtures.ts';
import { hydrateIslands } from './hydrate.ts';

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
