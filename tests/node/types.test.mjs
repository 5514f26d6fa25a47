// The package's TypeScript types compile against real usage under --strict (tests/types/usage.ts, whose
// @ts-expect-error lines must each fail), and each mistake in tests/types/reject/ fails on its own, with an error
// that names the mistake (the `// expect:` line).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './load.mjs';

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
function compile(file) {
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
    '--skipLibCheck', 'false', '--pretty', 'false', file];
  try {
    return { ok: true, out: execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { ok: false, out: `${e.stdout}${e.stderr}` };
  }
}

test('pkg/index.d.ts: a vendor\'s typed usage compiles, and every @ts-expect-error line fails', () => {
  const { ok, out } = compile(path.join(root, 'tests', 'types', 'usage.ts'));
  assert.ok(ok, out);
  assert.equal(out.trim(), '');
});

const rejectDir = path.join(root, 'tests', 'types', 'reject');
for (const name of fs.readdirSync(rejectDir).filter((f) => f.endsWith('.ts')).sort()) {
  test(`tsc --strict rejects tests/types/reject/${name}`, () => {
    const file = path.join(rejectDir, name);
    const expect = /^\/\/ expect: (.+)$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
    assert.ok(expect, 'the file names the mistake tsc must report');
    const { ok, out } = compile(file);
    assert.ok(!ok, `${name} compiled`);
    const errors = out.split('\n').filter((l) => /error TS\d+/.test(l));
    assert.ok(errors.length > 0, out);
    assert.ok(out.includes(expect), `no error names ${expect}:\n${out}`);
  });
}
