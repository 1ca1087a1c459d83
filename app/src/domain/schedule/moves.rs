//! The local search's moves on one shift: drop or trim it, put (part of) it on a neighbouring
//! need, take over a touching shift of another agent, or hand it to another agent. Each move
//! is tried on the state and kept only if the objective becomes strictly better.

use super::construct::GRID;
use super::state::{Entry, State, Value};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::TimeWindow;

/// Tries the moves on one shift of agent `a`; keeps the first that improves.
pub(super) fn improve_shift(state: &mut State, a: usize, entry: Entry) -> bool {
    let Some(at) = state.by_agent[a].iter().position(|e| *e == entry) else { return false };
    let before = state.value();
    let mut without = state.by_agent[a].clone();
    without.remove(at);
    shrink(state, a, entry, before)
        || retarget(state, a, entry, &without, before)
        || absorb(state, a, entry, &without, before)
        || hand_over(state, a, entry, without, before)
}

/// Agent `a` keeps the part of `entry` inside its need and takes over a touching or
/// overlapping shift of another agent, who drops it (two half-used shifts become one).
fn absorb(state: &mut State, a: usize, entry: Entry, without: &[Entry], before: Value) -> bool {
    let Some(core) = entry.window.intersection(&state.ctx.instance.needs[entry.need].window) else { return false };
    let near = |w: &TimeWindow| w.start() <= entry.window.end() && entry.window.start() <= w.end();
    let mut theirs: Vec<(usize, Entry)> = Vec::new();
    for (m, on) in state.on_need.iter().enumerate() {
        if state.ctx.eligible[m].binary_search(&a).is_ok() {
            theirs.extend(
                on.iter().filter(|(b, w)| *b != a && near(w)).map(|(b, w)| (*b, Entry { window: *w, need: m })),
            );
        }
    }
    for (b, f) in theirs {
        let mut mine = without.to_vec();
        mine.push(Entry { window: core, need: entry.need });
        mine.extend(
            TimeWindow::new(f.window.start(), core.start().min(f.window.end()))
                .ok()
                .map(|w| Entry { window: w, need: f.need }),
        );
        mine.extend(
            TimeWindow::new(core.end().max(f.window.start()), f.window.end())
                .ok()
                .map(|w| Entry { window: w, need: f.need }),
        );
        mine.sort_by_key(|e| (e.window.start(), e.window.end(), e.need));
        if !state.fits(a, &mine) {
            continue;
        }
        for rest in without_shift(state, b, f) {
            if !state.fits(b, &rest) {
                continue;
            }
            let mark = state.mark();
            state.set_agent(a, mine.clone());
            state.set_agent(b, rest);
            if state.value() < before {
                return true;
            }
            state.undo_to(mark);
        }
    }
    false
}

/// Agent `b`'s shifts without `f`, then without the whole working shift `f` is part of.
fn without_shift(state: &State, b: usize, f: Entry) -> Vec<Vec<Entry>> {
    let theirs = &state.by_agent[b];
    let windows: Vec<TimeWindow> = theirs.iter().map(|e| e.window).collect();
    let whole = merge_shifts(&windows).into_iter().find(|w| w.contains_window(&f.window));
    let single: Vec<Entry> = theirs.iter().copied().filter(|e| *e != f).collect();
    let all: Vec<Entry> =
        theirs.iter().copied().filter(|e| !whole.is_some_and(|w| w.contains_window(&e.window))).collect();
    if all.len() == single.len() {
        vec![single]
    } else {
        vec![single, all]
    }
}

/// Drops the shift or trims a quarter of an hour off one end, if the objective ends up
/// below `target`.
fn shrink(state: &mut State, a: usize, entry: Entry, target: Value) -> bool {
    let Some(at) = state.by_agent[a].iter().position(|e| *e == entry) else { return false };
    let original = state.by_agent[a].clone();
    let mut without = original.clone();
    without.remove(at);
    let (start, end) = (entry.window.start(), entry.window.end());
    let trims = [TimeWindow::new(start.plus(GRID), end), TimeWindow::new(start, end.minus(GRID))];
    let mut tries = vec![without];
    for window in trims.into_iter().flatten() {
        let mut trimmed = original.clone();
        trimmed[at] = Entry { window, need: entry.need };
        tries.push(trimmed);
    }
    for entries in tries {
        if state.fits(a, &entries) {
            state.set_agent(a, entries);
            if state.value() < target {
                return true;
            }
            state.set_agent(a, original.clone());
        }
    }
    false
}

