//! The objective, a tuple compared lexicographically in strict priority: first the uncovered
//! need-minutes weighted by priority, then the over-coverage, the number of working shifts,
//! the paid minutes, the spread of paid minutes between agents, and last the changes against
//! the previous solution. Smaller is better in every place.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::instance::{Instance, ScheduleAgent, ScheduleNeed};
use super::solution::{Shift, Solution};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::{Sex, TimeWindow};
use crate::domain::time::Instant;

/// The objective; the derived order is the lexicographic one, field by field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Score {
    /// Σ over needs of missing agent-minutes × (6 − priority).
    pub uncovered_weighted_minutes: u64,
    /// Agent-minutes beyond a need's headcount, or outside its window (those weighed by the
    /// instance's idle cost per minute).
    pub over_coverage_minutes: u64,
    /// Working shifts (one agent's touching or overlapping shifts count once).
    pub shifts: u64,
    pub paid_minutes: u64,
    /// Most minus least paid minutes among the agents who work.
    pub fairness_spread_minutes: u64,
    /// Shifts added or removed against the previous solution.
    pub changes: u64,
}

const MINUTE: i64 = 60_000;

/// The score of `solution`; shifts naming an unknown agent or need, or ending before they
/// start, are left out (the checker reports them).
pub fn score(instance: &Instance, solution: &Solution) -> Score {
    let agents: HashMap<&str, &ScheduleAgent> = instance.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut by_need: HashMap<&str, Vec<(TimeWindow, Sex)>> = HashMap::new();
    let mut by_agent: BTreeMap<&str, Vec<TimeWindow>> = BTreeMap::new();
    let needs: HashMap<&str, &ScheduleNeed> = instance.needs.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut outside_ms = 0i64;
    for shift in &solution.shifts {
        let (Some(agent), Some(need), Ok(window)) =
            (agents.get(shift.agent.as_str()), needs.get(shift.need.as_str()), TimeWindow::new(shift.start, shift.end))
        else {
            continue;
        };
        let inside = window.intersection(&need.window);
        outside_ms += window.duration().0 - inside.map_or(0, |w| w.duration().0);
        if let Some(inside) = inside {
            by_need.entry(need.id.as_str()).or_default().push((inside, agent.sex));
        }
        by_agent.entry(agent.id.as_str()).or_default().push(window);
    }
    let idle_cost = u128::from(instance.rules.idle_time.cost_per_minute);
    let (mut uncovered_ms, mut over_ms) = (0u128, outside_ms as u128 * idle_cost);
    for need in &instance.needs {
        let (under, over) = need_coverage(need, by_need.get(need.id.as_str()).map_or(&[][..], |v| v));
        uncovered_ms += under * u128::from(need.weight());
        over_ms += over;
    }
    let worked: Vec<Vec<TimeWindow>> = by_agent.values().map(|w| merge_shifts(w)).collect();
    let paid: Vec<i64> = worked.iter().map(|s| s.iter().map(|w| w.duration().0).sum()).collect();
    let spread = paid.iter().max().unwrap_or(&0) - paid.iter().min().unwrap_or(&0);
    Score {
        uncovered_weighted_minutes: (uncovered_ms / MINUTE as u128) as u64,
        over_coverage_minutes: (over_ms / MINUTE as u128) as u64,
        shifts: worked.iter().map(|s| s.len() as u64).sum(),
        paid_minutes: (paid.iter().sum::<i64>() / MINUTE) as u64,
        fairness_spread_minutes: (spread / MINUTE) as u64,
        changes: changes(instance.previous.as_ref(), solution),
    }
}

/// Missing and surplus agent-milliseconds of one need given the windows (clipped to the
/// need's) worked on it and the sex of who worked them.
pub fn need_coverage(need: &ScheduleNeed, worked: &[(TimeWindow, Sex)]) -> (u128, u128) {
    let (mut under, mut over) = (0u128, 0u128);
    for (from, to, missing, surplus) in coverage_segments(need, worked) {
        let length = (to.0 - from.0) as u128;
        under += u128::from(missing) * length;
        over += u128::from(surplus) * length;
    }
    (under, over)
}

/// The need's window cut where the agents on it change: each piece with how many agents it
/// misses and how many it has too many.
pub fn coverage_segments(need: &ScheduleNeed, worked: &[(TimeWindow, Sex)]) -> Vec<(Instant, Instant, u32, u32)> {
    let mut points: BTreeSet<Instant> = [need.window.start(), need.window.end()].into();
    for (w, _) in worked {
        points
            .extend([w.start(), w.end()].into_iter().filter(|p| need.window.start() <= *p && *p <= need.window.end()));
    }
    let points: Vec<Instant> = points.into_iter().collect();
    let mut on = Vec::new();
    let mut segments = Vec::with_capacity(points.len());
    for pair in points.windows(2) {
        on.clear();
        on.extend(worked.iter().filter(|(w, _)| w.contains(pair[0])).map(|(_, s)| *s));
        let (missing, surplus) = slot_deficit(need, &on);
        segments.push((pair[0], pair[1], missing, surplus));
    }
    segments
}

/// The parts of the need missing someone: the segments of [`coverage_segments`] with a
/// shortfall, adjacent ones missing as many agents merged, each with how many it misses.
pub fn gap_parts(need: &ScheduleNeed, worked: &[(TimeWindow, Sex)]) -> Vec<(Instant, Instant, u32)> {
    let mut parts: Vec<(Instant, Instant, u32)> = Vec::new();
    for (from, to, missing, _) in coverage_segments(need, worked) {
        match parts.last_mut() {
            Some(last) if last.1 == from && last.2 == missing => last.1 = to,
            _ if missing > 0 => parts.push((from, to, missing)),
            _ => {}
        }
    }
    parts
}

/// Whether one more agent of `sex` would lessen what the need misses when agents of sexes
/// `on` work it.
pub fn lessens(need: &ScheduleNeed, on: &[Sex], sex: Sex) -> bool {
    let mut with = on.to_vec();
    with.push(sex);
    slot_deficit(need, &with).0 < slot_deficit(need, on).0
}

/// Missing and surplus agents at one moment when agents of sexes `on` work the need.
pub fn slot_deficit(need: &ScheduleNeed, on: &[Sex]) -> (u32, u32) {
    let n = on.len() as u32;
    let women = on.iter().filter(|s| **s == Sex::Femme).count() as u32;
    let men = n - women;
    let by_sex = need.min_women.saturating_sub(women) + need.min_men.saturating_sub(men);
    let missing = need.min_headcount.saturating_sub(n).max(by_sex);
    (missing, n.saturating_sub(need.min_headcount))
}

/// Shifts in one solution and not in the other, counted both ways.
fn changes(previous: Option<&Solution>, solution: &Solution) -> u64 {
    let Some(previous) = previous else { return 0 };
    let before: BTreeSet<&Shift> = previous.shifts.iter().collect();
    let after: BTreeSet<&Shift> = solution.shifts.iter().collect();
    (before.symmetric_difference(&after).count()) as u64
}
