/**
 * The offline service worker: after the build, Workbox's generateSW writes `<base>sw.js` (runtime
 * included, nothing loaded from a CDN) with the caching rules of service-worker-config.ts, and
 * this integration writes `<base>offline-manifest.json`, the list the sidebar's "Make the whole
 * course available offline" button stores. Nothing is precached on install: a reader's first
 * visit downloads only what that page needs, and the whole course only on request.
 *
 * It must run after every integration that adds files to the build (Starlight's search index,
 * onnxruntime-files), so it is listed last in astro.config.mjs.
 */
import { readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { OFFLINE_MANIFEST_FILE, SERVICE_WORKER_FILE, offlineManifest, type BuildFile } from './offline-manifest.ts';
import { runtimeCaching } from './service-worker-config.ts';

/** Every file under `dir`, with paths relative to it ('/' separators) and sizes. */
function buildFiles(dir: string): BuildFile[] {
  const found: BuildFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push({ path: relative(dir, full).split(sep).join('/'), bytes: statSync(full).size });
    }
  };
  walk(dir);
  return found;
}

/** The Astro integration. */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'unrolled:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const manifest = offlineManifest(buildFiles(outDir), base);
        await writeFile(join(outDir, OFFLINE_MANIFEST_FILE), JSON.stringify(manifest));
        const { warnings } = await generateSW({
          swDest: join(outDir, SERVICE_WORKER_FILE),
          globDirectory: outDir,
          globPatterns: [], // no precache: see the comment at the top
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          skipWaiting: true,
          clientsClaim: true,
          cacheId: 'unrolled',
          runtimeCaching: runtimeCaching(base),
        });
        for (const warning of warnings) logger.warn(warning);
        const megabytes = (manifest.totalBytes / 1e6).toFixed(1);
        logger.info(`wrote ${SERVICE_WORKER_FILE} and ${OFFLINE_MANIFEST_FILE} (${manifest.entries.length} files, ${megabytes} MB)`);
      },
    },
  };
}