/// Moves the shift, or the part of it before or after another need's start or end, onto
/// that other need (padding that a need shorter than the minimum shift left idle can serve
/// a neighbouring need).
fn retarget(state: &mut State, a: usize, entry: Entry, without: &[Entry], before: Value) -> bool {
    let original = state.by_agent[a].clone();
    for m in 0..state.ctx.instance.needs.len() {
        if m == entry.need || state.ctx.eligible[m].binary_search(&a).is_err() {
            continue;
        }
        let pieces = retargets(state, entry, m);
        for piece in pieces {
            let mut entries = without.to_vec();
            entries.extend(piece.into_iter().map(|(window, need)| Entry { window, need }));
            entries.sort_by_key(|e| (e.window.start(), e.window.end(), e.need));
            if !state.fits(a, &entries) {
                continue;
            }
            state.set_agent(a, entries);
            if state.value() < before || (state.value() == before && shrink_need(state, m, a, before)) {
                return true;
            }
            state.set_agent(a, original.clone());
        }
    }
    false
}

/// The ways to put part of `entry` on need `m`: all of it, the part before or after one of
/// `m`'s ends, or (when the entry pads its need to the minimum shift) the padding slid to
/// the side of `m`.
fn retargets(state: &State, entry: Entry, m: usize) -> Vec<Vec<(TimeWindow, usize)>> {
    let other = state.ctx.instance.needs[m].window;
    let (start, end, n) = (entry.window.start(), entry.window.end(), entry.need);
    let mut pieces = Vec::new();
    if other.overlaps(&entry.window) {
        pieces.push(vec![(entry.window, m)]);
        for p in [other.start(), other.end()].into_iter().filter(|p| start < *p && *p < end) {
            let (Ok(head), Ok(tail)) = (TimeWindow::new(start, p), TimeWindow::new(p, end)) else { continue };
            pieces.push(vec![(head, n), (tail, m)]);
            pieces.push(vec![(head, m), (tail, n)]);
        }
        if start < other.start() && other.end() < end {
            let (Ok(head), Ok(tail)) = (TimeWindow::new(start, other.start()), TimeWindow::new(other.end(), end))
            else {
                return pieces;
            };
            pieces.push(vec![(head, n), (other, m), (tail, n)]);
        }
    }
    if let Some(core) = entry.window.intersection(&state.ctx.instance.needs[n].window) {
        let pad = crate::domain::time::Span(entry.window.duration().0 - core.duration().0);
        let before = TimeWindow::new(core.start().minus(pad), core.start()).ok();
        let after = TimeWindow::new(core.end(), core.end().plus(pad)).ok();
        if let Some(w) = before.filter(|w| w.overlaps(&other)) {
            pieces.push(vec![(w, m), (core, n)]);
        }
        if let Some(w) = after.filter(|w| w.overlaps(&other)) {
            pieces.push(vec![(core, n), (w, m)]);
        }
    }
    pieces
}

/// Shrinks one shift of another agent than `a` on need `m` below `target`, if one can be.
fn shrink_need(state: &mut State, m: usize, a: usize, target: Value) -> bool {
    let others: Vec<(usize, TimeWindow)> = state.on_need[m].iter().copied().filter(|(b, _)| *b != a).collect();
    others.into_iter().any(|(b, window)| shrink(state, b, Entry { window, need: m }, target))
}

/// Gives the shift to another agent if that improves the objective (fewer working shifts,
/// or fairer pay).
fn hand_over(state: &mut State, a: usize, entry: Entry, without: Vec<Entry>, before: Value) -> bool {
    let original = state.by_agent[a].clone();
    let mut others: Vec<usize> = state.ctx.eligible[entry.need].iter().copied().filter(|&b| b != a).collect();
    others.sort_by_key(|&b| (state.agent_cost[b].1, state.ctx.tiebreak[b], b));
    others.truncate(24);
    if !state.fits(a, &without) {
        return false;
    }
    for b in others {
        let theirs = state.with(b, entry);
        if !state.fits(b, &theirs) {
            continue;
        }
        let previous = state.by_agent[b].clone();
        state.set_agent(a, without.clone());
        state.set_agent(b, theirs);
        if state.value() < before {
            return true;
        }
        state.set_agent(b, previous);
        state.set_agent(a, original.clone());
    }
    false
}

