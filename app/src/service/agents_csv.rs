//! A participant's agents from a CSV file: checked line by line (the file's format by the
//! domain's reader, each card by the one card rule [`card_refusals`]) for a preview, then
//! imported all valid lines or none through [`add_agents`], which checks the cards again.

use super::plan_edits::{add_agents, open, require_write};
use crate::domain::interchange::parse_agents_csv;
use crate::domain::plan::input::card_refusals;
use crate::domain::plan::{Agent, RecordKind};
use crate::domain::time::format_long_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::agents_csv::{AgentPreviewRow, AgentsCsvOutcome};
use crate::state::AppState;
use crate::store::new_id;
use crate::store::users::UserRow;
use crate::text;

/// A CSV larger than this is refused whole (about 20,000 agents).
const MAX_CSV_BYTES: usize = 2 * 1024 * 1024;

/// A CSV file of agents for one of the person's participants.
#[derive(Debug, Clone, Default)]
pub struct AgentsCsv {
    pub participant_id: String,
    pub csv: String,
}

/// Checks the file without saving anything: what importing it would do.
pub async fn preview(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    file: AgentsCsv,
    now: Instant,
) -> Result<AgentsCsvOutcome, AppError> {
    read(state, user, event_id, file, false, now).await
}

/// Saves the valid lines of the file, all or none; the others are reported and skipped.
pub async fn import(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    file: AgentsCsv,
    now: Instant,
) -> Result<AgentsCsvOutcome, AppError> {
    read(state, user, event_id, file, true, now).await
}

async fn read(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    AgentsCsv { participant_id, csv }: AgentsCsv,
    save: bool,
    now: Instant,
) -> Result<AgentsCsvOutcome, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_write(&access, RecordKind::Agent, Some(participant_id.trim()))?;
    if csv.len() > MAX_CSV_BYTES {
        return Err(AppError::invalid("csv", text::CSV_TOO_LARGE));
    }
    let participant = stored.plan.participant(participant_id.trim()).ok_or(AppError::NotFound)?;
    let zone = stored.plan.event.time_zone();
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
        // All the valid lines or none, in one transaction.
        add_agents(state, user, event_id, participant.id(), &valid, now).await?;
        imported = valid.len();
        tracing::info!(event = %event_id, participant = %participant.id(), imported, "agents imported from CSV");
    }
    let csv = if save { String::new() } else { csv };
    let participant_id = participant.id().to_string();
    Ok(AgentsCsvOutcome { file_errors: parsed.file_errors, rows, imported, csv, participant_id })
}
