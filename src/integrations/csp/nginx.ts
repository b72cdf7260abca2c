/**
 * The built site's Content-Security-Policy as nginx headers: the same policy the pages carry in
 * their <meta>, plus the directives a <meta> cannot hold (frame-ancestors), one rule per kind of
 * location. `npm run csp:nginx` prints the snippet (and `-- --write` puts it into README.md);
 * test/e2e/csp.spec.ts fails when README's copy differs from the build, and serves pages with
 * these headers to check that the site works under them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { metaPolicies } from './audit.ts';
import { HEADER_ONLY_DIRECTIVES, WASM_SOURCE } from './policy.ts';

/** One `map $uri` rule: a URI regex (null for the default) and the policy sent there. */
export interface CspRule {
  readonly pattern: string | null;
  readonly comment: string;
  readonly policy: string;
}

/** A meta policy as a header: normalised spacing, and the header-only directives added. */
function headerPolicy(meta: string): string {
  const parts = meta.split(';').map((part) => part.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return [...parts, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The header rules for a build in `dir` served under `base` ("/course/rnn/"). */
export function cspRules(dir: string, base: string): CspRule[] {
  const byPolicy = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
    const [policy] = metaPolicies(readFileSync(file, 'utf8'));
    if (policy === undefined) throw new Error(`${path || '(home)'} has no CSP <meta>`);
    byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), path]);
  }
  const plain = [...byPolicy.keys()].filter((policy) => !policy.includes(WASM_SOURCE));
  const wasm = [...byPolicy.keys()].filter((policy) => policy.includes(WASM_SOURCE));
  if (plain.length !== 1 || wasm.length > 1) {
    throw new Error(`expected one policy for every page and one more with ${WASM_SOURCE}; found ${plain.length} and ${wasm.length}`);
  }
  const defaultPolicy = headerPolicy(plain[0]!);
  const rules: CspRule[] = [{ pattern: null, comment: 'every page and file', policy: defaultPolicy }];
  const wasmPolicy = wasm[0] ? headerPolicy(wasm[0]) : headerPolicy(plain[0]!.replace(/script-src 'self'/, `script-src 'self' ${WASM_SOURCE}`));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const path of (wasm[0] ? byPolicy.get(wasm[0])! : []).sort()) {
    rules.push({ pattern: `^${escape(base + path)}`, comment: 'a page that runs a model (webAssembly: true)', policy: wasmPolicy });
  }
  rules.push({ pattern: `^${escape(`${base}pagefind/`)}`, comment: "search: Pagefind's worker compiles its WebAssembly", policy: wasmPolicy });
  rules.push({ pattern: `^${escape(`${base}_astro/`)}[^/]*\\.worker-[^/]*\\.js$`, comment: 'training workers (the SIMD kernel)', policy: wasmPolicy });
  return rules;
}

/** The lines that go into nginx's http block, between the BEGIN and END markers README.md keeps. */
export function nginxSnippet(rules: readonly CspRule[], indent = '    '): string {
  const lines = [
    `${indent}# BEGIN generated Content-Security-Policy: npm run csp:nginx -- --write (test/e2e/csp.spec.ts checks it)`,
    `${indent}map $uri $unrolled_csp {`,
    ...rules.flatMap((rule) => [`${indent}    # ${rule.comment}`, `${indent}    ${rule.pattern === null ? 'default' : `~${rule.pattern}`} "${rule.policy}";`]),
    `${indent}}`,
    `${indent}# END generated Content-Security-Policy`,
  ];
  return lines.join('\n');
}

/** The text between (and including) the BEGIN and END markers in a README, or null. */
export function snippetIn(readme: string): string | null {
  const match = /^[ \t]*# BEGIN generated Content-Security-Policy[\s\S]*?# END generated Content-Security-Policy$/m.exec(readme);
  return match ? match[0] : null;
}
