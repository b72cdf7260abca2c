// Page load -> first decoded word on chapter 11 (pronounce/), in the system Chromium with WebGPU
// enabled (--enable-unsafe-webgpu, no --disable-gpu: SwiftShader on a machine without a GPU), and
// per-step latency on each backend as a reader sees it.
//
//   npm run build && npm run bench:backend [-- --json] [-- --runs 3]
//
// "cold": a fresh browser context (no HTTP cache, no Cache API, no stored backend choice).
// "cache": the same context again (model files from the Cache API, the stored choice if any).
// Times are from navigation start to the moment the greedy widget shows phonemes, taken in the page
// by a MutationObserver (performance.now()). The page scrolls to the widget at once, as a reader
// following a link to the widget would.
// Per step: with ?backend=wasm and ?backend=webgpu, after the first word, each of WORDS is typed and
// timed until its phonemes show; divided by its model runs (encoder + one decoder step per phoneme + EOS).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dist = option('--dist', 'dist');
const runs = Number(option('--runs', '3'));
const port = Number(option('--port', '4491'));
const WORDS = ['strawberry', 'telephone', 'basketball', 'cat', 'knight'];

if (!existsSync(`${dist}/pronounce/index.html`)) {
  console.error(`${dist}/pronounce/index.html is missing: run \`npm run build\` first`);
  process.exit(1);
}

/** Median of a list of numbers. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Records in window.__firstWord the performance.now() at which the greedy widget first shows phonemes. */
function watchFirstWord() {
  const observer = new MutationObserver(() => {
    const shown = document.querySelector('.pronounce-word [data-phonemes]');
    if (shown?.textContent?.trim()) {
      globalThis.__firstWord = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

const server = spawn(process.execPath, ['scripts/serve.mjs', dist, String(port), '/'], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-unsafe-webgpu'],
});
const base = `http://127.0.0.1:${port}/pronounce/`;

/** Opens the chapter in `page` and returns ms to the first decoded word and the chip's text. */
async function firstWord(page, query = '') {
  await page.goto(`${base}${query}`);
  await page.locator('.pronounce-word').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => globalThis.__firstWord !== undefined, null, { timeout: 180_000, polling: 50 });
  const ms = await page.evaluate(() => globalThis.__firstWord);
  const chip = await page.locator('[data-backend-chip]').first().textContent();
  return { ms, chip: chip?.trim() };
}

const result = { machine: { cpus: cpus().length, model: cpus()[0]?.model, loadBefore: loadavg()[0] }, load: [], perStep: {} };
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchFirstWord);
    const page = await context.newPage();
    const cold = await firstWord(page);
    const cached = await firstWord(page);
    result.load.push({ cold: cold.ms, cache: cached.ms, coldChip: cold.chip, cacheChip: cached.chip });
    await context.close();
  }
  for (const backend of ['wasm', 'webgpu']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchFirstWord);
    const page = await context.newPage();
    await firstWord(page, `?backend=${backend}`);
    const perStep = [];
    for (const word of WORDS) {
      const field = page.getByRole('group', { name: 'Your word' }).getByLabel('Your word');
      const started = Date.now();
      await field.fill(word);
      await page.locator('.pronounce-word .spelling', { hasText: new RegExp(`^${word}$`) }).waitFor({ timeout: 120_000 });
      const phonemes = (await page.locator('.pronounce-word [data-phonemes]').textContent()).trim().split(/\s+/).length;
      perStep.push((Date.now() - started) / (1 + phonemes + 1));
    }
    result.perStep[backend] = { median: median(perStep), all: perStep };
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
result.machine.loadAfter = loadavg()[0];
result.summary = { coldMedian: median(result.load.map((r) => r.cold)), cacheMedian: median(result.load.map((r) => r.cache)) };

if (json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`machine: ${result.machine.cpus} × ${result.machine.model}, load ${result.machine.loadBefore.toFixed(1)} → ${result.machine.loadAfter.toFixed(1)}`);
  console.log('| run | cold (ms) | from cache (ms) | chip |');
  console.log('|---|---|---|---|');
  result.load.forEach((r, i) => console.log(`| ${i + 1} | ${r.cold.toFixed(0)} | ${r.cache.toFixed(0)} | ${r.coldChip} |`));
  console.log(`median: cold ${result.summary.coldMedian.toFixed(0)} ms, from cache ${result.summary.cacheMedian.toFixed(0)} ms`);
  for (const [backend, s] of Object.entries(result.perStep)) {
    console.log(`per step (as the reader sees it) on ${backend}: median ${s.median.toFixed(2)} ms (${s.all.map((v) => v.toFixed(1)).join(', ')})`);
  }
}
