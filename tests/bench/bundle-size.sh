#!/usr/bin/env bash
# The browser bundle's size (raw and gzip) after `bash tools/site.sh --release`, and what
# dominates the WebAssembly. The shipped bundle has no function names (wasm-opt drops
# them), so the breakdown is read from a twin: the same rustc output run through the same
# wasm-bindgen and wasm-opt steps as tools/site.sh does, but with `wasm-opt -g` to keep the
# names; the script prints both code sections so that the twin can be checked against the
# bundle. Also prints twiggy's top items when twiggy is installed (`cargo install twiggy`):
# its data segments are anonymous (.rodata.N), hence wasm-tz-data.mjs for the data section.
#   bash tests/bench/bundle-size.sh        (BUILD=1 runs the release build first)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=cordon

# The release site has its own folder: target/site is shared with debug builds.
site="${BENCH_SITE:-target/bench-site}"
if [ -n "${BUILD:-}" ]; then
  LEPTOS_SITE_ROOT="$site" bash tools/site.sh --release
fi
pkg="$site/pkg"
rustc_out=target/front/wasm32-unknown-unknown/wasm-release/app.wasm
[ -f "$pkg/cordon.wasm" ] && [ -f "$rustc_out" ] || { echo "no release build: run with BUILD=1" >&2; exit 1; }

echo "== bundle files (bytes)"
printf '%-22s %10s %10s %10s\n' file raw 'gzip -6' 'gzip -9'
for f in "$pkg"/cordon.wasm "$pkg"/cordon.js "$pkg"/cordon.css; do
  printf '%-22s %10d %10d %10d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -6 -c "$f" | wc -c)" "$(gzip -9 -c "$f" | wc -c)"
done
if command -v brotli >/dev/null; then
  echo "cordon.wasm brotli -q 11: $(brotli -q 11 -c "$pkg/cordon.wasm" | wc -c)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target=web --out-name=cordon --out-dir="$work" "$rustc_out"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int "$work/cordon_bg.wasm" -o "$work/named.wasm"

echo "== the shipped bundle"
node tests/bench/wasm-size.mjs "$pkg/cordon.wasm"
echo "== chrono-tz's time zone tables in the bundle's data section"
node tests/bench/wasm-tz-data.mjs "$pkg/cordon.wasm"
echo "== its twin with names (wasm-opt -g), for the breakdown"
node tests/bench/wasm-size.mjs "$work/named.wasm" 20
if command -v twiggy >/dev/null; then
  echo "== twiggy top -n 25 (twin with names)"
  twiggy top -n 25 "$work/named.wasm"
else
  echo "(twiggy not installed: breakdown by tests/bench/wasm-size.mjs only)"
fi
