/**
 * The self-hosted runtime files match the onnxruntime-web build the site bundles: the entry names
 * exactly the .mjs we copy, that .mjs names exactly the .wasm we copy, and both exist. An upgrade
 * of onnxruntime-web that renames them fails here instead of in a reader's browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORT_ENTRY, ORT_RUNTIME_FILES } from '../../../src/integrations/onnxruntime-files.ts';

const dist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
const runtimeNames = (text: string) => [...new Set(text.match(/ort-wasm-simd-threaded[a-z.]*\.(?:mjs|wasm)/g) ?? [])];

describe('onnxruntime-web files', () => {
  it('every copied file exists in node_modules', () => {
    for (const name of [ORT_ENTRY, ...ORT_RUNTIME_FILES]) expect(existsSync(join(dist, name)), name).toBe(true);
  });

  it('the bundled entry imports exactly the copied .mjs, and that .mjs loads exactly the copied .wasm', () => {
    const [mjs, wasm] = ORT_RUNTIME_FILES;
    expect(runtimeNames(readFileSync(join(dist, ORT_ENTRY), 'utf8'))).toEqual([mjs]);
    expect(runtimeNames(readFileSync(join(dist, mjs), 'utf8'))).toEqual([wasm]);
  });
});
