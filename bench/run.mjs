// `npm run bench`: the whole benchmark in one run — Node, then the same suite in headless Chromium, the cold start
// (bytes to first report) in both, every module's size, and the native batch rate — then the tables in BENCHMARKS.md
// (between the `bench:start` / `bench:end` markers), the goals table (between `goals:start` / `goals:end`) and
// bench/out/results.json. Needs `npm run build` first; not part of `npm test`. A run takes a few minutes.
//
//   node bench/run.mjs [--runs 7] [--no-browser] [--no-native] [--no-write]
//   node bench/run.mjs --first-report [--runs 15] [--no-browser]
//
// `--first-report` runs only the first-report (cold start) measurement, in Node and Chromium, prints its table and
// writes nothing (no suite, no native batch, no sizes): for working on the cold path without a whole run.
//
// "ours" for a form is its single-form module (pkg/forms/<form-id>/) when the build made one, else the all-forms
// package (pkg/); the tables say which. The JavaScript contenders are built from the all-forms package's schema().
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { gzipBytes as gz, brotliBytes as br, minifiedGzipBytes as minGz } from '../scripts/modules.mjs';
import { FORMS } from './data.mjs';
import { runSuite } from './suite.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const firstReportOnly = flag('--first-report');
const require = createRequire(import.meta.url);
const CHROMIUM = process.env.SF_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The native batch: records in the generated file, threads, runs (median taken). */
const BATCH = { records: 100_000, threads: 2, runs: 3, today: '2025-06-02' };
/** The goals of issue 20. */
const GOALS = { keystrokeVsAjv: 1.0, coldVsZod: 1.0, caseAuditColdVsAjv: 1.5, singleFormKb: 110, allFormsKb: 250, firstReportMs: 10, batchPerSecond: 100_000 };

const pkg = path.join(root, 'pkg');
if (!fs.existsSync(path.join(pkg, 'safeguarding_forms_bg.wasm'))) throw new Error('pkg/ is missing: run `npm run build` first');
fs.mkdirSync(out, { recursive: true });

const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x) => `${x.toFixed(2)}×`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const coldOf = (xs, key) => median(xs.map((x) => x[key]));
const rel = (p) => path.relative(root, p).split(path.sep).join('/');
const started = Date.now();
const step = (what) => console.log(`bench: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s, load ${load()})`);

// ---- The modules: the all-forms package and every single-form module the build made ----
/** A module's folder, its entry and .wasm: { id, dir, wasm } (id 'all-forms' or the form's id). */
function modules() {
  const found = [{ id: 'all-forms', dir: pkg, wasm: 'safeguarding_forms_bg.wasm' }];
  const formsDir = path.join(pkg, 'forms');
  if (fs.existsSync(formsDir)) {
    for (const id of fs.readdirSync(formsDir).sort()) {
      const dir = path.join(formsDir, id);
      if (!fs.statSync(dir).isDirectory() || !fs.existsSync(path.join(dir, 'index.js'))) continue;
      const wasm = fs.readdirSync(dir).find((f) => f.endsWith('.wasm'));
      if (wasm) found.push({ id, dir, wasm });
    }
  }
  return found;
}
const MODULES = modules();
const moduleFor = (form) => MODULES.find((m) => m.id === form) ?? MODULES[0];

// ---- The package in Node ----
const importModule = async (m) => {
  const mod = await import(pathToFileURL(path.join(m.dir, 'index.js')).href);
  mod.initSync({ module: fs.readFileSync(path.join(m.dir, m.wasm)) });
  return mod;
};
const coldModules = [...new Set([moduleFor('sf-referral'), MODULES[0]])];
if (firstReportOnly) {
  console.log(`bench: first report only, ${runs} fresh processes / pages per module; load ${load()}`);
  const nodeCold = nodeColdStarts();
  const browser = flag('--no-browser') ? null : await inChromium({ coldOnly: true });
  const table = render({ nodeCold, browser }, { coldOnly: true });
  console.log(`${table}\nLoad average (1/5/15 min) at the end: ${load()}.`);
  process.exit(0);
}
const sf = await importModule(MODULES[0]);
const ours = {};
for (const form of Object.keys(FORMS)) if (moduleFor(form).id !== 'all-forms') ours[form] = await importModule(moduleFor(form));
const usedModule = Object.fromEntries(Object.keys(FORMS).map((f) => [f, moduleFor(f).id === 'all-forms' ? 'all-forms' : rel(moduleFor(f).dir)]));

