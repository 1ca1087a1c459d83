//! A participant's named agents: importing them from a CSV file, with a preview first, or
//! one at a time.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One line of a CSV file as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentPreviewRow {
    pub line: usize,
    pub name: String,
    pub card: String,
    pub expires: String,
    pub qualifications: String,
    /// Why the line will not be imported; empty when it will.
    pub errors: Vec<String>,
}

/// What importing the file would do (or did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentsCsvOutcome {
    pub file_errors: Vec<String>,
    pub rows: Vec<AgentPreviewRow>,
    /// How many agents were saved (0 for a preview).
    pub imported: usize,
    /// The file previewed, handed back so that the import sends exactly what was checked.
    pub csv: String,
    /// The participant the file was checked for.
    pub participant_id: String,
}

/// Checks a CSV of agents without saving anything.
#[server(endpoint = "preview_agents_csv")]
pub async fn preview_agents_csv(
    event_id: String,
    participant_id: String,
    csv: String,
) -> Result<AgentsCsvOutcome, AppError> {
    use super::context::respond;
    respond(server::run(event_id, participant_id, csv, false).await)
}

/// Saves the valid lines of a CSV of agents; the others are reported and skipped.
#[server(endpoint = "import_agents_csv")]
pub async fn import_agents_csv(
    event_id: String,
    participant_id: String,
    csv: String,
) -> Result<AgentsCsvOutcome, AppError> {
    use super::context::respond;
    respond(server::run(event_id, participant_id, csv, true).await)
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

#[cfg(feature = "ssr")]
mod server {
    use super::{AgentPreviewRow, AgentsCsvOutcome};
    use crate::api::context::now;
    use crate::api::plan_context::plan_with_access;
    use crate::domain::interchange::parse_agents_csv;
    use crate::domain::plan::input::card_refusals;
    use crate::domain::plan::Agent;
    use crate::domain::plan::RecordKind;
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::service::plan_edits::{add_agents, require_write};
    use crate::store::new_id;
    use crate::text;

    /// A CSV larger than this is refused whole (about 20,000 agents).
    const MAX_CSV_BYTES: usize = 2 * 1024 * 1024;

    pub async fn run(
        event_id: String,
        participant_id: String,
        csv: String,
        save: bool,
    ) -> Result<AgentsCsvOutcome, AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_write(&access, RecordKind::Agent, Some(participant_id.trim()))?;
        if csv.len() > MAX_CSV_BYTES {
            return Err(AppError::invalid("csv", text::CSV_TOO_LARGE));
        }
        let participant = stored.plan.participant(participant_id.trim()).ok_or(AppError::NotFound)?;
        let zone = stored.plan.event.time_zone();
        let now = now();
        let parsed = parse_agents_csv(&csv, participant.id(), &mut new_id);

        let mut rows = Vec::new();
        let mut valid: Vec<&Agent> = Vec::new();
        for row in &parsed.rows {
            match &row.result {
                Ok(agent) => {
                    let errors: Vec<String> = agent
                        .cnaps_card()
                        .map(|card| card_refusals(&stored.plan, participant.id(), card, None, now))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|refusal| refusal.message)
                        .collect();
                    if errors.is_empty() {
                        valid.push(agent);
                    }
                    rows.push(AgentPreviewRow {
                        line: row.line,
                        name: agent.display_name().to_string(),
                        card: agent.cnaps_card().map(|c| c.number().to_string()).unwrap_or_default(),
                        expires: agent.cnaps_card().map(|c| format_long_fr(c.expires(), zone)).unwrap_or_default(),
                        qualifications: agent.qualifications().iter().map(|q| q.label()).collect::<Vec<_>>().join(", "),
                        errors,
                    });
                }
                Err(errors) => rows.push(AgentPreviewRow {
                    line: row.line,
                    name: String::new(),
                    card: String::new(),
                    expires: String::new(),
                    qualifications: String::new(),
                    errors: errors.clone(),
                }),
            }
        }
        let mut imported = 0;
        if save && parsed.file_errors.is_empty() {
            // All the valid lines or none, in one transaction, through the application layer.
            add_agents(&state, &user, &event_id, participant.id(), &valid, now).await?;
            imported = valid.len();
            tracing::info!(event = %event_id, participant = %participant.id(), imported, "agents imported from CSV");
        }
        let csv = if save { String::new() } else { csv };
        let participant_id = participant.id().to_string();
        Ok(AgentsCsvOutcome { file_errors: parsed.file_errors, rows, imported, csv, participant_id })
    }
}
