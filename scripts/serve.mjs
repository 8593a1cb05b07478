// A small static file server for tests and the benchmark: no dependencies, loopback only.
//   node scripts/serve.mjs --root dist --port 4173 [--host 127.0.0.1] [--base /sub/path/] [--csp]
// (--port 0: any free port, named in the line it prints)
// --base serves the files under a sub-path (as a municipality's website would);
// --csp sends the strict Content-Security-Policy the README documents for hosts.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const root = resolve(option('root', 'dist'));
const port = Number(option('port', '4173'));
const host = option('host', '127.0.0.1');
const base = option('base', '/');
const csp = args.includes('--csp');
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (request, response) => {
  const url = new URL(request.url, `http://${request.headers.host}`);
  if (!url.pathname.startsWith(base)) {
    response.writeHead(404).end('not found');
    return;
  }
  let path = decodeURIComponent(url.pathname.slice(base.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (csp) headers['content-security-policy'] = STRICT_CSP;
    response.writeHead(200, headers).end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
// With --port 0 the system picks a free port; the line names the one it picked.
server.listen(port, host, () => console.log(`serving ${root} at http://${host}:${server.address().port}${base}`));
