/**
 * Writes `nginx-csp.conf` at the top of the build: the nginx `map` that sends each URL the
 * Content-Security-Policy its page carries, for the base path this build was made with
 * (./nginx.ts; docs/deploying.md shows the include). The offline worker never stores it
 * (offline-manifest.ts skips it) and no page links to it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { NGINX_CSP_FILE, cspRules, nginxMap } from './nginx.ts';

/** The Astro integration; list it after cspAudit() and before serviceWorker(). */
export function cspNginx(): AstroIntegration {
  let base = '/';
  return {
    name: 'unrolled:csp-nginx',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        writeFileSync(join(outDir, NGINX_CSP_FILE), nginxMap(cspRules(outDir, base), base));
        logger.info(`wrote ${NGINX_CSP_FILE} (the CSP as nginx headers, for ${base})`);
      },
    },
  };
}
