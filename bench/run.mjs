// `npm run bench`: the whole benchmark in one run — Node, then the same suite in headless Chromium, the cold start
// (bytes to first report) in both, and the package's sizes — then the table in BENCHMARKS.md (between the
// `bench:start` / `bench:end` markers) and bench/out/results.json. Needs `npm run build` first; not part of `npm test`.
//
//   node bench/run.mjs [--runs 7] [--no-browser] [--no-write]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

import { FORMS } from './data.mjs';
import { runSuite } from './suite.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const require = createRequire(import.meta.url);
const CHROMIUM = process.env.SF_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const pkgWasm = path.join(root, 'pkg', 'safeguarding_forms_bg.wasm');
if (!fs.existsSync(pkgWasm)) throw new Error('pkg/ is missing: run `npm run build` first');
fs.mkdirSync(out, { recursive: true });

const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

// ---- The package in Node ----
const sf = await import(pathToFileURL(path.join(root, 'pkg', 'index.js')).href);
sf.initSync({ module: fs.readFileSync(pkgWasm) });

// ---- ajv: compiled from our schema() to standalone ES modules, so Node and the browser run the same code ----
// `unicode: false`: maxLength counts UTF-16 code units, as the engine and a browser's maxlength do.
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const quiet = { log() {}, warn() {}, error: console.error };
for (const form of Object.keys(FORMS)) {
  const ajv = new Ajv2020({ logger: quiet,  allErrors: true, strict: false, unicode: false, code: { source: true, esm: true } });
  fs.writeFileSync(path.join(out, `ajv-${form}.mjs`), standaloneCode(ajv, ajv.compile(sf.schema(form))));
}
const ajvValidators = {};
for (const form of Object.keys(FORMS)) ajvValidators[form] = (await import(pathToFileURL(path.join(out, `ajv-${form}.mjs`)).href)).default;
const z = await import('zod');
const v = await import('valibot');

const versions = {
  node: process.version,
  ajv: pkgVersion('ajv'),
  zod: pkgVersion('zod'),
  valibot: pkgVersion('valibot'),
};

console.log(`bench: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), load ${load()}`);
const loadBefore = load();
const node = runSuite({ sf, ajvValidators, z, v }, { runs });

// Cold start in Node: fresh processes.
const nodeCold = [];
for (let i = 0; i < runs; i += 1) nodeCold.push(JSON.parse(execFileSync(process.execPath, [path.join(here, 'cold.mjs')], { encoding: 'utf8' })));

// ---- The same in headless Chromium ----
let browser = null;
if (!flag('--no-browser') && fs.existsSync(CHROMIUM)) browser = await inChromium();
else if (!flag('--no-browser')) console.log(`bench: no Chromium at ${CHROMIUM}; browser figures skipped`);
const loadAfter = load();

// ---- Sizes ----
const sizes = sizesOf();

const results = { date: new Date().toISOString(), machine: machine(), load: { before: loadBefore, after: loadAfter }, versions, runs, node, nodeCold, browser, sizes };
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const table = render(results);
console.log(table);
if (!flag('--no-write')) writeBenchmarks(table);

