/**
 * Prints the nginx `map` that sends the built site's Content-Security-Policy as a header
 * (src/integrations/csp/nginx.ts). Usage, after `npm run build`:
 *   npm run csp:nginx                  print it for a site under /course/rnn/
 *   npm run csp:nginx -- --write       replace the copy in README.md
 *   npm run csp:nginx -- --base /x/    another base path
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cspRules, nginxSnippet, snippetIn } from '../src/integrations/csp/nginx.ts';

const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1]! : '/course/rnn/';
const snippet = nginxSnippet(cspRules(process.env.E2E_DIST ?? 'dist', base));
if (!args.includes('--write')) {
  console.log(snippet);
} else {
  const readme = readFileSync('README.md', 'utf8');
  const current = snippetIn(readme);
  if (current === null) throw new Error('README.md has no "# BEGIN generated Content-Security-Policy" … "# END" block');
  writeFileSync('README.md', readme.replace(current, snippet));
  console.log('README.md: nginx CSP snippet updated');
}
