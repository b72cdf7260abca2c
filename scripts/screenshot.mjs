// Writes docs/screenshot.png for the README: the parameter calculator (parameters/) at 1280×800,
// taken from the built dist/ in the system Chromium.
//
//   npm run screenshot        (builds first; or `node scripts/screenshot.mjs` after `npm run build`)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { serve } from './serve.mjs';

const port = Number(process.env.SCREENSHOT_PORT ?? 4339);
const output = 'docs/screenshot.png';

const server = await serve({ dir: 'dist', port, base: '/' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${port}/parameters/`, { waitUntil: 'networkidle' });
  // Show the calculator itself: scroll its first widget to the top, under the header.
  await page.evaluate(() => {
    const island = document.querySelector('main astro-island');
    const widget = island?.closest('fieldset, section, figure, div') ?? island?.firstElementChild;
    if (widget) window.scrollTo(0, widget.getBoundingClientRect().top + window.scrollY - 150);
  });
  // Let the islands in view hydrate and the fonts settle before the picture.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.close();
}