async function inChromium() {
  const { chromium } = require('playwright-core');
  const server = await serve(root);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-bench-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/bench/page.html`);
    await page.waitForFunction(() => window.benchReady === true || window.benchError, null, { timeout: 60_000 });
    const error = await page.evaluate(() => window.benchError ?? null);
    if (error) throw new Error(`bench page: ${error}`);
    const suite = await page.evaluate((n) => window.runBench(n), runs);
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
    const cold = [];
    for (let i = 0; i < runs; i += 1) {
      const p = await ctx.newPage();
      await p.goto(`${server.url}/bench/cold.html`);
      await p.waitForFunction(() => window.coldResult || window.coldError, null, { timeout: 60_000 });
      const r = await p.evaluate(() => window.coldResult ?? { error: window.coldError });
      if (r.error) throw new Error(`cold page: ${r.error}`);
      cold.push(r);
      await p.close();
    }
    if (errors.length) throw new Error(errors.join('\n'));
    return { version, suite, cold };
  } finally {
    await ctx.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

function sizesOf() {
  const wasm = fs.readFileSync(pkgWasm);
  const glue = Buffer.concat([fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms.js')), fs.readFileSync(path.join(root, 'pkg', 'index.js'))]);
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
  const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const ajvBytes = Object.keys(FORMS).map((f) => fs.readFileSync(path.join(out, `ajv-${f}.mjs`)));
  return {
    wasm: { raw: wasm.length, gzip: gz(wasm), brotli: br(wasm) },
    glue: { raw: glue.length, gzip: gz(glue), brotli: br(glue) },
    total: { gzip: gz(wasm) + gz(glue), brotli: br(wasm) + br(glue) },
    ajvCompiledThreeForms: { raw: ajvBytes.reduce((a, b) => a + b.length, 0), gzip: ajvBytes.reduce((a, b) => a + gz(b), 0) },
  };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
}

function render(r) {
  const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const ratio = (x) => `${x.toFixed(2)}×`;
  const lines = [];
  lines.push(`Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine}; Node ${r.versions.node}${r.browser ? `, Chromium ${r.browser.version}` : ''}; ajv ${r.versions.ajv}, zod ${r.versions.zod}, valibot ${r.versions.valibot}.`);
  lines.push(`Load average (1/5/15 min) ${r.load.before} at the start, ${r.load.after} at the end. Medians of ${r.runs} interleaved runs; µs per call; ratios are medians of the per-run ratios.`);
  lines.push('');
  for (const [where, suite] of [['Node', r.node], ['Chromium', r.browser?.suite]]) {
    if (!suite) continue;
    lines.push(`**${where}**`, '');
    lines.push('| form | case | ours | ajv | zod 4 | valibot | ours ÷ ajv | ours ÷ zod |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [form, res] of Object.entries(suite)) {
      for (const kind of ['validate', 'keystroke']) {
        const row = res[kind];
        const ours = row[row.ours];
        const label = kind === 'validate' ? 'cold `validate` of a JS object' : 'keystroke (ours: `FormSession.set`; theirs: whole form again)';
        lines.push(`| ${form} | ${label} | ${f(ours.us)} | ${f(row.ajv.us)} | ${f(row.zod.us)} | ${f(row.valibot.us)} | ${ratio(ours.vsAjv)} | ${ratio(ours.vsZod)} |`);
      }
    }
    lines.push('');
  }
  const agree = Object.entries(r.node).map(([form, res]) => `${form}: ${res.agreement.same ? `same ${res.agreement.ours.length} codes` : `ours ${res.agreement.ours.join(',')} / JS ${res.agreement.js.join(',')}`}`).join('; ');
  lines.push(`Rules check (two broken copies of each record: do ours and the hand-written rules find the same rule codes?): ${agree}.`, '');
  const cold = (xs, key) => f(median(xs.map((x) => x[key])));
  lines.push('| first report (bytes in memory → compile + instantiate + first `validate`) | median ms | compile + instantiate | first validate |');
  lines.push('| --- | ---: | ---: | ---: |');
  lines.push(`| Node (\`initSync\`, fresh process) | ${cold(r.nodeCold, 'totalMs')} | ${cold(r.nodeCold, 'instantiateMs')} | ${cold(r.nodeCold, 'firstValidateMs')} |`);
  if (r.browser) lines.push(`| Chromium (\`await init(bytes)\`, fresh page) | ${cold(r.browser.cold, 'totalMs')} | ${cold(r.browser.cold, 'instantiateMs')} | ${cold(r.browser.cold, 'firstValidateMs')} |`);
  lines.push('');
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const s = r.sizes;
  lines.push('| size | raw | gzip -9 | brotli 11 |', '| --- | ---: | ---: | ---: |');
  lines.push(`| safeguarding_forms_bg.wasm | ${kb(s.wasm.raw)} | ${kb(s.wasm.gzip)} | ${kb(s.wasm.brotli)} |`);
  lines.push(`| JS glue + wrapper | ${kb(s.glue.raw)} | ${kb(s.glue.gzip)} | ${kb(s.glue.brotli)} |`);
  lines.push(`| total | | ${kb(s.total.gzip)} | ${kb(s.total.brotli)} |`);
  lines.push(`| (for scale) ajv standalone code of the three schemas | ${kb(s.ajvCompiledThreeForms.raw)} | ${kb(s.ajvCompiledThreeForms.gzip)} | |`);
  return lines.join('\n');
}

function writeBenchmarks(table) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = '<!-- bench:start (written by `npm run bench`) -->';
  const end = '<!-- bench:end -->';
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  if (!text.includes(start) || !text.includes(end)) text += `\n${start}\n${end}\n`;
  const a = text.indexOf(start) + start.length;
  const b = text.indexOf(end);
  fs.writeFileSync(file, `${text.slice(0, a)}\n${table}\n${text.slice(b)}`);
  console.log('bench: BENCHMARKS.md updated');
}
