//! "Proposer un planning": the scheduler proposes the shifts of a participant's named agents
//! against what the plan still needs, and the participant accepts all of it, part of it or
//! none. The server solves (a few seconds at most) and, on acceptance, solves again from the
//! plan as it is then: the proposal is applied only if it is still the one the user saw, so
//! the browser never sends deployments to trust.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::schedule::proposal::Proposal;
use crate::error::AppError;

/// Longest time the server searches for one proposal.
pub const PROPOSAL_SECONDS: u64 = 5;

/// A proposal as the planner shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    pub proposal: Proposal,
    /// Identifies this proposal: acceptance is refused if the plan now gives another one.
    pub fingerprint: String,
    /// How many search steps gave it: acceptance searches again for exactly as many, so that
    /// the same plan gives the same proposal however busy the server is.
    pub steps: u64,
}

/// What accepting changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedCounts {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
}

/// Proposes shifts for `participant_id`'s agents (a member of that participant only).
#[server(endpoint = "propose_schedule")]
pub async fn propose_schedule(event_id: String, participant_id: String) -> Result<ProposalView, AppError> {
    use super::context::respond;
    respond(server::propose(event_id, participant_id).await)
}

/// Accepts the proposal `fingerprint` for the agents in `agent_ids`.
#[server(endpoint = "accept_schedule")]
pub async fn accept_schedule(
    event_id: String,
    participant_id: String,
    fingerprint: String,
    /// The proposal's [`ProposalView::steps`].
    steps: u64,
    /// The agents whose changes are accepted (`agent_ids[]` checkboxes; none ticked sends nothing).
    agent_ids: Option<Vec<String>>,
) -> Result<AcceptedCounts, AppError> {
    use super::context::respond;
    respond(server::accept(event_id, participant_id, fingerprint, steps, agent_ids.unwrap_or_default()).await)
}

#[cfg(feature = "ssr")]
pub mod server {
    use std::collections::BTreeSet;
    use std::time::{Duration, Instant as Clock};

    use sha2::{Digest, Sha256};

    use super::{AcceptedCounts, ProposalView, PROPOSAL_SECONDS};
    use crate::api::context::now;
    use crate::api::plan_context::plan_with_access;
    use crate::domain::plan::{Deployment, Plan};
    use crate::domain::schedule::proposal::{apply, prepare, propose as read_back};
    use crate::domain::schedule::{solve, WorkingTimeProfile};
    use crate::error::AppError;
    use crate::store::new_id;
    use crate::store::plans::{self, Batch, NewRecord, RecordKind, StoredPlan};
    use crate::text;

    /// The seed of every proposal: the same plan gives the same proposal.
    const SEED: u64 = 2016;
    /// Steps of the search at most (the time limit usually stops it first on large plans).
    const MAX_STEPS: u64 = 2_000_000;

    /// The proposal for the plan as stored now, and what it was prepared from.
    pub async fn propose(event_id: String, participant_id: String) -> Result<ProposalView, AppError> {
        let (state, _, stored, access) = plan_with_access(&event_id).await?;
        if !access.may_write(RecordKind::Deployment, Some(participant_id.trim())) {
            return Err(AppError::Refused(text::PARTICIPANT_NOT_YOURS.into()));
        }
        compute(&state.db, stored, participant_id.trim().to_string(), access.audience, None).await
    }

