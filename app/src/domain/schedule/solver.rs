//! The solver: a deterministic constructive heuristic (needs by priority, then start; the
//! previous solution kept as far as it stays feasible) followed by a local search that
//! improves the objective move by move, taking turns with a large-neighbourhood search
//! (`lns.rs`) once its moves stop covering more, until neither finds anything or the budget
//! says stop. Pure: the time limit comes in as a callback, the randomness as a seed.

use super::checker::check;
use super::construct::{fill_at, fill_need, GRID};
use super::explain::explain;
use super::instance::Instance;
use super::lns::{Interleave, Lns};
use super::moves::{complete, fill_idle, improve_shift};
use super::solution::{Shift, Solution};
use super::state::{join_touching, splitmix, Context, Entry, State, Value};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::TimeWindow;

/// Asked before every step of the search with the number of steps done so far; the search
/// stops and returns its best solution as soon as it answers `false`.
pub type Budget<'b> = &'b mut dyn FnMut(u64) -> bool;

/// A budget of at most `steps` steps (deterministic, unlike a deadline).
pub fn steps(steps: u64) -> impl FnMut(u64) -> bool {
    move |done| done < steps
}

/// How many restarts in a row may fail to improve on the best plan before the search stops.
const FRUITLESS_RESTARTS: u32 = 8;

/// Proposes shifts for every need of `instance`; every shift it returns breaks no hard rule.
///
/// One run builds a plan and improves it until a whole pass of the local search finds
/// nothing; the search then restarts with other tie-breaks drawn from `seed` (which agent
/// goes first among equals decides which local optimum a run ends in) and keeps the best
/// plan, until [`FRUITLESS_RESTARTS`] restarts in a row found nothing better or the budget
/// says stop. Steps are counted across runs, so a step budget gives the same plan every time.
pub fn solve(instance: &Instance, seed: u64, budget: Budget) -> Solution {
    let first = Context::new(instance, seed);
    let mut order: Vec<usize> = (0..instance.needs.len()).collect();
    order.sort_by_key(|&n| {
        let need = &instance.needs[n];
        (need.priority, need.window.start(), need.id.as_str())
    });
    let mut step = 0u64;
    let mut lns = Lns::new(&order, seed);
    let (mut best_value, mut best) = run(&first, &order, &mut lns, budget, &mut step);
    let mut fruitless = 0;
    let mut restart = 0u64;
    while fruitless < FRUITLESS_RESTARTS && budget(step) {
        restart += 1;
        let ctx = first.reseeded(splitmix(seed ^ splitmix(restart ^ 0x5EED)));
        let (value, solution) = run(&ctx, &order, &mut lns, budget, &mut step);
        if value < best_value {
            (best_value, best) = (value, solution);
            fruitless = 0;
        } else {
            fruitless += 1;
        }
    }
    let proposed = with_gaps(&first, best);
    match &instance.previous {
        Some(previous) if !previous.shifts.is_empty() => {
            let before = check(instance, previous);
            let kept = Solution::new(previous.shifts.clone(), Vec::new());
            if before.is_feasible() && before.score <= check(instance, &proposed).score {
                return with_gaps(&first, kept);
            }
            proposed
        }
        _ => proposed,
    }
}

/// One run: the previous solution kept where it fits, the needs filled two ways — need after
/// need in `order`, and in time order quarter-hour by quarter-hour — the better kept, then
/// the local search; the objective reached and the shifts (without the gaps).
fn run(ctx: &Context, order: &[usize], lns: &mut Lns, budget: Budget, step: &mut u64) -> (Value, Solution) {
    let mut state = State::new(ctx);
    keep_previous(&mut state);
    // The constructions count one step per need or quarter-hour, so that a deadline also
    // bounds them: what they do not reach stays uncovered, the solution stays valid.
    for &n in order {
        if !budget(*step) {
            break;
        }
        *step += 1;
        fill_need(&mut state, n);
        state.commit();
    }
    let swept = sweep(ctx, order, budget, step);
    if swept.value() < state.value() {
        state = swept;
    }
    improve(&mut state, order, lns, budget, step);
    (state.value(), shifts_of(&state))
}

