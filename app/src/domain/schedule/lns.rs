//! Large-neighbourhood search: once the local search has stalled, the solver takes one part of
//! the plan apart and builds it again. The part is drawn around a need still missing someone
//! (or, when none does, around any shift): the shifts worked in a time window around it, the
//! shifts on its zone's needs around it, or a day of a few agents able to hold it. The short
//! need is filled first, then the needs that lost shifts, with the construction; the new plan
//! is kept when it is not worse on the objective (lexicographic: a hard rule is never broken,
//! the state holds none), otherwise undone. Which kind of part is drawn adapts to which kind
//! has lately paid. Pure and deterministic: a seed, a step budget.

use super::construct::fill_need;
use super::moves::{complete, fill_idle};
use super::solver::Budget;
use super::state::{splitmix, Entry, State};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::TimeWindow;
use crate::domain::time::{Instant, Span};

/// The kinds of neighbourhood: a time window, a zone around a time, a few agents' day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Window,
    Zone,
    Agents,
}

const KINDS: [Kind; 3] = [Kind::Window, Kind::Zone, Kind::Agents];

/// At most this many agents lose their shifts in one neighbourhood: enough to free room
/// around a gap, few enough that one repair costs a small part of a second on a city.
const MAX_AGENTS: usize = 24;

/// The search's own state between iterations: its random stream, how much each kind of
/// neighbourhood has paid lately, and how often each need was the focus of a fruitless one.
pub(super) struct Lns {
    rng: u64,
    /// Per kind, a running average of its rewards: it decides how often the kind is drawn.
    weights: [f64; 3],
    /// Per need, how many neighbourhoods around it found nothing: the least tried come first.
    fruitless: Vec<u32>,
    /// Per need, its place in the order the needs are filled (most important first).
    rank: Vec<usize>,
}

/// What one iteration did to the objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Better,
    Equal,
    Worse,
}

impl Lns {
    /// A search for needs filled in `order`, its draws from `seed`.
    pub fn new(order: &[usize], seed: u64) -> Self {
        let mut rank = vec![0; order.len()];
        order.iter().enumerate().for_each(|(i, &n)| rank[n] = i);
        Lns { rng: splitmix(seed ^ 0x1A5), weights: [1.0; 3], fruitless: vec![0; order.len()], rank }
    }

