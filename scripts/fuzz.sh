#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, libFuzzer) one after the other.
#
#   scripts/fuzz.sh            each target for 600 seconds
#   scripts/fuzz.sh SECONDS    each target for SECONDS
#   scripts/fuzz.sh --smoke    each target for 20 seconds (CI)
#
# Seeds come from tests/conformance/*/*.json (every form's vectors) and are rebuilt on each run; what libFuzzer
# finds on top is kept in fuzz/corpus/<target>/ (git-ignored) for the next run. A finding is saved in
# fuzz/artifacts/<target>/ and the script exits 1 after the remaining targets have run; reproduce one with
#   (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none TARGET artifacts/TARGET/crash-...)
#
# Works on the stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags. The sanitizer is off by
# default (FUZZ_SANITIZER=address to turn AddressSanitizer on): the crate forbids unsafe code, so it would only watch
# the dependencies, at half the speed. Debug assertions and overflow checks are on.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

case "${1:-}" in
  --smoke) SECONDS_EACH=20 ;;
  "") SECONDS_EACH=600 ;;
  *[!0-9]* | 0) echo "usage: scripts/fuzz.sh [SECONDS | --smoke]" >&2; exit 2 ;;
  *) SECONDS_EACH=$1 ;;
esac
SANITIZER=${FUZZ_SANITIZER:-none}
TARGETS=(validate_json session_edits dates json_text)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== fuzz: installing cargo-fuzz (cargo install, a few minutes)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

echo "== fuzz: seed corpus from tests/conformance"
SEEDS=fuzz/corpus/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS"
node - "$SEEDS" <<'EOF'
// validate_json: 1 byte of options (0 draft, 1 submit), the form id and a newline, the vector's data;
// session_edits: 0xFF, the form id and a newline, the data;
// json_text: the data alone;
// dates: 20 bytes of numbers + "date|date-time|closure" from the dates the vectors hold. Plus a dictionary.
const fs = require('fs');
const path = require('path');
const out = process.argv[2];
const dirs = { validate_json: [], session_edits: [], dates: [], json_text: [] };
for (const t of Object.keys(dirs)) fs.mkdirSync(path.join(out, t), { recursive: true });
const root = path.join('tests', 'conformance');
const strings = new Set();
const dates = new Set();
const walk = (v) => {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(v)) dates.add(v);
    else if (v.length <= 40) strings.add(v);
  } else if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { strings.add(k); walk(x); }
};
let n = 0;
for (const form of fs.readdirSync(root).sort()) {
  const dir = path.join(root, form);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const v = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const text = Buffer.from(JSON.stringify(v.data ?? {}));
    const name = `${form}-${file.replace(/\.json$/, '')}`;
    const submit = v.options && v.options.stage === 'submit' ? 1 : 0;
    const id = Buffer.from(`${form}\n`);
    fs.writeFileSync(path.join(out, 'validate_json', name), Buffer.concat([Buffer.from([submit]), id, text]));
    fs.writeFileSync(path.join(out, 'session_edits', name), Buffer.concat([Buffer.from([0xff]), id, text]));
    fs.writeFileSync(path.join(out, 'json_text', name), text);
    walk(v.data);
    n += 1;
  }
}
const list = [...dates].sort();
const numbers = Buffer.alloc(20);
numbers.writeBigInt64LE(5n, 0); numbers.writeInt32LE(1, 8); numbers.writeBigInt64LE(72n, 12);
list.forEach((d, i) => {
  const day = d.slice(0, 10);
  const next = list[(i + 1) % list.length];
  const when = next.length > 10 ? next : `${next}T01:30`;
  fs.writeFileSync(path.join(out, 'dates', `d${i}`), Buffer.concat([numbers, Buffer.from(`${day}|${when}|${day}`)]));
});
for (const s of ['2025-03-30T01:30', '2025-10-26T01:30', '2024-02-29', '1900-01-01', '2199-12-31', '2025-12-24']) {
  fs.writeFileSync(path.join(out, 'dates', `fixed-${s}`), Buffer.concat([numbers, Buffer.from(`${s.slice(0, 10)}|${s.length > 10 ? s : s + 'T00:00'}|2025-12-29`)]));
}
const tokens = ['{', '}', '[', ']', ':', ',', '"', 'null', 'true', 'false', '-0', '1e308', '\\u0000', '\\ud800', '\\udc00',
  '\\ud83d\\ude00', '"day"', '"month"', '"year"', '"2025-05-20"', '"June"', '"sept"', '"+1"', '"1e1"', '"__proto__"'];
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const dict = [...tokens, ...[...strings].filter((s) => /^[\x20-\x7e]*$/.test(s)).map((s) => JSON.stringify(s)).slice(0, 800)];
fs.writeFileSync(path.join(out, 'json.dict'), dict.map((t) => `"${esc(t)}"`).join('\n') + '\n');
console.log(`${n} vectors, ${list.length} dates, ${dict.length} dictionary entries`);
EOF

echo "== fuzz: building the targets"
(cd fuzz && cargo fuzz build --sanitizer "$SANITIZER")

failed=()
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  dict=()
  if [ "$t" != dates ]; then dict=(-dict="$ROOT/$SEEDS/json.dict"); fi
  echo "== fuzz: $t for ${SECONDS_EACH}s"
  log="fuzz/artifacts/$t/last-run.log"
  set +e
  (cd fuzz && cargo fuzz run --sanitizer "$SANITIZER" "$t" "$ROOT/fuzz/corpus/$t" "$ROOT/$SEEDS/$t" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1 \
    "${dict[@]}") >"$log" 2>&1
  status=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    summary+=("$t: FAILED after ${execs:-?} executions (exit $status); see $log and fuzz/artifacts/$t/")
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -n 8 || true
  else
    summary+=("$t: ${execs:-?} executions in ${SECONDS_EACH}s, no finding")
  fi
done

echo "== fuzz: summary"
printf '  %s\n' "${summary[@]}"
[ "${#failed[@]}" -eq 0 ] || { echo "fuzz: findings in ${failed[*]}" >&2; exit 1; }
