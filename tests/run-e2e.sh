#!/usr/bin/env bash
# Starts the real server (debug build, fresh SQLite database with the demo data, mail to a
# fresh outbox folder) and runs the browser journeys in tests/e2e against it.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${E2E_PORT:-3117}"
work="$(mktemp -d)"
out="tests/output"
rm -rf "$out/screenshots"
mkdir -p "$out/screenshots"

# The binary the integration tests already built (same features, so nothing is compiled
# twice; a plain `cargo build` would rebuild dependencies without the dev-dependencies'
# features and double target/).
cargo test -q -p cordon --no-run
export DATABASE_URL="sqlite://$work/cordon.sqlite?mode=rwc"
export CORDON_OUTBOX_DIR="$work/outbox"
export CORDON_BASE_URL="http://127.0.0.1:$port"
export LEPTOS_SITE_ROOT="target/site"
unset SMTP_URL

./target/debug/cordon serve --demo --addr "127.0.0.1:$port" >"$out/e2e-server.log" 2>&1 &
server=$!
cleanup() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 60); do
  curl -fsS "$CORDON_BASE_URL/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$CORDON_BASE_URL/healthz" >/dev/null

# The journeys in name order, then the four that add events named like the demo's (the others
# open the demo by its name): the year after, the day of an event in progress, its alerts, its
# presence. One `node --test` per file: given several files, node runs them in its own (name) order.
last=(tests/e2e/year-after.test.mjs tests/e2e/on-the-day.test.mjs tests/e2e/alerts.test.mjs tests/e2e/presence.test.mjs)
journeys=()
for file in tests/e2e/*.test.mjs; do
  [[ " ${last[*]} " == *" $file "* ]] || journeys+=("$file")
done
journeys+=("${last[@]}")

# The report is also kept in tests/output/e2e.log: run-all.sh repeats its failures at the end.
export E2E_BASE_URL="$CORDON_BASE_URL" E2E_OUTBOX="$CORDON_OUTBOX_DIR" E2E_OUTPUT="$out"
(
  failed=0
  for journey in "${journeys[@]}"; do
    node --test --test-concurrency=1 "$journey" || failed=1
  done
  exit "$failed"
) 2>&1 | tee "$out/e2e.log"
