/**
 * Prints the size-budget figures of the built dist/ as a Markdown table for bench/RESULTS.md:
 * per page, the initial JavaScript gzipped (without onnxruntime-web), its budget and its three
 * largest files. Usage: `npm run build && node scripts/size-report.ts`.
 */
import { basename } from 'node:path';
import { buildScripts, gzipBytes, isOnnxRuntime } from '../src/integrations/size/initial-js.ts';

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
console.log('| Page | Kind | Initial JS, gzipped | Budget | Largest files (gzipped kB) |');
console.log('|---|---|---:|---:|---|');
for (const page of buildScripts(process.env.E2E_DIST ?? 'dist', '/')) {
  const files = page.files.filter((file) => !isOnnxRuntime(file));
  const total = gzipBytes(files);
  const budget = page.hasIslands ? 50_000 : 20_000; // the widget target and the prose limit of .size-limit.mjs
  const largest = files
    .map((file) => [gzipBytes([file]), basename(file)] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([bytes, name]) => `${name.replace(/\.[\w-]{8}\.js$/, '.js')} ${kB(bytes)}`)
    .join(', ');
  const verdict = total <= budget ? '' : ' **over**';
  console.log(`| ${page.path || '(home)'} | ${page.hasIslands ? 'widgets' : 'prose'} | ${kB(total)} kB${verdict} | ${kB(budget)} kB | ${largest} |`);
}
