// Locates the system Chromium for the browser tests. Nothing is ever downloaded.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The message shown when no browser is found; the run fails with it. */
export const INSTALL_HINT =
  'Chromium not found. Install it with: sudo apt-get install -y chromium, or set CHROME_PATH=/path/to/chrome';

/** The default path: Debian's `chromium` package. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium executable: CHROME_PATH when set, else /usr/bin/chromium.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 * @throws {Error} with the install hint when that file does not exist.
 */
export function findChromium(env = process.env) {
  const candidate = env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(candidate)) {
    const which = env.CHROME_PATH ? ` (CHROME_PATH=${env.CHROME_PATH} does not exist)` : '';
    throw new Error(`${INSTALL_HINT}${which}`);
  }
  return candidate;
}

// `node scripts/find-chromium.mjs` prints the path, or the hint and exits 1.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
