//! "Proposer un planning": the scheduler proposes the shifts of a participant's named agents
//! against what the plan still needs, and the participant accepts all of it, part of it or
//! none. The server solves (a few seconds at most) and, on acceptance, solves again from the
//! plan as it is then: the proposal is applied only if it is still the one the user saw, so
//! the browser never sends deployments to trust.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::schedule::*;

/// Proposes shifts for `participant_id`'s agents (a member of that participant only).
#[server(endpoint = "propose_schedule")]
pub async fn propose_schedule(event_id: String, participant_id: String) -> Result<ProposalView, AppError> {
    use crate::service::schedule;
    super::context::run(
        |state, user, _| async move { schedule::propose(&state, &user, &event_id, &participant_id).await },
    )
    .await
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
    use crate::service::schedule::{accept, Acceptance};
    let acceptance = Acceptance { participant_id, fingerprint, steps, agent_ids: agent_ids.unwrap_or_default() };
    super::context::run(|state, user, now| async move { accept(&state, &user, &event_id, acceptance, now).await }).await
}