    /// Solves for at most [`PROPOSAL_SECONDS`] (and [`MAX_STEPS`]) or, with `replay`, for
    /// exactly that many steps and no deadline: the solver is deterministic for a number of
    /// steps, not for a duration.
    async fn compute(
        db: &crate::store::Db,
        stored: StoredPlan,
        participant_id: String,
        audience: crate::domain::plan::Audience,
        replay: Option<u64>,
    ) -> Result<ProposalView, AppError> {
        // The coverage the participant may know of: without what it may not read.
        let plan: Plan = stored.plan.for_audience(audience);
        let rules = crate::api::rule_settings::server::rules_for(db, plan.event.department().as_str()).await?;
        let solved = tokio::task::spawn_blocking(move || {
            let profile = WorkingTimeProfile::from_rules(&rules);
            let prepared =
                prepare(&plan, &rules, &participant_id, profile).map_err(|e| AppError::Refused(e.message().into()))?;
            let deadline = Clock::now() + Duration::from_secs(PROPOSAL_SECONDS);
            // The first step at which the search was told to stop: a replay stops there too.
            let mut stopped_at = MAX_STEPS;
            let mut budget = |step: u64| {
                let go = match replay {
                    Some(limit) => step < limit.min(MAX_STEPS),
                    None => step < MAX_STEPS && Clock::now() < deadline,
                };
                if !go {
                    stopped_at = stopped_at.min(step);
                }
                go
            };
            let solution = solve(&prepared.instance, SEED, &mut budget);
            let proposal = read_back(&plan, &prepared, &solution);
            let json = serde_json::to_vec(&proposal)
                .map_err(|e| AppError::internal("a proposal could not be serialised", e))?;
            let fingerprint = format!("{:x}", Sha256::digest(&json));
            Ok::<_, AppError>(ProposalView { proposal, fingerprint, steps: stopped_at })
        })
        .await
        .map_err(|e| AppError::internal("the proposal's task failed", e))??;
        Ok(solved)
    }

    pub async fn accept(
        event_id: String,
        participant_id: String,
        fingerprint: String,
        steps: u64,
        agent_ids: Vec<String>,
    ) -> Result<AcceptedCounts, AppError> {
        let accepted: BTreeSet<String> = agent_ids.iter().map(|a| a.trim().to_string()).collect();
        if accepted.is_empty() {
            return Err(AppError::invalid("agent_ids", text::PROPOSAL_NOTHING_ACCEPTED));
        }
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let participant_id = participant_id.trim().to_string();
        if !access.may_write(RecordKind::Deployment, Some(&participant_id)) {
            return Err(AppError::Refused(text::PARTICIPANT_NOT_YOURS.into()));
        }
        let versions = stored.versions.clone();
        let full = stored.plan.clone();
        let organisation =
            full.participant(&participant_id).map(|p| p.organisation_id().to_string()).ok_or(AppError::NotFound)?;
        let view = compute(&state.db, stored, participant_id.clone(), access.audience, Some(steps)).await?;
        if view.fingerprint != fingerprint.trim() {
            return Err(AppError::Refused(text::PROPOSAL_STALE.into()));
        }
        let changes = apply(&full, &view.proposal, &accepted, new_id)
            .map_err(|e| AppError::internal("an accepted proposal could not be applied", format!("{e:?}")))?;
        // Only the participant's own deployments change, whatever the proposal holds.
        let others = |p: &str| !access.may_write(RecordKind::Deployment, Some(p));
        let owned =
            |id: &str| full.deployments.iter().find(|d| d.id() == id).is_some_and(|d| !others(d.participant_id()));
        if changes.create.iter().any(|d| others(d.participant_id()))
            || changes.update.iter().any(|d| others(d.participant_id()) || !owned(d.id()))
            || changes.delete.iter().any(|id| !owned(id))
        {
            return Err(AppError::Refused(text::PARTICIPANT_NOT_YOURS.into()));
        }
        let version = |id: &str| versions.get(id).copied().ok_or(AppError::Refused(text::PROPOSAL_STALE.into()));
        let json = |d: &Deployment| {
            serde_json::to_string(d).map_err(|e| AppError::internal("a deployment could not be serialised", e))
        };
        let mut batch = Batch::default();
        for d in &changes.create {
            batch.insert.push(NewRecord {
                kind: RecordKind::Deployment,
                id: d.id().to_string(),
                participant_id: Some(participant_id.clone()),
                organisation_id: Some(organisation.clone()),
                data: json(d)?,
            });
        }
        for d in &changes.update {
            batch.update.push((RecordKind::Deployment, d.id().to_string(), version(d.id())?, json(d)?));
        }
        for id in &changes.delete {
            batch.delete.push((RecordKind::Deployment, id.clone(), version(id)?));
        }
        if !plans::apply_batch(&state.db, &user.id, &event_id, &batch, now()).await? {
            return Err(AppError::Refused(text::PROPOSAL_STALE.into()));
        }
        Ok(AcceptedCounts {
            created: changes.create.len(),
            updated: changes.update.len(),
            deleted: changes.delete.len(),
        })
    }
}
