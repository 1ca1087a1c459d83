//! The constructive part of the solver: covers one need from its first missing minute on,
//! on a 15-minute grid, giving each piece to the feasible agent who already works just
//! before it (fewer working shifts), or else has the least paid time, or else can hold the
//! fewest needs (keeping the rare qualifications for the needs that ask for them).

use super::score::{coverage_segments, lessens};
use super::state::{join_touching, Entry, State};
use crate::domain::plan::{Sex, TimeWindow};
use crate::domain::time::{Instant, Span};

/// The grid shift boundaries are placed on.
pub(super) const GRID: Span = Span::minutes(15);

fn floor_to_grid(t: Instant) -> Instant {
    Instant(t.0.div_euclid(GRID.0) * GRID.0)
}

fn ceil_to_grid(t: Instant) -> Instant {
    Instant(-(-t.0).div_euclid(GRID.0) * GRID.0)
}

/// Adds shifts to need `n` until it misses nobody or nobody more can come; returns whether
/// anything was added.
pub(super) fn fill_need(state: &mut State, n: usize) -> bool {
    let mut cursor = state.ctx.instance.needs[n].window.start();
    let mut added = false;
    while let Some((t0, t1, sexes)) = next_gap(state, n, cursor) {
        if sexes.into_iter().any(|sex| place(state, n, t0, t1, sex)) {
            added = true;
        } else {
            cursor = t0.plus(GRID);
        }
    }
    added
}

/// Covers, at `t`, what need `n` misses then: each stretch starting by `t` goes to the best
/// feasible agent, as in [`fill_need`]; returns whether anything was added. The chronological
/// construction calls it for every need at every quarter-hour, most important first: coverage
/// first, in time order, as a plain greedy would, rather than need after need.
pub(super) fn fill_at(state: &mut State, n: usize, t: Instant) -> bool {
    let mut added = false;
    while let Some((t0, t1, sexes)) = next_gap(state, n, t) {
        if t0 > t || !sexes.into_iter().any(|sex| place(state, n, t0, t1, sex)) {
            break;
        }
        added = true;
    }
    added
}

/// The first stretch of need `n` from `cursor` on missing someone, on the grid, and whom to
/// look for at its start: `[None]` anyone; else the sexes whose coming would lessen what the
/// need misses, the one it is short of first (a pat-down post short of women still gains from
/// a man while it misses more agents than women and men together).
fn next_gap(state: &State, n: usize, cursor: Instant) -> Option<(Instant, Instant, Vec<Option<Sex>>)> {
    let need = &state.ctx.instance.needs[n];
    let worked = state.worked_on(n);
    let segments = coverage_segments(need, &worked);
    let first = segments.iter().position(|s| s.2 > 0 && s.1 > cursor)?;
    let t0 = floor_to_grid(segments[first].0.max(cursor)).max(floor_to_grid(cursor));
    let mut end = segments[first].1;
    for s in &segments[first + 1..] {
        if s.2 == 0 || s.0 != end {
            break;
        }
        end = s.1;
    }
    let on: Vec<Sex> = worked.iter().filter(|(w, _)| w.contains(t0.max(need.window.start()))).map(|x| x.1).collect();
    let (woman, man) = (lessens(need, &on, Sex::Femme), lessens(need, &on, Sex::Homme));
    let women = on.iter().filter(|s| **s == Sex::Femme).count() as u32;
    let short_of_women = need.min_women > women;
    let short_of_men = need.min_men > on.len() as u32 - women;
    let sexes = match (woman, man) {
        (true, true) if short_of_women => vec![Some(Sex::Femme), Some(Sex::Homme)],
        (true, true) if short_of_men => vec![Some(Sex::Homme), Some(Sex::Femme)],
        (true, false) => vec![Some(Sex::Femme)],
        (false, true) => vec![Some(Sex::Homme)],
        _ => vec![None],
    };
    Some((t0, ceil_to_grid(end).max(t0.plus(GRID)), sexes))
}

/// The windows tried for a gap from `t0` to `t1`, best first: as long as allowed, then
/// shorter by the hour, then stretched to the minimum shift, then short (only an agent
/// already working just before or after can take those).
fn variants(state: &State, t0: Instant, t1: Instant) -> Vec<TimeWindow> {
    let (min, max) = (state.ctx.min_shift, state.ctx.max_shift);
    let mut out = Vec::new();
    let mut end = t1.min(t0.plus(max));
    while end >= t0.plus(min) {
        out.extend(TimeWindow::new(t0, end).ok());
        end = end.minus(Span::hours(1));
    }
    if t1 < t0.plus(min) {
        out.extend(TimeWindow::new(t0, t0.plus(min)).ok());
        out.extend(TimeWindow::new(t1.minus(min), t1).ok());
    }
    out.extend(TimeWindow::new(t0, t1.min(t0.plus(max))).ok());
    out.dedup();
    out
}

