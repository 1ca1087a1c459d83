//! "Proposer un planning": the scheduler applied to one participant of a real plan.
//!
//! [`prepare`] turns the plan into a scheduling [`Instance`]: what is left of each need once
//! every deployment the proposal may not touch is counted (other participants', and this
//! participant's headcount-only ones), the participant's named agents free at those times,
//! and its current named deployments as the previous solution (re-planning moves as few
//! people as possible). [`propose`] reads the solver's [`Solution`] back as deployments to
//! create and, per agent, where they were and where they would go. [`apply`] keeps the
//! changes of the agents the user accepts. Pure: the caller solves, stores, and reads the
//! clock. Decisions in docs/decisions.md ("Proposer un planning").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::instance::{
    Employer, Instance, ScheduleAgent, ScheduleEvent, ScheduleNeed, ScheduleRules, ScheduleZone, WorkingTimeProfile,
    INSTANCE_FORMAT,
};
use super::solution::{Shift, Solution};
use crate::domain::compliance::{pat_down_basis, private_road_verdict, RoadVerdict, RuleSet};
use crate::domain::plan::{
    compute_coverage, Deployment, DeploymentDraft, MissionCategory, Need, ParticipantRole, Plan, Qualification, Sex,
    TimeWindow, Visibility, ZoneKind,
};
use crate::domain::time::Instant;

/// Why no proposal can be made for a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposalError {
    /// The participant is not part of the event.
    UnknownParticipant,
    /// Only security companies and municipal police services have agents to schedule.
    NotSchedulable,
    /// The participant has named no agent yet.
    NoAgents,
}

impl ProposalError {
    /// The French message shown to the user.
    pub fn message(self) -> &'static str {
        use crate::text::fr;
        match self {
            ProposalError::UnknownParticipant => fr::PROPOSAL_UNKNOWN_PARTICIPANT,
            ProposalError::NotSchedulable => fr::PROPOSAL_NOT_SCHEDULABLE,
            ProposalError::NoAgents => fr::PROPOSAL_NO_AGENTS,
        }
    }
}

/// The part of a plan's need an instance's need stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NeedPart {
    need_id: String,
    zone_id: String,
    post_id: Option<String>,
    qualification: Option<Qualification>,
}

/// A plan turned into a scheduling problem for one participant.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub participant_id: String,
    pub instance: Instance,
    /// Instance need id → the plan need part.
    parts: BTreeMap<String, NeedPart>,
    /// The participant's deployments the proposal rewrites: named agents only, overlapping a need.
    replaceable: Vec<String>,
}

impl Prepared {
    /// Ids of the deployments a proposal may rewrite, sorted.
    pub fn replaceable(&self) -> &[String] {
        &self.replaceable
    }
}

/// Where and when an agent works.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Assignment {
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: TimeWindow,
}

/// How a proposal changes an agent's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgentChangeKind {
    /// Works exactly as before.
    Unchanged,
    /// Had no shift on the needs and gets some.
    Added,
    /// Works elsewhere or at other times.
    Moved,
    /// Loses every shift on the needs.
    Freed,
}

/// One agent's work before and after the proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentChange {
    pub agent_id: String,
    pub kind: AgentChangeKind,
    pub before: Vec<Assignment>,
    pub after: Vec<Assignment>,
}

/// A deployment the proposal would create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedDeployment {
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: TimeWindow,
    pub category: MissionCategory,
    /// Sorted.
    pub agent_ids: Vec<String>,
}

/// A part of a need the proposal leaves short, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedGap {
    pub need_id: String,
    pub zone_id: String,
    pub window: TimeWindow,
    pub missing: u32,
    pub explanation: String,
}

/// What "Proposer un planning" shows: the changes per agent, the deployments they make, and
/// the needs still short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub participant_id: String,
    /// Sorted by agent id; agents with no work before or after are left out.
    pub agents: Vec<AgentChange>,
    pub deployments: Vec<ProposedDeployment>,
    pub gaps: Vec<ProposedGap>,
    /// The deployments the accepted agents are taken off.
    pub replaced: Vec<String>,
    /// Agent-minutes of the needs the proposal covers, and those the needs ask for in all.
    pub covered_minutes: u64,
    pub required_minutes: u64,
}

impl Proposal {
    /// How many agents the proposal changes.
    pub fn changed(&self) -> usize {
        self.agents.iter().filter(|a| a.kind != AgentChangeKind::Unchanged).count()
    }
}

/// The changes to store when the user accepts part of a proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// New deployments (ids from the caller).
    pub create: Vec<Deployment>,
    /// Existing deployments with the accepted agents taken off.
    pub update: Vec<Deployment>,
    /// Existing deployments left with nobody.
    pub delete: Vec<String>,
}