/// The chronological construction: at each quarter-hour of the event, each need short then,
/// most important first (`order`), takes the agents it can.
fn sweep<'c, 'a>(ctx: &'c Context<'a>, order: &[usize], budget: Budget, step: &mut u64) -> State<'c, 'a> {
    let mut state = State::new(ctx);
    keep_previous(&mut state);
    let needs = &ctx.instance.needs;
    let (Some(first), Some(last)) =
        (needs.iter().map(|n| n.window.start()).min(), needs.iter().map(|n| n.window.end()).max())
    else {
        return state;
    };
    let mut t = crate::domain::time::Instant(first.0.div_euclid(GRID.0) * GRID.0);
    while t < last {
        if !budget(*step) {
            break;
        }
        *step += 1;
        let slot = TimeWindow::new(t, t.plus(GRID)).ok();
        for &n in order {
            if slot.is_some_and(|s| needs[n].window.overlaps(&s)) && state.need_cost[n].0 > 0 {
                fill_at(&mut state, n, t.max(needs[n].window.start()));
            }
        }
        state.commit();
        t = t.plus(GRID);
    }
    state
}

/// Starts from the previous solution's shifts, agent by agent, where they still fit, then
/// lets go of those that only over-cover (a need asking for fewer agents than before).
fn keep_previous(state: &mut State) {
    for a in 0..state.ctx.previous.len() {
        let entries = state.ctx.previous[a].clone();
        if entries.is_empty() {
            continue;
        }
        if !state.try_set(a, entries.clone()) {
            for entry in entries {
                state.try_add(a, entry);
            }
        }
    }
    for a in 0..state.ctx.previous.len() {
        for entry in state.by_agent[a].clone() {
            let (breach, _, under, over, ..) = state.value();
            let rest: Vec<Entry> = state.by_agent[a].iter().copied().filter(|e| *e != entry).collect();
            if !state.fits(a, &rest) {
                continue;
            }
            let mark = state.mark();
            state.set_agent(a, rest);
            let (breach_now, _, under_now, over_now, ..) = state.value();
            if !(breach_now <= breach && under_now <= under && over_now < over) {
                state.undo_to(mark);
            }
        }
    }
    state.commit();
}

/// Local search: passes over the needs still missing someone (fill them from idle time, fill
/// them again, offer them to every free agent, or free an agent for them), then over every
/// shift (drop it, trim it, move it, hand it to another agent); a move is kept only if it
/// makes the objective strictly better. Once these moves stop covering more, the
/// large-neighbourhood search ([`Lns`]) takes turns with them ([`Interleave`]), and runs on
/// alone when a whole pass finds nothing, until it stalls too.
fn improve(state: &mut State, order: &[usize], lns: &mut Lns, budget: Budget, step: &mut u64) {
    let mut turns = Interleave::new(lns, state, *step);
    loop {
        let mut improved = false;
        // Coverage first: the needs still missing someone, then every shift.
        for &n in order {
            if !budget(*step) {
                return;
            }
            *step += 1;
            if state.need_cost[n].0 > 0 {
                improved |= fill_idle(state, n) || refill(state, n);
                // One more shift at a time, while any fits (each one its own step).
                while state.need_cost[n].0 > 0 && budget(*step) && complete(state, n) {
                    *step += 1;
                    improved = true;
                    state.commit();
                }
                if state.need_cost[n].0 > 0 {
                    improved |= eject(state, n);
                }
            }
            state.commit();
            improved |= turns.after_item(state, budget, step);
        }
        turns.arm(state, *step);
        let shifts: Vec<(usize, Entry)> =
            state.by_agent.iter().enumerate().flat_map(|(a, es)| es.iter().map(move |e| (a, *e))).collect();
        for (a, entry) in shifts {
            if !budget(*step) {
                return;
            }
            *step += 1;
            improved |= improve_shift(state, a, entry);
            state.commit();
            improved |= turns.after_item(state, budget, step);
        }
        if !improved && !turns.alone(state, budget, step) {
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

/// The shifts the state stands for; one agent's touching pieces on one need are one shift,
/// unless one of them is a shift of the published release (which stays as it was told).
pub(super) fn shifts_of(state: &State) -> Solution {
    let instance = state.ctx.instance;
    let mut shifts: Vec<Shift> = Vec::new();
    for (a, entries) in state.by_agent.iter().enumerate() {
        let joined = join_touching(entries, |e| state.ctx.previous[a].binary_search(e).is_err());
        shifts.extend(joined.into_iter().map(|e| Shift {
            agent: instance.agents[a].id.clone(),
            need: instance.needs[e.need].id.clone(),
            start: e.window.start(),
            end: e.window.end(),
        }));
    }
    Solution::new(shifts, Vec::new())
}

/// The solution with its uncovered parts, each with its established reason.
fn with_gaps(ctx: &Context, solution: Solution) -> Solution {
    let gaps = explain(ctx.instance, &solution.shifts);
    Solution::new(solution.shifts, gaps)
}
