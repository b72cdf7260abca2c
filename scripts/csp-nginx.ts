/**
 * Prints the nginx `map` that sends a built site's Content-Security-Policy as a header
 * (src/integrations/csp/nginx.ts). Every build already writes it as `nginx-csp.conf` in its output
 * folder, for its own base path; this prints it for a build in another folder or another base.
 * Usage, after `npm run build`:
 *   npm run csp:nginx                               the map for dist/, served at /
 *   npm run csp:nginx -- --base /x/ --dist dist     another base path or build folder
 *   npm run csp:nginx -- --out /etc/nginx/unrolled-csp.conf   write it to a file
 */
import { writeFileSync } from 'node:fs';
import { cspRules, nginxMap } from '../src/integrations/csp/nginx.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const base = option('--base', '/').replace(/\/?$/, '/');
const map = nginxMap(cspRules(option('--dist', process.env.E2E_DIST ?? 'dist'), base), base);
const out = option('--out', '');
if (out === '') process.stdout.write(map);
else {
  writeFileSync(out, map);
  console.log(`${out}: the nginx CSP map for ${base}`);
}
