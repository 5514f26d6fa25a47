#!/usr/bin/env bash
# Installs everything a fresh machine lacks to build and test the project. Idempotent: each step is skipped when
# its tool is already there at the right version. Only package registries are used (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
: "${WASM_BINDGEN_VERSION:?wasm-bindgen must be pinned with = in Cargo.toml}"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source: each module is built with its own copy of it (scripts/build.mjs, `-Zbuild-std`).
if ! [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  step "rust component rust-src"
  rustup component add rust-src
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, several minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Debian's packages, in one apt-get run: Chromium for the browser tests, and LibreOffice's spreadsheet application,
# which opens the command line's workbook and CSV in tests/cli_batch.rs (about 40 s to install, 66 packages).
APT=()
if [ "${SF_SKIP_BROWSER:-0}" != 1 ] && ! [ -x /usr/bin/chromium ]; then APT+=(chromium chromium-driver); fi
if [ "${SF_SKIP_SPREADSHEET:-0}" != 1 ] && ! command -v soffice >/dev/null; then APT+=(libreoffice-calc-nogui); fi
if [ ${#APT[@]} -gt 0 ]; then
  step "Debian packages: ${APT[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --ignore-scripts; else npm install --no-audit --no-fund --ignore-scripts; fi
fi
