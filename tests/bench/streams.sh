#!/usr/bin/env bash
# Benchmarks the event's live log at scale (issue 18, "Scale"): two `cordon serve` instances
# behind nginx (Debian's, started here with its own configuration) on one PostgreSQL database;
# 1,000 event streams (`/evenements/{id}/operations/flux`) of five reader accounts; 20 log
# entries a second for 60 s; one instance killed (SIGKILL) 30 s into the writing. Checks that
# every stream receives every entry its reader may read, once, and none it may not (a restricted
# entry at a company, the municipal police or the organiser), and reports the delivery latency.
#
#   bash tests/bench/streams.sh      (SKIP_BUILD=1 reuses the release build of `cordon`)
#
# Steps: release build of the server (in $CARGO_TARGET_DIR, else target/) → a fresh PostgreSQL
# database (postgres@127.0.0.1:5432, dropped at the end) → the demo (`cordon demo`) and its
# festival copied to start an hour ago (`cordon plan copy`: the log is open) → two instances on
# two ports, both with CORDON_BASE_URL set to nginx's address → nginx on a third port
# (round robin, HTTP/1.1 keep-alive to the instances, no buffering, hour-long read timeout)
# → the client, tests/bench/streams.mjs (Node 20, no dependency), which signs in, opens the
# streams, writes, kills the second instance and prints the summary (exit 1 on any missing,
# duplicated or forbidden entry). Settings: BENCH_STREAMS (1000), BENCH_RATE (20),
# BENCH_DURATION (60), BENCH_KILL_AT (30; BENCH_KILL=0 kills nothing), BENCH_RETRY_MS (500),
# BENCH_OUT (the figures as JSON), BENCH_KEEP=1 (keep the work folder with the servers' logs).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=cordon

port_a="${BENCH_PORT_A:-3972}"
port_b="${BENCH_PORT_B:-3973}"
nginx_port="${BENCH_NGINX_PORT:-3971}"
pg="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
database="cordon_bench_streams_$$"
work="$(mktemp -d)"
server_a="" server_b=""
cleanup() {
  for pid in $server_a $server_b; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $server_a $server_b; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "== kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
command -v psql >/dev/null || { echo "psql is needed (PostgreSQL's client)" >&2; exit 1; }
# 1,000 streams: a socket each in the client, two in nginx, one in the instance.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app server 2>/dev/null || echo ' (with uncommitted changes in app/ or server/)')"
echo "== nginx $(nginx -v 2>&1 | sed 's/.*\///'), node $(node --version), $(psql -At "$pg/postgres" -c 'show server_version' | sed 's/^/PostgreSQL /'), open files $(ulimit -n)"
bin="${CARGO_TARGET_DIR:-target}/release/cordon"
[ -n "${SKIP_BUILD:-}" ] || cargo build -q --release -p cordon
cp "$bin" "$work/cordon"

psql -q "$pg/postgres" -c "CREATE DATABASE $database" >/dev/null
export DATABASE_URL="$pg/$database"
export CORDON_BASE_URL="http://127.0.0.1:$nginx_port" CORDON_OUTBOX_DIR="$work/outbox"
# The streams and the server functions need no built site; an empty folder stands for it.
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$work/site}"
mkdir -p "$LEPTOS_SITE_ROOT"

"$work/cordon" demo >/dev/null
demo_event="$("$work/cordon" plan list | head -n1 | cut -f1)"
start="$(TZ=Europe/Paris date -d '1 hour ago' '+%Y-%m-%dT%H:%M')"
event="$("$work/cordon" plan copy "$demo_event" --start "$start" | head -n1)"
echo "== event $event: the demo festival from $start (Europe/Paris), database $database"

"$work/cordon" serve --addr "127.0.0.1:$port_a" >"$work/server-a.log" 2>&1 &
server_a=$!
"$work/cordon" serve --addr "127.0.0.1:$port_b" >"$work/server-b.log" 2>&1 &
server_b=$!
for port in "$port_a" "$port_b"; do
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
done

cat >"$work/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 16384;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  upstream cordon {
    server 127.0.0.1:$port_a max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$port_b max_fails=1 fail_timeout=10s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;
    location / {
      proxy_pass http://cordon;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      # Server-sent events: each event passed on as it comes, a stream open for an hour.
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      # A dead instance: the request goes to the other (a POST only if it was not sent yet).
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      # Which instance answered (the client counts the streams per instance).
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
for _ in $(seq 1 20); do curl -fsS "http://127.0.0.1:$nginx_port/healthz" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fsS "http://127.0.0.1:$nginx_port/healthz" >/dev/null
echo "== instances: A pid $server_a on :$port_a, B pid $server_b on :$port_b; nginx on :$nginx_port"

kill_pid=$server_b
[ "${BENCH_KILL:-1}" = 0 ] && kill_pid=0
status=0
BENCH_BASE="http://127.0.0.1:$nginx_port" BENCH_EVENT="$event" BENCH_KILL_PID="$kill_pid" \
  BENCH_OUT="${BENCH_OUT:-$work/streams.json}" node tests/bench/streams.mjs || status=$?

# Entries timed after the next number of their register (a writer takes its instant when its
# request comes in, its number when it commits): a stream that ordered a batch by instant alone
# would send the next one first and then skip these (BENCHMARKS.md §8).
echo "== log as stored: entries per register, and those timed after the next number"
psql -At -F ' ' "$DATABASE_URL" -c "
  SELECT chain, count(*), count(*) FILTER (WHERE at > next), coalesce(max(at - next), 0),
         coalesce(string_agg(seq::text, ',' ORDER BY seq) FILTER (WHERE at > next), '-')
  FROM (SELECT chain, seq, at, lead(at) OVER (PARTITION BY chain ORDER BY seq) AS next
        FROM audit_entries WHERE chain LIKE 'main-courante%:$event') e GROUP BY chain ORDER BY chain" |
  while read -r chain n late worst numbers; do
    echo "   ${chain%%:*}: $n entries, $late timed after the next one (by up to $worst ms): $numbers"
  done

alive() { kill -0 "$1" 2>/dev/null && echo alive || echo gone; }
echo "== after the run: instance A $(alive "$server_a"), instance B $(alive "$server_b"); load $(cut -d' ' -f1-3 /proc/loadavg)"
for name in a b; do
  echo "   server $name: $(grep -c . "$work/server-$name.log") log lines, $(grep -ciE '"?level"?[=: ]*"?(warn|error)|WARN|ERROR' "$work/server-$name.log" || true) warnings or errors"
  grep -iE 'WARN|ERROR' "$work/server-$name.log" | sed 's/^/     /' | sort | uniq -c | sort -rn | head -5 || true
done
echo "   nginx: $(grep -c . "$work/nginx-error.log" 2>/dev/null || echo 0) error-log lines"
grep -oE '\[(warn|error|crit|alert)\] [0-9#]+: [^,]*' "$work/nginx-error.log" 2>/dev/null | sed -E 's/[0-9]+#[0-9]+: \*?[0-9]* ?//' | sort | uniq -c | sort -rn | head -5 | sed 's/^/     /' || true
exit "$status"
