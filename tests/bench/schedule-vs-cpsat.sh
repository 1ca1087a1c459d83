#!/usr/bin/env bash
# Cordon's shift scheduler against OR-Tools CP-SAT and a plain coverage-first greedy
# (schedule_greedy.py) on the generated shapes (issues 6 and 15), in the same run on the same
# machine; every solution judged by `cordon schedule check`, which also verifies Cordon's
# explanations of what it leaves uncovered.
#
#   pip install -r tests/bench/requirements-bench.txt
#   bash tests/bench/schedule-vs-cpsat.sh
#
# Environment: SEED (1), SIZES ("village fair stadium city route peaks festival"),
# OUT (target/bench-schedule), GREEDY (1: run the greedy),
# CORDON_LIMITS_SMALL ("1 6"), CORDON_LIMITS_CITY ("10 60"), CPSAT_LIMITS ("10 60"),
# CPSAT_BUILD_SECONDS (120), REPLAN_SIZES ("village fair stadium"), PYTHON (python3); a limit or
# size list set empty runs nothing of that kind. The binary is built and run from
# CARGO_TARGET_DIR when it is set (target/ otherwise).
# Not part of `make test`: it needs ortools and takes about twenty minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

SEED=${SEED:-1}
SIZES=${SIZES:-"village fair stadium city route peaks festival"}
GREEDY=${GREEDY:-1}
OUT=${OUT:-target/bench-schedule}
CORDON_LIMITS_SMALL=${CORDON_LIMITS_SMALL-"1 6"}
CORDON_LIMITS_CITY=${CORDON_LIMITS_CITY-"2 6 10 60"}
CPSAT_LIMITS=${CPSAT_LIMITS-"10 60"}
CPSAT_BUILD_SECONDS=${CPSAT_BUILD_SECONDS:-120}
REPLAN_SIZES=${REPLAN_SIZES-"village fair stadium"}
PYTHON=${PYTHON:-python3}
BIN=${CARGO_TARGET_DIR:-target}/release/cordon
HERE=tests/bench

export LEPTOS_OUTPUT_NAME=${LEPTOS_OUTPUT_NAME:-cordon}
cargo build --release -p cordon
"$PYTHON" -c 'import ortools' 2>/dev/null || {
	echo "ortools missing: pip install -r $HERE/requirements-bench.txt" >&2
	exit 2
}
mkdir -p "$OUT"
RUNS="$OUT/runs.tsv"
: >"$RUNS"

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs," \
	"ortools $("$PYTHON" -c 'import ortools; print(ortools.__version__)'), seed $SEED"

now() { date +%s.%N; }

# run SIZE SOLVER LIMIT: solve, time, check; one line in runs.tsv
run() {
	local size=$1 solver=$2 limit=$3
	local inst="$OUT/$size.json" sol="$OUT/$size.$solver.$limit.solution.json"
	local stats="$OUT/$size.$solver.$limit.stats.json" report="$OUT/$size.$solver.$limit.check.json"
	local t0 t1 status=ok load
	load=$(cut -d' ' -f1 /proc/loadavg)
	t0=$(now)
	if [ "$solver" = cordon ]; then
		"$BIN" schedule solve "$inst" --seconds "$limit" --seed "$SEED" >"$sol" 2>"$stats" || status=failed
	elif [ "$solver" = greedy ]; then
		"$PYTHON" "$HERE/schedule_greedy.py" "$inst" >"$sol" 2>"$stats" || status=failed
	else
		"$PYTHON" "$HERE/schedule_cpsat.py" "$inst" --seconds "$limit" --workers 2 \
			--build-seconds "$CPSAT_BUILD_SECONDS" >"$sol" 2>"$stats" || status=failed
	fi
	t1=$(now)
	if [ "$status" = ok ]; then
		"$BIN" schedule check "$inst" "$sol" >"$report" || true
	else
		: >"$report"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$solver" "$limit" \
		"$(echo "$t1 - $t0" | bc)" "$status" "$sol" "$stats" "$report" >>"$RUNS"
	echo "  $size $solver ${limit}s: $status in $(echo "$t1 - $t0" | bc | cut -c1-6) s (load $load)" >&2
}

for size in $SIZES; do
	"$BIN" schedule generate --size "$size" --seed "$SEED" >"$OUT/$size.json"
	case "$size" in city | festival) limits=$CORDON_LIMITS_CITY ;; *) limits=$CORDON_LIMITS_SMALL ;; esac
	for limit in $limits; do run "$size" cordon "$limit"; done
	if [ "$GREEDY" = 1 ]; then run "$size" greedy 0; fi
	for limit in $CPSAT_LIMITS; do run "$size" cpsat "$limit"; done
done

"$PYTHON" "$HERE/schedule_table.py" table "$RUNS"

# Re-planning stability: solve, change 5 % of the needs, solve again with the first solution as
# the published release (`previous`), count the shifts added or removed.
echo
echo "## Re-planning after a 5 % change of the needs (Cordon)"
REPLAN="$OUT/replan.tsv"
: >"$REPLAN"
for size in $REPLAN_SIZES; do
	[ -f "$OUT/$size.json" ] || "$BIN" schedule generate --size "$size" --seed "$SEED" >"$OUT/$size.json"
	first="$OUT/$size.replan.first.json"
	changed="$OUT/$size.replan.changed.json"
	second="$OUT/$size.replan.second.json"
	# the release: solved to convergence (the search stops when a pass finds nothing better)
	"$BIN" schedule solve "$OUT/$size.json" --seconds 60 --seed "$SEED" >"$first"
	"$PYTHON" "$HERE/schedule_table.py" change "$OUT/$size.json" "$first" >"$changed"
	t0=$(now)
	"$BIN" schedule solve "$changed" --seconds 60 --seed "$SEED" >"$second"
	t1=$(now)
	"$BIN" schedule check "$changed" "$second" >"$OUT/$size.replan.check.json" || true
	printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$changed" "$first" "$second" "$(echo "$t1 - $t0" | bc)" >>"$REPLAN"
done
"$PYTHON" "$HERE/schedule_table.py" replan "$REPLAN"