/// Gives the gap (or part of it) to the best feasible agent; false if none can take it.
fn place(state: &mut State, n: usize, t0: Instant, t1: Instant, sex: Option<Sex>) -> bool {
    let agents = &state.ctx.instance.agents;
    let mut candidates: Vec<usize> = state.ctx.eligible[n]
        .iter()
        .copied()
        .filter(|&a| sex.is_none_or(|s| agents[a].sex == s))
        .filter(|&a| agents[a].availability.iter().any(|w| w.start() < t1 && t0 < w.end()))
        .collect();
    let touching = |a: usize| state.by_agent[a].iter().any(|e| e.window.end() == t0);
    candidates.sort_by_cached_key(|&a| {
        (!touching(a), state.agent_cost[a].1, state.ctx.versatility[a], state.ctx.tiebreak[a], a)
    });
    // An agent who cannot work the minimum shift from `t0` cannot work a longer one from
    // `t0` either (more work, less rest, the same start, more time outside the need): asked
    // once per candidate, lazily, it spares the longer windows' tests. Spreading decides idle
    // time piece by piece, so this shortcut only holds while idle time is allowed.
    let shortest = TimeWindow::new(t0, t0.plus(state.ctx.min_shift)).ok().filter(|_| state.ctx.rules.idle_time.allowed);
    let mut can_start: Vec<Option<bool>> = vec![None; candidates.len()];
    for window in variants(state, t0, t1) {
        let from_t0 = shortest.filter(|s| window.start() == t0 && window.contains_window(s));
        for (i, &a) in candidates.iter().enumerate() {
            if state.by_agent[a].iter().any(|e| e.window.overlaps(&window)) {
                continue;
            }
            if let Some(s) = from_t0 {
                let able =
                    *can_start[i].get_or_insert_with(|| state.fits(a, &state.with(a, Entry { window: s, need: n })));
                if !able {
                    continue;
                }
            }
            if state.try_set(a, spread(state, a, n, window)) {
                return true;
            }
        }
    }
    candidates.into_iter().any(|a| chain(state, n, a, t0, t1))
}

/// Lengthens a working shift of agent `a` that starts inside the gap (back to `t0`) or ends
/// inside it (on to `t1`), with a piece on need `n`.
fn chain(state: &mut State, n: usize, a: usize, t0: Instant, t1: Instant) -> bool {
    let mut windows = Vec::new();
    for e in &state.by_agent[a] {
        if t0 < e.window.start() && e.window.start() <= t1 {
            windows.extend(TimeWindow::new(t0, e.window.start()).ok());
        }
        if t0 <= e.window.end() && e.window.end() < t1 {
            windows.extend(TimeWindow::new(e.window.end(), t1).ok());
        }
    }
    windows.into_iter().any(|window| {
        let free = state.by_agent[a].iter().all(|e| !e.window.overlaps(&window));
        free && state.try_add(a, Entry { window, need: n })
    })
}

/// Agent `a`'s shifts with `window` taken for need `n`: the part inside `n`'s window on `n`,
/// and each part outside it on another need the agent may hold that misses someone then (the
/// most important first), so that the minutes a short need's shift runs past it serve where
/// they are wanted instead of being paid idle; what no need wants stays on `n`.
pub(super) fn spread(state: &State, a: usize, n: usize, window: TimeWindow) -> Vec<Entry> {
    let mut entries = state.by_agent[a].clone();
    let own = state.ctx.instance.needs[n].window;
    let Some(core) = window.intersection(&own) else {
        entries.push(Entry { window, need: n });
        entries.sort_by_key(|e| (e.window.start(), e.window.end(), e.need));
        return entries;
    };
    let mut pieces = vec![Entry { window: core, need: n }];
    let outside = [TimeWindow::new(window.start(), core.start()), TimeWindow::new(core.end(), window.end())];
    for part in outside.into_iter().flatten() {
        let mut cursor = part.start();
        while cursor < part.end() {
            let needs = &state.ctx.instance.needs;
            let wanted = state.ctx.holds[a]
                .iter()
                .copied()
                .filter(|&m| m != n && state.short_at(m, cursor))
                .min_by_key(|&m| (needs[m].priority, needs[m].window.end(), m));
            let (end, need) = match wanted {
                Some(m) => (part.end().min(needs[m].window.end()), m),
                None => {
                    // Idle on `n` until another need the agent may hold starts, if one does.
                    let next = state.ctx.holds[a]
                        .iter()
                        .map(|&m| needs[m].window.start())
                        .filter(|&t| cursor < t && t < part.end())
                        .min();
                    (next.unwrap_or(part.end()), n)
                }
            };
            pieces.extend(TimeWindow::new(cursor, end).ok().map(|w| Entry { window: w, need }));
            cursor = end;
        }
    }
    pieces.sort_by_key(|e| (e.window.start(), e.window.end(), e.need));
    entries.extend(join_touching(&pieces, |_| true));
    entries.sort_by_key(|e| (e.window.start(), e.window.end(), e.need));
    entries
}
