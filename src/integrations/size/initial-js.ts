/**
 * What JavaScript each built page loads before the reader does anything: its module scripts,
 * modulepreloads and the component and renderer files of its islands, plus everything those import
 * statically (followed through the chunks with es-module-lexer; dynamic `import()` and workers are
 * lazy and not counted). .size-limit.mjs turns this into one budget per page, and the size-budget
 * tests use it to prove that prose pages ship no framework code and that onnxruntime-web is lazy.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

await init;

/** One page's initial JavaScript. */
export interface PageScripts {
  /** The page's path relative to the build folder ("parameters/", "" for the home page). */
  readonly path: string;
  /** True when the page has at least one island (a Svelte widget). */
  readonly hasIslands: boolean;
  /** The renderer files of its islands (the framework's client runtime). */
  readonly renderers: readonly string[];
  /** Every JavaScript file the page loads up front, as absolute file paths, sorted. */
  readonly files: readonly string[];
}

/** Every element of a parsed page. */
function elements(node: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes): void => {
    if (current.type === 'element') found.push(current);
    if ('children' in current) for (const child of current.children) walk(child as Nodes);
  };
  walk(node);
  return found;
}

/** The build file a site URL names ("/course/rnn/_astro/x.js" → "<dir>/_astro/x.js"), or null for another origin. */
function fileOf(url: string, dir: string, base: string): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null;
  const path = url.split(/[?#]/, 1)[0]!;
  return path.startsWith(base) ? join(dir, path.slice(base.length)) : null;
}

/** The files a JavaScript module imports statically (import … from, import "…", export … from). */
export function staticImports(file: string): string[] {
  const [imports] = parse(readFileSync(file, 'utf8'));
  return imports
    .filter((entry) => entry.d === -1 && entry.n !== undefined && /^\.{0,2}\//.test(entry.n))
    .map((entry) => join(file, '..', entry.n!.startsWith('/') ? `..${entry.n}` : entry.n!));
}

/** A file and everything it imports statically, transitively. */
export function staticClosure(entries: Iterable<string>, dir: string, base: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of staticImports(file)) {
      // An absolute import ("/_astro/x.js") resolves against the build folder and base.
      const spec = imported;
      queue.push(spec.startsWith(dir) ? spec : (fileOf(spec, dir, base) ?? spec));
    }
  }
  return seen;
}

/** The initial JavaScript of one built page. */
export function pageScripts(html: string, path: string, dir: string, base: string): PageScripts {
  const all = elements(fromHtml(html));
  const urls: string[] = [];
  const renderers = new Set<string>();
  let hasIslands = false;
  for (const el of all) {
    const p = el.properties;
    if (el.tagName === 'script' && typeof p.src === 'string' && String(p.type) === 'module') urls.push(p.src);
    if (el.tagName === 'script' && typeof p.src === 'string' && p.type === undefined) urls.push(p.src);
    if (el.tagName === 'link' && Array.isArray(p.rel) && p.rel.includes('modulepreload') && typeof p.href === 'string') urls.push(p.href);
    if (el.tagName === 'astro-island') {
      hasIslands = true;
      for (const key of ['component-url', 'renderer-url', 'before-hydration-url'] as const) {
        const value = p[key];
        if (typeof value === 'string' && value !== '') urls.push(value);
      }
      const renderer = p['renderer-url'];
      if (typeof renderer === 'string' && renderer !== '') renderers.add(renderer);
    }
  }
  const files = (list: Iterable<string>) => [...list].map((url) => fileOf(url, dir, base)).filter((file): file is string => file !== null);
  return {
    path,
    hasIslands,
    renderers: [...new Set(files(renderers))].sort(),
    files: [...staticClosure(files(urls), dir, base)].sort(),
  };
}

/** The initial JavaScript of every page of a build made with base path `base`. */
export function buildScripts(dir: string, base: string): PageScripts[] {
  const pages: PageScripts[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
    pages.push(pageScripts(readFileSync(file, 'utf8'), path, dir, base));
  }
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** True for a file of onnxruntime-web's bundled entry (it must only ever load lazily). */
export function isOnnxRuntime(file: string): boolean {
  return /(^|[\\/])ort[.-][^\\/]*\.(m?js)$/.test(file);
}

/** The gzipped size of some files together, in bytes (each file compressed on its own, as served). */
export function gzipBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(file), { level: 9 }).length;
  return total;
}