// ---- ajv: compiled from our schema() to standalone ES modules, so Node and the browser run the same code ----
// `unicode: false`: maxLength counts UTF-16 code units, as the engine and a browser's maxlength do.
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const quiet = { log() {}, warn() {}, error: console.error };
for (const form of Object.keys(FORMS)) {
  const ajv = new Ajv2020({ logger: quiet, allErrors: true, strict: false, unicode: false, code: { source: true, esm: true } });
  fs.writeFileSync(path.join(out, `ajv-${form}.mjs`), standaloneCode(ajv, ajv.compile(sf.schema(form))));
}
const ajvValidators = {};
for (const form of Object.keys(FORMS)) ajvValidators[form] = (await import(pathToFileURL(path.join(out, `ajv-${form}.mjs`)).href)).default;
const z = await import('zod');
const v = await import('valibot');

const versions = { node: process.version, ajv: pkgVersion('ajv'), zod: pkgVersion('zod'), valibot: pkgVersion('valibot') };

console.log(`bench: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}); modules: ${MODULES.map((m) => m.id).join(', ')}`);
const loadBefore = load();
step('Node suite');
const profile = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'profiles', 'brightwell.json'), 'utf8'));
const node = runSuite({ sf, ours, ajvValidators, z, v, profile }, { runs });

step('Node cold starts');
const nodeCold = nodeColdStarts();

// ---- The same in headless Chromium ----
let browser = null;
if (!flag('--no-browser') && fs.existsSync(CHROMIUM)) {
  step('Chromium suite and cold starts');
  try {
    browser = await inChromium();
  } catch (e) {
    console.log(`bench: Chromium failed, its figures are left out: ${e && e.stack || e}`);
  }
} else if (!flag('--no-browser')) console.log(`bench: no Chromium at ${CHROMIUM}; browser figures skipped`);

// ---- Native batch ----
let native = null;
if (!flag('--no-native')) {
  step('native batch');
  native = nativeBatch();
}
const loadAfter = load();

// ---- Sizes ----
const sizes = sizesOf();

const results = { date: new Date().toISOString(), machine: machine(), load: { before: loadBefore, after: loadAfter }, versions, runs, usedModule, node, nodeCold, browser, native, sizes };
results.goals = goals(results);
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const table = render(results);
const goalsTable = renderGoals(results);
console.log(`${table}\n\n${goalsTable}`);
if (!flag('--no-write')) {
  writeBetween('<!-- bench:start (written by `npm run bench`) -->', '<!-- bench:end -->', table);
  writeBetween('<!-- goals:start (written by `npm run bench`) -->', '<!-- goals:end -->', goalsTable);
}
step('done');

/**
 * The first reports measured, each in a fresh Node process or Chromium page: the referral's own module (when there is
 * one) and the all-forms package with `today` given (the goal's figure), and the referral's module again without it
 * (the wrapper works out the Europe/London date, as for a host that does not pass one). Keyed by module id, with
 * ", default today" for the last.
 */
function coldCases() {
  const ref = coldModules[0];
  return [...coldModules.map((m) => ({ key: m.id, m, defaultToday: false })), { key: `${ref.id}, default today`, m: ref, defaultToday: true }];
}

/** Cold start in Node: fresh processes, all the runs of one case of coldCases() before the next. */
function nodeColdStarts() {
  const nodeCold = {};
  for (const c of coldCases()) {
    nodeCold[c.key] = [];
    const argv = [path.join(here, 'cold.mjs'), rel(c.m.dir), c.m.wasm, ...(c.defaultToday ? ['default-today'] : [])];
    for (let i = 0; i < runs; i += 1) nodeCold[c.key].push(JSON.parse(execFileSync(process.execPath, argv, { encoding: 'utf8' })));
  }
  return nodeCold;
}

