/**
 * The list of everything "Make the whole course available offline" stores: every page (both
 * languages), asset, dataset sample, model and search-index file of the build, as URLs under the
 * site's base path with their sizes. Pure: the integration hands in the build's file list.
 */

/** A file of the build: its path relative to the build folder ('/' separators) and its size. */
export interface BuildFile {
  readonly path: string;
  readonly bytes: number;
}

/** One URL to store, with the size of the file behind it. */
export interface OfflineEntry {
  readonly url: string;
  readonly bytes: number;
}

/** What the panel reads: the URLs in a useful order and their total size. */
export interface OfflineManifest {
  readonly entries: readonly OfflineEntry[];
  readonly totalBytes: number;
}

/** The manifest's file name in the build, beside the service worker. */
export const OFFLINE_MANIFEST_FILE = 'offline-manifest.json';

/** The service worker's file name in the build. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Build files that are never stored: the worker itself, this manifest, source maps, the 404 page,
 * and the server's nginx CSP map (csp/nginx.ts), which is configuration, not course material.
 */
const SKIPPED = [/^sw\.js$/, /^workbox-[^/]*\.js$/, /^offline-manifest\.json$/, /\.map$/, /^404\.html$/, /^nginx-csp\.conf$/];

/** The URL a build file is requested at: `dir/index.html` as `dir/` (the site uses trailing slashes). */
export function urlOfBuildFile(path: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (path === 'index.html') return root;
  if (path.endsWith('/index.html')) return `${root}${path.slice(0, -'index.html'.length)}`;
  return `${root}${path}`;
}

/** Pages first (so the course reads offline early), then everything else, each group by path. */
function rank(path: string): number {
  return path.endsWith('.html') ? 0 : 1;
}

/** The offline manifest of a build under `base`. */
export function offlineManifest(files: readonly BuildFile[], base: string): OfflineManifest {
  const kept = files
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file.path)))
    .toSorted((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries = kept.map((file) => ({ url: urlOfBuildFile(file.path, base), bytes: file.bytes }));
  return { entries, totalBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) };
}
