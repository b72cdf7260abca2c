/**
 * The site's Content-Security-Policy, in one place: astro.config.mjs hands it to Astro's
 * `security.csp` (which adds the hashes of the scripts and styles it bundles and writes one
 * <meta http-equiv="content-security-policy"> per page), the build writes the same policy as nginx
 * headers (nginx-csp.conf, ./nginx.ts), and the tests check every built page against it.
 */

/** Directives besides script-src and style-src (Astro owns those two). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/**
 * Extra script-src sources for every page: only 'self'. Starlight's search (Pagefind) compiles its
 * WebAssembly in its own same-origin worker, which the page's <meta> policy does not reach, so no
 * page needs 'wasm-unsafe-eval' for search (docs/security.md).
 */
export const SCRIPT_RESOURCES_EVERY_PAGE = ["'self'"] as const;

/**
 * Styles: Astro hashes the <style> blocks it renders, but KaTeX, Svelte and Observable Plot write
 * style="" attributes into the HTML and Plot adds <style> elements at runtime, so styles allow
 * 'unsafe-inline' (scripts, the concern, do not).
 */
export const STYLE_RESOURCES = [
  { resource: "'self'", kind: 'element' },
  { resource: "'unsafe-inline'", kind: 'element' },
  { resource: "'unsafe-inline'", kind: 'attribute' },
] as const;

/** The source that lets a page compile WebAssembly (and nothing else: no eval, no new Function). */
export const WASM_SOURCE = "'wasm-unsafe-eval'";

/** Directives that a <meta> policy cannot carry; the nginx header adds them. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'self'"] as const;