/// The scheduling problem of `participant_id`'s named agents in `plan`.
/// The legal bases (pat-downs, public road) come from the compliance rules in force (`rules`),
/// need by need, so that the proposal and the checks judge alike.
/// Who employs `participant_id`'s agents: a company or a commune; nobody else's shifts are
/// proposed.
pub fn employer_of(plan: &Plan, participant_id: &str) -> Result<Employer, ProposalError> {
    let participant = plan.participant(participant_id).ok_or(ProposalError::UnknownParticipant)?;
    match participant.role() {
        ParticipantRole::SecuritePrivee => Ok(Employer::Private),
        ParticipantRole::PoliceMunicipale => Ok(Employer::Municipal),
        _ => Err(ProposalError::NotSchedulable),
    }
}

/// The working-time profile of `participant_id`'s agents under `rules`: the agreement's for a
/// company, the public service's for a municipal police.
pub fn profile_for(plan: &Plan, rules: &RuleSet, participant_id: &str) -> Result<WorkingTimeProfile, ProposalError> {
    Ok(WorkingTimeProfile::of_employer(rules, employer_of(plan, participant_id)?))
}

pub fn prepare(
    plan: &Plan,
    rules: &RuleSet,
    participant_id: &str,
    profile: WorkingTimeProfile,
) -> Result<Prepared, ProposalError> {
    let employer = employer_of(plan, participant_id)?;
    let own_agents: Vec<_> = plan.agents.iter().filter(|a| a.participant_id() == participant_id).collect();
    if own_agents.is_empty() {
        return Err(ProposalError::NoAgents);
    }
    let replaceable: Vec<&Deployment> =
        plan.deployments.iter().filter(|d| is_replaceable(plan, participant_id, d)).collect();
    let replaceable_ids: BTreeSet<&str> = replaceable.iter().map(|d| d.id()).collect();
    let fixed: Vec<Deployment> =
        plan.deployments.iter().filter(|d| !replaceable_ids.contains(d.id())).cloned().collect();
    let (needs, parts) = residual_needs(plan, rules, &fixed);
    let operations = TimeWindow::new(plan.event.operations_start(), plan.event.operations_end())
        .unwrap_or_else(|_| plan.event.window());
    let agents = own_agents
        .iter()
        .map(|agent| {
            let busy: Vec<TimeWindow> = fixed
                .iter()
                .filter(|d| d.agent_ids().iter().any(|id| id == agent.id()))
                .map(Deployment::window)
                .collect();
            let stated = if agent.availability().is_empty() { vec![operations] } else { agent.availability().to_vec() };
            let mut qualifications = agent.qualifications().clone();
            // Pat-downs are done by an agent of the public's sex: without a recorded sex, none.
            if agent.sex().is_none() {
                qualifications.remove(&Qualification::Palpation);
            }
            ScheduleAgent {
                id: agent.id().to_string(),
                qualifications,
                sex: agent.sex().unwrap_or(Sex::Homme),
                card_expires: agent.cnaps_card().map(|c| c.expires()),
                employer,
                availability: subtract(&stated, &busy),
            }
        })
        .collect();
    let mut prepared = Prepared {
        participant_id: participant_id.to_string(),
        instance: Instance {
            format: INSTANCE_FORMAT.to_string(),
            event: ScheduleEvent { time_zone: plan.event.time_zone().name().to_string(), window: operations },
            zones: plan.zones.iter().map(|z| ScheduleZone { id: z.id().to_string() }).collect(),
            needs,
            agents,
            working_time: profile,
            rules: ScheduleRules::default(),
            previous: None,
        },
        parts,
        replaceable: replaceable_ids.iter().map(|id| id.to_string()).collect(),
    };
    let previous = shifts_of(&prepared, replaceable.iter().copied());
    prepared.instance.previous = Some(Solution::new(previous, Vec::new()));
    Ok(prepared)
}

/// A deployment the proposal may rewrite: the participant's, naming every agent it counts,
/// visible to all, and overlapping one of the needs of its zone.
fn is_replaceable(plan: &Plan, participant_id: &str, d: &Deployment) -> bool {
    d.participant_id() == participant_id
        && !d.agent_ids().is_empty()
        && d.headcount() as usize <= d.agent_ids().len()
        && d.visibility() == Visibility::AllParticipants
        && plan.needs.iter().any(|n| counts_for(n, d))
}

/// Whether a deployment counts for a need, as the coverage counts it.
fn counts_for(need: &Need, d: &Deployment) -> bool {
    need.zone_id() == d.zone_id()
        && need.window().overlaps(&d.window())
        && (need.post_id().is_none() || need.post_id() == d.post_id())
}

