/**
 * The page with a model widget that the runtime's browser tests drive (onnx-runtime*.spec.ts), and
 * how to wait on its model loader (src/kit/onnx/ModelLoader.svelte). E2E_MODEL_PAGE points the
 * tests at another page that uses the kit's ModelLoader.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The chapter with the model. */
export const MODEL_PAGE = process.env.E2E_MODEL_PAGE ?? 'pronounce/';
/** Model downloads, the WASM runtime and WebGPU set-up are slow on a loaded 2-core machine. */
export const READY_TIMEOUT = 90_000;

/** The page's (first) model loader. */
export const loader = (page: Page) => page.locator('[data-model-loader]').first();

/** Opens the model page and brings its model widget on screen (islands hydrate when visible). */
export async function openModelPage(page: Page, query = ''): Promise<void> {
  await page.goto(`${MODEL_PAGE}${query}`);
  await loader(page).scrollIntoViewIfNeeded();
}

/** Waits for the model loader to reach `phase`. */
export async function expectPhase(page: Page, phase: string, timeout = READY_TIMEOUT): Promise<void> {
  await expect(loader(page)).toHaveAttribute('data-phase', phase, { timeout });
}

