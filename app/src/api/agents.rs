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
    use super::context::respond;
    let form = server::AgentForm {
        participant_id,
        display_name,
        qualifications: qualifications.unwrap_or_default(),
        sex,
        cnaps_number,
        cnaps_expires,
    };
    respond(server::save(event_id, id, version, form).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::{AgentPreviewRow, AgentsCsvOutcome};
    use crate::api::context::now;
    use crate::api::plan_context::plan_with_access;
    use crate::domain::interchange::parse_agents_csv;
    use crate::domain::plan::Agent;
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::store::new_id;
    use crate::store::plans::{self, RecordKind};
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
        if !access.edits_participant(participant_id.trim()) {
            return Err(AppError::invalid("participant_id", text::PARTICIPANT_NOT_YOURS));
        }
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
                    let mut errors = Vec::new();
                    if let Some(card) = agent.cnaps_card() {
                        if !card.is_valid_at(now) {
                            errors.push(text::CARD_EXPIRED.to_string());
                        }
                        if stored.plan.card_held_by_own_agent(participant.id(), card.number(), None) {
                            errors.push(text::CARD_ALREADY_KNOWN.to_string());
                        }
                    }
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
            for agent in valid {
                plans::insert_record(
                    &state.db,
                    &user.id,
                    &event_id,
                    RecordKind::Agent,
                    agent.id(),
                    Some(participant.id()),
                    Some(participant.organisation_id()),
                    agent,
                    now,
                )
                .await?;
                imported += 1;
            }
            tracing::info!(event = %event_id, participant = %participant.id(), imported, "agents imported from CSV");
        }
        let csv = if save { String::new() } else { csv };
        let participant_id = participant.id().to_string();
        Ok(AgentsCsvOutcome { file_errors: parsed.file_errors, rows, imported, csv, participant_id })
    }

    pub struct AgentForm {
        pub participant_id: String,
        pub display_name: String,
        pub qualifications: Vec<String>,
        pub sex: String,
        pub cnaps_number: String,
        pub cnaps_expires: String,
    }

    pub async fn save(event_id: String, id: String, version: String, form: AgentForm) -> Result<(), AppError> {
        use crate::api::plan_context::{choice, refused};
        use crate::domain::interchange::end_of_day_in_paris;
        use crate::domain::plan::{AgentDraft, CnapsCard, Qualification, Sex};
        use crate::store::plans::Saved;

        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let id = id.trim();
        let existing = if id.is_empty() {
            None
        } else {
            let agent = stored.plan.agents.iter().find(|a| a.id() == id).ok_or(AppError::NotFound)?;
            stored.versions.get(id).ok_or(AppError::NotFound)?;
            Some((agent.participant_id().to_string(), crate::api::plan_context::based_on(&version)?))
        };
        // An agent stays with its participant; only that participant's members edit it.
        let owner = existing.as_ref().map(|(p, _)| p.clone()).unwrap_or_else(|| form.participant_id.trim().to_string());
        if !access.edits_participant(&owner) {
            return Err(AppError::invalid("participant_id", text::PARTICIPANT_NOT_YOURS));
        }
        let participant = stored.plan.participant(&owner).ok_or(AppError::NotFound)?;
        let qualifications = form
            .qualifications
            .iter()
            .map(|q| choice(q, "qualifications", Qualification::from_code))
            .collect::<Result<_, _>>()?;
        let sex = match form.sex.trim() {
            "" => None,
            code => Some(choice(code, "sex", Sex::from_code)?),
        };
        let cnaps_card = match (form.cnaps_number.trim(), form.cnaps_expires.trim()) {
            ("", "") => None,
            ("", _) => return Err(AppError::invalid("cnaps_number", text::CARD_NUMBER_MISSING)),
            (_, "") => return Err(AppError::invalid("cnaps_expires", text::CARD_EXPIRY_MISSING)),
            (number, expires) => {
                let expires = end_of_day_in_paris(expires)
                    .ok_or_else(|| AppError::invalid("cnaps_expires", text::DATE_INVALID))?;
                Some(CnapsCard::new(number, expires).map_err(|e| AppError::invalid("cnaps_number", e))?)
            }
        };
        if let Some(card) = &cnaps_card {
            if !card.is_valid_at(now()) {
                return Err(AppError::invalid("cnaps_expires", text::CARD_EXPIRED));
            }
            if stored.plan.card_held_by_own_agent(&owner, card.number(), Some(id)) {
                return Err(AppError::invalid("cnaps_number", text::CARD_ALREADY_KNOWN));
            }
        }
        let availability =
            stored.plan.agents.iter().find(|a| a.id() == id).map(|a| a.availability().to_vec()).unwrap_or_default();
        let agent = Agent::new(AgentDraft {
            id: if id.is_empty() { new_id() } else { id.to_string() },
            participant_id: owner.clone(),
            display_name: form.display_name,
            qualifications,
            sex,
            cnaps_card,
            availability,
        })
        .map_err(refused("display_name"))?;
        let now = now();
        match existing {
            None => {
                plans::insert_record(
                    &state.db,
                    &user.id,
                    &event_id,
                    RecordKind::Agent,
                    agent.id(),
                    Some(participant.id()),
                    Some(participant.organisation_id()),
                    &agent,
                    now,
                )
                .await?;
                Ok(())
            }
            Some((_, based_on)) => {
                match plans::update_record(
                    &state.db,
                    &user.id,
                    &event_id,
                    RecordKind::Agent,
                    agent.id(),
                    based_on,
                    &agent,
                    now,
                )
                .await?
                {
                    Saved::Done(_) => Ok(()),
                    Saved::Stale { data, .. } => {
                        let current =
                            plans::decode::<Agent>(&data).map(|a| a.display_name().to_string()).unwrap_or_default();
                        Err(AppError::Stale { message: text::stale_record(&current) })
                    }
                    Saved::Missing => Err(AppError::NotFound),
                }
            }
        }
    }
}
