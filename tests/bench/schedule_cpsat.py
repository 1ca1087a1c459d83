#!/usr/bin/env python3
"""OR-Tools CP-SAT model of Cordon's shift scheduling problem (issue 6), for the benchmark.

Reads a `cordon-schedule-instance/2` JSON (and no other format), writes a
`cordon-schedule-solution/1` JSON that `cordon schedule check` judges, and prints one line of
JSON statistics on standard error (status, build and solve times, the objective of each phase
and CP-SAT's proven bound).

    python3 tests/bench/schedule_cpsat.py INSTANCE.json --seconds 10 > solution.json

The model and its simplifications are described in docs/schedule-cpsat.md. In short:

* Time is cut into slots of `g` minutes, `g` the greatest common divisor of every need and
  availability boundary's offset from the event start (floored at 15, capped at 60 minutes):
  one hour on the generated instances. Needs start and end on the grid, so coverage is exact.
* Which needs an agent may lawfully hold follows the checker's `shift_rules`: the
  qualification; for a private agent a CNAPS card, and only needs with `private_allowed`; a
  pat-down need (`palpation`) only with `pat_downs_allowed` and of a sex the need admits
  (both under the default `rules.pat_down_sexes`, "minimums"; other rules: `read_rules`). The
  legal bases are decided per need in the instance (format /2), not from event-level fields.
* Agents with the same attributes (needs they may lawfully hold, sex, availability cut at their
  CNAPS card's end) are interchangeable: they form a class, and the model counts, per class,
  `z[c,s,e]` agents working the shift [s, e) (min_shift <= e - s <= max_shift, inside one
  availability window) and `u[c,n,t]` agents on need n in slot t (at most the class's agents
  at work then). A pool of rested agents per class (all at the start; less those starting a
  shift; back `rest` slots after the end of their shift) makes every agent's shifts at least
  the minimum rest apart, so each working period is one shift: of at most min(max shift,
  daily maximum, 24 h - rest). Split shifts (two shifts in one period) are not modelled.
  Afterwards each class's shifts are handed to its agents in start order (the pool guarantees
  a rested agent) and each slot's quotas to the agents at work, keeping an agent on its need.
* Weekly hours and days per week are not modelled (see --help / stats `weekly_may_bind`): with
  one shift per period of at most 12 h and 12 h of rest, an agent works at most 36 h in three
  days and on at most 3 days; the generated instances last at most three days.
* Objective: two sequential solves. Phase 1 minimises the uncovered need-minutes weighted by
  priority alone, so that CP-SAT's bound is a bound on that criterion; phase 2 fixes it at
  phase 1's value and minimises over-coverage * 1000 + working shifts * 100 + paid slots,
  hinted with phase 1's solution. Fairness and changes against a previous release are not
  modelled.
"""

import argparse
import json
import math
import sys
import time

from ortools.sat.python import cp_model

MINUTE = 60_000
INSTANCE_FORMAT = "cordon-schedule-instance/2"


