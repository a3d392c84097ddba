// A small static file server for the demo (`make demo`) and the end-to-end
// tests, which also use it as a "CDN" on a second origin (CORS) and as a
// "CMS" page with a strict Content-Security-Policy.
//
//   node .ci/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root`. `headers(path)` may add headers per request (CORS, CSP);
 * `routes[path]` may answer a path itself ({ status, body, type, headers,
 * delayMs, until }: `until`, a promise the answer waits for). `onRequest(url)`
 * hears of every request. Resolves to the running server; `server.url` is its address.
 */
export function serve({ root, port = 0, host = '127.0.0.1', headers = () => ({}), routes = {}, onRequest = () => {} }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    onRequest(`${server.url}${req.url}`);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const extra = headers(path);
    const route = routes[path];
    if (route) {
      if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
      await route.until;
      res.writeHead(route.status ?? 200, { 'Content-Type': route.type ?? 'application/json', ...extra, ...route.headers });
      res.end(route.body ?? '');
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        // As web servers do: /studio → /studio/, so the page's relative links resolve.
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: `${path}/`, ...extra }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...extra }).end('not found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, host, () => {
      server.url = `http://${host}:${server.address().port}`;
      ok(server);
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = await serve({ root: arg('root', 'dist'), port: Number(arg('port', process.env.PORT ?? 8080)), host: arg('host', '127.0.0.1') });
  console.log(`Serving the demo at ${server.url}/ (Ctrl+C stops it)`);
}
