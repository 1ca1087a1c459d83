//! The solver's working state: each agent's shifts, each need's cost and each agent's paid
//! time, kept up to date as shifts are added and removed, and the feasibility test of one
//! agent's shifts (the solver never holds an infeasible state).

use std::collections::HashMap;

use chrono_tz::Tz;

use super::instance::{Employer, Instance, PatDownSexes, ScheduleAgent, ScheduleNeed, ScheduleRules};
use super::score::need_coverage;
use crate::domain::compliance::working_time::{merge_shifts, working_time};
use crate::domain::compliance::WorkingTimeLimits;
use crate::domain::plan::{Sex, TimeWindow};
use crate::domain::time::Span;

/// What does not change while solving: the instance, its limits, and for each need the
/// agents who may lawfully hold it at all.
pub(super) struct Context<'a> {
    pub instance: &'a Instance,
    pub tz: Tz,
    pub limits: WorkingTimeLimits,
    pub max_shift: Span,
    pub min_shift: Span,
    /// The instance's rules on idle time, split shifts and sexes on pat-down posts.
    pub rules: ScheduleRules,
    /// Per need, the agents with the qualification, the sex a pat-down asks for, a legal
    /// basis, and for private agents a card and (on the public road) L613-1.
    pub eligible: Vec<Vec<usize>>,
    /// Per agent, how many needs it may hold: the less versatile go first.
    pub versatility: Vec<usize>,
    /// Per agent, the needs it may hold, sorted.
    pub holds: Vec<Vec<usize>>,
    /// A per-agent number drawn from the seed, to break ties.
    pub tiebreak: Vec<u64>,
    /// Per agent, its shifts in the published release (`previous`) that name a need of this
    /// instance it may still hold, sorted: re-planning gives one up only when it no longer
    /// fits or only over-covers.
    pub previous: Vec<Vec<Entry>>,
}

impl<'a> Context<'a> {
    pub fn new(instance: &'a Instance, seed: u64) -> Self {
        let eligible: Vec<Vec<usize>> = instance
            .needs
            .iter()
            .map(|need| {
                (0..instance.agents.len())
                    .filter(|&a| lawful(&instance.agents[a], need, instance.rules.pat_down_sexes))
                    .collect()
            })
            .collect();
        let tiebreak = tiebreaks(instance.agents.len(), seed);
        let mut holds = vec![Vec::new(); instance.agents.len()];
        for (n, agents) in eligible.iter().enumerate() {
            agents.iter().for_each(|&a| holds[a].push(n));
        }
        let versatility = holds.iter().map(Vec::len).collect();
        let previous = previous_entries(instance, &eligible);
        let p = &instance.working_time;
        Context {
            instance,
            tz: instance.tz(),
            limits: p.limits(),
            max_shift: Span::minutes(i64::from(p.max_shift_minutes)),
            min_shift: Span::minutes(i64::from(p.min_shift_minutes)),
            rules: instance.rules,
            eligible,
            versatility,
            holds,
            tiebreak,
            previous,
        }
    }
}

/// The published release's shifts, per agent, as entries of this instance.
fn previous_entries(instance: &Instance, eligible: &[Vec<usize>]) -> Vec<Vec<Entry>> {
    let mut by_agent = vec![Vec::new(); instance.agents.len()];
    let Some(previous) = &instance.previous else { return by_agent };
    let agents: HashMap<&str, usize> = instance.agents.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let needs: HashMap<&str, usize> = instance.needs.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    for shift in &previous.shifts {
        let (Some(&a), Some(&n), Ok(window)) =
            (agents.get(shift.agent.as_str()), needs.get(shift.need.as_str()), TimeWindow::new(shift.start, shift.end))
        else {
            continue;
        };
        if eligible[n].binary_search(&a).is_ok() {
            by_agent[a].push(Entry { window, need: n });
        }
    }
    for entries in &mut by_agent {
        entries.sort();
        entries.dedup();
    }
    by_agent
}

