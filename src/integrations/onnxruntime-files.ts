/**
 * Self-hosts onnxruntime-web's runtime files: copies them into the build under `<base>ort/` and
 * serves them from node_modules in dev mode, so no page ever asks a CDN for them.
 *
 * It also points the site's `import('onnxruntime-web')` at ORT_ENTRY, the package's
 * `onnxruntime-web/webgpu` build (its native WebGPU execution provider, and WASM) in the "extern
 * wasm" form: lib/onnx/ort-loader.ts sets `ort.env.wasm.wasmPaths` to `<base>ort/`, and
 * onnxruntime-web imports the .mjs from there, which streams the .wasm beside it. Two reasons:
 *   - The package's default entry (WebGPU through JSEP) computed wrong numbers for the G2P
 *     encoder on WebGPU: a Gather reading the LSTM's final cell state Y_c (the LSTM ran on the
 *     CPU, and Y_c itself was exact) returned wrong values, so c0 was off by 4.2 (0.19 untrained). The native WebGPU provider agrees with WASM
 *     within 5e-7 on every intermediate tensor (checked in Chromium, SwiftShader, 1.30.0).
 *   - The default browser entry embeds the .mjs and names the .wasm with `new URL(…,
 *     import.meta.url)`, which Vite copies into _astro/ as a second 27 MB file.
 * Change ORT_ENTRY and ORT_RUNTIME_FILES together; the browser tests fail on any other request.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The files ORT_ENTRY requests from `wasmPaths` (a missing one fails every test in test/e2e/onnx-runtime*.spec.ts). */
export const ORT_RUNTIME_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'] as const;

/** The browser build the site bundles (see the comment at the top): WebGPU (native provider) and WASM. */
export const ORT_ENTRY = 'ort.webgpu.min.mjs';

/** The folder under the site's base path that holds them. */
export const ORT_FOLDER = 'ort/';

/** MIME types browsers insist on: module scripts must be JavaScript, streamed wasm must be application/wasm. */
const MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** onnxruntime-web's dist/ folder in node_modules. */
function ortDistFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('onnxruntime-web')); // the package's "require" entry lives in dist/
}

/** The Astro integration. */
export function onnxruntimeFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'unrolled:onnxruntime-files',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const entry = join(ortDistFolder(), ORT_ENTRY);
        updateConfig({ vite: { resolve: { alias: [{ find: /^onnxruntime-web$/, replacement: entry }] } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const source = ortDistFolder();
        const prefix = `${base}${ORT_FOLDER}`;
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?', 1)[0]!;
          const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
          if (!(ORT_RUNTIME_FILES as readonly string[]).includes(name)) return next();
          const path = join(source, name);
          stat(path).then(
            (stats) => {
              response.writeHead(200, {
                'Content-Type': MIME_TYPES[name.slice(name.lastIndexOf('.'))]!,
                'Content-Length': stats.size,
              });
              createReadStream(path).pipe(response);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const source = ortDistFolder();
        const target = join(fileURLToPath(dir), ORT_FOLDER);
        await mkdir(target, { recursive: true });
        for (const name of ORT_RUNTIME_FILES) await copyFile(join(source, name), join(target, name));
        logger.info(`copied ${ORT_RUNTIME_FILES.join(', ')} to ${ORT_FOLDER}`);
      },
    },
  };
}
