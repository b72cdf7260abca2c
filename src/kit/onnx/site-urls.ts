/** URLs under the site's base path (import.meta.env.BASE_URL, '/' or e.g. '/course/rnn/'). */

/** The site's base URL, always ending in '/'. */
export function siteBaseUrl(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** The self-hosted onnxruntime-web folder (copied there by src/integrations/onnxruntime-files.ts). */
export function ortBaseUrl(): string {
  return `${siteBaseUrl()}ort/`;
}
