//! Presence on the day, on the page « Opérations »: the zones now and the reader's team, a
//! chief's « Arrivée » / « Départ » for one of its agents, and the agents' personal links.
//! Every server function calls `service::presence`, where the rights are decided.

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::read_models::presence::{NewPresenceLink, PresenceBlock, TeamLine, ZoneNowLine};

#[server(endpoint = "get_presence")]
pub async fn get_presence(event_id: String) -> Result<PresenceBlock, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::presence::block(&state, &user, &event_id, now).await }).await
}

/// « Arrivée » (`arrivee`) or « Départ » (`depart`) of one agent of the reader's team.
#[server(endpoint = "mark_presence")]
pub async fn mark_presence(event_id: String, agent_id: String, movement: String) -> Result<TeamLine, AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::presence::mark(&state, &user, &event_id, &agent_id, &movement, now).await
    })
    .await
}

/// A personal check-in link for one agent of the reader's team, shown once.
#[server(endpoint = "create_presence_link")]
pub async fn create_presence_link(event_id: String, agent_id: String) -> Result<NewPresenceLink, AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::presence::create_link(&state, &user, &event_id, &agent_id, now).await
    })
    .await
}

/// Revokes one of the team's personal links: it answers 404 at once.
#[server(endpoint = "revoke_presence_link")]
pub async fn revoke_presence_link(event_id: String, link_id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::presence::revoke_link(&state, &user, &event_id, &link_id, now).await
    })
    .await
}
