#!/usr/bin/env bash
# Builds the browser side of Cordon into the site folder ($LEPTOS_SITE_ROOT, target/site by
# default): the WebAssembly bundle, its JavaScript glue, the stylesheet and the public assets.
# The same steps as `cargo leptos build --frontend-only` (cargo-leptos 0.3.10), with the tools
# `make tools` installs — so a newcomer's first `make run` need not compile cargo-leptos:
#   1. cargo builds the `app` library for wasm32 with the `hydrate` feature (target/front);
#   2. wasm-bindgen (the CLI matching Cargo.lock) writes pkg/cordon.js and pkg/cordon.wasm;
#   3. with --release: the `wasm-release` profile, npm's wasm-opt -Oz and terser (the JS glue);
#   4. style/main.css becomes pkg/cordon.css; public/ (with the DSFR copy) is copied as is;
#   5. brotli and gzip copies of the bundle and the stylesheets (tools/precompress.mjs).
# `cargo leptos watch` remains an optional developer tool (docs/toolchain.md).
#   bash tools/site.sh [--release] [--compile-only]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The server and the bundle agree on the bundle's file names through this (docs/toolchain.md).
export LEPTOS_OUTPUT_NAME=cordon

release=""
compile_only=""
for arg in "$@"; do
  case "$arg" in
    --release) release=1 ;;
    # Only step 1: `make run` compiles the bundle while wasm-bindgen-cli installs.
    --compile-only) compile_only=1 ;;
  esac
done
site="${LEPTOS_SITE_ROOT:-target/site}"
profile_args=()
out_dir=debug
if [ -n "$release" ]; then
  profile_args=(--profile=wasm-release)
  out_dir=wasm-release
fi

step() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }

step "browser bundle: compiling the app for WebAssembly (${out_dir})"
# The environment cargo-leptos gives this build (Leptos reads some of it at compile time): the
# same values keep the bundle byte-identical and spare a rebuild when switching tools.
LEPTOS_SITE_ROOT="$site" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 \
LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=server LEPTOS_JS_MINIFY=false LEPTOS_HASH_FILES=false \
cargo build --package=app --lib --target-dir=target/front --target=wasm32-unknown-unknown \
  --no-default-features --features=hydrate "${profile_args[@]}"

[ -n "$compile_only" ] && exit 0

step "browser bundle: wasm-bindgen"
mkdir -p "$site/pkg"
wasm-bindgen --target=web --out-name=cordon --out-dir="$site/pkg" \
  "target/front/wasm32-unknown-unknown/$out_dir/app.wasm"
# Leptos' hydration script loads {output-name}.wasm.
mv -f "$site/pkg/cordon_bg.wasm" "$site/pkg/cordon.wasm"

if [ -n "$release" ]; then
  # -tnh (traps never happen) lets it drop code that could only lead to a trap (2 KB gzip):
  # with `panic = "abort"`, Rust reaches a trap only after calling the panic handler, which
  # the option keeps — a panic still stops the module, only a trap that is not a panic would
  # not (BENCHMARKS.md §4; the browser journeys were run on this build, docs/toolchain.md).
  # No --converge: repeating the passes saved 1.6 KB gzip for minutes of a first `make run`.
  step "browser bundle: wasm-opt -Oz -tnh"
  wasm-opt -Oz -tnh --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$site/pkg/cordon.wasm" -o "$site/pkg/cordon.wasm"
  # The JavaScript glue, minified (npm's terser): 61 KB raw, 10.3 KB gzip before; 7.8 after.
  step "browser bundle: terser (the JavaScript glue)"
  terser "$site/pkg/cordon.js" --module --compress --mangle -o "$site/pkg/cordon.js"
fi

step "stylesheet and public assets"
cp style/main.css "$site/pkg/cordon.css"
cp -r public/. "$site/"

# Brotli and gzip copies, sent instead of compressing on every request (tools/precompress.mjs):
# of everything with --release; a debug bundle (8 MB) is served as built, its stale copies gone.
step "compressed copies (brotli, gzip)"
if [ -n "$release" ]; then
  node tools/precompress.mjs "$site/pkg" "$site/dsfr" "$site/site.webmanifest"
else
  node tools/precompress.mjs --remove "$site/pkg/cordon.wasm"
  node tools/precompress.mjs "$site/pkg/cordon.js" "$site/pkg/cordon.css" "$site/dsfr" "$site/site.webmanifest"
fi
printf '   %s: %s bytes of WebAssembly\n' "$site/pkg/cordon.wasm" "$(wc -c <"$site/pkg/cordon.wasm")"
