#!/usr/bin/env bash
# The browser bundle's budget, checked on every CI run (issue 17): builds the release bundle
# exactly as `make run` serves it (tools/site.sh --release, into its own folder) and fails when
# the WebAssembly and its JavaScript glue, compressed with gzip -6 (what a server sends), weigh
# more than the budget: 1,000,000 bytes. Prints the figures either way.
#   bash tests/bench/bundle-budget.sh          (BUNDLE_BUDGET=bytes to try another budget)
set -euo pipefail
cd "$(dirname "$0")/../.."
budget="${BUNDLE_BUDGET:-1000000}"
site=target/bench-site
LEPTOS_SITE_ROOT="$site" bash tools/site.sh --release >/dev/null
total=0
printf '%-14s %12s %12s\n' file raw 'gzip -6'
for f in "$site/pkg/cordon.wasm" "$site/pkg/cordon.js"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -6 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-14s %12d %12d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-14s %12s %12d   (budget %d)\n' total '' "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "FAIL: the browser bundle weighs $total bytes gzip, over its budget of $budget (BENCHMARKS.md §4)." >&2
  exit 1
fi
echo "PASS: the browser bundle is within its budget."
