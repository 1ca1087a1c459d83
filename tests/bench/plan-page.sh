#!/usr/bin/env bash
# Benchmarks the plan page of an event with 40 zones, 2,000 deployments and 48 hours, served
# by the release build on loopback: server-side render latency and throughput under wrk,
# the page's size (raw and gzip), and the time the browser takes to hydrate it.
#
#   bash tests/bench/plan-page.sh   (SKIP_BUILD=1 reuses the last release build in target/bench-site)
#   BENCH_DEPLOYMENTS=8000 bash tests/bench/plan-page.sh     (the city at four times the scale)
#   CARGO_TARGET_DIR=… picks the release server's folder (target by default).
# The database is seeded by the debug build of the integration tests (what `make test` builds):
# the seeding's speed is not measured, and a release build of the tests would take long.
#
# Steps: release build → fresh SQLite database in a temporary folder → the demo and the
# synthetic event (server/tests/integration/bench_seed.rs) → `cordon serve` on 127.0.0.1:$BENCH_PORT →
# sign in as the demo organiser → curl, wrk, tests/bench/hydration.mjs → stop the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=cordon

port="${BENCH_PORT:-3950}"
base="http://127.0.0.1:$port"
duration="${BENCH_DURATION:-15s}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app server || echo ' + uncommitted changes')"

# The release site goes to its own folder: target/site is shared with debug builds.
site="${BENCH_SITE:-target/bench-site}"
if [ -z "${SKIP_BUILD:-}" ]; then
  LEPTOS_SITE_ROOT="$site" bash tools/site.sh --release
fi
# Keep this binary even if another build replaces target/release/cordon meanwhile.
if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release -p cordon
fi
cp "${CARGO_TARGET_DIR:-target}/release/cordon" "$work/cordon"
wasm_bytes=$(wc -c <"$site/pkg/cordon.wasm")
[ "$wasm_bytes" -lt 8000000 ] || { echo "$site/pkg/cordon.wasm ($wasm_bytes bytes) is not a release bundle" >&2; exit 1; }

echo "== seeding $work/bench.sqlite"
export BENCH_DATABASE_URL="sqlite://$work/bench.sqlite?mode=rwc"
seed_log="$work/seed.log"
CARGO_TARGET_DIR=target cargo test -q -p cordon --test integration bench_seed -- --ignored --nocapture | tee "$seed_log"
event_id="$(sed -n 's/^BENCH_EVENT_ID=//p' "$seed_log")"
[ -n "$event_id" ] || { echo "no event id in the seed output" >&2; exit 1; }
url="$base/evenements/$event_id"

DATABASE_URL="$BENCH_DATABASE_URL" CORDON_OUTBOX_DIR="$work/outbox" CORDON_BASE_URL="$base" \
  LEPTOS_SITE_ROOT="$site" "$work/cordon" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null

# Sign in as the demo organiser (the session cookie comes back in Set-Cookie).
curl -sS -D "$work/sign-in.headers" -o /dev/null -H "Origin: $base" \
  --data-urlencode "email=organisateur@cordon.test" --data-urlencode "password=cordon-demo-2026" "$base/api/sign_in"
cookie="$(grep -i '^set-cookie:' "$work/sign-in.headers" | head -1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')"
[ -n "$cookie" ] || { echo "sign-in returned no cookie" >&2; cat "$work/sign-in.headers" >&2; exit 1; }

echo "== page $url"
status="$(curl -sS -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$url")"
grep -q 'Festival synthétique' "$work/page.html" || { echo "the page is not the plan (HTTP $status)" >&2; exit 1; }
echo "HTTP $status; deployments' missions named in the HTML: $(grep -o '(synthétique)' "$work/page.html" | wc -l)"
raw=$(wc -c <"$work/page.html")
served_gzip=$(curl -sS -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$url")
echo "size: raw $raw bytes; gzip as served $served_gzip bytes; gzip -6 $(gzip -6 -c "$work/page.html" | wc -c) bytes; gzip -9 $(gzip -9 -c "$work/page.html" | wc -c) bytes"

echo "what the page is made of: $(node tests/bench/page-parts.mjs "$work/page.html")"
echo "the data serialised for hydration:"; node tests/bench/page-data.mjs "$work/page.html"
planned="${BENCH_DEPLOYMENTS:-2000}"
drawn=$(grep -o 'data-deployment="[^"]*"' "$work/page.html" | sort -u | wc -l)
gz=$(gzip -6 -c "$work/page.html" | wc -c)
echo "deployments in the plan: $planned; bars drawn in the first view: $drawn; bytes per deployment in the plan: raw $((raw / planned)), gzip -6 $((gz / planned)); per bar drawn: raw $((raw / (drawn > 0 ? drawn : 1))), gzip -6 $((gz / (drawn > 0 ? drawn : 1)))"
for encoding in gzip br; do
  echo "bundle as served with Accept-Encoding: $encoding: cordon.wasm $(curl -sS -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $encoding" "$base/pkg/cordon.wasm") bytes, cordon.js $(curl -sS -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $encoding" "$base/pkg/cordon.js") bytes"
done

echo "== one request at a time (30 requests after 3 warm-up, curl time_total in ms)"
for _ in 1 2 3; do curl -sS -o /dev/null -H "Cookie: $cookie" "$url"; done
for _ in $(seq 1 30); do
  curl -sS -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$url"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "min %.1f  median %.1f  max %.1f ms\n", t[1], (t[15] + t[16]) / 2, t[NR] }'

echo "== wrk -t2 -c8 -d$duration --timeout 10s, uncompressed"
wrk -t2 -c8 -d"$duration" --timeout 10s --latency -H "Cookie: $cookie" "$url"
echo "== wrk -t2 -c8 -d$duration --timeout 10s, Accept-Encoding: gzip"
wrk -t2 -c8 -d"$duration" --timeout 10s --latency -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$url"
echo "== load after wrk: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== hydration in headless Chromium"
BENCH_URL="$url" BENCH_COOKIE="$cookie" BENCH_SCROLL=1 node tests/bench/hydration.mjs
echo "== an edit on the timeline, applied after the server's answer"
BENCH_URL="$url" BENCH_COOKIE="$cookie" node tests/bench/timeline-edit.mjs
echo "== hydration on a phone's profile"
BENCH_URL="$url" BENCH_COOKIE="$cookie" BENCH_PROFILE=phone BENCH_RUNS="${BENCH_PHONE_RUNS:-5}" node tests/bench/hydration.mjs
echo "== the demo's event on a phone's profile"
demo_url="$base$(curl -sS -H "Cookie: $cookie" "$base/evenements" | grep -o 'href="/evenements/[0-9a-f-]*"' | grep -v "$event_id" | head -1 | sed 's/^href="//; s/"$//')"
BENCH_URL="$demo_url" BENCH_COOKIE="$cookie" BENCH_PROFILE=phone BENCH_RUNS="${BENCH_PHONE_RUNS:-5}" node tests/bench/hydration.mjs

echo "== server log lines mentioning an error: $(grep -ci error "$work/server.log" || true)"; grep -i error "$work/server.log" | head -3 || true
