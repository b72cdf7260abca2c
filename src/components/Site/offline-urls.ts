/**
 * Which URLs a page should store for offline reading, and how sizes read in the panel. Pure, so
 * the browser script stays small and the rules are unit-tested.
 */

/** The files the service worker must never store (itself and the course list). */
const NEVER_STORED = /\/(?:sw\.js|offline-manifest\.json)$/;

/**
 * The URL of a resource the page loaded, when it belongs in the offline store: same origin, under
 * the worker's scope, not the worker itself; the fragment is dropped. Null otherwise.
 */
export function storableUrl(resource: string, scope: string): string | null {
  let url: URL;
  let scopeUrl: URL;
  try {
    scopeUrl = new URL(scope);
    url = new URL(resource, scopeUrl);
  } catch {
    return null;
  }
  if (url.origin !== scopeUrl.origin || !url.pathname.startsWith(scopeUrl.pathname)) return null;
  if (NEVER_STORED.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
}

/** Megabytes with one decimal, e.g. 1234567 → '1.2'. */
export function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