/** The suite in a page, then the cold starts, each in a fresh page (`coldOnly`: the cold starts alone). */
async function inChromium({ coldOnly = false } = {}) {
  const { chromium } = require('playwright-core');
  const server = await serve(root);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-bench-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const errors = [];
    let suite = null;
    let version = 'unknown';
    if (!coldOnly) {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      const oursDirs = Object.fromEntries(Object.keys(ours).map((f) => [f, rel(moduleFor(f).dir)]));
      const wasmName = Object.keys(ours).length ? moduleFor(Object.keys(ours)[0]).wasm : '';
      await page.goto(`${server.url}/bench/page.html?ours=${encodeURIComponent(JSON.stringify(oursDirs))}&wasm=${encodeURIComponent(wasmName)}`);
      await page.waitForFunction(() => window.benchReady === true || window.benchError, null, { timeout: 60_000 });
      const error = await page.evaluate(() => window.benchError ?? null);
      if (error) throw new Error(`bench page: ${error}`);
      suite = await page.evaluate((n) => window.runBench(n), runs);
      version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
      await page.close();
    }
    // Each first report in a fresh page, all the runs of one case of coldCases() before the next (as before the
    // default-today case was added, so the figures compare with earlier runs).
    const cold = {};
    for (const c of coldCases()) {
      cold[c.key] = [];
      for (let i = 0; i < runs; i += 1) {
        const p = await ctx.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await p.goto(`${server.url}/bench/cold.html?dir=${encodeURIComponent(rel(c.m.dir))}&wasm=${encodeURIComponent(c.m.wasm)}${c.defaultToday ? '&today=default' : ''}`);
        await p.waitForFunction(() => window.coldResult || window.coldError, null, { timeout: 60_000 });
        const r = await p.evaluate(() => window.coldResult ?? { error: window.coldError });
        if (r.error) throw new Error(`cold page: ${r.error}`);
        cold[c.key].push(r);
        await p.close();
      }
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

/**
 * The command line's `batch` on BATCH.records generated referral records with BATCH.threads threads: the median
 * wall-clock rate of BATCH.runs runs. The binary is built (or found up to date) by cargo first; the records are
 * generated once into bench/out/ (`node bench/gen-referrals.mjs`).
 */
function nativeBatch() {
  const build = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'safeguarding-forms'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) {
    console.log('bench: the command line did not build; native batch skipped');
    return null;
  }
  const exe = path.join(root, 'target', 'release', process.platform === 'win32' ? 'safeguarding-forms.exe' : 'safeguarding-forms');
  const file = path.join(out, 'referrals.jsonl');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
  if (lines !== BATCH.records) execFileSync(process.execPath, [path.join(here, 'gen-referrals.mjs'), String(BATCH.records), file], { stdio: 'inherit' });
  const times = [];
  const loads = [];
  const devNull = fs.openSync(os.devNull, 'w');
  const cpus = [];
  for (let i = 0; i < BATCH.runs; i += 1) {
    loads.push(os.loadavg()[0]);
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const r = spawnSync(exe, ['batch', 'sf-referral', file, '--today', BATCH.today, '--stage', 'submit', '--threads', String(BATCH.threads), '--quiet', '--fail-on', 'never'], { stdio: ['ignore', devNull, 'pipe'] });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) {
      console.log(`bench: batch failed (${r.status}): ${r.stderr}; native batch skipped`);
      return null;
    }
    times.push(seconds);
    const cpu1 = childCpuSeconds();
    if (cpu0 !== null && cpu1 !== null) cpus.push(cpu1 - cpu0);
  }
  const seconds = median(times);
  const cpuSeconds = cpus.length ? median(cpus) : null;
  return { records: BATCH.records, threads: BATCH.threads, seconds, times, perSecond: BATCH.records / seconds, cpuSeconds, load: loads.map((x) => x.toFixed(1)).join(' / ') };
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux); null elsewhere. */
function childCpuSeconds() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command's name: state is field 3, so cutime (16) and cstime (17) are at indexes 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function sizesOf() {
  const one = (m) => {
    const wasm = fs.readFileSync(path.join(m.dir, m.wasm));
    const glueFiles = ['safeguarding_forms.js', 'index.js'].map((f) => path.join(m.dir, f)).filter((f) => fs.existsSync(f));
    const glue = glueFiles.map((f) => fs.readFileSync(f));
    const glueGzip = glue.reduce((a, b) => a + gz(b), 0);
    // The glue and the wrapper minified (esbuild), then gzip: how bundlephobia and most bundle reports count a
    // package's JavaScript. Beside the raw gzip figure, which the goals and ceilings hold; the package ships them as
    // written.
    const glueMinGzip = glue.reduce((a, b) => a + minGz(b), 0);
    const catalogueFile = path.join(m.dir, 'catalogue.js');
    return {
      id: m.id,
      dir: rel(m.dir),
      // What rules(), schema(), forms() and messages() read (imported by index.js; a bundler drops the parts a page
      // does not call): counted beside the module, not in it.
      catalogue: fs.existsSync(catalogueFile) ? { gzip: gz(fs.readFileSync(catalogueFile)) } : null,
      wasm: { raw: wasm.length, gzip: gz(wasm), brotli: br(wasm) },
      glue: { raw: glue.reduce((a, b) => a + b.length, 0), gzip: glueGzip, minGzip: glueMinGzip, brotli: glue.reduce((a, b) => a + br(b), 0) },
      total: { gzip: gz(wasm) + glueGzip, minGzip: gz(wasm) + glueMinGzip, brotli: br(wasm) + glue.reduce((a, b) => a + br(b), 0) },
    };
  };
  const ajvBytes = Object.keys(FORMS).map((f) => fs.readFileSync(path.join(out, `ajv-${f}.mjs`)));
  return {
    modules: MODULES.map(one),
    ajvCompiledThreeForms: { raw: ajvBytes.reduce((a, b) => a + b.length, 0), gzip: ajvBytes.reduce((a, b) => a + gz(b), 0) },
  };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
}