    fn next(&mut self) -> u64 {
        self.rng = splitmix(self.rng);
        self.rng
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Improves `state` by destroying and repairing neighbourhoods until `stall` of them in a
    /// row made it no better, or the budget says stop; each repaired need counts one step.
    /// The state only ever moves to plans not worse than the one it holds: it ends at least as
    /// good as it began. Returns whether it became strictly better.
    pub fn search(&mut self, state: &mut State, budget: Budget, step: &mut u64, stall: u64) -> bool {
        let start = state.value();
        let mut since_better = 0u64;
        while since_better < stall && budget(*step) {
            *step += 1;
            match self.iterate(state, budget, step) {
                Outcome::Better => since_better = 0,
                _ => since_better += 1,
            }
        }
        state.value() < start
    }

    /// One neighbourhood destroyed and repaired; kept when not worse.
    fn iterate(&mut self, state: &mut State, budget: Budget, step: &mut u64) -> Outcome {
        let Some((n, t)) = self.focus(state) else { return Outcome::Worse };
        let kind = self.kind();
        let before = state.value();
        let mark = state.mark();
        let mut needs = self.destroy(state, kind, n, t);
        needs.retain(|&m| m != n);
        needs.sort_by_key(|&m| self.rank[m]);
        needs.dedup();
        needs.insert(0, n);
        for &m in &needs {
            if !budget(*step) {
                break;
            }
            *step += 1;
            fill_need(state, m);
        }
        for &m in &needs {
            if state.need_cost[m].0 > 0 {
                fill_idle(state, m);
                while state.need_cost[m].0 > 0 && complete(state, m) {}
            }
        }
        let after = state.value();
        let outcome = match after.cmp(&before) {
            std::cmp::Ordering::Less => Outcome::Better,
            std::cmp::Ordering::Equal => Outcome::Equal,
            std::cmp::Ordering::Greater => Outcome::Worse,
        };
        if outcome == Outcome::Worse {
            state.undo_to(mark);
            self.fruitless[n] = self.fruitless[n].saturating_add(1);
        }
        state.commit();
        self.reward(kind, outcome);
        outcome
    }

    /// Puts `items` in an order drawn at random (Fisher–Yates).
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// The kind of neighbourhood to try, drawn in proportion to what each paid lately.
    fn kind(&mut self) -> Kind {
        let total: f64 = self.weights.iter().sum();
        let mut x = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        for (i, w) in self.weights.iter().enumerate() {
            if x < *w {
                return KINDS[i];
            }
            x -= w;
        }
        Kind::Agents
    }

    fn reward(&mut self, kind: Kind, outcome: Outcome) {
        let reward = match outcome {
            Outcome::Better => 4.0,
            Outcome::Equal => 0.5,
            Outcome::Worse => 0.0,
        };
        let i = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        // Never below a floor: a kind that paid nothing lately still gets drawn now and then.
        self.weights[i] = (0.9 * self.weights[i] + 0.1 * reward).max(0.1);
    }

    /// The need and the moment a neighbourhood is drawn around: of three needs missing someone
    /// drawn at random, the one least often tried in vain, at the start of one of its gaps;
    /// when no need misses anyone, one shift drawn at random (to save shifts and pay).
    fn focus(&mut self, state: &State) -> Option<(usize, Instant)> {
        let short: Vec<usize> = (0..state.need_cost.len()).filter(|&m| state.need_cost[m].0 > 0).collect();
        if short.is_empty() || self.below(4) == 0 {
            let working: Vec<usize> = (0..state.by_agent.len()).filter(|&a| !state.by_agent[a].is_empty()).collect();
            if working.is_empty() {
                return None;
            }
            let a = working[self.below(working.len())];
            let e = state.by_agent[a][self.below(state.by_agent[a].len())];
            return Some((e.need, e.window.start()));
        }
        let mut n = short[self.below(short.len())];
        for _ in 0..2 {
            let other = short[self.below(short.len())];
            if self.fruitless[other] < self.fruitless[n] {
                n = other;
            }
        }
        let need = &state.ctx.instance.needs[n];
        let parts = super::score::gap_parts(need, &state.worked_on(n));
        if parts.is_empty() {
            return None;
        }
        let (start, ..) = parts[self.below(parts.len())];
        Some((n, start))
    }

    /// Takes the neighbourhood of kind `kind` around need `n` at `t` out of the plan; returns
    /// the needs that lost shifts.
    fn destroy(&mut self, state: &mut State, kind: Kind, n: usize, t: Instant) -> Vec<usize> {
        let hours = [2, 3, 4, 6][self.below(4)];
        let around = |h: i64| TimeWindow::new(t.minus(Span::hours(h)), t.plus(Span::hours(h))).ok();
        let (agents, window) = match kind {
            Kind::Window => {
                let Some(window) = around(hours) else { return Vec::new() };
                let mut working: Vec<usize> = working_in(state, window, |_| true);
                // Those able to hold the short need first: freeing them is what lets it be filled.
                self.shuffle(&mut working);
                working.sort_by_key(|&a| state.ctx.eligible[n].binary_search(&a).is_err());
                (working, window)
            }
            Kind::Zone => {
                let Some(window) = around(hours * 2) else { return Vec::new() };
                let zone = &state.ctx.instance.needs[n].zone;
                let needs = &state.ctx.instance.needs;
                let mut working = working_in(state, window, |e| needs[e.need].zone == *zone);
                self.shuffle(&mut working);
                (working, window)
            }
            Kind::Agents => {
                let Some(window) = around(12) else { return Vec::new() };
                let agents = &state.ctx.instance.agents;
                let mut able: Vec<usize> = state.ctx.eligible[n]
                    .iter()
                    .copied()
                    .filter(|&a| agents[a].availability.iter().any(|w| w.contains(t)))
                    .collect();
                self.shuffle(&mut able);
                let k = 2 + self.below(8);
                able.truncate(k);
                (able, window)
            }
        };
        let mut lost = Vec::new();
        for a in agents.into_iter().take(MAX_AGENTS) {
            lost.extend(clear(state, a, window));
        }
        lost
    }
}

/// The agents with a shift overlapping `window` on a need `keep` accepts.
fn working_in(state: &State, window: TimeWindow, keep: impl Fn(&Entry) -> bool) -> Vec<usize> {
    (0..state.by_agent.len())
        .filter(|&a| state.by_agent[a].iter().any(|e| e.window.overlaps(&window) && keep(e)))
        .collect()
}

/// Removes agent `a`'s working shifts that overlap `window` (whole working shifts, so that
/// what stays keeps to the rules; if it would not, nothing is removed); returns the needs
/// they served.
fn clear(state: &mut State, a: usize, window: TimeWindow) -> Vec<usize> {
    let entries = &state.by_agent[a];
    let windows: Vec<TimeWindow> = entries.iter().map(|e| e.window).collect();
    let periods: Vec<TimeWindow> = merge_shifts(&windows).into_iter().filter(|w| w.overlaps(&window)).collect();
    let (gone, kept): (Vec<Entry>, Vec<Entry>) =
        entries.iter().partition(|e| periods.iter().any(|p| p.contains_window(&e.window)));
    if gone.is_empty() || !state.fits(a, &kept) {
        return Vec::new();
    }
    state.set_agent(a, kept);
    gone.into_iter().map(|e| e.need).collect()
}

/// How many items (needs or shifts) the local search handles between two looks at whether it
/// still covers more.
const CHUNK: u32 = 32;

/// The local search and the large-neighbourhood search taking turns: once the local search
/// has passed over the needs, after each chunk of its items (needs or shifts) that covered
/// nothing more, the large-neighbourhood search gets as many steps as that chunk took. While
/// the local search still covers more it runs alone; where one of its passes over the shifts
/// lasts longer than the time limit (a city of 3,000 agents), the large-neighbourhood search
/// still gets about half of the time.
pub(super) struct Interleave<'l> {
    lns: &'l mut Lns,
    /// Whether the turns have begun: not before the local search's first pass over the needs,
    /// which covers the most (a chunk of needs already covered says nothing of the rest).
    armed: bool,
    items: u32,
    chunk_start: u64,
    coverage: (u128, u64, u128),
}

