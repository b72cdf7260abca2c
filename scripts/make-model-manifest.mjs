// Writes public/models/manifest.json: every file under public/models (except the manifest
// itself) with its SHA-256 and byte size. The browser checks each download against it before use.
//
//   node scripts/make-model-manifest.mjs          (run after changing any model file)
//
// test/lib/onnx/manifest.test.ts fails when the manifest and the files disagree.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('../public/models/', import.meta.url).pathname;

/** Every file below `dir`, as paths relative to the models folder with forward slashes. */
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(root, path).split(sep).join('/')];
  });
}

const files = listFiles(root)
  .filter((path) => path !== 'manifest.json')
  .sort()
  .map((path) => {
    const bytes = readFileSync(join(root, path));
    return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  });
writeFileSync(join(root, 'manifest.json'), `${JSON.stringify({ files }, null, 2)}\n`);
console.log(`manifest: ${files.length} file(s)`);
