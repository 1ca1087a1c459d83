//! Publishing an event's plan as releases (v1, v2, …) and subscribing to calendar feeds of the
//! latest release. The organiser publishes; each participant whose deployments changed is told
//! by e-mail; everyone who reads the event reads its release history; each reader creates feed
//! links for what it may read (its own participant and agents; zones and the whole event for
//! the organiser, the State forces and the prefecture).

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::releases::*;

#[server(endpoint = "get_publishing")]
pub async fn get_publishing(event_id: String) -> Result<PublishingPage, AppError> {
    use super::context::run;
    use crate::service::releases;
    run(|state, user, now| async move { releases::page(&state, &user, &event_id, now).await }).await
}

/// Publishes the current plan as the next release (the organiser only).
#[server(endpoint = "publish_release")]
pub async fn publish_release(event_id: String, comment: String) -> Result<u32, AppError> {
    use super::context::run;
    use crate::service::releases;
    run(|state, user, now| async move { releases::publish(&state, &user, &event_id, &comment, now).await }).await
}

/// Creates a feed link for `scope` (`participant:ID`, `agent:ID`, `zone:ID` or `event`).
#[server(endpoint = "create_feed")]
pub async fn create_feed(event_id: String, scope: String) -> Result<NewFeed, AppError> {
    use super::context::run;
    use crate::service::releases;
    run(|state, user, now| async move { releases::create_feed(&state, &user, &event_id, &scope, now).await }).await
}

/// What changed between any two releases (`from` older than `to`), as the reader may read it.
#[server(endpoint = "compare_releases")]
pub async fn compare_releases(event_id: String, from: String, to: String) -> Result<Vec<String>, AppError> {
    use super::context::run;
    use crate::service::releases;
    run(|state, user, _| async move { releases::compare(&state, &user, &event_id, &from, &to).await }).await
}

/// Revokes one of my feed links: it answers 404 at once.
#[server(endpoint = "revoke_feed")]
pub async fn revoke_feed(event_id: String, id: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::releases;
    run(|state, user, now| async move { releases::revoke_feed(&state, &user, &event_id, &id, now).await }).await
}
