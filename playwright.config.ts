/**
 * Browser tests: Playwright against the built site, in the system Chromium (nothing is downloaded).
 *
 * Two projects:
 *   - root:    dist/     served at http://127.0.0.1:4330/
 *   - subpath: dist-sub/ (SITE_BASE=/course/rnn/) served at http://127.0.0.1:4331/course/rnn/
 * Specs navigate with relative paths and no leading slash (`page.goto('parameters/')`), so the
 * same test checks both. `npm run test:e2e` builds both folders first.
 *
 * Chromium comes from CHROME_PATH, else /usr/bin/chromium. When neither exists the config throws,
 * so the run fails with the install hint instead of skipping.
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

const chromiumPath = findChromium();

/** Ports for the two static servers; E2E_PORT moves both (root on it, subpath on the next). */
const rootPort = Number(process.env.E2E_PORT ?? 4330);
const subPort = rootPort + 1;
const subBase = '/course/rnn/';
/** The build folders; E2E_DIST and E2E_DIST_SUB point the tests at builds made elsewhere. */
const rootBuild = process.env.E2E_DIST ?? 'dist';
const subBuild = process.env.E2E_DIST_SUB ?? 'dist-sub';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results', // E2E_OUTPUT keeps two runs in one checkout apart
  fullyParallel: true,
  workers: 2,
  // One retry, and only on CI: a test that passes on its retry is still listed as "flaky" in the
  // report, so a timing problem on a loaded 2-core machine shows up without sinking the whole run.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  globalTimeout: 75 * 60_000, // a hung run fails before CI's 90 minutes (the suite takes about 40 on two cores)
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'root', use: { baseURL: `http://127.0.0.1:${rootPort}/` } },
    {
      name: 'subpath',
      use: { baseURL: `http://127.0.0.1:${subPort}${subBase}` },
      // The sub-path project checks what the base path changes: every English page loads clean with
      // no failed request (page-audit, without its rendering checks: see `renderingChecks`), links,
      // search, the 404 page, the service worker's scope, progress keys, the language switcher's
      // URLs and the PDF handout (whole files, matched by name), plus each test tagged @base: the
      // ones that fetch a worker, a dataset, a model or the runtime, or carry state in the URL.
      // What the base path does not change (widget numbers, axe, motion, target sizes, print, the
      // phone layout: tagged @rendering) and the zh-cn/ pages (the same templates) run once, in root.
      metadata: { renderingChecks: false },
      grep: [/(page-audit|site|subpath|offline|offline-insecure|progress|i18n|pdf)\.spec\.ts/, /@base/],
      grepInvert: [/zh-cn\/[a-z]/, /@rendering/],
    },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs ${rootBuild} ${rootPort} /`,
      url: `http://127.0.0.1:${rootPort}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `node scripts/serve.mjs ${subBuild} ${subPort} ${subBase}`,
      url: `http://127.0.0.1:${subPort}${subBase}`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
  ],
});
