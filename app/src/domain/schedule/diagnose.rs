//! Why each uncovered part of a need stays uncovered: the agents are filtered rule by rule
//! (qualification, law, card, availability, other shifts, working time) and the first rule
//! that leaves nobody is the reason.

use std::collections::HashMap;

use super::instance::{Employer, ScheduleAgent, ScheduleNeed};
use super::score::coverage_segments;
use super::solution::{Solution, Uncovered, UncoveredReason};
use super::state::Context;
use crate::domain::plan::{Sex, TimeWindow};
use crate::domain::time::Instant;

/// The uncovered parts of every need under `solution`, adjacent parts missing as many agents
/// merged, each with its reason.
pub(super) fn uncovered(ctx: &Context, solution: &Solution) -> Vec<Uncovered> {
    let instance = ctx.instance;
    let agents: HashMap<&str, &ScheduleAgent> = instance.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut worked: HashMap<&str, Vec<(TimeWindow, Sex)>> = HashMap::new();
    let mut busy: HashMap<&str, Vec<TimeWindow>> = HashMap::new();
    for shift in &solution.shifts {
        let (Some(agent), Ok(window)) = (agents.get(shift.agent.as_str()), TimeWindow::new(shift.start, shift.end))
        else {
            continue;
        };
        worked.entry(shift.need.as_str()).or_default().push((window, agent.sex));
        busy.entry(agent.id.as_str()).or_default().push(window);
    }
    let mut gaps = Vec::new();
    for (n, need) in instance.needs.iter().enumerate() {
        let on: Vec<(TimeWindow, Sex)> = worked
            .get(need.id.as_str())
            .map_or(&[][..], |v| v)
            .iter()
            .filter_map(|(w, s)| w.intersection(&need.window).map(|i| (i, *s)))
            .collect();
        let mut parts: Vec<(Instant, Instant, u32)> = Vec::new();
        for (from, to, missing, _) in coverage_segments(need, &on) {
            match parts.last_mut() {
                Some(last) if last.1 == from && last.2 == missing => last.1 = to,
                _ if missing > 0 => parts.push((from, to, missing)),
                _ => {}
            }
        }
        for (start, end, missing) in parts {
            let reason = reason(ctx, &busy, n, start, end);
            let explanation = reason.explanation().to_string();
            gaps.push(Uncovered { need: need.id.clone(), start, end, missing, reason, explanation });
        }
    }
    gaps
}

/// The first rule that leaves no agent for need `n` between `start` and `end`.
fn reason(
    ctx: &Context,
    busy: &HashMap<&str, Vec<TimeWindow>>,
    n: usize,
    start: Instant,
    end: Instant,
) -> UncoveredReason {
    let instance = ctx.instance;
    let need: &ScheduleNeed = &instance.needs[n];
    let mut left: Vec<usize> = (0..instance.agents.len())
        .filter(|&a| {
            let agent = &instance.agents[a];
            need.qualification.is_none_or(|q| agent.qualifications.contains(&q)) && need.admits_sex(agent.sex)
        })
        .collect();
    if left.is_empty() {
        return UncoveredReason::NoQualifiedAgent;
    }
    left.retain(|a| ctx.eligible[n].contains(a) || holds_card_problem(ctx, *a, n));
    if left.is_empty() {
        return UncoveredReason::LegalRule;
    }
    let agents = &instance.agents;
    let until = end.min(start.plus(ctx.min_shift));
    left.retain(|&a| agents[a].employer == Employer::Municipal || agents[a].card_expires >= Some(until));
    if left.is_empty() {
        return UncoveredReason::CardExpired;
    }
    left.retain(|&a| agents[a].availability.iter().any(|w| w.contains(start)));
    if left.is_empty() {
        return UncoveredReason::NotAvailable;
    }
    let moment = TimeWindow::new(start, end).ok();
    let on_shift =
        |id: &str| busy.get(id).is_some_and(|windows| windows.iter().any(|w| moment.is_some_and(|m| w.overlaps(&m))));
    left.retain(|&a| !on_shift(&agents[a].id));
    if left.is_empty() {
        return UncoveredReason::AllBusy;
    }
    UncoveredReason::WorkingTime
}

/// A private agent kept out only for lacking a card: that is a card problem, not a legal one.
fn holds_card_problem(ctx: &Context, a: usize, n: usize) -> bool {
    let agent = &ctx.instance.agents[a];
    if agent.employer != Employer::Private || agent.card_expires.is_some() {
        return false;
    }
    let mut carded = agent.clone();
    carded.card_expires = Some(Instant(i64::MAX));
    super::state::lawful(&carded, &ctx.instance.needs[n])
}
