//! Coverage: for each need, how many agents are on the ground over time against how many are
//! required; the gaps; named agents in two places at once; deployments outside the event.
//! One pure function, run in the browser for instant feedback and on the server as the
//! authority.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::actors::{Agent, Sex};
use super::deployment::Deployment;
use super::event::Event;
use super::need::Need;
use super::sweep::{profile, shortfalls};
use super::window::TimeWindow;

/// Over `window`, `staffed` agents count towards a need that requires `required`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageInterval {
    pub window: TimeWindow,
    pub staffed: u32,
    pub required: u32,
}

/// One need's staffing over its window: maximal intervals of constant staffing, in time
/// order, tiling the need's window exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedCoverage {
    pub need_id: String,
    pub zone_id: String,
    pub intervals: Vec<CoverageInterval>,
}

/// A maximal window where a need lacks `missing` agents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub need_id: String,
    pub window: TimeWindow,
    pub missing: u32,
}

/// A maximal window where a need lacks `missing` named agents of `sex` for pat-downs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SexGap {
    pub need_id: String,
    pub sex: Sex,
    pub window: TimeWindow,
    pub missing: u32,
}

/// A named agent in two deployments at once: `first` starts no later than `second`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoubleBooking {
    pub agent_id: String,
    pub first: String,
    pub second: String,
    pub overlap: TimeWindow,
}

/// Everything the planner shows about how well the plan covers the needs. Sorted by need id
/// then time (needs, gaps), by agent id then time (double bookings), by id (outside event).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageReport {
    pub needs: Vec<NeedCoverage>,
    pub gaps: Vec<Gap>,
    pub sex_gaps: Vec<SexGap>,
    pub double_bookings: Vec<DoubleBooking>,
    /// Ids of deployments not inside the event's operations (set-up start to tear-down end).
    pub outside_event: Vec<String>,
}

/// Computes the coverage of `needs` by `deployments`.
///
/// A deployment counts for a need when it is in the need's zone and, if the need names a
/// post, at that post (a deployment at a post counts for a zone-level need of its zone).
/// For a need without a qualification it counts its staffed headcount; for a need with one,
/// only its named agents holding it (unknown agent ids count for nothing). Women and men
/// minima count named agents whose sex is recorded. O((n + m) log n) for n deployments and
/// m needs, as long as a zone's needs do not each overlap most of its deployments.
pub fn compute_coverage(event: &Event, needs: &[Need], deployments: &[Deployment], agents: &[Agent]) -> CoverageReport {
    let agents: HashMap<&str, &Agent> = agents.iter().map(|agent| (agent.id(), agent)).collect();
    let by_zone = deployments_by_zone(deployments);
    let mut sorted_needs: Vec<&Need> = needs.iter().collect();
    sorted_needs.sort_by(|a, b| a.id().cmp(b.id()).then(a.window().cmp(&b.window())));
    let mut report = CoverageReport::default();
    for need in sorted_needs {
        let candidates = candidates(need, by_zone.get(need.zone_id()).map_or(&[][..], Vec::as_slice));
        cover_need(need, &candidates, &agents, &mut report);
    }
    report.double_bookings = double_bookings(deployments);
    report.outside_event = outside_event(event, deployments);
    report
}

/// Deployments grouped by zone, each group sorted by start.
fn deployments_by_zone(deployments: &[Deployment]) -> HashMap<&str, Vec<&Deployment>> {
    let mut by_zone: HashMap<&str, Vec<&Deployment>> = HashMap::new();
    for deployment in deployments {
        by_zone.entry(deployment.zone_id()).or_default().push(deployment);
    }
    for group in by_zone.values_mut() {
        group.sort_by_key(|deployment| deployment.window().start());
    }
    by_zone
}

