// Static server for the safeguarding-forms demo pages. No dependencies: Node 20's standard library only.
//
//   node www/server.mjs [PORT]        (or PORT=8080 node www/server.mjs; port 0 picks a free port)
//
// Routes (GET and HEAD only):
//   /                 -> www/index.html
//   /www/...          -> www/
//   /pkg/...          -> pkg/ (the built npm package: index.js, safeguarding_forms_bg.wasm, ..., and each form's own
//                        module in forms/<form-id>/)
//   /examples/profiles/... -> examples/profiles/ (example council profiles, e.g. the fictional brightwell.json)
//   /govuk/...        -> node_modules/govuk-frontend/dist/govuk/ (CSS, JS, fonts, images)
//   /assets/...       -> node_modules/govuk-frontend/dist/govuk/assets/ (govuk-frontend's CSS asks for its fonts
//                        and images at /assets/..., its default asset path)
//   /favicon.ico      -> the GOV.UK Frontend favicon
// Anything else, directories, and any path that resolves outside its root: 404. No directory listing.

import { createServer } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_ROOT = path.resolve(HERE, '..');

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function mounts(root) {
  const govuk = path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
  return [
    { prefix: '/www/', dir: path.join(root, 'www') },
    { prefix: '/pkg/', dir: path.join(root, 'pkg') },
    { prefix: '/examples/profiles/', dir: path.join(root, 'examples', 'profiles') },
    { prefix: '/govuk/', dir: govuk },
    { prefix: '/assets/', dir: path.join(govuk, 'assets') },
  ];
}

function send(res, status, body, extra = {}) {
  const text = body ?? '';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Map a URL path to a file inside one of the roots, or null. Never leaves the mount's directory. */
async function resolveFile(urlPath, root) {
  if (urlPath === '/' || urlPath === '/index.html') return path.join(root, 'www', 'index.html');
  if (urlPath === '/favicon.ico') {
    return path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets', 'images', 'favicon.ico');
  }
  for (const { prefix, dir } of mounts(root)) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = urlPath.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) return null; // no directory listing, no index guessing
    const base = path.resolve(dir);
    const candidate = path.resolve(base, '.' + path.sep + rel);
    if (!candidate.startsWith(base + path.sep)) return null;
    // Symlinks must not lead out of the mount either.
    let realBase;
    let realFile;
    try {
      realBase = await realpath(base);
      realFile = await realpath(candidate);
    } catch {
      return null;
    }
    if (!realFile.startsWith(realBase + path.sep)) return null;
    return realFile;
  }
  return null;
}

async function handle(req, res, root) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let urlPath;
  try {
    const url = new URL(req.url, 'http://127.0.0.1');
    urlPath = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'Bad request\n');
    return;
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) {
    send(res, 404, 'Not found\n');
    return;
  }
  const file = await resolveFile(urlPath, root);
  if (!file) {
    send(res, 404, 'Not found\n');
    return;
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info || !info.isFile()) {
    send(res, 404, 'Not found\n');
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Start the server on 127.0.0.1. Resolves to { server, port, url, close() } once listening.
 * @param {{ port?: number, root?: string, host?: string }} [options]
 */
export function startServer({ port = 8080, root = DEFAULT_ROOT, host = '127.0.0.1' } = {}) {
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    handle(req, res, absRoot).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const raw = process.argv[2] ?? process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port: ${raw}`);
    process.exit(2);
  }
  const { url } = await startServer({ port });
  console.log(`Serving ${url}`);
}
