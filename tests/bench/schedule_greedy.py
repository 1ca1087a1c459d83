#!/usr/bin/env python3
"""A plain coverage-first greedy shift scheduler, the baseline of Cordon's scheduler benchmark.

Reads a `cordon-schedule-instance/2` JSON, writes a `cordon-schedule-solution/1` JSON (shifts
sorted by agent then start, `uncovered` left empty) that `cordon schedule check` judges, and
prints one line of JSON on standard error with the wall time. Standard library only.

    python3 tests/bench/schedule_greedy.py INSTANCE.json > solution.json

The algorithm, as a practitioner would write it (no search, no backtracking):

* Sweep a 15-minute grid from the earliest need start to the latest need end. At each
  quarter, take the needs open then and short (fewer agents than their headcount, or fewer
  women or men than their minimums), most important first (priority 1 first), then the
  earliest end.
* For each short need, repeatedly give one free agent a shift on it: an agent who may hold it
  (qualification; for a pat-down need its legal basis and the `pat_down_sexes` rule; a private
  agent only where `private_allowed` and with a CNAPS card valid to the shift's end), of a sex
  whose coming lessens what the need misses (the sex it is short of first), the least paid so
  far first.
* The shift starts at the quarter (or the need's start) and lasts the need's remaining short
  stretch, clamped to the minimum and maximum shift and to the agent's availability window
  (slid back to reach the minimum when idle time is allowed; clipped to the need's window,
  and dropped if then too short, when it is not).
* Working time, conservatively: one shift per working period (each new shift starts at least
  the minimum rest after the agent's previous one, so there are no split shifts), of at most
  the daily maximum; per calendar week of the event's zone (from Monday, a shift counting on
  the day it starts) at most the weekly maximum and the days allowed; at most the work allowed
  between two long rests.
"""

import json
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MINUTE = 60_000
QUARTER = 15 * MINUTE
INSTANCE_FORMAT = "cordon-schedule-instance/2"
WORKING_TIME = {
    "max_shift_minutes": 720, "max_daily_minutes": 720, "min_rest_minutes": 720,
    "max_weekly_minutes": 2880, "max_days_per_week": 6, "min_shift_minutes": 240,
    "max_work_between_long_rests_minutes": 2880, "long_rest_minutes": 1440,
}


def admits_sex(need, sex, rule):
    """Whether an agent of `sex` may ever hold `need` (only an exclusive rule keeps a sex off)."""
    women, men = need.get("min_women", 0) > 0, need.get("min_men", 0) > 0
    if rule != "exclusive" or need.get("qualification") != "palpation" or women == men:
        return True
    return women if sex == "femme" else men


def may_hold(agent, need, rule):
    q = need.get("qualification")
    if q is not None and q not in agent["qualifications"]:
        return False
    if agent["employer"] == "private" and (not need["private_allowed"] or agent.get("card_expires") is None):
        return False
    if q == "palpation" and (not need["pat_downs_allowed"] or not admits_sex(need, agent["sex"], rule)):
        return False
    return True


