#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what is missing, then runs
#   1. format and lint checks (host and wasm32),
#   2. the Rust tests (unit, integration, conformance, properties), the examples, a short fuzz run of each target,
#   3. the npm package build and the public smoke check,
#   4. the Node tests against the built wasm package, and the packed tarball (`npm pack pkg/`) installed into scratch
#      apps: used from node_modules in Node (ESM and CommonJS), type-checked by tsc, and built with Vite, webpack and
#      esbuild into apps opened in headless Chromium (tests/node/package-*.test.mjs, tests/bundlers/),
#   5. the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

bash scripts/setup.sh

echo "== format and lints (host and wasm32)"
bash scripts/lint.sh
echo "== cargo test"
cargo test
echo "== examples (native)"
cargo run --quiet --example native
echo "== fuzz smoke (cargo-fuzz, 20 s a target)"
bash scripts/fuzz.sh --smoke
echo "== npm run build"
npm run build
echo "== size budget (regression ceiling; no regex/url/idna/ICU in the module)"
node scripts/size-check.mjs
echo "== conformance smoke (shared)"
if [ -f ../shared/conformance/smoke.mjs ]; then node ../shared/conformance/smoke.mjs pkg; fi
echo "== node tests (wasm package)"
node --test tests/node/
echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
echo "== all tests passed"
