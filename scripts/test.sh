#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting, lints, Rust unit and integration
# tests, the UI's type check and unit tests, and end-to-end tests of the real app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh

step() { echo; echo "==> $*"; }

step "Building the UI"
(cd ui && npm run build)

step "cargo fmt --check"
cargo fmt --all --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests"
cargo test --workspace

step "svelte-check"
(cd ui && npm run check)

step "Vitest"
(cd ui && npm test)

step "The Tauri configuration against the Tauri CLI's schema"
node --test tests/config/

step "End-to-end tests of the app (tauri-driver + WebKitWebDriver under Xvfb)"
cargo build -p opplevelseskort -p okort
xvfb-run -a --server-args="-screen 0 1280x900x24" node --test --test-concurrency=1 tests/e2e/

step "The .deb: built in release, installed with dpkg, started, removed"
bash scripts/deb-test.sh