def gcd_minutes(instance):
    """The slot length in minutes: the gcd of every boundary's offset from the event start."""
    start = instance["event"]["window"]["start"]
    g = 0
    points = []
    for need in instance["needs"]:
        points += [need["window"]["start"], need["window"]["end"]]
    for agent in instance["agents"]:
        for w in agent["availability"]:
            points += [w["start"], w["end"]]
    for p in points:
        g = math.gcd(g, abs(p - start) // MINUTE)
    g = g or 60
    return max(15, min(g, 60))


RULES = {"pat_down_sexes": "minimums"}


def admits_sex(need, sex):
    """Under the default rule (`minimums`) both sexes may hold a pat-down post, the minimums
    being targets; under `exclusive` a post asking for one sex only admits that sex only."""
    if need.get("qualification") != "palpation" or RULES["pat_down_sexes"] != "exclusive":
        return True
    women, men = need.get("min_women", 0) > 0, need.get("min_men", 0) > 0
    if women == men:
        return True
    return women if sex == "femme" else men


def read_rules(instance):
    """The instance's rules this model follows: the defaults, or `exclusive` sexes. Idle time
    forbidden or costed otherwise, split-shift gaps and "men once women are there" are not
    modelled: such an instance is refused rather than solved under other rules."""
    rules = instance.get("rules") or {}
    idle = rules.get("idle_time", {"allowed": True, "cost_per_minute": 1})
    split = rules.get("split_shifts", {"allowed": True, "min_gap_minutes": 0})
    sexes = rules.get("pat_down_sexes", "minimums")
    if idle != {"allowed": True, "cost_per_minute": 1} or split != {"allowed": True, "min_gap_minutes": 0} \
            or sexes not in ("minimums", "exclusive"):
        sys.exit(f"schedule_cpsat.py: rules not modelled: {json.dumps(rules)}")
    RULES["pat_down_sexes"] = sexes


def may_hold(agent, need):
    """The shift rules that do not depend on time (the checker's `shift_rules`): the legal
    bases are the need's own booleans, `private_allowed` (public road) and, on a pat-down need
    only, `pat_downs_allowed`."""
    q = need.get("qualification")
    if q is not None and q not in agent["qualifications"]:
        return False
    private = agent["employer"] == "private"
    if private and not need["private_allowed"]:
        return False
    if q == "palpation" and (not need["pat_downs_allowed"] or not admits_sex(need, agent["sex"])):
        return False
    if private and agent.get("card_expires") is None:
        return False
    return True


class Model:
    """Agents of identical attributes form a class; the model counts, per class, the shifts
    [s, e) worked and the agents on each need in each slot."""

    def __init__(self, instance, build_deadline):
        self.inst = instance
        ev = instance["event"]["window"]
        self.t0 = ev["start"]
        self.g = gcd_minutes(instance)
        self.gms = self.g * MINUTE
        self.T = (ev["end"] - ev["start"]) // self.gms
        wt = {
            "max_shift_minutes": 720, "max_daily_minutes": 720, "min_rest_minutes": 720,
            "max_weekly_minutes": 2880, "max_days_per_week": 6, "min_shift_minutes": 240,
            "break_minutes_per_six_hours": 20,
        }
        wt.update(instance.get("working_time") or {})
        self.wt = wt
        g = self.g
        self.l_min = -(-wt["min_shift_minutes"] // g)
        # one shift per working period: it may not exceed the maximum shift, the daily maximum,
        # nor 24 h - rest
        self.l_max = min(wt["max_shift_minutes"], wt["max_daily_minutes"], 24 * 60 - wt["min_rest_minutes"]) // g
        self.rest = -(-wt["min_rest_minutes"] // g)
        self.build_deadline = build_deadline
        self.m = cp_model.CpModel()
        self.need_slots = []  # per need: (first slot, last slot + 1)
        for need in instance["needs"]:
            a = -(-(need["window"]["start"] - self.t0) // self.gms)
            b = (need["window"]["end"] - self.t0) // self.gms
            self.need_slots.append((max(a, 0), min(b, self.T)))

    def slot_ms(self, t):
        return self.t0 + t * self.gms

    def ranges(self, agent):
        """The agent's availability as slot ranges, each cut where the CNAPS card stops."""
        out = []
        card = agent.get("card_expires")
        last = self.T
        if agent["employer"] == "private":
            last = -1 if card is None else min(self.T, (card - self.t0) // self.gms)
        for w in agent["availability"]:
            a = max(0, -(-(w["start"] - self.t0) // self.gms))
            b = min(last, (w["end"] - self.t0) // self.gms)
            if b - a >= self.l_min:
                out.append((a, b))
        return tuple(sorted(out))

    def check_deadline(self, what):
        if time.monotonic() > self.build_deadline:
            raise TimeoutError(f"model not built in time ({what})")

    def build(self):
        m, T = self.m, self.T
        needs = self.inst["needs"]
        # classes of interchangeable agents
        classes = {}
        for ai, agent in enumerate(self.inst["agents"]):
            holdable = frozenset(n for n, need in enumerate(needs) if may_hold(agent, need))
            ranges = self.ranges(agent)
            if holdable and ranges:
                classes.setdefault((holdable, agent["sex"], ranges), []).append(ai)
        self.classes = list(classes.items())
        self.z = {}  # (c, s, e) -> number of the class's agents working [s, e)
        self.u = {}  # (c, n, t) -> number of the class's agents on need n in slot t
        self.pad_terms = []
        self.pool_vars = []
        on_need = [dict() for _ in needs]
        for c, ((holdable, sex, ranges), members) in enumerate(self.classes):
            self.check_deadline(f"{c} of {len(self.classes)} classes")
            size = len(members)
            starting = [[] for _ in range(T + 1)]
            back = [[] for _ in range(T + 1)]  # shifts whose agents are rested again at t
            working = [[] for _ in range(T)]
            for a, b in ranges:
                for s in range(a, b - self.l_min + 1):
                    for e in range(s + self.l_min, min(b, s + self.l_max) + 1):
                        v = m.new_int_var(0, size, "")
                        self.z[c, s, e] = (v, members)
                        starting[s].append(v)
                        if e + self.rest <= T:
                            back[e + self.rest].append(v)
                        for t in range(s, e):
                            working[t].append(v)
            # the pool of rested agents: all of them at the start, less those starting a shift,
            # plus those whose shift ended `rest` slots ago
            pool = size
            for t in range(T):
                if back[t] or starting[t]:
                    nxt = m.new_int_var(0, size, "")
                    m.add(nxt == pool + sum(back[t]) - sum(starting[t]))
                    m.add_hint(nxt, size)
                    self.pool_vars.append(nxt)
                    pool = nxt
            for t in range(T):
                if not working[t]:
                    continue
                here = []
                for n in holdable:
                    a, b = self.need_slots[n]
                    if a <= t < b:
                        cap = min(size, needs[n]["min_headcount"])
                        v = m.new_int_var(0, cap, "")
                        self.u[c, n, t] = v
                        on_need[n].setdefault(t, []).append((v, sex, cap))
                        here.append(v)
                work = sum(working[t])
                m.add(sum(here) <= work)
                self.pad_terms.append(work - sum(here))
        self.coverage(on_need)
        # The empty plan is feasible: hint it, so that a solution exists from the first moment.
        for v, _ in self.z.values():
            m.add_hint(v, 0)
        for v in self.u.values():
            m.add_hint(v, 0)

    def coverage(self, on_need):
        m = self.m
        self.uncovered_terms = []
        self.over_terms = []
        self.sex_terms = []
        for n, need in enumerate(self.inst["needs"]):
            a, b = self.need_slots[n]
            weight = 6 - min(max(need["priority"], 1), 5)
            h = need["min_headcount"]
            for t in range(a, b):
                on = on_need[n].get(t, [])
                count = sum(v for v, _, _ in on)
                miss = m.new_int_var(0, h, "")
                m.add(miss >= h - count)
                m.add_hint(miss, h)
                women, men = need.get("min_women", 0), need.get("min_men", 0)
                if women or men:
                    ws = m.new_int_var(0, women, "")
                    ms = m.new_int_var(0, men, "")
                    m.add(ws >= women - sum(v for v, s, _ in on if s == "femme"))
                    m.add(ms >= men - sum(v for v, s, _ in on if s == "homme"))
                    m.add(miss >= ws + ms)
                    m.add_hint(ws, women)
                    m.add_hint(ms, men)
                    self.sex_terms += [ws, ms]
                self.uncovered_terms.append((weight, miss))
                cap = sum(k for _, _, k in on)
                if cap > h:
                    over = m.new_int_var(0, cap - h, "")
                    m.add(over >= count - h)
                    m.add_hint(over, 0)
                    self.over_terms.append(over)

    def uncovered(self):
        return sum(w * v for w, v in self.uncovered_terms)

    def secondary(self):
        """over-coverage slots (agents on no need, or beyond a need's headcount) * 1000 + shifts
        * 100 + paid slots: on these instances an over-covered slot outweighs any shift and a
        shift any 12 h of pay (not strictly lexicographic in general)."""
        pad = sum(self.pad_terms) + sum(self.over_terms)
        shifts = sum(v for v, _ in self.z.values())
        paid = sum((e - s) * v for (c, s, e), (v, _) in self.z.items())
        return 1000 * pad + 100 * shifts + paid

    def solution(self, value):
        """Individual shifts: each class's shifts handed to its agents in start order (an agent is
        free again `rest` slots after a shift: the pool constraint guarantees one is), then in each
        slot the class's agents on each need, an agent kept on the need it had the slot before."""
        inst = self.inst
        shifts = []
        worked, quotas = {}, {}
        for (c, s, e), (v, _) in self.z.items():
            worked.setdefault(c, []).extend([(s, e)] * value(v))
        for (c, n, t), v in self.u.items():
            k = value(v)
            if k:
                quotas.setdefault((c, t), {})[n] = k
        for c, (_, members) in enumerate(self.classes):
            mine = sorted(worked.get(c, []))
            free = {ai: 0 for ai in members}
            runs = []  # (agent, s, e)
            for s, e in mine:
                ai = next(a for a in members if free[a] <= s)
                free[ai] = e + self.rest
                runs.append((ai, s, e))
            label = {}
            for t in range(self.T):
                quota = dict(quotas.get((c, t), {}))
                here = [ai for ai, s, e in runs if s <= t < e]
                rest_here = []
                for ai in here:
                    n = label.get((ai, t - 1))
                    if n is not None and quota.get(n, 0) > 0:
                        quota[n] -= 1
                        label[ai, t] = n
                    else:
                        rest_here.append(ai)
                for ai in rest_here:
                    n = next((n for n, q in sorted(quota.items()) if q > 0), None)
                    if n is not None:
                        quota[n] -= 1
                        label[ai, t] = n
            for ai, s, e in runs:
                labels = [label.get((ai, t)) for t in range(s, e)]
                if all(x is None for x in labels):
                    continue  # a shift on no need: dropping it breaks no rule
                last = next(x for x in labels if x is not None)
                for k, x in enumerate(labels):
                    if x is None:
                        labels[k] = last
                    else:
                        last = x
                start = s
                for k in range(1, len(labels) + 1):
                    if k == len(labels) or labels[k] != labels[k - 1]:
                        shifts.append({
                            "agent": inst["agents"][ai]["id"],
                            "need": inst["needs"][labels[k - 1]]["id"],
                            "start": self.slot_ms(start),
                            "end": self.slot_ms(s + k),
                        })
                        start = s + k
        shifts.sort(key=lambda s: (s["agent"], s["start"], s["need"], s["end"]))
        return {"format": "cordon-schedule-solution/1", "shifts": shifts, "uncovered": []}

    def all_vars(self):
        out = [v for v, _ in self.z.values()] + list(self.u.values())
        return out + [v for _, v in self.uncovered_terms] + self.sex_terms + self.over_terms + self.pool_vars


STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible",
          cp_model.MODEL_INVALID: "invalid", cp_model.UNKNOWN: "unknown"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("instance")
    ap.add_argument("--seconds", type=float, default=10.0, help="CP-SAT time limit, both phases together")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT search workers (2: the machine has 2 cores)")
    ap.add_argument("--build-seconds", type=float, default=120.0,
                    help="give up (and say so) if building the model takes longer than this")
    ap.add_argument("--phase1-share", type=float, default=0.7, help="share of the time limit for phase 1")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    stats = {"solver": "cp-sat", "seconds": args.seconds, "workers": args.workers}
    started = time.monotonic()
    with open(args.instance) as f:
        instance = json.load(f)
    read_rules(instance)
    if instance.get("format") != INSTANCE_FORMAT:
        stats.update(status="bad_format",
                     detail=f"expected format {INSTANCE_FORMAT!r}, got {instance.get('format')!r}")
        print(json.dumps(stats), file=sys.stderr)
        return 2
    model = Model(instance, started + args.build_seconds)
    try:
        model.build()
    except TimeoutError as e:
        stats.update(status="not_built", detail=str(e), build_s=round(time.monotonic() - started, 2),
                     variables_so_far=len(model.m.proto.variables))
        print(json.dumps(stats), file=sys.stderr)
        return 3
    # Weekly limits are not modelled: say whether they could bind (one shift per period, so at
    # most one shift every l_max + rest slots).
    cycles = -(-model.T // (model.l_max + model.rest))
    weekly_may_bind = (cycles * model.l_max * model.g > model.wt["max_weekly_minutes"]
                       or cycles > model.wt["max_days_per_week"])
    stats["weekly_may_bind"] = weekly_may_bind
    proto = model.m.proto
    stats.update(slot_minutes=model.g, build_s=round(time.monotonic() - started, 2), classes=len(model.classes),
                 variables=len(proto.variables), constraints=len(proto.constraints))

    def solver(limit):
        s = cp_model.CpSolver()
        s.parameters.max_time_in_seconds = max(limit, 0.1)
        s.parameters.num_workers = args.workers
        s.parameters.random_seed = args.seed
        return s

    # Phase 1: uncovered weighted slots alone.
    t1 = time.monotonic()
    uncovered = model.uncovered()
    model.m.minimize(uncovered)
    s1 = solver(args.seconds * args.phase1_share)
    r1 = s1.solve(model.m)
    stats.update(phase1_status=STATUS.get(r1, str(r1)), phase1_s=round(time.monotonic() - t1, 2))
    if r1 not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        stats["status"] = "no_solution"
        print(json.dumps(stats), file=sys.stderr)
        return 4
    g = model.g
    best_u = int(round(s1.objective_value))
    stats.update(uncovered_weighted_minutes=best_u * g,
                 bound_uncovered_weighted_minutes=int(math.ceil(s1.best_objective_bound - 1e-6)) * g)
    chosen = s1
    # Phase 2: keep that coverage, then over-coverage, shifts, paid time.
    remaining = args.seconds - (time.monotonic() - t1)
    if remaining > 0.5:
        model.m.clear_hints()
        for v in model.all_vars():
            model.m.add_hint(v, s1.value(v))
        model.m.add(uncovered <= best_u)
        model.m.minimize(model.secondary())
        t2 = time.monotonic()
        s2 = solver(remaining)
        r2 = s2.solve(model.m)
        stats.update(phase2_status=STATUS.get(r2, str(r2)), phase2_s=round(time.monotonic() - t2, 2))
        if r2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = s2
            stats.update(phase2_objective=int(s2.objective_value), phase2_bound=int(s2.best_objective_bound))
    stats["status"] = "solved"
    stats["total_s"] = round(time.monotonic() - started, 2)
    json.dump(model.solution(chosen.value), sys.stdout, indent=1)
    print()
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
