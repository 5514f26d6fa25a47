#!/usr/bin/env bash
# Format and lint checks. Library and binary code are held to the no-panic lints (unwrap, expect, panic, indexing,
# string slicing, unchecked arithmetic); tests may unwrap and index.
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_ALLOW=(-A clippy::unwrap_used -A clippy::expect_used -A clippy::panic -A clippy::indexing_slicing
  -A clippy::arithmetic_side_effects -A clippy::string_slice)
cargo fmt --check
cargo clippy --lib --bins -- -D warnings
cargo clippy --tests -- -D warnings "${TEST_ALLOW[@]}"
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features all-forms -- -D warnings
