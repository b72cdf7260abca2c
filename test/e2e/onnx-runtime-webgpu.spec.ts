/**
 * WebGPU in Chromium (SwiftShader, --enable-unsafe-webgpu, on http://127.0.0.1): the chip says
 * WebGPU, and the model's outputs equal those of WASM (the same page with ?backend=wasm) within
 * 1e-4. The page's widget writes its raw outputs as JSON numbers in [data-model-output].
 * Its own file because other launch flags need their own worker.
 */
import type { Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { expect, test } from './fixtures.ts';
import { READY_TIMEOUT, expectPhase, openModelPage } from './model-page.ts';

test.use({
  launchOptions: {
    executablePath: findChromium(),
    // The suite's flags without --disable-gpu, plus WebGPU.
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-webgpu',
    ],
  },
});

/** The widget's raw outputs, once it has written them. */
async function modelOutputs(page: Page): Promise<number[]> {
  const output = page.locator('[data-model-output]').first();
  await expect(output).toHaveAttribute('data-model-output', /\d/, { timeout: READY_TIMEOUT });
  return (JSON.parse((await output.getAttribute('data-model-output'))!) as unknown[]).flat(4) as number[];
}

test('WebGPU runs the model, and its outputs equal WASM outputs within 1e-4', async ({ page }) => {
  await openModelPage(page);
  await expectPhase(page, 'ready');
  const chip = page.locator('[data-backend-chip]').first();
  await expect(chip).toHaveAttribute('data-backend', 'webgpu');
  await expect(chip).toHaveText('WebGPU · 1 thread · not cross-origin isolated');
  const webGpu = await modelOutputs(page);

  await openModelPage(page, '?backend=wasm');
  await expectPhase(page, 'ready');
  await expect(page.locator('[data-backend-chip]').first()).toHaveAttribute('data-backend', 'wasm');
  const wasm = await modelOutputs(page);

  expect(webGpu.length).toBeGreaterThan(0);
  expect(webGpu).toHaveLength(wasm.length);
  expect(webGpu.every(Number.isFinite)).toBe(true);
  const maxDifference = Math.max(...webGpu.map((value, index) => Math.abs(value - wasm[index]!)));
  expect(maxDifference).toBeLessThanOrEqual(1e-4);
});
