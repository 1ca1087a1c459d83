//! The evaluation of an event after it (RETEX): the page's data, each participant's part, the
//! organiser's and the prefecture's assessments, the deadline and the closing. Every server
//! function calls `service::evaluation`, where the rights are decided.
// A server function receives one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::read_models::evaluation::{EvaluationPage, PartLine};

#[server(endpoint = "get_evaluation")]
pub async fn get_evaluation(event_id: String) -> Result<EvaluationPage, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::evaluation::page(&state, &user, &event_id, now).await }).await
}

/// A participant's part (its members).
#[server(endpoint = "save_evaluation_part")]
pub async fn save_evaluation_part(
    event_id: String,
    participant_id: String,
    version: String,
    headcount_present: String,
    incidents: String,
    difficulties: String,
    proposals: String,
) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::evaluation::{save_part, PartForm};
    let form = PartForm { participant_id, version, headcount_present, incidents, difficulties, proposals };
    run(|state, user, now| async move { save_part(&state, &user, &event_id, form, now).await }).await
}

/// The organiser's or the prefecture's assessment, whichever the person writes.
#[server(endpoint = "save_evaluation_assessment")]
pub async fn save_evaluation_assessment(event_id: String, version: String, assessment: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::evaluation::save_assessment(&state, &user, &event_id, &version, &assessment, now).await
    })
    .await
}

/// The contributions' deadline (the prefecture), `YYYY-MM-DD`.
#[server(endpoint = "set_evaluation_deadline")]
pub async fn set_evaluation_deadline(
    event_id: String,
    deadline: String,
    /// The version of the evaluation the page showed.
    #[server(default)]
    version: String,
) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::evaluation::set_deadline(&state, &user, &event_id, (&deadline, &version), now).await
    })
    .await
}

/// « Clôturer l'évaluation » (the prefecture), from the evaluation at `version`.
#[server(endpoint = "close_evaluation")]
pub async fn close_evaluation(event_id: String, #[server(default)] version: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::evaluation::close(&state, &user, &event_id, &version, now).await })
        .await
}