/// Each need's shortfall once the fixed deployments count, as instance needs of constant
/// headcount and sex minima, with the plan need each stands for.
fn residual_needs(
    plan: &Plan,
    rules: &RuleSet,
    fixed: &[Deployment],
) -> (Vec<ScheduleNeed>, BTreeMap<String, NeedPart>) {
    let report = compute_coverage(&plan.event, &plan.needs, fixed, &plan.agents);
    let mut needs = Vec::new();
    let mut parts = BTreeMap::new();
    for need in &plan.needs {
        let Some(coverage) = report.needs.iter().find(|c| c.need_id == need.id()) else { continue };
        let sex_gaps: Vec<_> = report.sex_gaps.iter().filter(|g| g.need_id == need.id()).collect();
        let mut cuts: BTreeSet<Instant> = BTreeSet::from([need.window().start(), need.window().end()]);
        for i in &coverage.intervals {
            cuts.extend([i.window.start(), i.window.end()]);
        }
        for g in &sex_gaps {
            cuts.extend([g.window.start(), g.window.end()]);
        }
        let cuts: Vec<Instant> =
            cuts.into_iter().filter(|t| need.window().contains(*t) || *t == need.window().end()).collect();
        // (window, headcount, women, men) of each piece with a shortfall, merged when equal.
        let mut pieces: Vec<(TimeWindow, u32, u32, u32)> = Vec::new();
        for pair in cuts.windows(2) {
            let Ok(piece) = TimeWindow::new(pair[0], pair[1]) else { continue };
            let staffed = coverage.intervals.iter().find(|i| i.window.contains(piece.start())).map_or(0, |i| i.staffed);
            let missing_of = |sex: Sex| {
                sex_gaps.iter().find(|g| g.sex == sex && g.window.contains(piece.start())).map_or(0, |g| g.missing)
            };
            let (women, men) = (missing_of(Sex::Femme), missing_of(Sex::Homme));
            let head = need.min().saturating_sub(staffed).max(women + men);
            if head == 0 {
                continue;
            }
            match pieces.last_mut() {
                Some(last) if last.0.end() == piece.start() && (last.1, last.2, last.3) == (head, women, men) => {
                    if let Ok(joined) = TimeWindow::new(last.0.start(), piece.end()) {
                        last.0 = joined;
                    }
                }
                _ => pieces.push((piece, head, women, men)),
            }
        }
        for (k, (window, head, women, men)) in pieces.into_iter().enumerate() {
            let id = format!("{}#{}", need.id(), k + 1);
            let pat_down = need.qualification() == Some(Qualification::Palpation);
            let mission = mission_for(plan.zone(need.zone_id()).map(|z| z.kind()), pat_down);
            needs.push(ScheduleNeed {
                private_allowed: private_road_verdict(plan, need.zone_id(), &window, mission) == RoadVerdict::Allowed,
                pat_downs_allowed: !pat_down || pat_down_basis(plan, rules, need.zone_id(), &window).is_ok(),
                id: id.clone(),
                zone: need.zone_id().to_string(),
                window,
                qualification: need.qualification(),
                min_headcount: head,
                priority: need.priority(),
                min_women: women,
                min_men: men,
            });
            parts.insert(
                id,
                NeedPart {
                    need_id: need.id().to_string(),
                    zone_id: need.zone_id().to_string(),
                    post_id: need.post_id().map(str::to_string),
                    qualification: need.qualification(),
                },
            );
        }
    }
    (needs, parts)
}

/// `windows` without the parts covered by `busy`, sorted.
fn subtract(windows: &[TimeWindow], busy: &[TimeWindow]) -> Vec<TimeWindow> {
    let mut free: Vec<TimeWindow> = windows.to_vec();
    for b in busy {
        free = free
            .into_iter()
            .flat_map(|w| {
                if !w.overlaps(b) {
                    return vec![w];
                }
                [TimeWindow::new(w.start(), b.start()), TimeWindow::new(b.end(), w.end())]
                    .into_iter()
                    .filter_map(Result::ok)
                    .collect()
            })
            .collect();
    }
    free.sort();
    free
}

