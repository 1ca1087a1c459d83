//! « Proposer un planning » (server side): the scheduler proposes a participant's shifts
//! against what the plan still needs, from the plan as that participant may read it; accepting
//! solves again for exactly as many steps and applies the proposal only if it is still the one
//! shown, changing nothing but that participant's own deployments (the one `may_write` rule),
//! in one transaction with its audit entries.

use std::collections::BTreeSet;
use std::time::{Duration, Instant as Clock};

use sha2::{Digest, Sha256};

use super::plan_edits::open;
use super::rules::rules_for;
use crate::domain::plan::{Deployment, Plan};
use crate::domain::schedule::proposal::{apply, prepare, profile_for, propose as read_back, ProposalError};
use crate::domain::schedule::solve;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::schedule::{AcceptedCounts, ProposalView, PROPOSAL_SECONDS};
use crate::state::AppState;
use crate::store::new_id;
use crate::store::plans::{self, Batch, NewRecord, RecordKind, StoredPlan};
use crate::store::users::UserRow;
use crate::text;

/// The seed of every proposal: the same plan gives the same proposal.
const SEED: u64 = 2016;
/// Steps of the search at most (the time limit usually stops it first on large plans).
const MAX_STEPS: u64 = 2_000_000;

/// The proposal for the plan as stored now, and what it was prepared from.
pub async fn propose(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    participant_id: &str,
) -> Result<ProposalView, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
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
    let rules = rules_for(db, plan.event.department().as_str()).await?;
    let solved = tokio::task::spawn_blocking(move || {
        let refused = |e: ProposalError| AppError::Refused(e.message().into());
        let profile = profile_for(&plan, &rules, &participant_id).map_err(refused)?;
        let prepared = prepare(&plan, &rules, &participant_id, profile).map_err(refused)?;
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
        let json =
            serde_json::to_vec(&proposal).map_err(|e| AppError::internal("a proposal could not be serialised", e))?;
        let fingerprint = format!("{:x}", Sha256::digest(&json));
        Ok::<_, AppError>(ProposalView { proposal, fingerprint, steps: stopped_at })
    })
    .await
    .map_err(|e| AppError::internal("the proposal's task failed", e))??;
    Ok(solved)
}

/// An acceptance: the participant, the proposal shown (its fingerprint and steps) and the
/// agents whose changes are accepted.
pub struct Acceptance {
    pub participant_id: String,
    pub fingerprint: String,
    pub steps: u64,
    pub agent_ids: Vec<String>,
}

pub async fn accept(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    acceptance: Acceptance,
    now: Instant,
) -> Result<AcceptedCounts, AppError> {
    let Acceptance { participant_id, fingerprint, steps, agent_ids } = acceptance;
    let accepted: BTreeSet<String> = agent_ids.iter().map(|a| a.trim().to_string()).collect();
    if accepted.is_empty() {
        return Err(AppError::invalid("agent_ids", text::PROPOSAL_NOTHING_ACCEPTED));
    }
    let (stored, access) = open(state, user, event_id).await?;
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
    let owned = |id: &str| full.deployments.iter().find(|d| d.id() == id).is_some_and(|d| !others(d.participant_id()));
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
    if !plans::apply_batch(&state.db, &user.id, event_id, &batch, now).await? {
        return Err(AppError::Refused(text::PROPOSAL_STALE.into()));
    }
    Ok(AcceptedCounts { created: changes.create.len(), updated: changes.update.len(), deleted: changes.delete.len() })
}