/// The deployments of the need's zone (sorted by start) that overlap it and match its post.
fn candidates<'a>(need: &Need, zone: &[&'a Deployment]) -> Vec<&'a Deployment> {
    let starting_before_end = zone.partition_point(|d| d.window().start() < need.window().end());
    zone[..starting_before_end]
        .iter()
        .filter(|d| d.window().end() > need.window().start())
        .filter(|d| need.post_id().is_none() || d.post_id() == need.post_id())
        .copied()
        .collect()
}

/// How many of a deployment's agents count for the need, restricted to `sex` if given.
fn counted(need: &Need, deployment: &Deployment, agents: &HashMap<&str, &Agent>, sex: Option<Sex>) -> u32 {
    if need.qualification().is_none() && sex.is_none() {
        return deployment.staffed_headcount();
    }
    let qualified = deployment
        .agent_ids()
        .iter()
        .filter_map(|id| agents.get(id.as_str()))
        .filter(|agent| need.qualification().is_none_or(|q| agent.holds(q)))
        .filter(|agent| sex.is_none() || agent.sex() == sex)
        .count();
    u32::try_from(qualified).unwrap_or(u32::MAX)
}

/// Adds the need's intervals, gaps and sex gaps to the report.
fn cover_need(need: &Need, candidates: &[&Deployment], agents: &HashMap<&str, &Agent>, report: &mut CoverageReport) {
    let presences = candidates.iter().map(|d| (d.window(), counted(need, d, agents, None)));
    let steps = profile(need.window(), presences);
    let intervals = steps
        .iter()
        .map(|step| CoverageInterval { window: step.window, staffed: step.level, required: need.min() })
        .collect();
    for (window, missing) in shortfalls(&steps, need.min()) {
        report.gaps.push(Gap { need_id: need.id().to_string(), window, missing });
    }
    for (sex, required) in [(Sex::Femme, need.min_women()), (Sex::Homme, need.min_men())] {
        if required == 0 {
            continue;
        }
        let presences = candidates.iter().map(|d| (d.window(), counted(need, d, agents, Some(sex))));
        for (window, missing) in shortfalls(&profile(need.window(), presences), required) {
            report.sex_gaps.push(SexGap { need_id: need.id().to_string(), sex, window, missing });
        }
    }
    report.needs.push(NeedCoverage { need_id: need.id().to_string(), zone_id: need.zone_id().to_string(), intervals });
}

/// Every pair of overlapping deployments naming the same agent.
fn double_bookings(deployments: &[Deployment]) -> Vec<DoubleBooking> {
    let mut by_agent: BTreeMap<&str, Vec<(TimeWindow, &str)>> = BTreeMap::new();
    for deployment in deployments {
        for agent_id in deployment.agent_ids() {
            by_agent.entry(agent_id).or_default().push((deployment.window(), deployment.id()));
        }
    }
    let mut found = Vec::new();
    for (agent_id, mut shifts) in by_agent {
        shifts.sort();
        for (i, (window, first)) in shifts.iter().enumerate() {
            let later = shifts[i + 1..].iter().take_while(|(other, _)| other.start() < window.end());
            for (other, second) in later {
                if let Some(overlap) = window.intersection(other) {
                    let (first, second) = (first.to_string(), second.to_string());
                    found.push(DoubleBooking { agent_id: agent_id.to_string(), first, second, overlap });
                }
            }
        }
    }
    found.sort_by(|a, b| {
        a.agent_id
            .cmp(&b.agent_id)
            .then(a.overlap.cmp(&b.overlap))
            .then(a.first.cmp(&b.first))
            .then(a.second.cmp(&b.second))
    });
    found
}

/// Ids of deployments starting before the set-up or ending after the tear-down.
fn outside_event(event: &Event, deployments: &[Deployment]) -> Vec<String> {
    let (start, end) = (event.operations_start(), event.operations_end());
    let mut ids: Vec<String> = deployments
        .iter()
        .filter(|d| d.window().start() < start || d.window().end() > end)
        .map(|d| d.id().to_string())
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod tests;
