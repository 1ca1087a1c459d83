#!/usr/bin/env bash
# Benchmarks one calendar feed of 1,000 deployments served by the release build on loopback,
# side by side with nginx (Debian) serving the same bytes as a static file: wrk for the
# 200 answer (full body) and the 304 answer (If-None-Match), and the ratio Cordon / nginx.
#
#   bash tests/bench/feed-http.sh      (SKIP_BUILD=1 reuses target/release/cordon)
#
# Steps: release build of the server → fresh SQLite database → the demo and a synthetic event of 1,000
# deployments (server/tests/integration/bench_seed.rs) → `cordon plan publish` → `cordon feed token --all`
# → `cordon serve` → the feed saved to a file → nginx on another port serving that file with
# the same ETag → wrk on each, 200 then 304.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=cordon

port="${BENCH_PORT:-3960}"
nginx_port="${BENCH_NGINX_PORT:-3961}"
duration="${BENCH_DURATION:-10s}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

echo "== machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
[ -n "${SKIP_BUILD:-}" ] || cargo build -q --release -p cordon
cp target/release/cordon "$work/cordon"

export DATABASE_URL="sqlite://$work/bench.sqlite?mode=rwc" BENCH_DATABASE_URL="sqlite://$work/bench.sqlite?mode=rwc"
export CORDON_BASE_URL="http://127.0.0.1:$port" CORDON_OUTBOX_DIR="$work/outbox"
# The seeder is the debug test binary `make test` builds anyway: its speed is not measured,
# and a release build of the whole test binary would double the build.
BENCH_DEPLOYMENTS=1000 BENCH_ZONES=30 BENCH_HOURS=48 \
  cargo test -q -p cordon --test integration bench_seed -- --ignored --nocapture >"$work/seed.log"
event_id="$(sed -n 's/^BENCH_EVENT_ID=//p' "$work/seed.log")"
"$work/cordon" plan publish "$event_id" --comment "Banc d’essai" >/dev/null
url="$("$work/cordon" feed token --event "$event_id" --all)"
"$work/cordon" serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

curl -fsS -D "$work/headers" -o "$work/feed.ics" "$url"
etag="$(sed -n 's/^etag: //Ip' "$work/headers" | tr -d '\r')"
events=$(grep -c '^BEGIN:VEVENT' "$work/feed.ics")
raw=$(wc -c <"$work/feed.ics")
gz=$(curl -fsS -H 'Accept-Encoding: gzip' "$url" | wc -c)
echo "== feed: $events events, $raw bytes raw, $gz bytes gzip as served, ETag $etag"

mkdir -p "$work/www"
cp "$work/feed.ics" "$work/www/feed.ics"
# nginx's workers run as an unprivileged user: let them read the file (mktemp -d is 0700).
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/feed.ics"
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    etag off;
    location = /feed.ics { add_header ETag '$etag'; if (\$http_if_none_match = '$etag') { return 304; } }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5
curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/feed.ics"

bench() { # name url [header]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c16 -d"$duration" -H "$3" "$2"); else out=$(wrk -t2 -c16 -d"$duration" "$2"); fi
  local rps; rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  local p50; p50=$(echo "$out" | awk '/Latency/ {print $2}')
  local non2xx; non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *//p')
  printf '%-28s %12s req/s   latency avg %-9s %s\n' "$1" "$rps" "$p50" "${non2xx:+(non-2xx/3xx: $non2xx)}"
  echo "$rps"  >"$work/rps-$1"
}
echo "== wrk -t2 -c16 -d$duration (Cordon and nginx in turn, same machine)"
bench cordon-200 "$url"
bench nginx-200 "http://127.0.0.1:$nginx_port/feed.ics"
bench cordon-304 "$url" "If-None-Match: $etag"
bench nginx-304 "http://127.0.0.1:$nginx_port/feed.ics" "If-None-Match: $etag"
for kind in 200 304; do
  c=$(cat "$work/rps-cordon-$kind"); n=$(cat "$work/rps-nginx-$kind")
  echo "== ratio Cordon / nginx, $kind answers: $(awk -v c="$c" -v n="$n" 'BEGIN { printf "%.2f", c / n }')"
done
