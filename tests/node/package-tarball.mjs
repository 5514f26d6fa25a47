// The packed package as a vendor gets it: `npm pack` of the built pkg/, then `npm install <tarball>` into a fresh
// scratch project under the system's temp folder. The package has no dependencies, so the install reads nothing
// from the registry (`--offline`). Used by tests/node/package-*.test.mjs; each test file packs its own copy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkgDir = path.join(root, 'pkg');

const npm = (args, cwd) => execFileSync('npm', args, {
  cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
});

/**
 * Packs pkg/ and installs the tarball into a new scratch project. Returns { dir, tarball, files, manifest,
 * installed (the package's folder in node_modules), cleanup() }.
 */
export function packAndInstall({ type = 'module', name = 'sf-scratch' } = {}) {
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) throw new Error('pkg/ is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-package-'));
  const [packed] = JSON.parse(npm(['pack', pkgDir, '--json', '--ignore-scripts', '--pack-destination', dir], root));
  const tarball = path.join(dir, packed.filename);
  const app = path.join(dir, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type }, null, 2));
  npm(['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], app);
  const installed = path.join(app, 'node_modules', 'safeguarding-forms');
  return {
    dir: app,
    tarball,
    files: packed.files.map((f) => f.path).sort(),
    manifest: JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')),
    installed,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a script file with Node in `cwd` and returns its stdout (throws with stderr on failure). */
export function runNode(cwd, file, args = []) {
  try {
    return execFileSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${path.basename(file)} failed:\n${e.stdout}\n${e.stderr}`);
  }
}

/**
 * Type-checks the .ts/.mts/.cts files in `dir` with the project's TypeScript (`tsc --strict`, plus `options` such as
 * module and moduleResolution): '' when they compile, else tsc's output.
 */
export function compileTypes(dir, options) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const config = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', skipLibCheck: false, types: [], ...options }, include: ['*.ts', '*.mts', '*.cts'] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}