class Greedy:
    def __init__(self, inst):
        self.inst = inst
        wt = dict(WORKING_TIME)
        wt.update(inst.get("working_time") or {})
        rules = inst.get("rules") or {}
        idle = rules.get("idle_time") or {}
        split = rules.get("split_shifts") or {}
        self.sex_rule = rules.get("pat_down_sexes", "minimums")
        self.idle_allowed = idle.get("allowed", True)
        self.min_shift = wt["min_shift_minutes"] * MINUTE
        self.max_len = min(wt["max_shift_minutes"], wt["max_daily_minutes"]) * MINUTE
        rest = wt["min_rest_minutes"]
        if split.get("allowed", True):
            rest = max(rest, split.get("min_gap_minutes", 0))
        self.gap = rest * MINUTE
        self.max_weekly = wt["max_weekly_minutes"] * MINUTE
        self.max_days = wt["max_days_per_week"]
        self.long_rest = wt["long_rest_minutes"] * MINUTE
        self.max_between = wt["max_work_between_long_rests_minutes"] * MINUTE
        self.tz = ZoneInfo(inst["event"]["time_zone"])
        self.needs = inst["needs"]
        self.agents = inst["agents"]
        # each agent's windows of work: availability, cut at the CNAPS card's end for a private agent
        self.windows = []
        for a in self.agents:
            card = a.get("card_expires") if a["employer"] == "private" else None
            ws = []
            for w in a["availability"]:
                end = w["end"] if card is None else min(w["end"], card)
                if end > w["start"]:
                    ws.append((w["start"], end))
            self.windows.append(sorted(ws))
        self.eligible = [[i for i, a in enumerate(self.agents) if may_hold(a, n, self.sex_rule)] for n in self.needs]
        self.on_need = [[] for _ in self.needs]  # per need: (start, end, sex)
        self.shifts = [[] for _ in self.agents]  # per agent: (start, end, need index), in time order
        self.paid = [0] * len(self.agents)
        self.week_work = [dict() for _ in self.agents]  # monday -> ms
        self.week_days = [dict() for _ in self.agents]  # monday -> set of days
        self.stretch_work = [0] * len(self.agents)  # work since the last long rest

    def local_day(self, ms):
        d = datetime.fromtimestamp(ms / 1000, timezone.utc).astimezone(self.tz).date()
        return d, d - timedelta(days=d.weekday())

    def missing(self, n, p):
        """How many agents need `n` misses at instant `p`, and its women and men then."""
        need = self.needs[n]
        on = [sex for s, e, sex in self.on_need[n] if s <= p < e]
        women = on.count("femme")
        men = len(on) - women
        return self.shortfall(need, len(on), women, men), women, men

    @staticmethod
    def shortfall(need, count, women, men):
        sexes = max(0, need.get("min_women", 0) - women) + max(0, need.get("min_men", 0) - men)
        return max(need["min_headcount"] - count, sexes)

    def stretch_end(self, n, p, t):
        """The end of the need's short stretch from `p` (grid points after quarter `t`)."""
        end = self.needs[n]["window"]["end"]
        q = t + QUARTER
        while q < end and self.missing(n, q)[0] > 0:
            q += QUARTER
        return min(q, end)

    def fits(self, a, s, e):
        """Whether the agent may work [s, e) after its shifts so far (all earlier)."""
        length = e - s
        if length <= 0 or length < self.min_shift or length > self.max_len:
            return False
        if not any(w0 <= s and e <= w1 for w0, w1 in self.windows[a]):
            return False
        between = length
        if self.shifts[a]:
            last = self.shifts[a][-1][1]
            if s <= last or s < last + self.gap:
                return False
            if s - last < self.long_rest:
                between += self.stretch_work[a]
        if between > self.max_between:
            return False
        day, monday = self.local_day(s)
        if self.week_work[a].get(monday, 0) + length > self.max_weekly:
            return False
        days = self.week_days[a].get(monday, set())
        return day in days or len(days) < self.max_days

    def women_there(self, n, s, e):
        """Under "men once women there": at least min_women women on the need all along [s, e)."""
        need = self.needs[n]
        w = need.get("min_women", 0)
        if self.sex_rule != "men_once_women_there" or need.get("qualification") != "palpation" or w == 0:
            return True
        s, e = max(s, need["window"]["start"]), min(e, need["window"]["end"])
        points = {s} | {x for ws, we, sex in self.on_need[n] if sex == "femme" for x in (ws, we) if s < x < e}
        return all(sum(1 for ws, we, sex in self.on_need[n] if sex == "femme" and ws <= x < we) >= w for x in points)

    def shift_for(self, a, n, p, stretch_end):
        need = self.needs[n]
        win = next(((w0, w1) for w0, w1 in self.windows[a] if w0 <= p < w1), None)
        if win is None:
            return None
        s = p
        e = s + min(max(stretch_end - s, self.min_shift), self.max_len)
        if not self.idle_allowed:
            e = min(e, need["window"]["end"])
        e = min(e, win[1])
        if e - s < self.min_shift and self.idle_allowed:
            s = max(win[0], e - self.min_shift)  # slide back to reach the minimum
        if not self.fits(a, s, e):
            return None
        if self.agents[a]["sex"] == "homme" and not self.women_there(n, s, e):
            return None
        return s, e

    def place(self, a, n, s, e):
        self.shifts[a].append((s, e, n))
        self.on_need[n].append((s, e, self.agents[a]["sex"]))
        prev = self.shifts[a][-2][1] if len(self.shifts[a]) > 1 else None
        if prev is not None and s - prev < self.long_rest:
            self.stretch_work[a] += e - s
        else:
            self.stretch_work[a] = e - s
        self.paid[a] += e - s
        day, monday = self.local_day(s)
        self.week_work[a][monday] = self.week_work[a].get(monday, 0) + e - s
        self.week_days[a].setdefault(monday, set()).add(day)

    def fill(self, n, t):
        need = self.needs[n]
        p = max(t, need["window"]["start"])
        while True:
            miss, women, men = self.missing(n, p)
            if miss == 0:
                return
            count = sum(1 for s, e, _ in self.on_need[n] if s <= p < e)
            useful = [sex for sex in ("femme", "homme")
                      if self.shortfall(need, count + 1, women + (sex == "femme"), men + (sex == "homme")) < miss]
            if need.get("min_women", 0) > women:
                useful.sort(key=lambda sex: sex != "femme")
            elif need.get("min_men", 0) > men:
                useful.sort(key=lambda sex: sex != "homme")
            end = self.stretch_end(n, p, t)
            placed = False
            for sex in useful:
                best = None
                for a in self.eligible[n]:
                    if self.agents[a]["sex"] != sex:
                        continue
                    if best is not None and self.paid[a] >= self.paid[best[0]]:
                        continue
                    if self.shifts[a] and self.shifts[a][-1][1] + self.gap > p:
                        continue  # busy or resting (a slide back cannot help)
                    se = self.shift_for(a, n, p, end)
                    if se is not None:
                        best = (a, se)
                if best is not None:
                    self.place(best[0], n, *best[1])
                    placed = True
                    break
            if not placed:
                return

    def solve(self):
        if not self.needs:
            return []
        first = min(n["window"]["start"] for n in self.needs)
        last = max(n["window"]["end"] for n in self.needs)
        order = sorted(range(len(self.needs)),
                       key=lambda n: (self.needs[n]["priority"], self.needs[n]["window"]["end"], n))
        t = first
        while t < last:
            for n in order:
                w = self.needs[n]["window"]
                if w["start"] < t + QUARTER and t < w["end"]:
                    self.fill(n, t)
            t += QUARTER
        out = []
        for a, shifts in enumerate(self.shifts):
            for s, e, n in shifts:
                out.append({"agent": self.agents[a]["id"], "need": self.needs[n]["id"], "start": s, "end": e})
        out.sort(key=lambda x: (x["agent"], x["start"]))
        return out


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} INSTANCE.json > SOLUTION.json", file=sys.stderr)
        return 2
    started = time.monotonic()
    with open(sys.argv[1]) as f:
        inst = json.load(f)
    if inst.get("format") != INSTANCE_FORMAT:
        print(f"expected format {INSTANCE_FORMAT!r}, got {inst.get('format')!r}", file=sys.stderr)
        return 2
    shifts = Greedy(inst).solve()
    json.dump({"format": "cordon-schedule-solution/1", "shifts": shifts, "uncovered": []}, sys.stdout, indent=1)
    print()
    wall = time.monotonic() - started
    print(json.dumps({"solver": "greedy", "shifts": len(shifts), "wall_s": round(wall, 3)}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
