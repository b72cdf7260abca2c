/**
 * Fails the build when a built page breaks the CSP rules (./audit.ts): an inline script the policy
 * does not cover (a new Starlight script, a hand-written one), 'unsafe-eval', or 'wasm-unsafe-eval'
 * on a page without `webAssembly: true`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { auditPage } from './audit.ts';
import { pageAllowsWasm, webAssemblySlugs } from './wasm-pages.ts';

/** Each built page's problems, keyed by its path relative to the build folder ("pronounce/"). */
export function auditBuild(dir: string): Map<string, string[]> {
  const slugs = webAssemblySlugs();
  const found = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
    const problems = auditPage(readFileSync(file, 'utf8'), { wasmAllowed: pageAllowsWasm(path, slugs) });
    if (problems.length > 0) found.set(path, problems);
  }
  return found;
}

/** The Astro integration. */
export function cspAudit(): AstroIntegration {
  return {
    name: 'unrolled:csp-audit',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const found = auditBuild(fileURLToPath(dir));
        if (found.size === 0) return logger.info('every page has a strict CSP that covers its inline scripts');
        const lines = [...found].flatMap(([path, problems]) => problems.map((problem) => `  ${path || '(home)'}: ${problem}`));
        throw new Error(`CSP audit failed on ${found.size} page(s):\n${lines.join('\n')}`);
      },
    },
  };
}
