#!/usr/bin/env python3
"""Helpers of tests/bench/schedule-vs-cpsat.sh (standard library only).

    schedule_table.py table RUNS.tsv              the comparison table (Markdown)
    schedule_table.py change INSTANCE SOLUTION    the instance with 5 % of its needs changed and
                                                  SOLUTION as the published release (`previous`)
    schedule_table.py replan REPLAN.tsv           the re-planning table (Markdown)

The 5 % change, deterministic: the needs whose index i satisfies i % 20 == 10 are selected; of
those, the 1st, 3rd, 5th… (k even, counting from 0) are cancelled (removed from the instance) and
the others ask for one more agent. The shifts that must move are then (a lower bound): every
shift of the release on a cancelled need (it names a need that no longer exists), plus, for each
need asking for one more agent, the fewest shifts that can cover one agent over its whole window
(ceil(window / longest shift)).
"""

import json
import math
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def demand(instance):
    """Σ headcount × minutes × (6 − priority): the weighted need-minutes asked for."""
    total = 0
    for n in instance["needs"]:
        minutes = (n["window"]["end"] - n["window"]["start"]) // 60_000
        total += n["min_headcount"] * minutes * (6 - min(max(n["priority"], 1), 5))
    return total


def table(runs_path):
    rows = [line.rstrip("\n").split("\t") for line in open(runs_path) if line.strip()]
    instances = {}
    bounds = {}
    parsed = []
    for size, solver, limit, wall, status, sol, stats_path, report_path in rows:
        inst = instances.setdefault(size, load(f"{sol.rsplit('/', 1)[0]}/{size}.json"))
        stats = {}
        try:
            text = open(stats_path).read().strip().splitlines()
            stats = json.loads(text[-1]) if solver == "cpsat" and text else {}
        except (OSError, ValueError):
            pass
        report = None
        try:
            report = load(report_path)
        except (OSError, ValueError):
            pass
        if "bound_uncovered_weighted_minutes" in stats:
            bounds[size] = max(bounds.get(size, 0), stats["bound_uncovered_weighted_minutes"])
        parsed.append((size, solver, limit, float(wall), status, stats, report, inst, sol))
    print("| instance | agents / needs | solver | limit | wall s | uncovered (weighted need-min) | coverage % "
          "| shifts | paid h | violations | explanations (false / unlisted; not reached) "
          "| CP-SAT bound (uncovered) | gap to bound (coverage points) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, solver, limit, wall, status, stats, report, inst, sol in parsed:
        d = demand(inst)
        shape = f"{len(inst['agents'])} / {len(inst['needs'])}"
        name = {"cordon": "Cordon", "greedy": "greedy"}.get(solver, "CP-SAT")
        if report is None:
            what = stats.get("status", status)
            if what == "not_built":
                detail = f"model not built within the build limit ({stats.get('detail', '')})"
            elif what == "no_solution":
                detail = (f"no solution within the limit (model of {stats.get('variables', '?')} variables "
                          f"built in {stats.get('build_s', '?')} s; phase 1 {stats.get('phase1_status', '?')})")
            else:
                detail = what
            print(f"| {size} | {shape} | {name} | {limit} s | {wall:.1f} | {detail} | – | – | – | – | – | – | – |")
            continue
        s = report["score"]
        u = s["uncovered_weighted_minutes"]
        cov = 100.0 * (1 - u / d) if d else 100.0
        bound = stats.get("bound_uncovered_weighted_minutes") if solver == "cpsat" else bounds.get(size)
        if solver == "cpsat" and bound is not None:
            bound_text = f"{bound}" + (" (optimal)" if stats.get("phase1_status") == "optimal" else "")
        elif bound is not None:
            bound_text = f"({bound}, CP-SAT's best)"
        else:
            bound_text = "–"
        gap = f"{100.0 * (u - bound) / d:.2f}" if bound is not None and d else "–"
        if solver == "cordon":
            solution = load(sol)
            reached = sum(1 for g in solution.get("uncovered", []) if g["reason"] == "not_reached")
            explained = (f"{len(report.get('false_explanations', []))} / {len(report.get('unlisted_gaps', []))}; "
                         f"{reached} of {len(solution.get('uncovered', []))}")
        else:
            explained = "–"
        print(f"| {size} | {shape} | {name} | {limit} s | {wall:.1f} | {u} | {cov:.2f} | {s['shifts']} "
              f"| {s['paid_minutes'] / 60:.1f} | {len(report['violations'])} | {explained} | {bound_text} | {gap} |")
    print()
    print("CP-SAT details (build = reading + modelling, phase 1 = coverage, phase 2 = the rest):")
    for size, solver, limit, wall, status, stats, report, inst, sol in parsed:
        if solver == "cpsat":
            keep = {k: v for k, v in stats.items() if k not in ("solver", "seconds", "workers")}
            print(f"- {size} {limit} s: {json.dumps(keep)}")


def change(instance_path, solution_path):
    inst = load(instance_path)
    release = load(solution_path)
    selected = [i for i in range(len(inst["needs"])) if i % 20 == 10]
    cancelled = {inst["needs"][i]["id"] for k, i in enumerate(selected) if k % 2 == 0}
    increased = {inst["needs"][i]["id"] for k, i in enumerate(selected) if k % 2 == 1}
    needs = []
    for n in inst["needs"]:
        if n["id"] in cancelled:
            continue
        if n["id"] in increased:
            n = dict(n, min_headcount=n["min_headcount"] + 1)
        needs.append(n)
    inst["needs"] = needs
    inst["previous"] = release
    json.dump(inst, sys.stdout)
    print()


def replan(path):
    print("| instance | needs changed (cancelled + one more agent) | release shifts | must move (lower bound) "
          "| moved (added + removed) | ratio | uncovered before → after (weighted need-min) | violations "
          "| re-solve wall s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for line in open(path):
        if not line.strip():
            continue
        size, changed_path, first_path, second_path, wall = line.rstrip("\n").split("\t")
        changed = load(changed_path)
        first, second = load(first_path), load(second_path)
        original = load(changed_path.replace(".replan.changed.json", ".json"))
        ids = {n["id"] for n in changed["needs"]}
        cancelled = [n for n in original["needs"] if n["id"] not in ids]
        before = {n["id"]: n for n in original["needs"]}
        increased = [n for n in changed["needs"] if n["min_headcount"] != before[n["id"]]["min_headcount"]]
        max_shift = (changed.get("working_time") or {}).get("max_shift_minutes", 720)
        forced_removals = sum(1 for s in first["shifts"] if s["need"] not in ids)
        forced_additions = sum(
            math.ceil((n["window"]["end"] - n["window"]["start"]) / 60_000 / max_shift) for n in increased)
        too_short = short_remnants(first, ids, (changed.get("working_time") or {}).get("min_shift_minutes", 240))
        # A piece lengthening a remnant may also be the reinforced need's new agent: the larger
        # of the two, not their sum, keeps the bound a bound.
        must = forced_removals + max(too_short, forced_additions)
        key = lambda s: (s["agent"], s["need"], s["start"], s["end"])
        a, b = {key(s) for s in first["shifts"]}, {key(s) for s in second["shifts"]}
        removed, added = len(a - b), len(b - a)
        report = load(changed_path.replace(".replan.changed.json", ".replan.check.json"))
        first_report_u = uncovered_of(original, first)
        ratio = (removed + added) / must if must else float("nan")
        print(f"| {size} | {len(cancelled)} + {len(increased)} of {len(original['needs'])} | {len(a)} "
              f"| {must} ({forced_removals} removals + max({too_short} too short, {forced_additions} additions)) "
              f"| {removed + added} ({added} + {removed}) | {ratio:.2f} "
              f"| {first_report_u} → {report['score']['uncovered_weighted_minutes']} "
              f"| {len(report['violations'])} | {float(wall):.1f} |")


def short_remnants(release, kept_needs, min_shift_minutes):
    """Working shifts of the release that, once their pieces on cancelled needs are gone, are
    shorter than the minimum shift: each must change at least once (removed, or lengthened by
    a new piece), so each counts one move in the lower bound."""
    by_agent = {}
    for s in release["shifts"]:
        by_agent.setdefault(s["agent"], []).append(s)
    count = 0
    for shifts in by_agent.values():
        shifts.sort(key=lambda s: s["start"])
        groups, current = [], []
        for s in shifts:  # touching or overlapping pieces form one working shift
            if current and s["start"] <= max(p["end"] for p in current):
                current.append(s)
            else:
                if current:
                    groups.append(current)
                current = [s]
        if current:
            groups.append(current)
        for group in groups:
            left = [s for s in group if s["need"] in kept_needs]
            if not left or len(left) == len(group):
                continue
            pieces = sorted(left, key=lambda s: s["start"])
            spans, start, end = [], pieces[0]["start"], pieces[0]["end"]
            for s in pieces[1:]:
                if s["start"] <= end:
                    end = max(end, s["end"])
                else:
                    spans.append((start, end))
                    start, end = s["start"], s["end"]
            spans.append((start, end))
            count += sum(1 for a, b in spans if (b - a) / 60_000 < min_shift_minutes)
    return count


def uncovered_of(instance, solution):
    """The release's uncovered weighted minutes, as the checker scored it before the change."""
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".json") as i, tempfile.NamedTemporaryFile("w", suffix=".json") as s:
        json.dump(instance, i)
        json.dump(solution, s)
        i.flush()
        s.flush()
        out = subprocess.run(["target/release/cordon", "schedule", "check", i.name, s.name],
                             capture_output=True, text=True).stdout
    return json.loads(out)["score"]["uncovered_weighted_minutes"]


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"table": table, "change": change, "replan": replan}[command](*args)
