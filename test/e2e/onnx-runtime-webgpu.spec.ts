/**
 * WebGPU in Chromium (SwiftShader, --enable-unsafe-webgpu, on http://127.0.0.1): the loader takes WASM
 * there (SwiftShader is software, no accelerator) and the chip says why; a lost device moves a WebGPU
 * session to WASM; an adapter made to claim it is a GPU takes the measuring path (timed, stored, timed
 * again on request); ?backend=webgpu still runs WebGPU, and the model's outputs equal those of WASM: within
 * 1e-4 where a widget writes its raw outputs as JSON numbers in [data-model-output], else the
 * beam table's phonemes exactly and its three-decimal scores within one unit of the last digit.
 * Its own file because other launch flags need their own worker.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { expect, test } from './fixtures.ts';
import { ORT_ENTRY } from '../../src/integrations/onnxruntime-files.ts';
import { hydrateIslands } from './hydrate.ts';
import { READY_TIMEOUT, expectPhase, openModelPage } from './model-page.ts';

/** onnxruntime-web's dist/ folder. */
const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

test.use({
  // These tests load onnxruntime-web by hand on a page without a model, to compare backends; the
  // page's CSP (no 'wasm-unsafe-eval' there) is not what they test (csp.spec.ts checks the model page).
  bypassCSP: true,
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

/** What the page shows of its model's outputs. */
interface ModelOutputs {
  /** Raw numbers, from [data-model-output] (compared within 1e-4) or the beam's displayed scores. */
  readonly numbers: number[];
  /** Within how much two backends' numbers must agree. */
  readonly tolerance: number;
  /** Text outputs that must match exactly (the beam's phoneme strings, sorted). */
  readonly texts: string[];
}

/**
 * The page's model outputs: the raw numbers a widget writes into [data-model-output] when it has
 * one; otherwise chapter 11's beam table, whose scores show three decimals, so they may differ by
 * one unit in the last digit (1e-3) when the true difference is far below 1e-4.
 */
async function modelOutputs(page: Page): Promise<ModelOutputs> {
  const raw = page.locator('[data-model-output]').first();
  if (await raw.count()) {
    await expect(raw).toHaveAttribute('data-model-output', /\d/, { timeout: READY_TIMEOUT });
    const numbers = (JSON.parse((await raw.getAttribute('data-model-output'))!) as unknown[]).flat(4) as number[];
    return { numbers, tolerance: 1e-4, texts: [] };
  }
  await hydrateIslands(page);
  await expect(page.locator('[data-candidate], [data-no-candidates]').first()).toBeAttached({ timeout: READY_TIMEOUT });
  const scores = await page.locator('[data-candidate] [data-score]').allTextContents();
  const phonemes = await page.locator('[data-candidate] [data-phonemes]').allTextContents();
  // By phonemes, not rank: candidates whose scores tie within float32 noise may swap places.
  const candidates = phonemes
    .map((text, index) => ({ text, score: Number(scores[index]!.trim().replace('−', '-')) }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { numbers: candidates.map((c) => c.score), tolerance: 1e-3 + 1e-9, texts: candidates.map((c) => c.text) };
}

/** A 10-letter word for the decoding checks. */
const TEN_LETTERS = 'strawberry';

/**
 * Gives every GPUDevice the page creates (onnxruntime-web's included) a `lost` promise that the test
 * settles through window.__loseGpuDevices(): the signal a browser gives when a device is lost. A real
 * device.destroy() on SwiftShader freezes the page's renderer here, so the test simulates the signal.
 */
function simulateDeviceLoss(): void {
  const adapter = (globalThis as { GPUAdapter?: { prototype: { requestDevice: (...args: unknown[]) => Promise<object> } } }).GPUAdapter;
  if (!adapter) return;
  const losers: (() => void)[] = [];
  (globalThis as { __loseGpuDevices?: () => number }).__loseGpuDevices = () => (losers.forEach((lose) => lose()), losers.length);
  const requestDevice = adapter.prototype.requestDevice;
  adapter.prototype.requestDevice = async function (this: unknown, ...args: unknown[]) {
    const device = await requestDevice.apply(this, args);
    const lost = new Promise((resolve) => losers.push(() => resolve({ reason: 'unknown', message: 'simulated by the test' })));
    Object.defineProperty(device, 'lost', { value: lost });
    return device;
  };
}

/** Makes every WebGPU adapter describe itself as a hardware GPU, so the loader takes the measuring path on SwiftShader. */
function claimHardwareAdapter(): void {
  const adapter = (globalThis as { GPUAdapter?: { prototype: object } }).GPUAdapter;
  if (!adapter) return;
  const info = { vendor: 'test-vendor', architecture: 'claimed-gpu', device: '', description: '', isFallbackAdapter: false };
  Object.defineProperty(adapter.prototype, 'info', { get: () => info, configurable: true });
  Object.defineProperty(adapter.prototype, 'isFallbackAdapter', { get: () => false, configurable: true });
}

test('on SwiftShader the loader picks WASM and says why; ?backend=webgpu still forces WebGPU with equal outputs, and falls back to WASM when its device is lost; a hardware adapter is timed', async ({ page }) => {
  test.setTimeout(420_000); // three starts of the page's model, one of them on emulated WebGPU, on a loaded 2-core machine
  const chip = page.locator('[data-backend-chip]').first();
  const phonemes = page.locator('.pronounce-word [data-phonemes]');
  let wasm: ModelOutputs;
  let wasmPhonemes: string;
  await test.step('auto: a software adapter is no accelerator, so WASM, with the reason on the chip', async () => {
    await openModelPage(page, `?word=${TEN_LETTERS}`);
    await expectPhase(page, 'ready');
    await expect(chip).toHaveAttribute('data-backend', 'wasm');
    await expect(chip).toHaveAttribute('data-choice', 'software-adapter');
    await expect(chip).toHaveText('WASM · 1 thread · not cross-origin isolated · WebGPU available but software-only (SwiftShader): using WASM');
    await expect(page.locator('[data-measure-again]')).toHaveCount(0); // nothing to time against
    wasm = await modelOutputs(page);
    await expect(phonemes).toHaveText(/\S/, { timeout: READY_TIMEOUT });
    wasmPhonemes = (await phonemes.textContent())!;
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('unrolled:backend:')))).toEqual([]);
  });

  await test.step('?backend=webgpu: WebGPU, and the same outputs as WASM', async () => {
    await page.addInitScript(simulateDeviceLoss);
    await openModelPage(page, `?word=${TEN_LETTERS}&backend=webgpu`);
    await expectPhase(page, 'ready');
    await expect(chip).toHaveAttribute('data-backend', 'webgpu');
    await expect(chip).toHaveText('WebGPU · 1 thread · not cross-origin isolated · chosen by ?backend=webgpu');
    const webGpu = await modelOutputs(page);
    await expect(phonemes).toHaveText(wasmPhonemes, { timeout: READY_TIMEOUT });
    expect(webGpu.numbers.length).toBeGreaterThan(0);
    expect(webGpu.numbers.every(Number.isFinite)).toBe(true);
    expect(webGpu.numbers).toHaveLength(wasm.numbers.length);
    expect(webGpu.texts).toEqual(wasm.texts);
    const maxDifference = Math.max(...webGpu.numbers.map((value, index) => Math.abs(value - wasm.numbers[index]!)));
    expect(maxDifference).toBeLessThanOrEqual(webGpu.tolerance);
  });

  await test.step('WebGPU lost mid-session: the next word runs on WASM, and the chip says so', async () => {
    const lost = await page.evaluate(() => (globalThis as { __loseGpuDevices?: () => number }).__loseGpuDevices?.() ?? 0);
    expect(lost).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Your word' }).getByLabel('Your word').fill('cat');
    await expect(chip).toHaveAttribute('data-backend', 'wasm', { timeout: READY_TIMEOUT });
    await expect(chip).toHaveAttribute('data-choice', 'webgpu-lost');
    await expect(chip).toContainText('WebGPU failed during the session (WebGPU device lost: simulated by the test)');
    await expect(chip).toContainText('switched to WASM');
    await expect(phonemes).toHaveText('K AE T', { timeout: READY_TIMEOUT });
  });

  await test.step('an adapter that claims to be a GPU: both are timed, the faster kept and remembered, Measure again times anew', async () => {
    await page.addInitScript(claimHardwareAdapter);
    await openModelPage(page, `?word=${TEN_LETTERS}`);
    await expectPhase(page, 'ready');
    await expect(chip).toHaveAttribute('data-choice', 'measured');
    // SwiftShader steps take tens of milliseconds, WASM's well under one: the rule keeps WASM
    await expect(chip).toHaveAttribute('data-backend', 'wasm');
    await expect(chip).toContainText(/measured per step: WebGPU [\d.]+ ms, WASM [\d.]+ ms; the faster kept/);
    const stored = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('unrolled:backend:')));
    expect(stored).toHaveLength(1);
    expect(stored[0]![0]).toContain('test-vendor claimed-gpu');
    expect(JSON.parse(stored[0]![1])).toMatchObject({ backend: 'wasm' });
    await expect(phonemes).toHaveText(wasmPhonemes, { timeout: READY_TIMEOUT });

    await openModelPage(page, `?word=${TEN_LETTERS}`);
    await expectPhase(page, 'ready');
    await expect(chip).toHaveAttribute('data-choice', 'stored');
    await expect(chip).toContainText('measured earlier on this device');
    await page.locator('[data-measure-again]').click();
    await expect(chip).toHaveAttribute('data-choice', 'measured', { timeout: READY_TIMEOUT });
    await expectPhase(page, 'ready');
    await expect(phonemes).toHaveText(wasmPhonemes, { timeout: READY_TIMEOUT });
  });
});

