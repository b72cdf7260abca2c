/**
 * The hashes of Starlight's own inline scripts (theme, search shortcut, sidebar persistence, tabs),
 * read from the installed Starlight's components at build time, so a Starlight update brings its
 * new hashes along instead of silently breaking the theme picker or the sidebar. The build's CSP
 * audit (./audit.ts) still fails on any inline script a page's policy does not cover.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The 'sha256-…' source of a script body, as the browser computes it. */
export function scriptHash(body: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

/** The bodies of the `<script is:inline>` blocks of one .astro source. */
export function inlineScriptBodies(astroSource: string): string[] {
  return [...astroSource.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
}

/** Every .astro file under a folder. */
function astroFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The hashes of every inline script in the installed @astrojs/starlight's components. */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  const root = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight'))); // its dist/ folder
  const hashes = astroFiles(root)
    .flatMap((file) => inlineScriptBodies(readFileSync(file, 'utf8')))
    .map(scriptHash);
  if (hashes.length === 0) throw new Error(`no inline scripts found in ${root}: has Starlight's layout changed?`);
  return [...new Set(hashes)];
}
