//! The solver: a deterministic constructive heuristic (needs by priority, then start; the
//! previous solution kept as far as it stays feasible) followed by a local search that
//! improves the objective move by move until a whole pass finds nothing or the budget says
//! stop. Pure: the time limit comes in as a callback, the randomness as a seed.

use std::collections::BTreeMap;

use super::checker::check;
use super::construct::fill_need;
use super::diagnose::uncovered;
use super::instance::Instance;
use super::moves::improve_shift;
use super::solution::{Shift, Solution};
use super::state::{Context, Entry, State};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::TimeWindow;

/// Asked before every step of the search with the number of steps done so far; the search
/// stops and returns its best solution as soon as it answers `false`.
pub type Budget<'b> = &'b mut dyn FnMut(u64) -> bool;

/// A budget of at most `steps` steps (deterministic, unlike a deadline).
pub fn steps(steps: u64) -> impl FnMut(u64) -> bool {
    move |done| done < steps
}

/// Proposes shifts for every need of `instance`; every shift it returns breaks no hard rule.
pub fn solve(instance: &Instance, seed: u64, budget: Budget) -> Solution {
    let ctx = Context::new(instance, seed);
    let mut state = State::new(&ctx);
    keep_previous(&mut state);
    let mut order: Vec<usize> = (0..instance.needs.len()).collect();
    order.sort_by_key(|&n| {
        let need = &instance.needs[n];
        (need.priority, need.window.start(), need.id.as_str())
    });
    // The construction counts one step per need, so that a deadline also bounds it: the needs
    // not reached stay uncovered, the solution stays valid.
    let mut step = 0u64;
    for &n in &order {
        if !budget(step) {
            break;
        }
        step += 1;
        fill_need(&mut state, n);
        state.commit();
    }
    improve(&mut state, &order, budget, step);
    let proposed = finish(&state);
    match &instance.previous {
        Some(previous) if !previous.shifts.is_empty() => {
            let before = check(instance, previous);
            let kept = Solution::new(previous.shifts.clone(), Vec::new());
            if before.is_feasible() && before.score <= check(instance, &proposed).score {
                return with_gaps(&state, kept);
            }
            proposed
        }
        _ => proposed,
    }
}

/// Starts from the previous solution's shifts, agent by agent, where they still fit.
fn keep_previous(state: &mut State) {
    let instance = state.ctx.instance;
    let Some(previous) = &instance.previous else { return };
    let agents: BTreeMap<&str, usize> = instance.agents.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let needs: BTreeMap<&str, usize> = instance.needs.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let mut by_agent: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
    for shift in &previous.shifts {
        let (Some(&a), Some(&n), Ok(window)) =
            (agents.get(shift.agent.as_str()), needs.get(shift.need.as_str()), TimeWindow::new(shift.start, shift.end))
        else {
            continue;
        };
        if state.ctx.eligible[n].contains(&a) {
            by_agent.entry(a).or_default().push(Entry { window, need: n });
        }
    }
    for (a, mut entries) in by_agent {
        entries.sort();
        if state.fits(a, &entries) {
            state.set_agent(a, entries);
        } else {
            for entry in entries {
                state.try_add(a, entry);
            }
        }
    }
}

/// Local search: passes over every shift trying to drop it, trim it, or hand it to another
/// agent, then to fill the needs still missing someone; a move is kept only if it makes the
/// objective strictly better.
fn improve(state: &mut State, order: &[usize], budget: Budget, mut step: u64) {
    loop {
        let mut improved = false;
        let shifts: Vec<(usize, Entry)> =
            state.by_agent.iter().enumerate().flat_map(|(a, es)| es.iter().map(move |e| (a, *e))).collect();
        for (a, entry) in shifts {
            if !budget(step) {
                return;
            }
            step += 1;
            improved |= improve_shift(state, a, entry);
            state.commit();
        }
        for &n in order {
            if !budget(step) {
                return;
            }
            step += 1;
            if state.need_cost[n].0 > 0 {
                improved |= refill(state, n) || eject(state, n);
            }
            state.commit();
        }
        if !improved {
            return;
        }
    }
}

/// Fills need `n` again (other moves may have freed agents); kept only if better.
fn refill(state: &mut State, n: usize) -> bool {
    let (before, mark) = (state.value(), state.mark());
    if fill_need(state, n) && state.value() < before {
        return true;
    }
    state.undo_to(mark);
    false
}

/// Takes an agent who could hold need `n` off the working shifts in the way, fills `n`, then fills
/// the needs those shifts served with whoever is left; kept only if better.
fn eject(state: &mut State, n: usize) -> bool {
    let window = state.ctx.instance.needs[n].window;
    let before = state.value();
    let mut candidates: Vec<usize> = state.ctx.eligible[n].clone();
    candidates.sort_by_key(|&a| (state.ctx.tiebreak[a], a));
    candidates.truncate(8);
    for a in candidates {
        let windows: Vec<TimeWindow> = state.by_agent[a].iter().map(|e| e.window).collect();
        let in_the_way: Vec<TimeWindow> = merge_shifts(&windows).into_iter().filter(|w| w.overlaps(&window)).collect();
        let (ejected, kept): (Vec<Entry>, Vec<Entry>) =
            state.by_agent[a].iter().partition(|e| in_the_way.iter().any(|w| w.contains_window(&e.window)));
        if ejected.is_empty() || !state.fits(a, &kept) {
            continue;
        }
        let mark = state.mark();
        state.set_agent(a, kept);
        fill_need(state, n);
        for e in &ejected {
            fill_need(state, e.need);
        }
        if state.value() < before {
            return true;
        }
        state.undo_to(mark);
    }
    false
}

/// The solution the state stands for.
fn finish(state: &State) -> Solution {
    let instance = state.ctx.instance;
    let shifts = state
        .by_agent
        .iter()
        .enumerate()
        .flat_map(|(a, entries)| {
            entries.iter().map(move |e| Shift {
                agent: instance.agents[a].id.clone(),
                need: instance.needs[e.need].id.clone(),
                start: e.window.start(),
                end: e.window.end(),
            })
        })
        .collect();
    with_gaps(state, Solution::new(shifts, Vec::new()))
}

/// The solution with its uncovered parts, each with its reason.
fn with_gaps(state: &State, solution: Solution) -> Solution {
    let gaps = uncovered(state.ctx, &solution);
    Solution::new(solution.shifts, gaps)
}