impl Context<'_> {
    /// The same context with the ties broken by another seed.
    pub fn reseeded(&self, seed: u64) -> Self {
        Context {
            tiebreak: tiebreaks(self.instance.agents.len(), seed),
            eligible: self.eligible.clone(),
            versatility: self.versatility.clone(),
            holds: self.holds.clone(),
            previous: self.previous.clone(),
            ..*self
        }
    }
}

fn tiebreaks(agents: usize, seed: u64) -> Vec<u64> {
    (0..agents as u64).map(|a| splitmix(seed ^ splitmix(a))).collect()
}

/// Whether the agent may hold the need at all, whenever it is and whoever else is on it.
pub(super) fn lawful(agent: &ScheduleAgent, need: &ScheduleNeed, sexes: PatDownSexes) -> bool {
    let private = agent.employer == Employer::Private;
    need.qualification.is_none_or(|q| agent.qualifications.contains(&q))
        && (!need.is_pat_down() || need.pat_downs_allowed)
        && need.admits_sex(agent.sex, sexes)
        && (!private || need.private_allowed)
        && !(private && agent.card_expires.is_none())
}

/// SplitMix64: a small, good, portable mixing function for seeded tie-breaks.
pub(super) fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One agent on one need during a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Entry {
    pub window: TimeWindow,
    pub need: usize,
}

/// `entries` (sorted, one agent's) with each run of touching pieces on one need joined into
/// one, where `may_join` allows it for both pieces.
pub(super) fn join_touching(entries: &[Entry], may_join: impl Fn(&Entry) -> bool) -> Vec<Entry> {
    let mut joined: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries {
        match joined.last_mut() {
            Some(last)
                if last.need == e.need && last.window.end() == e.window.start() && may_join(last) && may_join(e) =>
            {
                last.window = TimeWindow::new(last.window.start(), e.window.end()).unwrap_or(last.window);
            }
            _ => joined.push(*e),
        }
    }
    joined
}

/// The objective as the solver compares it: `Score`'s order, preceded in re-planning by the
/// number of the published release's shifts given up (0 without a release): a published
/// shift stays unless it no longer fits or only over-covers (docs/schedule-format.md,
/// "Re-planning"). First of all comes the time men spend on pat-down posts the rule "men once
/// the women are there" closes to them: the state starts at 0 there and no move may raise it,
/// so that rule, which no single agent's shifts decide, stays hard.
pub(super) type Value = (u128, u64, u128, u128, u64, i64, i64);

pub(super) struct State<'c, 'a> {
    pub ctx: &'c Context<'a>,
    /// Per agent, its shifts sorted by start.
    pub by_agent: Vec<Vec<Entry>>,
    /// Per need, the agents on it and when.
    pub on_need: Vec<Vec<(usize, TimeWindow)>>,
    /// Per need, weighted missing and surplus agent-milliseconds (idle time weighed by its
    /// cost).
    pub need_cost: Vec<(u128, u128)>,
    /// Per need, agent-milliseconds on the post while the sex gate is closed.
    pub breach: Vec<u128>,
    /// Per agent, working shifts and paid milliseconds.
    pub agent_cost: Vec<(u64, i64)>,
    /// Per agent, how many of its shifts in the published release it still has.
    kept: Vec<u64>,
    /// The sums of the costs above, kept up to date: breach, under, over, shifts, paid, kept.
    totals: (u128, u128, u128, u64, i64, u64),
    /// How many working agents are paid each amount (for the spread).
    paid_of_working: std::collections::BTreeMap<i64, u32>,
    /// How many shifts the published release has.
    published: u64,
    /// While a compound move is tried, each agent's shifts before it was changed.
    journal: Vec<(usize, Vec<Entry>)>,
}

impl<'c, 'a> State<'c, 'a> {
    pub fn new(ctx: &'c Context<'a>) -> Self {
        let needs = ctx.instance.needs.len();
        let mut state = State {
            ctx,
            by_agent: vec![Vec::new(); ctx.instance.agents.len()],
            on_need: vec![Vec::new(); needs],
            need_cost: vec![(0, 0); needs],
            breach: vec![0; needs],
            agent_cost: vec![(0, 0); ctx.instance.agents.len()],
            kept: vec![0; ctx.instance.agents.len()],
            totals: (0, 0, 0, 0, 0, 0),
            paid_of_working: std::collections::BTreeMap::new(),
            published: ctx.previous.iter().map(|p| p.len() as u64).sum(),
            journal: Vec::new(),
        };
        (0..needs).for_each(|n| state.refresh_need(n));
        state
    }

