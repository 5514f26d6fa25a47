// The demo's static server (www/server.mjs): headers, content types, no path traversal, no listings.
// Needs no browser and no built package: it serves a temporary root made for the test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { startServer, CSP } from '../../www/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.resolve(HERE, '..', '..', 'www');

let root;
let outside;
let srv;

/** A raw GET, so that "..", "%2e%2e" and friends reach the server exactly as written. */
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'sf-server-'));
  outside = mkdtempSync(path.join(tmpdir(), 'sf-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
  mkdirSync(path.join(root, 'www', 'sub'), { recursive: true });
  mkdirSync(path.join(root, 'pkg'), { recursive: true });
  const govuk = path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
  mkdirSync(path.join(govuk, 'assets', 'fonts'), { recursive: true });
  mkdirSync(path.join(govuk, 'assets', 'images'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{"secret": true}');
  writeFileSync(path.join(root, 'www', 'index.html'), '<!DOCTYPE html><title>index</title>');
  writeFileSync(path.join(root, 'www', 'page.js'), 'export {};');
  writeFileSync(path.join(root, 'www', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'www', 'sub', 'x.json'), '{}');
  writeFileSync(path.join(root, 'pkg', 'index.js'), 'export default async function init() {}');
  writeFileSync(path.join(root, 'pkg', 'safeguarding_forms_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(path.join(govuk, 'govuk-frontend.min.css'), '.govuk{}');
  writeFileSync(path.join(govuk, 'govuk-frontend.min.js'), 'export {};');
  writeFileSync(path.join(govuk, 'assets', 'fonts', 'light.woff2'), 'w2');
  writeFileSync(path.join(govuk, 'assets', 'images', 'crest.svg'), '<svg/>');
  writeFileSync(path.join(govuk, 'assets', 'images', 'icon.png'), 'png');
  writeFileSync(path.join(govuk, 'assets', 'images', 'favicon.ico'), 'ico');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'www', 'link.txt'));
  srv = await startServer({ port: 0, root });
});

after(async () => {
  await srv?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

test('port 0 gives a real port and the URL on 127.0.0.1', () => {
  assert.ok(srv.port > 0);
  assert.equal(srv.url, `http://127.0.0.1:${srv.port}/`);
});

test('every response carries the CSP and the other security headers, errors included', async () => {
  for (const p of ['/', '/www/page.js', '/nope', '/www/../package.json']) {
    const res = await get(p);
    assert.equal(res.headers['content-security-policy'], CSP, p);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', p);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', p);
  }
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
});

test('routes and content types', async () => {
  const cases = [
    ['/', 200, 'text/html'],
    ['/www/index.html', 200, 'text/html'],
    ['/www/page.js', 200, 'text/javascript'],
    ['/www/app.css', 200, 'text/css'],
    ['/www/sub/x.json', 200, 'application/json'],
    ['/pkg/index.js', 200, 'text/javascript'],
    ['/pkg/safeguarding_forms_bg.wasm', 200, 'application/wasm'],
    ['/govuk/govuk-frontend.min.css', 200, 'text/css'],
    ['/govuk/govuk-frontend.min.js', 200, 'text/javascript'],
    ['/govuk/assets/fonts/light.woff2', 200, 'font/woff2'],
    ['/assets/fonts/light.woff2', 200, 'font/woff2'],
    ['/govuk/assets/images/crest.svg', 200, 'image/svg+xml'],
    ['/govuk/assets/images/icon.png', 200, 'image/png'],
    ['/favicon.ico', 200, 'image/x-icon'],
  ];
  for (const [p, status, type] of cases) {
    const res = await get(p);
    assert.equal(res.status, status, p);
    assert.ok(res.headers['content-type'].startsWith(type), `${p}: ${res.headers['content-type']}`);
  }
  const wasm = await get('/pkg/safeguarding_forms_bg.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
});

test('no path traversal, no directory listing, no other methods', async () => {
  const notFound = [
    '/www/../package.json', '/www/%2e%2e/package.json', '/www/..%2fpackage.json', '/www/%2e%2e%2fpackage.json',
    '/pkg/../../package.json', '/govuk/../../../../package.json', '/govuk/..%2f..%2f..%2f..%2fpackage.json',
    '/www/..%5cpackage.json', '/www/%00index.html', '/package.json', '/node_modules/govuk-frontend/package.json',
    '/www/', '/www/sub/', '/www/sub', '/pkg/', '/govuk/', '/www', '/www/link.txt', '/www/nothing.js',
  ];
  for (const p of notFound) {
    const res = await get(p);
    assert.ok(res.status === 404 || res.status === 400, `${p} → ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /secret|SECRET|page\.js/, p);
  }
  assert.equal((await get('/www/page.js', 'POST')).status, 405);
  const head = await get('/www/page.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('run as a script, it prints the URL it serves', async () => {
  const child = spawn(process.execPath, [path.join(WWW, 'server.mjs'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let timer;
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      timer = setTimeout(() => reject(new Error('no URL printed')), 5000);
    }).finally(() => clearTimeout(timer));
    const m = /^Serving http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
    assert.ok(m, line);
    assert.notEqual(m[1], '0');
  } finally {
    child.kill();
  }
});

test('the pages insert text with textContent only: no innerHTML, no inline script or style', () => {
  const files = readdirSync(WWW, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(WWW, path.join(e.parentPath ?? e.path, e.name)));
  assert.ok(files.some((f) => f.startsWith('render')), 'the walk reaches www/render/');
  for (const f of files) {
    const text = readFileSync(path.join(WWW, f), 'utf8');
    if (f.endsWith('.js') || f.endsWith('.mjs')) {
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, f);
    }
    if (f.endsWith('.html')) {
      assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/i, `${f}: inline script`);
      assert.doesNotMatch(text, /<style\b|\sstyle=|\son[a-z]+=/i, `${f}: inline style or handler`);
    }
  }
});
