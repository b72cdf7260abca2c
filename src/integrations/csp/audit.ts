/**
 * Checks one built page against the site's CSP rules: it has a policy, the policy has no
 * 'unsafe-eval' and no 'unsafe-inline' for scripts, 'wasm-unsafe-eval' only where allowed, and every
 * inline script on the page is covered by one of the policy's hashes (no event-handler attributes,
 * no javascript: URLs). Used by the build (./audit-integration.ts) and the tests.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Nodes } from 'hast';
import { scriptHash } from './starlight-inline-scripts.ts';
import { WASM_SOURCE } from './policy.ts';

/** A parsed policy: directive name → its sources. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** Parses a policy string ("default-src 'self'; script-src 'self' 'sha256-…'") into directives. */
export function parsePolicy(text: string): Policy {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Every element of a tree, in document order. */
function elements(node: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes): void => {
    if (current.type === 'element') found.push(current);
    if ('children' in current) for (const child of current.children) walk(child as Nodes);
    if (current.type === 'element' && current.content) walk(current.content);
  };
  walk(node);
  return found;
}

/** Script types a browser runs; any other type (application/json, ld+json…) is data. */
function isExecutable(script: Element): boolean {
  const type = String(script.properties.type ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

/** The policy texts of a page's <meta http-equiv="content-security-policy"> elements. */
export function metaPolicies(html: string): string[] {
  return elements(fromHtml(html))
    .filter((el) => el.tagName === 'meta' && String(el.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy')
    .map((el) => String(el.properties.content ?? ''));
}

/** What is wrong with one built page's CSP (an empty list when nothing is). */
export function auditPage(html: string, options: { readonly wasmAllowed: boolean }): string[] {
  const tree = fromHtml(html);
  const all = elements(tree);
  const policies = metaPolicies(html);
  if (policies.length !== 1) return [`expected one CSP <meta>, found ${policies.length}`];
  const policy = parsePolicy(policies[0]!);
  const problems: string[] = [];
  const scriptSources = [...(policy.get('script-src') ?? []), ...(policy.get('script-src-elem') ?? [])];
  if (!policy.has('script-src')) problems.push('no script-src');
  for (const [name, sources] of policy) {
    if (sources.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
    if (name.startsWith('script-src') && sources.includes("'unsafe-inline'")) problems.push(`${name} allows 'unsafe-inline'`);
    if (sources.includes(WASM_SOURCE) && !options.wasmAllowed) problems.push(`${name} allows ${WASM_SOURCE} on a page without webAssembly: true`);
  }
  for (const name of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    const [directive, source] = name.split(' ');
    if (!policy.get(directive!)?.includes(source!)) problems.push(`policy lacks ${name}`);
  }
  for (const el of all) {
    if (el.tagName === 'script' && el.properties.src === undefined && isExecutable(el)) {
      const body = toString(el);
      const hash = scriptHash(body);
      if (!scriptSources.includes(`'${hash}'`)) problems.push(`inline script not in the policy ('${hash}'): ${body.trim().slice(0, 80)}`);
    }
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on[a-zA-Z]/.test(key)) problems.push(`event-handler attribute ${key} on <${el.tagName}>`);
      if ((key === 'href' || key === 'src' || key === 'action') && /^\s*javascript:/i.test(String(value))) problems.push(`javascript: URL on <${el.tagName}>`);
    }
  }
  return problems;
}
