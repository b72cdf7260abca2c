/**
 * The pages whose frontmatter says `webAssembly: true`, read from content/docs, as slugs without a
 * locale prefix ("pronounce/"): the only pages whose policy may hold 'wasm-unsafe-eval'.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Locale folders under content/docs (a page there shares its English page's slug). */
const LOCALE_FOLDERS = ['zh-cn'];

/** The slugs (with a trailing slash, no locale prefix) of the pages that declare `webAssembly: true`. */
export function webAssemblySlugs(docs = 'content/docs'): Set<string> {
  const slugs = new Set<string>();
  for (const entry of readdirSync(docs, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    if (!/^webAssembly:\s*true\b/m.test(frontmatter)) continue;
    let slug = relative(docs, file).split(sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
    for (const locale of LOCALE_FOLDERS) if (slug.startsWith(`${locale}/`)) slug = slug.slice(locale.length + 1);
    slugs.add(slug === '' ? '' : `${slug}/`);
  }
  return slugs;
}

/** True when a built page's path ("zh-cn/pronounce/") may compile WebAssembly. */
export function pageAllowsWasm(pagePath: string, slugs: ReadonlySet<string>): boolean {
  const bare = LOCALE_FOLDERS.reduce((path, locale) => (path.startsWith(`${locale}/`) ? path.slice(locale.length + 1) : path), pagePath);
  return slugs.has(bare);
}
