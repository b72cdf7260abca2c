// Main-thread cost of one slider move, measured in the system Chromium on the built site.
//
//   npm run build && npm run bench:widgets [-- --json] [-- --pages bptt/,gating/] [-- --moves 20]
//
// For every page and every range slider on it, the script moves the slider one step at a time
// (alternately up and down, so it stays near its default) and times, inside the page:
//   "move": setting the value and dispatching `input`, the microtasks that follow (Svelte 5 flushes
//           its effects there: recomputation, DOM updates, plot rendering), up to the next task,
//           then a forced style and layout. Paint is not included. This is the figure issue 5's 8 ms target is checked on.
// It also collects the `unrolled:<widget>` User Timing measures that widgets record around their
// pure recomputation (src/kit/timing.ts). Figures go to bench/RESULTS.md with the machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dist = option('--dist', 'dist');
const moves = Number(option('--moves', '20'));
const port = Number(option('--port', '4490'));
const defaultPages = ['why-sequences/', 'text-to-vectors/', 'parameters/', 'forward-pass/', 'serial-vs-parallel/',
  'training/', 'bptt/', 'remedies/', 'gating/', 'train-in-browser/'];
const pages = option('--pages', defaultPages.join(',')).split(',').filter((path) => existsSync(`${dist}/${path}index.html`));

if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist}/index.html is missing: run \`npm run build\` first`);
  process.exit(1);
}

/** Median and maximum of a list of numbers. */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], count: sorted.length };
}

const server = spawn(process.execPath, ['scripts/serve.mjs', dist, String(port), '/'], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const rows = [];
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const path of pages) {
    await page.goto(`http://127.0.0.1:${port}/${path}`);
    // Hydrate every island: scroll each into view until none is left waiting.
    for (let round = 0; round < 20; round++) {
      const pending = await page.evaluate(async () => {
        for (const island of document.querySelectorAll('astro-island[ssr]')) {
          (island.querySelector('*:not(template):not(script):not(style)') ?? island).scrollIntoView({ block: 'center' });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return document.querySelectorAll('astro-island[ssr]').length;
      });
      if (pending === 0) break;
      await page.waitForTimeout(500);
    }
    await page.evaluate(() => performance.clearMeasures());
    const sliders = await page.evaluate((moveCount) => {
      const tick = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      return (async () => {
        const results = [];
        for (const input of document.querySelectorAll('input[type="range"]')) {
          const label = input.labels?.[0]?.textContent?.trim() || input.getAttribute('aria-label') || input.id;
          const step = Number(input.step) || 1;
          const times = [];
          for (let move = 0; move < moveCount; move++) {
            const next = Number(input.value) + (move % 2 === 0 ? step : -step);
            const value = Math.min(Number(input.max), Math.max(Number(input.min), next));
            await tick();
            const start = performance.now();
            setValue.call(input, String(value));
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
            await tick(); // runs after every microtask the move queued
            void document.body.offsetHeight; // style and layout
            times.push(performance.now() - start);
          }
          results.push({ label, times });
        }
        return results;
      })();
    }, moves);
    for (const slider of sliders) rows.push({ page: path, what: `slider: ${slider.label}`, ...summary(slider.times) });
    const measures = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('unrolled:')).map((entry) => [entry.name, entry.duration]));
    const byName = new Map();
    for (const [name, duration] of measures) byName.set(name, [...(byName.get(name) ?? []), duration]);
    for (const [name, durations] of byName) rows.push({ page: path, what: `measure: ${name}`, ...summary(durations) });
  }
} finally {
  await browser.close();
  server.kill();
}

if (json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`Slider moves in Chromium (${moves} per slider; ms of main-thread time, paint excluded)\n`);
  console.log('| page | what | median ms | max ms | n |');
  console.log('|---|---|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.page} | ${row.what} | ${row.median.toFixed(2)} | ${row.max.toFixed(2)} | ${row.count} |`);
}