/// The part of the objective that says how well the needs are covered.
fn coverage(state: &State) -> (u128, u64, u128) {
    let v = state.value();
    (v.0, v.1, v.2)
}

impl<'l> Interleave<'l> {
    pub fn new(lns: &'l mut Lns, state: &State, step: u64) -> Self {
        Interleave { lns, armed: false, items: 0, chunk_start: step, coverage: coverage(state) }
    }

    /// Lets the turns begin (once the local search has passed over the needs).
    pub fn arm(&mut self, state: &State, step: u64) {
        if !self.armed {
            self.armed = true;
            self.items = 0;
            self.chunk_start = step;
            self.coverage = coverage(state);
        }
    }

    /// Called after each item of the local search; returns whether a turn of the
    /// large-neighbourhood search made the plan better.
    pub fn after_item(&mut self, state: &mut State, budget: Budget, step: &mut u64) -> bool {
        self.items += 1;
        if !self.armed || self.items < CHUNK {
            return false;
        }
        let mut improved = false;
        let used = *step - self.chunk_start;
        if coverage(state) == self.coverage && used > 0 {
            let limit = *step + used;
            improved = self.lns.search(state, &mut |s| s < limit && budget(s), step, u64::MAX);
        }
        self.items = 0;
        self.chunk_start = *step;
        self.coverage = coverage(state);
        improved
    }

    /// When a whole pass of the local search found nothing: the large-neighbourhood search
    /// alone, until it stalls; returns whether it made the plan better.
    /// A search that found nothing better leaves the plan as it found it (it may have drifted
    /// to an equal one): the plan the local search converged on, that no one more shift could
    /// improve.
    pub fn alone(&mut self, state: &mut State, budget: Budget, step: &mut u64) -> bool {
        let stall = (20 + state.need_cost.len() as u64).min(200);
        let converged = state.by_agent.clone();
        let improved = self.lns.search(state, budget, step, stall);
        if !improved {
            for (a, entries) in converged.into_iter().enumerate() {
                if state.by_agent[a] != entries {
                    state.set_agent(a, entries);
                }
            }
            state.commit();
        }
        self.items = 0;
        self.chunk_start = *step;
        self.coverage = coverage(state);
        improved
    }
}