/// The deployments' named agents as shifts on the instance's needs: for each agent and each
/// moment, the first need part (by id) of the deployment's zone that is short then.
fn shifts_of<'d>(prepared: &Prepared, deployments: impl Iterator<Item = &'d Deployment>) -> Vec<Shift> {
    let mut shifts = Vec::new();
    for d in deployments {
        let mut taken: Vec<TimeWindow> = Vec::new();
        for need in &prepared.instance.needs {
            let Some(part) = prepared.parts.get(&need.id) else { continue };
            if part.zone_id != d.zone_id() || (part.post_id.is_some() && part.post_id.as_deref() != d.post_id()) {
                continue;
            }
            let Some(overlap) = need.window.intersection(&d.window()) else { continue };
            for piece in subtract(&[overlap], &taken) {
                for agent in d.agent_ids() {
                    shifts.push(Shift {
                        agent: agent.clone(),
                        need: need.id.clone(),
                        start: piece.start(),
                        end: piece.end(),
                    });
                }
                taken.push(piece);
            }
        }
    }
    shifts
}

/// The solver's solution read back as the plan's deployments and per-agent changes.
pub fn propose(plan: &Plan, prepared: &Prepared, solution: &Solution) -> Proposal {
    let mut after: BTreeMap<String, Vec<Assignment>> = BTreeMap::new();
    for shift in &solution.shifts {
        let (Some(part), Ok(window)) = (prepared.parts.get(&shift.need), TimeWindow::new(shift.start, shift.end))
        else {
            continue;
        };
        after.entry(shift.agent.clone()).or_default().push(Assignment {
            zone_id: part.zone_id.clone(),
            post_id: part.post_id.clone(),
            window,
        });
    }
    for assignments in after.values_mut() {
        *assignments = merge_touching(std::mem::take(assignments));
    }
    let mut before: BTreeMap<String, Vec<Assignment>> = BTreeMap::new();
    for d in plan.deployments.iter().filter(|d| prepared.replaceable.iter().any(|id| id == d.id())) {
        for agent in d.agent_ids() {
            before.entry(agent.clone()).or_default().push(Assignment {
                zone_id: d.zone_id().to_string(),
                post_id: d.post_id().map(str::to_string),
                window: d.window(),
            });
        }
    }
    for assignments in before.values_mut() {
        *assignments = merge_touching(std::mem::take(assignments));
    }
    let ids: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let agents = ids
        .into_iter()
        .map(|id| {
            let b = before.get(id).cloned().unwrap_or_default();
            let a = after.get(id).cloned().unwrap_or_default();
            let kind = match (b.is_empty(), a.is_empty()) {
                (_, _) if a == b => AgentChangeKind::Unchanged,
                (true, _) => AgentChangeKind::Added,
                (_, true) => AgentChangeKind::Freed,
                _ => AgentChangeKind::Moved,
            };
            AgentChange { agent_id: id.clone(), kind, before: b, after: a }
        })
        .collect();
    let mut grouped: BTreeMap<Assignment, Vec<String>> = BTreeMap::new();
    for (agent, assignments) in &after {
        for assignment in assignments {
            grouped.entry(assignment.clone()).or_default().push(agent.clone());
        }
    }
    let deployments = grouped
        .into_iter()
        .map(|(a, mut agent_ids)| {
            agent_ids.sort();
            let category = category_for(plan, prepared, &a);
            ProposedDeployment { zone_id: a.zone_id, post_id: a.post_id, window: a.window, category, agent_ids }
        })
        .collect();
    let gaps = solution
        .uncovered
        .iter()
        .filter_map(|u| {
            let part = prepared.parts.get(&u.need)?;
            Some(ProposedGap {
                need_id: part.need_id.clone(),
                zone_id: part.zone_id.clone(),
                window: TimeWindow::new(u.start, u.end).ok()?,
                missing: u.missing,
                explanation: u.explanation.clone(),
            })
        })
        .collect();
    let required_minutes: u64 =
        prepared.instance.needs.iter().map(|n| u64::from(n.min_headcount) * minutes(n.window)).sum();
    let covered_minutes = covered_minutes(prepared, solution);
    Proposal {
        participant_id: prepared.participant_id.clone(),
        agents,
        deployments,
        gaps,
        replaced: prepared.replaceable.clone(),
        covered_minutes,
        required_minutes,
    }
}

fn minutes(window: TimeWindow) -> u64 {
    u64::try_from(window.duration().0 / 60_000).unwrap_or(0)
}

/// Agent-minutes covered, each need counted up to its headcount.
fn covered_minutes(prepared: &Prepared, solution: &Solution) -> u64 {
    prepared
        .instance
        .needs
        .iter()
        .map(|need| {
            let worked: Vec<(TimeWindow, Sex)> = solution
                .shifts
                .iter()
                .filter(|s| s.need == need.id)
                .filter_map(|s| Some((TimeWindow::new(s.start, s.end).ok()?, Sex::Homme)))
                .collect();
            let plain = ScheduleNeed { min_women: 0, min_men: 0, ..need.clone() };
            let (uncovered_ms, _) = super::score::need_coverage(&plain, &worked);
            let required_ms = u128::from(need.min_headcount) * u128::try_from(need.window.duration().0).unwrap_or(0);
            u64::try_from(required_ms.saturating_sub(uncovered_ms) / 60_000).unwrap_or(0)
        })
        .sum()
}