    /// The objective of the current shifts (from the running totals: no pass over the plan).
    pub fn value(&self) -> Value {
        let (breach, under, over, shifts, paid, kept) = self.totals;
        let spread = match (self.paid_of_working.keys().next(), self.paid_of_working.keys().next_back()) {
            (Some(least), Some(most)) => most - least,
            _ => 0,
        };
        (breach, self.published - kept, under, over, shifts, paid, spread)
    }

    /// Whether these shifts of agent `a` break no hard rule.
    pub fn fits(&self, a: usize, entries: &[Entry]) -> bool {
        let agent = &self.ctx.instance.agents[a];
        let card_ok = |e: &Entry| agent.employer == Employer::Municipal || agent.card_expires >= Some(e.window.end());
        let available = |e: &Entry| agent.availability.iter().any(|w| w.contains_window(&e.window));
        if !entries.iter().all(|e| card_ok(e) && available(e)) {
            return false;
        }
        if entries.windows(2).any(|p| p[1].window.start() < p[0].window.end()) {
            return false;
        }
        let needs = &self.ctx.instance.needs;
        if !self.ctx.rules.idle_time.allowed && !entries.iter().all(|e| needs[e.need].window.contains_window(&e.window))
        {
            return false;
        }
        let windows: Vec<TimeWindow> = entries.iter().map(|e| e.window).collect();
        let merged = merge_shifts(&windows);
        merged.iter().all(|w| w.duration() <= self.ctx.max_shift)
            && self.ctx.rules.short_gaps(&merged, self.ctx.limits.min_rest).is_empty()
            && working_time(&windows, &self.ctx.limits, self.ctx.tz).is_empty()
    }

    /// Agent `a`'s shifts with `entry` added, sorted.
    pub fn with(&self, a: usize, entry: Entry) -> Vec<Entry> {
        let mut entries = self.by_agent[a].clone();
        let at = entries.partition_point(|e| e.window.start() < entry.window.start());
        entries.insert(at, entry);
        entries
    }

    /// Adds the entry if the agent's shifts stay feasible and nobody is let onto a pat-down
    /// post the sex rule keeps closed to them.
    pub fn try_add(&mut self, a: usize, entry: Entry) -> bool {
        self.try_set(a, self.with(a, entry))
    }

    /// Replaces agent `a`'s shifts by `entries` if they stay feasible and let nobody onto a
    /// pat-down post the sex rule keeps closed to them.
    pub fn try_set(&mut self, a: usize, entries: Vec<Entry>) -> bool {
        if !self.fits(a, &entries) {
            return false;
        }
        let touched: Vec<usize> = entries.iter().map(|e| e.need).collect();
        let breach: u128 = touched.iter().map(|&n| self.breach[n]).sum();
        self.set_agent(a, entries);
        if touched.iter().map(|&n| self.breach[n]).sum::<u128>() > breach {
            self.undo_last();
            return false;
        }
        true
    }

    /// The windows worked on need `n`, clipped to its window, and the sex of who works them.
    pub fn worked_on(&self, n: usize) -> Vec<(TimeWindow, Sex)> {
        let need = &self.ctx.instance.needs[n];
        let agents = &self.ctx.instance.agents;
        self.on_need[n].iter().filter_map(|(a, w)| w.intersection(&need.window).map(|i| (i, agents[*a].sex))).collect()
    }

    /// Whether need `n` has fewer agents than it asks for at `t`.
    pub fn short_at(&self, n: usize, t: crate::domain::time::Instant) -> bool {
        let need = &self.ctx.instance.needs[n];
        if !need.window.contains(t) {
            return false;
        }
        let agents = &self.ctx.instance.agents;
        let on: Vec<Sex> = self.on_need[n].iter().filter(|(_, w)| w.contains(t)).map(|(a, _)| agents[*a].sex).collect();
        super::score::slot_deficit(need, &on).0 > 0
    }