/// Puts on need `n`, where it misses someone, time that agents able to hold it spend at that
/// moment on another need: first the part outside that need's window (paid idle time kept to
/// reach the minimum shift), then the whole overlap (an agent beyond another need's headcount,
/// or on a less important one). The agents' working shifts keep their windows — only what they
/// do in them changes — so no limit can break; a change is kept when the objective improves.
pub(super) fn fill_idle(state: &mut State, n: usize) -> bool {
    let window = state.ctx.instance.needs[n].window;
    let parts = super::score::gap_parts(&state.ctx.instance.needs[n], &state.worked_on(n));
    let mut improved = false;
    for (start, end, _) in parts {
        let Ok(short) = TimeWindow::new(start, end) else { continue };
        let ctx = state.ctx;
        for &a in &ctx.eligible[n] {
            let overlapping: Vec<Entry> =
                state.by_agent[a].iter().copied().filter(|e| e.need != n && e.window.overlaps(&short)).collect();
            for e in overlapping {
                let Some(o) = e.window.intersection(&short).and_then(|o| o.intersection(&window)) else { continue };
                let theirs = ctx.instance.needs[e.need].window;
                let mut pieces: Vec<TimeWindow> = Vec::new();
                pieces.extend(TimeWindow::new(o.start(), o.end().min(theirs.start())).ok());
                pieces.extend(TimeWindow::new(o.start().max(theirs.end()), o.end()).ok());
                pieces.push(o);
                for piece in pieces {
                    if move_piece(state, a, e, piece, n) {
                        improved = true;
                        break;
                    }
                }
            }
        }
    }
    improved
}

/// Agent `a`'s entry `e` with `piece` (inside it) given to need `n`; kept if better.
fn move_piece(state: &mut State, a: usize, e: Entry, piece: TimeWindow, n: usize) -> bool {
    let Some(at) = state.by_agent[a].iter().position(|x| *x == e) else { return false };
    let mut entries = state.by_agent[a].clone();
    entries.remove(at);
    entries.extend(TimeWindow::new(e.window.start(), piece.start()).ok().map(|w| Entry { window: w, need: e.need }));
    entries.push(Entry { window: piece, need: n });
    entries.extend(TimeWindow::new(piece.end(), e.window.end()).ok().map(|w| Entry { window: w, need: e.need }));
    entries.sort_by_key(|x| (x.window.start(), x.window.end(), x.need));
    if !state.fits(a, &entries) {
        return false;
    }
    let (before, mark) = (state.value(), state.mark());
    state.set_agent(a, entries);
    if state.value() < before {
        return true;
    }
    state.undo_to(mark);
    false
}

/// Offers each part of need `n` missing someone to every agent able to hold it who is
/// available and free at its first quarter-hour, through the shifts `explain` tries
/// ([`reach_windows`](super::explain::reach_windows)): so that once the search has converged,
/// no gap is left that one more shift could cover without breaking a rule.
pub(super) fn complete(state: &mut State, n: usize) -> bool {
    let ctx = state.ctx;
    let need = &ctx.instance.needs[n];
    for (start, end, _) in super::score::gap_parts(need, &state.worked_on(n)) {
        let Some(q) = super::explain::reach_of(start, end) else { continue };
        let mut candidates: Vec<usize> = ctx.eligible[n]
            .iter()
            .copied()
            .filter(|&a| ctx.instance.agents[a].availability.iter().any(|w| w.contains_window(&q)))
            .filter(|&a| state.by_agent[a].iter().all(|e| !e.window.overlaps(&q)))
            .collect();
        candidates.sort_by_key(|&a| (state.agent_cost[a].1, ctx.tiebreak[a], a));
        for a in candidates {
            let windows: Vec<TimeWindow> = state.by_agent[a].iter().map(|e| e.window).collect();
            let reach = super::explain::reach_windows(
                q,
                need,
                &merge_shifts(&windows),
                &ctx.instance.agents[a].availability,
                ctx.min_shift,
                ctx.max_shift,
            );
            for window in reach {
                if state.by_agent[a].iter().any(|e| e.window.overlaps(&window)) {
                    continue;
                }
                let before = state.value();
                if state.try_add(a, Entry { window, need: n }) {
                    if state.value() < before {
                        return true;
                    }
                    state.undo_last();
                }
            }
        }
    }
    false
}