/// An agent's assignments with touching ones at the same place joined.
fn merge_touching(mut assignments: Vec<Assignment>) -> Vec<Assignment> {
    assignments.sort_by(|a, b| a.window.cmp(&b.window).then((&a.zone_id, &a.post_id).cmp(&(&b.zone_id, &b.post_id))));
    let mut merged: Vec<Assignment> = Vec::new();
    for a in assignments {
        match merged.last_mut() {
            Some(last)
                if last.zone_id == a.zone_id && last.post_id == a.post_id && last.window.end() >= a.window.start() =>
            {
                if let Ok(joined) = TimeWindow::new(last.window.start(), last.window.end().max(a.window.end())) {
                    last.window = joined;
                }
            }
            _ => merged.push(a),
        }
    }
    merged
}

/// The mission of a proposed deployment: pat-downs and entrances filter, first-aid zones
/// rescue, the command post is staffed, anything else is watched.
fn category_for(plan: &Plan, prepared: &Prepared, a: &Assignment) -> MissionCategory {
    let pat_down = prepared
        .parts
        .values()
        .any(|p| p.zone_id == a.zone_id && p.post_id == a.post_id && p.qualification == Some(Qualification::Palpation));
    mission_for(plan.zones.iter().find(|z| z.id() == a.zone_id).map(|z| z.kind()), pat_down)
}

/// The mission a proposed deployment gets in a zone of `kind`.
fn mission_for(kind: Option<ZoneKind>, pat_down: bool) -> MissionCategory {
    match kind {
        _ if pat_down => MissionCategory::Filtrage,
        Some(ZoneKind::EntreeFiltrage) => MissionCategory::Filtrage,
        Some(ZoneKind::Secours) => MissionCategory::Secours,
        Some(ZoneKind::PosteCommandement) => MissionCategory::Pc,
        _ => MissionCategory::Surveillance,
    }
}

/// The changes that accept the proposal for the agents in `accepted` only: they leave the
/// replaced deployments (a deployment left with nobody is deleted) and join the proposed
/// ones; the other agents, and those the proposal does not change, keep their work. `new_id` gives each new deployment its id.
pub fn apply(
    plan: &Plan,
    proposal: &Proposal,
    accepted: &BTreeSet<String>,
    mut new_id: impl FnMut() -> String,
) -> Result<Accepted, crate::domain::plan::PlanError> {
    // An agent whose work does not change keeps its deployments (and their feed entries).
    let accepted: BTreeSet<&String> = proposal
        .agents
        .iter()
        .filter(|a| a.kind != AgentChangeKind::Unchanged && accepted.contains(&a.agent_id))
        .map(|a| &a.agent_id)
        .collect();
    let mut changes = Accepted { create: Vec::new(), update: Vec::new(), delete: Vec::new() };
    for d in plan.deployments.iter().filter(|d| proposal.replaced.iter().any(|id| id == d.id())) {
        if !d.agent_ids().iter().any(|a| accepted.contains(a)) {
            continue;
        }
        let mut draft = DeploymentDraft::from(d.clone());
        draft.agent_ids.retain(|a| !accepted.contains(a));
        if draft.agent_ids.is_empty() {
            changes.delete.push(d.id().to_string());
        } else {
            draft.headcount = draft.headcount.min(u32::try_from(draft.agent_ids.len()).unwrap_or(u32::MAX));
            changes.update.push(Deployment::new(draft)?);
        }
    }
    for proposed in &proposal.deployments {
        let agent_ids: Vec<String> = proposed.agent_ids.iter().filter(|a| accepted.contains(*a)).cloned().collect();
        if agent_ids.is_empty() {
            continue;
        }
        changes.create.push(Deployment::new(DeploymentDraft {
            id: new_id(),
            participant_id: proposal.participant_id.clone(),
            zone_id: proposed.zone_id.clone(),
            post_id: proposed.post_id.clone(),
            window: proposed.window,
            headcount: 0,
            agent_ids,
            category: proposed.category,
            mission: crate::text::fr::PROPOSAL_MISSION.to_string(),
            radio: None,
            visibility: Visibility::AllParticipants,
        })?);
    }
    Ok(changes)
}

#[cfg(test)]
#[path = "proposal_tests.rs"]
mod tests;