function render(r, { coldOnly = false } = {}) {
  const lines = [];
  if (coldOnly) {
    coldTable(r, lines);
    return lines.join('\n');
  }
  lines.push(`Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine}; Node ${r.versions.node}${r.browser ? `, Chromium ${r.browser.version}` : ''}; ajv ${r.versions.ajv}, zod ${r.versions.zod}, valibot ${r.versions.valibot}.`);
  lines.push(`Load average (1/5/15 min) ${r.load.before} at the start, ${r.load.after} at the end. µs per call, the 10th percentile of ${r.runs * 8} interleaved batches of about 5 ms per contender (bench/suite.mjs); a ratio divides two such figures.`);
  lines.push(`"ours" is measured with: ${Object.entries(r.usedModule).map(([form, m]) => `${form} — ${m === 'all-forms' ? 'the all-forms package (no single-form module was built)' : `its own module, ${m}/`}`).join('; ')}.`);
  lines.push('');
  for (const [where, suite] of [['Node', r.node], ['Chromium', r.browser?.suite]]) {
    if (!suite) continue;
    lines.push(`**${where}**`, '');
    lines.push('| form | case | ours | ajv | zod 4 | valibot | ours ÷ ajv | ours ÷ zod | the JS boundary alone | boundary ÷ zod |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [form, res] of Object.entries(suite)) {
      for (const kind of ['validate', 'varied', 'keystroke']) {
        const row = res[kind];
        if (!row) continue;
        const ours = row[row.ours];
        const label = { validate: 'cold `validate` of a JS object', varied: 'cold `validate`, different records in turn', keystroke: 'keystroke (ours: `FormSession.set`; theirs: whole form again)' }[kind];
        const b = row.boundary;
        lines.push(`| ${form} | ${label} | ${f(ours.us)} | ${f(row.ajv.us)} | ${f(row.zod.us)} | ${f(row.valibot.us)} | ${ratio(ours.vsAjv)} | ${ratio(ours.vsZod)} | ${b ? f(b.us) : '—'} | ${b ? ratio(b.vsZod) : '—'} |`);
      }
    }
    lines.push('');
  }
  const profileRows = [['Node', r.node], ['Chromium', r.browser?.suite]].filter(([, suite]) => suite?.['sf-referral']?.profile);
  if (profileRows.length) {
    lines.push('A council\'s profile document in every call (sf-referral, its record above; the options also hold `profile`: examples/profiles/brightwell.json, 2.9 kB, as a host holds it, and deeply frozen, whose JSON text the wrapper makes once: js/index.js `frozenText`), µs per call as above:', '');
    lines.push('| where | no profile | the profile as held | the profile, deeply frozen | as held ÷ no profile | frozen ÷ no profile | frozen ÷ as held |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [where, suite] of profileRows) {
      const p = suite['sf-referral'].profile;
      const [none, held, frozen] = [p['ours:validate'].us, p['ours:profile'].us, p['ours:profile-frozen'].us];
      lines.push(`| ${where} | ${f(none)} | ${f(held)} | ${f(frozen)} | ${ratio(held / none)} | ${ratio(frozen / none)} | ${ratio(frozen / held)} |`);
    }
    lines.push('');
  }
  lines.push('"The JS boundary alone" is what one `validate` does in JavaScript around the module, without it (bench/suite.mjs `boundaryCall`): the data and the options to JSON text with the wrapper\'s strict replacer, written as UTF-8, the report\'s UTF-8 decoded and parsed. It is the floor under "ours" while data crosses as JSON text.', '');
  const agree = Object.entries(r.node).map(([form, res]) => `${form}: ${res.agreement.same ? `same ${res.agreement.ours.length} codes` : `ours ${res.agreement.ours.join(',')} / JS ${res.agreement.js.join(',')}`}${res.agreement.sameReports ? '' : ' (**its module\'s reports differ from the all-forms package\'s**)'}`).join('; ');
  lines.push(`Rules check (two broken copies of each record: do ours and the hand-written rules find the same rule codes? and does the module measured give the all-forms package's reports, byte for byte?): ${agree}.`, '');
  coldTable(r, lines);
  if (r.native) {
    lines.push(`Native batch: \`target/release/safeguarding-forms batch sf-referral\` on ${r.native.records.toLocaleString('en-GB')} generated referral records (\`bench/gen-referrals.mjs\`), \`--threads ${r.native.threads}\`: median of ${r.native.times.length} runs ${r.native.seconds.toFixed(2)} s (${r.native.times.map((t) => t.toFixed(2)).join(', ')}), **${Math.round(r.native.perSecond).toLocaleString('en-GB')} records/s** (load ${r.native.load} at each run's start)${r.native.cpuSeconds === null ? '' : `; ${r.native.cpuSeconds.toFixed(2)} s of CPU (user + system) a run, so ${Math.round(r.native.records / (r.native.cpuSeconds / r.native.threads)).toLocaleString('en-GB')} records/s if the run had its ${r.native.threads} cores to itself`}.`, '');
  }
  const s = r.sizes;
  lines.push('| module (wasm + glue + wrapper) | .wasm raw | .wasm gzip -9 | glue + wrapper gzip | glue + wrapper minified + gzip | total gzip | total, JS minified + gzip | total brotli 11 | beside it: catalogue.js gzip |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const m of s.modules) lines.push(`| ${m.id === 'all-forms' ? 'all-forms (pkg/)' : `${m.id} (${m.dir}/)`} | ${kb(m.wasm.raw)} | ${kb(m.wasm.gzip)} | ${kb(m.glue.gzip)} | ${kb(m.glue.minGzip)} | ${kb(m.total.gzip)} | ${kb(m.total.minGzip)} | ${kb(m.total.brotli)} | ${m.catalogue ? kb(m.catalogue.gzip) : '—'} |`);
  lines.push(`| (for scale) ajv standalone code of the three schemas | ${kb(s.ajvCompiledThreeForms.raw)} raw | | | | ${kb(s.ajvCompiledThreeForms.gzip)} | | | |`);
  lines.push('', 'Total gzip counts the glue and the wrapper as shipped (the code as written, without its comments: scripts/modules.mjs `shippedJs`), which the goals and the size check hold; "JS minified + gzip" counts them minified by esbuild first, as bundlephobia and a vendor\'s bundle do.');
  lines.push('', 'catalogue.js holds what `rules()`, `schema()`, `forms()` and `messages()` return (the module does not carry it); the wrapper imports it, and a bundler drops the parts a page does not call, so it is counted beside the module, not in it.');
  return lines.join('\n');
}

/** The first-report table: Node's and Chromium's cold starts (bench/cold.mjs, bench/cold-page.mjs). */
function coldTable(r, lines) {
  lines.push('| first report (bytes in memory → compile + instantiate + first `validate` of the referral; "default today": no `today` in the options) | module | median ms | fastest | compile + instantiate | first validate |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const [id, xs] of Object.entries(r.nodeCold)) lines.push(`| Node (\`initSync\`, fresh process) | ${id} | ${f(coldOf(xs, 'totalMs'))} | ${f(Math.min(...xs.map((x) => x.totalMs)))} | ${f(coldOf(xs, 'instantiateMs'))} | ${f(coldOf(xs, 'firstValidateMs'))} |`);
  for (const [id, xs] of Object.entries(r.browser?.cold ?? {})) lines.push(`| Chromium (\`await init(bytes)\`, fresh page) | ${id} | ${f(coldOf(xs, 'totalMs'))} | ${f(Math.min(...xs.map((x) => x.totalMs)))} | ${f(coldOf(xs, 'instantiateMs'))} | ${f(coldOf(xs, 'firstValidateMs'))} |`);
  lines.push('');
}

/** Each goal of issue 20: what was measured (Node / Chromium), and whether it is met or by how much it is missed. */
function goals(r) {
  const envs = [['Node', r.node], ['Chromium', r.browser?.suite]].filter(([, s]) => s);
  const list = [];
  const ratioGoal = (name, limit, pick) => {
    const cells = [];
    for (const [where, suite] of envs) for (const form of Object.keys(suite)) { const x = pick(suite[form], form); if (x !== undefined) cells.push({ where, form, x }); }
    const worst = Math.max(...cells.map((c) => c.x));
    list.push({
      goal: name,
      measured: cells.map((c) => `${c.form} ${c.where} ${ratio(c.x)}`).join('; '),
      met: worst <= limit,
      by: worst <= limit ? '' : `worst ${ratio(worst)}: ${((worst / limit - 1) * 100).toFixed(0)}% over; ${cells.filter((c) => c.x > limit).length} of ${cells.length} over`,
    });
  };
  const oursOf = (row) => row[row.ours];
  ratioGoal(`keystroke ≤ ${GOALS.keystrokeVsAjv.toFixed(1)}× ajv + hand-written rules`, GOALS.keystrokeVsAjv, (res) => oursOf(res.keystroke).vsAjv);
  ratioGoal(`cold \`validate\` ≤ ${GOALS.coldVsZod.toFixed(1)}× zod 4`, GOALS.coldVsZod, (res) => oursOf(res.validate).vsZod);
  ratioGoal(`cold \`validate\` of the case audit ≤ ${GOALS.caseAuditColdVsAjv}× ajv`, GOALS.caseAuditColdVsAjv, (res, form) => (form === 'case-audit' ? oursOf(res.validate).vsAjv : undefined));
  // Not a goal: what the JavaScript around the module costs alone (bench/suite.mjs `boundaryCall`), the part of a
  // cold `validate` no change inside the module can take away while data crosses as JSON text.
  const floor = [];
  for (const [where, suite] of envs) {
    for (const form of Object.keys(suite)) {
      const b = suite[form].validate?.boundary;
      if (b) floor.push(`${form} ${where} ${ratio(b.vsZod)} (${f(b.us)} µs)`);
    }
  }
  if (floor.length) list.push({ goal: 'beside the two above: the JavaScript boundary alone (JSON text out and back, no module) ÷ zod 4', measured: floor.join('; '), info: true });
  // The same two goals over different records in turn (bench/suite.mjs, `variedRecords`): the engine reuses the last
  // call's value when it reads the next text, which the same record again favours.
  ratioGoal(`cold \`validate\` ≤ ${GOALS.coldVsZod.toFixed(1)}× zod 4, different records in turn`, GOALS.coldVsZod, (res) => (res.varied ? oursOf(res.varied).vsZod : undefined));
  ratioGoal(`cold \`validate\` of the case audit ≤ ${GOALS.caseAuditColdVsAjv}× ajv, different records in turn`, GOALS.caseAuditColdVsAjv, (res, form) => (form === 'case-audit' && res.varied ? oursOf(res.varied).vsAjv : undefined));
  const single = r.sizes.modules.filter((m) => m.id !== 'all-forms');
  if (single.length) {
    const worst = single.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
    const over = single.filter((m) => m.total.gzip > GOALS.singleFormKb * 1000);
    list.push({
      goal: `each single-form module (wasm + glue) ≤ ${GOALS.singleFormKb} kB gzip`,
      measured: `${single.length} modules, ${kb(Math.min(...single.map((m) => m.total.gzip)))}–${kb(worst.total.gzip)} (largest ${worst.id}); sf-referral ${kb(single.find((m) => m.id === 'sf-referral')?.total.gzip ?? NaN)} (${kb(single.find((m) => m.id === 'sf-referral')?.total.minGzip ?? NaN)} with its JS minified + gzip)`,
      met: over.length === 0,
      by: over.length ? `${over.length} over; the largest by ${kb(worst.total.gzip - GOALS.singleFormKb * 1000)}` : '',
    });
  } else {
    list.push({ goal: `each single-form module (wasm + glue) ≤ ${GOALS.singleFormKb} kB gzip`, measured: 'no single-form module in pkg/forms/ (not built)', met: false, by: 'not measured' });
  }
  const all = r.sizes.modules[0];
  list.push({ goal: `the all-forms module ≤ ${GOALS.allFormsKb} kB gzip`, measured: `${kb(all.total.gzip)} (${kb(all.total.minGzip)} with its JS minified + gzip)`, met: all.total.gzip <= GOALS.allFormsKb * 1000, by: all.total.gzip <= GOALS.allFormsKb * 1000 ? '' : `by ${kb(all.total.gzip - GOALS.allFormsKb * 1000)}` });
  const refCold = r.browser?.cold?.['sf-referral'];
  const anyCold = refCold ?? r.browser?.cold?.['all-forms'];
  if (anyCold) {
    const ms = coldOf(anyCold, 'totalMs');
    list.push({
      goal: `first report ≤ ${GOALS.firstReportMs} ms after the bytes arrive in Chromium, single-form module`,
      measured: `${f(ms)} ms (${refCold ? 'the referral\'s own module' : 'the all-forms package: no single-form module was built'})`,
      met: ms <= GOALS.firstReportMs && Boolean(refCold),
      by: ms <= GOALS.firstReportMs ? (refCold ? '' : 'not measured on a single-form module') : `by ${f(ms - GOALS.firstReportMs)} ms`,
    });
  }
  if (r.native) {
    const rate = r.native.perSecond;
    list.push({
      goal: `native batch ≥ ${GOALS.batchPerSecond.toLocaleString('en-GB')} referral records/s on ${r.native.threads} threads`,
      measured: `${Math.round(rate).toLocaleString('en-GB')}/s wall-clock (load ${r.native.load})${r.native.cpuSeconds === null ? '' : `; ${Math.round(r.native.records / (r.native.cpuSeconds / r.native.threads)).toLocaleString('en-GB')}/s by its CPU time (${r.native.cpuSeconds.toFixed(2)} s on ${r.native.threads} threads)`}`,
      met: rate >= GOALS.batchPerSecond,
      by: rate >= GOALS.batchPerSecond ? '' : `by ${((1 - rate / GOALS.batchPerSecond) * 100).toFixed(0)}%`,
    });
  }
  return list;
}

function renderGoals(r) {
  const lines = [`Goals of issue 20, from the run above (${r.date.slice(0, 16).replace('T', ' ')} UTC, load ${r.load.before} → ${r.load.after}).`, ''];
  lines.push('| goal | measured | |', '| --- | --- | --- |');
  for (const g of r.goals) lines.push(`| ${g.goal} | ${g.measured} | ${g.info ? 'the floor, not a goal' : g.met ? '**met**' : `**missed**${g.by ? ` (${g.by})` : ''}`} |`);
  return lines.join('\n');
}

function writeBetween(start, end, table) {
  const file = path.join(root, 'BENCHMARKS.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (!text.includes(start) || !text.includes(end)) text += `\n${start}\n${end}\n`;
  const a = text.indexOf(start) + start.length;
  const b = text.indexOf(end);
  fs.writeFileSync(file, `${text.slice(0, a)}\n${table}\n${text.slice(b)}`);
  console.log(`bench: BENCHMARKS.md updated (${end.replace(/<!-- |:end -->/g, '')})`);
}
