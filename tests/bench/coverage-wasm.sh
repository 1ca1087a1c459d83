#!/usr/bin/env bash
# Times the coverage computation (40 zones × 2,000 deployments × 48 h) in headless
# Chromium's WebAssembly: builds tests/bench/coverage-wasm (the app crate with the browser
# bundle's features and profile, plus a JavaScript entry point), runs wasm-bindgen and
# wasm-opt as cargo-leptos does for the bundle, then tests/bench/coverage-wasm.mjs.
#   bash tests/bench/coverage-wasm.sh            (BENCH_RUNS=50 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

crate=tests/bench/coverage-wasm
out="$PWD/target/bench-wasm"
# Pin the same dependency versions as the product on first build.
[ -f "$crate/Cargo.lock" ] || cp Cargo.lock "$crate/Cargo.lock"
CARGO_TARGET_DIR="$out" cargo build --release --target wasm32-unknown-unknown --manifest-path "$crate/Cargo.toml"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" --out-name bench \
  "$out/wasm32-unknown-unknown/release/cordon_bench_coverage_wasm.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/pkg/bench_bg.wasm" -o "$out/pkg/bench_bg.wasm"
BENCH_PKG="$out/pkg" node tests/bench/coverage-wasm.mjs