/**
 * Every output of the G2P encoder and of one decoder step, WebGPU against WASM, within 1e-4: the
 * site's own onnxruntime-web build (ORT_ENTRY, served to this test from node_modules) with the
 * site's self-hosted runtime files and model files, on a page of the site. This is the check that
 * caught onnxruntime-web's default (JSEP) build computing the encoder's c0 0.19 off on WebGPU.
 */
test('the G2P model: every encoder and decoder-step output agrees between WebGPU and WASM within 1e-4', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.route('**/__ort-parity/ort.mjs', (route) =>
    route.fulfill({ path: join(ortDist, ORT_ENTRY), contentType: 'text/javascript; charset=utf-8' }),
  );
  await page.goto('notation/');
  const differences = await page.evaluate(async (base) => {
    type Tensor = { data: Float32Array | BigInt64Array; dims: readonly number[] };
    type Session = { run(feeds: Record<string, unknown>): Promise<Record<string, Tensor>> };
    const ort = (await import(`${base}__ort-parity/ort.mjs`)) as {
      env: { wasm: { wasmPaths: string; numThreads: number }; logLevel: string };
      Tensor: new (type: string, data: unknown, dims: number[]) => Tensor;
      InferenceSession: { create(bytes: Uint8Array, options: unknown): Promise<Session> };
    };
    ort.env.wasm.wasmPaths = `${base}ort/`;
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const bytes = async (path: string) => new Uint8Array(await (await fetch(`${base}models/${path}`)).arrayBuffer());
    const vocab = (await (await fetch(`${base}models/g2p/vocab.json`)).json()) as { bos: number; letters: string[] };
    const [encoderBytes, decoderBytes] = [await bytes('g2p/encoder.onnx'), await bytes('g2p/decoder-step.onnx')];
    const word = 'parity'.split('').map((letter) => BigInt(vocab.letters.indexOf(letter)));
    const outputs: Record<string, Record<string, Float32Array>> = {};
    for (const backend of ['webgpu', 'wasm']) {
      const options = { executionProviders: [backend], logSeverityLevel: 3 };
      const encoder = await ort.InferenceSession.create(encoderBytes, options);
      const decoder = await ort.InferenceSession.create(decoderBytes, options);
      const encoded = await encoder.run({ letters: new ort.Tensor('int64', BigInt64Array.from(word), [1, word.length]) });
      const token = new ort.Tensor('int64', BigInt64Array.from([BigInt(vocab.bos)]), [1]);
      const step = await decoder.run({ token, h: encoded.h0, c: encoded.c0, memory: encoded.memory });
      outputs[backend] = Object.fromEntries(
        Object.entries({ ...encoded, ...step }).map(([name, tensor]) => [name, tensor.data as Float32Array]),
      );
    }
    return Object.fromEntries(
      Object.keys(outputs.wasm!).map((name) => {
        const [a, b] = [outputs.webgpu![name]!, outputs.wasm![name]!];
        let max = a.length === b.length && a.length > 0 ? 0 : Number.POSITIVE_INFINITY;
        for (let index = 0; index < a.length; index++) max = Math.max(max, Math.abs(a[index]! - b[index]!));
        return [name, Number.isNaN(max) ? Number.POSITIVE_INFINITY : max];
      }),
    );
  }, new URL(baseURL!).pathname);
  expect(Object.keys(differences).sort()).toEqual(['attention', 'c0', 'c_out', 'h0', 'h_out', 'log_probs', 'memory']);
  for (const [name, difference] of Object.entries(differences)) expect(difference, name).toBeLessThanOrEqual(1e-4);
});
