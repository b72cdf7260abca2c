// A small static file server for the built site, used by the browser tests.
//
//   node scripts/serve.mjs <dir> <port> [base]      e.g. node scripts/serve.mjs dist-sub 4331 /course/rnn/
//
// It listens on 127.0.0.1 only. Under a base path, a request outside that path answers 404.
// A directory answers its index.html (a path without its trailing slash is redirected), a
// miss answers <dir>/404.html with status 404, and every type the site ships gets its MIME type
// (browsers refuse .mjs served as text/plain and stream .wasm only as application/wasm).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** MIME types by file extension. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The file's stats, or null when it does not exist. */
function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Starts the server and resolves once it listens.
 * @param {{ dir: string, port: number, base?: string, host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir, port, base = '/', host = '127.0.0.1' }) {
  const root = resolve(dir);
  const mount = base.endsWith('/') ? base : `${base}/`;
  const notFoundPage = join(root, '404.html');

  const send = (response, status, path, method) => {
    const type = MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const size = statSync(path).size;
    response.writeHead(status, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-cache' });
    if (method === 'HEAD') return response.end();
    createReadStream(path).pipe(response);
  };

  const notFound = (response, method) => {
    if (statOrNull(notFoundPage)?.isFile()) return send(response, 404, notFoundPage, method);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('404 Not Found\n');
  };

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      return response.end();
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound(response, method);
    }
    // `/course/rnn` (no slash) is the mount itself; everything else must sit under the mount.
    if (`${pathname}/` === mount) {
      response.writeHead(301, { Location: `${mount}${url.search}` });
      return response.end();
    }
    if (!pathname.startsWith(mount)) return notFound(response, method);

    const filePath = resolve(root, `.${sep}${pathname.slice(mount.length)}`);
    if (filePath !== root && !filePath.startsWith(root + sep)) return notFound(response, method);

    const stats = statOrNull(filePath);
    if (stats?.isFile()) return send(response, 200, filePath, method);
    if (stats?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return response.end();
      }
      const index = join(filePath, 'index.html');
      if (statOrNull(index)?.isFile()) return send(response, 200, index, method);
    }
    return notFound(response, method);
  });

  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListening(server));
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [dir, portText, base = '/'] = process.argv.slice(2);
  const port = Number(portText);
  if (!dir || !Number.isInteger(port)) {
    console.error('usage: node scripts/serve.mjs <dir> <port> [base]');
    process.exit(2);
  }
  if (!statOrNull(dir)?.isDirectory()) {
    console.error(`serve: ${dir}/ does not exist; build it first (npm run build, or npm run build:sub)`);
    process.exit(1);
  }
  serve({ dir, port, base }).then(
    () => console.log(`serving ${dir}/ at http://127.0.0.1:${port}${base}`),
    (error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}
