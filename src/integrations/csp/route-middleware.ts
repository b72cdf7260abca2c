/**
 * Starlight route middleware: a page whose frontmatter says `webAssembly: true` (it runs a model on
 * onnxruntime-web) gets 'wasm-unsafe-eval' added to its script-src; no other page does.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { WASM_SOURCE } from './policy.ts';

/** Adds 'wasm-unsafe-eval' to the policy of the pages that declare `webAssembly: true`. */
export const onRequest = defineRouteMiddleware((context) => {
  const data = context.locals.starlightRoute.entry.data as { webAssembly?: boolean };
  if (data.webAssembly !== true) return;
  if (!context.csp) throw new Error('webAssembly: true needs security.csp on in astro.config.mjs');
  context.csp.insertScriptResource(WASM_SOURCE);
});
