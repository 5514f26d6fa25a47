// The package's TypeScript types compile against real usage under --strict, and reject what they should
// (tests/types/usage.ts holds both).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root } from './load.mjs';

test('pkg/index.d.ts: a vendor\'s typed usage compiles, and wrong field names and values do not', () => {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
    '--skipLibCheck', 'false', path.join(root, 'tests', 'types', 'usage.ts')];
  let out = '';
  try {
    out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
    assert.fail(out);
  }
  assert.equal(out.trim(), '');
});