    /// Undoes the last change noted in the journal.
    pub fn undo_last(&mut self) {
        if let Some((a, entries)) = self.journal.pop() {
            self.replace(a, entries);
        }
    }

    /// Where the journal stands: what `undo_to` goes back to.
    pub fn mark(&self) -> usize {
        self.journal.len()
    }

    /// Undoes every change since `mark`.
    pub fn undo_to(&mut self, mark: usize) {
        while self.journal.len() > mark {
            let Some((a, entries)) = self.journal.pop() else { break };
            self.replace(a, entries);
        }
    }

    /// Forgets the journal (the changes are kept).
    pub fn commit(&mut self) {
        self.journal.clear();
    }

    /// Replaces agent `a`'s shifts (assumed feasible), noting the old ones in the journal.
    pub fn set_agent(&mut self, a: usize, entries: Vec<Entry>) {
        let old = self.by_agent[a].clone();
        self.journal.push((a, old));
        self.replace(a, entries);
    }

    /// Replaces agent `a`'s shifts and refreshes the costs they touch.
    fn replace(&mut self, a: usize, entries: Vec<Entry>) {
        let mut touched: Vec<usize> = self.by_agent[a].iter().chain(&entries).map(|e| e.need).collect();
        touched.sort_unstable();
        touched.dedup();
        for &n in &touched {
            self.on_need[n].retain(|(agent, _)| *agent != a);
        }
        for e in &entries {
            self.on_need[e.need].push((a, e.window));
        }
        self.by_agent[a] = entries;
        for n in touched {
            self.on_need[n].sort();
            self.refresh_need(n);
        }
        let windows: Vec<TimeWindow> = self.by_agent[a].iter().map(|e| e.window).collect();
        let merged = merge_shifts(&windows);
        let previous = &self.ctx.previous[a];
        let (old_shifts, old_paid) = self.agent_cost[a];
        self.totals.5 -= self.kept[a];
        self.totals.3 -= old_shifts;
        self.totals.4 -= old_paid;
        if old_shifts > 0 {
            if let Some(count) = self.paid_of_working.get_mut(&old_paid) {
                *count -= 1;
                if *count == 0 {
                    self.paid_of_working.remove(&old_paid);
                }
            }
        }
        self.kept[a] = self.by_agent[a].iter().filter(|e| previous.binary_search(e).is_ok()).count() as u64;
        self.agent_cost[a] = (merged.len() as u64, merged.iter().map(|w| w.duration().0).sum());
        let (shifts, paid) = self.agent_cost[a];
        self.totals.5 += self.kept[a];
        self.totals.3 += shifts;
        self.totals.4 += paid;
        if shifts > 0 {
            *self.paid_of_working.entry(paid).or_default() += 1;
        }
    }

    fn refresh_need(&mut self, n: usize) {
        let need = &self.ctx.instance.needs[n];
        let agents = &self.ctx.instance.agents;
        let mut outside = 0u128;
        let mut worked = Vec::with_capacity(self.on_need[n].len());
        for (a, w) in &self.on_need[n] {
            let inside = w.intersection(&need.window);
            outside += (w.duration().0 - inside.map_or(0, |i| i.duration().0)) as u128;
            worked.extend(inside.map(|i| (i, agents[*a].sex)));
        }
        let (under, over) = need_coverage(need, &worked);
        let idle = outside * u128::from(self.ctx.rules.idle_time.cost_per_minute);
        let (old_under, old_over) = self.need_cost[n];
        self.totals.0 -= self.breach[n];
        self.totals.1 -= old_under;
        self.totals.2 -= old_over;
        self.need_cost[n] = (under * u128::from(need.weight()), over + idle);
        self.breach[n] = self.ctx.rules.sex_gate_breach(need, &worked).0;
        self.totals.0 += self.breach[n];
        self.totals.1 += self.need_cost[n].0;
        self.totals.2 += self.need_cost[n].1;
    }
}
