//! A participant's named agents: importing them from a CSV file, with a preview first, or
//! one at a time. `service::agents_csv` and `service::plan_edits` decide and write.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::agents_csv::{AgentPreviewRow, AgentsCsvOutcome};

/// Checks a CSV of agents without saving anything.
#[server(endpoint = "preview_agents_csv")]
pub async fn preview_agents_csv(
    event_id: String,
    participant_id: String,
    csv: String,
) -> Result<AgentsCsvOutcome, AppError> {
    use super::context::run;
    use crate::service::agents_csv::{preview, AgentsCsv};
    let file = AgentsCsv { participant_id, csv };
    run(|state, user, now| async move { preview(&state, &user, &event_id, file, now).await }).await
}

/// Saves the valid lines of a CSV of agents; the others are reported and skipped.
#[server(endpoint = "import_agents_csv")]
pub async fn import_agents_csv(
    event_id: String,
    participant_id: String,
    csv: String,
) -> Result<AgentsCsvOutcome, AppError> {
    use super::context::run;
    use crate::service::agents_csv::{import, AgentsCsv};
    let file = AgentsCsv { participant_id, csv };
    run(|state, user, now| async move { import(&state, &user, &event_id, file, now).await }).await
}

/// Adds (`id` empty) or changes one named agent of one of my participants.
#[server(endpoint = "save_agent")]
pub async fn save_agent(
    event_id: String,
    id: String,
    version: String,
    participant_id: String,
    display_name: String,
    /// Ticked qualifications (`qualifications[]`; none ticked sends nothing).
    qualifications: Option<Vec<String>>,
    sex: String,
    cnaps_number: String,
    cnaps_expires: String,
) -> Result<(), AppError> {
    use crate::service::plan_edits::{self, Edit};
    let form = crate::domain::plan::input::AgentInput {
        participant_id,
        display_name,
        qualifications: qualifications.unwrap_or_default(),
        sex,
        cnaps_number,
        cnaps_expires,
    };
    super::context::run(|state, user, now| async move {
        plan_edits::save_agent(&state, &user, &event_id, Edit { id, version, form }, now).await
    })
    .await
}
