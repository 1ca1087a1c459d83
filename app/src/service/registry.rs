//! A prefecture's registry of conventions in force and its annual census, with each event's
//! convention showing where the event's evaluation stands: the one place the registry page,
//! the census CSV (page, HTTP download and command line) read them from; and the prefecture's
//! own additions to its registry and removals from it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::access::prefecture_department;
use crate::domain::convention::{census, census_csv, Census, ConventionKind, RegistryEntry, RegistryEntryDraft};
use crate::domain::evaluation::EvaluationState;
use crate::domain::geo::Department;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::registry::{EventEvaluationLine, RegistryLine, RegistryPage};
use crate::state::AppState;
use crate::store::users::UserRow;
use crate::store::{self, conventions, evaluations, Db};
use crate::text;

/// The registry of `department`: each entry with its id and, for an event's convention, the
/// state of the event's evaluation at `now`.
pub async fn registry(
    db: &Db,
    department: &Department,
    now: Instant,
) -> Result<Vec<(String, RegistryEntry, Option<EvaluationState>)>, sqlx::Error> {
    let rows = conventions::in_force(db, department.as_str()).await?;
    let events = conventions::events_of_entries(db, department.as_str()).await?;
    let ids: Vec<&str> = events.values().map(String::as_str).collect();
    let stored = evaluations::of_events(db, &ids).await?;
    let mut states: BTreeMap<&str, EvaluationState> = BTreeMap::new();
    for event_id in &ids {
        if let Some(plan) = store::plans::load_plan(db, event_id).await? {
            let evaluation = stored.get(*event_id).cloned().unwrap_or_default();
            states.insert(
                event_id,
                EvaluationState::of(&plan.plan.event, evaluation.deadline, evaluation.closed_at, now),
            );
        }
    }
    Ok(rows
        .into_iter()
        .map(|(id, entry)| {
            let state = events.get(&id).and_then(|event| states.get(event.as_str()).copied());
            (id, entry, state)
        })
        .collect())
}

/// The census of `department` for `year`, each event's convention with its evaluation.
pub async fn census_for(db: &Db, department: &Department, year: i32, now: Instant) -> Result<Census, sqlx::Error> {
    let rows = registry(db, department, now).await?;
    let entries: Vec<RegistryEntry> = rows.iter().map(|(_, entry, _)| entry.clone()).collect();
    let mut census = census(year, department, &entries);
    for line in &mut census.lines {
        line.evaluation =
            rows.iter().find(|(_, entry, _)| *entry == line.entry).and_then(|(_, _, state)| state.map(|s| s.label()));
    }
    Ok(census)
}

fn date(raw: &str, field: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| AppError::invalid(field, text::DATE_INVALID))
}

/// The year asked, 0 meaning the current one at `now`; refused outside 2000–2100.
pub fn year_of(year: i32, now: Instant) -> Result<i32, AppError> {
    let year = if year == 0 { now.to_chrono().map_or(2026, |t| chrono::Datelike::year(&t)) } else { year };
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(AppError::invalid("year", text::CENSUS_YEAR_INVALID))
    }
}

/// The prefecture's department of `user`, parsed (a prefecture member only).
async fn department_of(state: &AppState, user: &UserRow) -> Result<(String, Department), AppError> {
    let code = prefecture_department(&state.db, user).await?;
    let department = Department::parse(&code).ok_or(AppError::Forbidden)?;
    Ok((code, department))
}

/// The registry page of `user`'s prefecture, with the census of `year` (0: the current one).
pub async fn page(state: &AppState, user: &UserRow, year: i32, now: Instant) -> Result<RegistryPage, AppError> {
    let year = year_of(year, now)?;
    let (code, department) = department_of(state, user).await?;
    let rows = registry(&state.db, &department, now).await?;
    let year_census = census_for(&state.db, &department, year, now).await?;
    let events = conventions::events_of_entries(&state.db, &code).await?;
    let format = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let lines = rows
        .into_iter()
        .map(|(id, e, evaluation)| {
            let line = year_census.lines.iter().find(|l| l.entry == e);
            RegistryLine {
                commune_code: e.commune().as_str().to_string(),
                kind: e.kind().label().to_string(),
                reference: e.reference().to_string(),
                title: e.title().to_string(),
                signed: format(e.signed()),
                start: format(e.start()),
                end: e.end().map(format).unwrap_or_else(|| text::CENSUS_OPEN_ENDED.to_string()),
                in_force_on_31_december: line.is_some_and(|l| l.in_force_on_31_december),
                signed_during_year: line.is_some_and(|l| l.signed_during_year),
                evaluation: evaluation.map(|s| s.label()),
                evaluation_url: events.get(&id).map(|event| format!("/evenements/{event}/evaluation")),
                id,
            }
        })
        .collect();
    let other_evaluations = evaluations_outside_registry(&state.db, &code, &events, now).await?;
    let current = year_of(0, now)?;
    Ok(RegistryPage {
        department: code,
        year,
        entries: lines,
        in_force_count: year_census.in_force_count(),
        newly_signed_count: year_census.newly_signed_count(),
        csv_url: format!("/prefecture/recensement/{year}.csv"),
        kinds: ConventionKind::ALL.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect(),
        years: ((current - 5)..=(current + 1)).collect(),
        other_evaluations,
    })
}

/// The evaluations of `department`'s events that have ended at `now` and whose convention is
/// not in the registry (`in_registry`: registry entry → event), latest first.
async fn evaluations_outside_registry(
    db: &Db,
    department: &str,
    in_registry: &BTreeMap<String, String>,
    now: Instant,
) -> Result<Vec<EventEvaluationLine>, sqlx::Error> {
    use crate::domain::time::{format_day_fr, format_last_day_fr};
    let listed: std::collections::BTreeSet<&str> = in_registry.values().map(String::as_str).collect();
    let viewer = crate::domain::plan::Viewer {
        organisation_ids: Vec::new(),
        prefecture_departments: vec![department.to_string()],
        kinds: BTreeMap::new(),
    };
    let ended: Vec<_> = store::plans::list_events(db, &viewer)
        .await?
        .into_iter()
        .filter(|row| row.department == department && row.ends_at <= now && !listed.contains(row.id.as_str()))
        .collect();
    let ids: Vec<&str> = ended.iter().map(|row| row.id.as_str()).collect();
    let stored = evaluations::of_events(db, &ids).await?;
    let mut lines = Vec::with_capacity(ended.len());
    for row in ended.iter().rev() {
        let event: crate::domain::plan::Event = store::plans::decode(&row.data)?;
        let evaluation = stored.get(&row.id).cloned().unwrap_or_default();
        let zone = event.time_zone();
        lines.push(EventEvaluationLine {
            name: event.name().to_string(),
            dates: format!(
                "{} → {}",
                format_day_fr(event.window().start(), zone),
                format_last_day_fr(event.window().end(), zone)
            ),
            evaluation: EvaluationState::of(&event, evaluation.deadline, evaluation.closed_at, now).label(),
            evaluation_url: format!("/evenements/{}/evaluation", row.id),
        });
    }
    Ok(lines)
}

/// The « Ajouter une convention en vigueur » form.
#[derive(Debug, Clone, Default)]
pub struct EntryForm {
    pub commune_code: String,
    pub kind: String,
    pub reference: String,
    pub title: String,
    /// `YYYY-MM-DD`
    pub signed: String,
    pub start: String,
    /// Blank: no end.
    pub end: String,
}

/// Adds a convention in force to the registry of `user`'s prefecture's department; one of
/// another department is refused.
pub async fn add(state: &AppState, user: &UserRow, form: EntryForm, now: Instant) -> Result<(), AppError> {
    let code = prefecture_department(&state.db, user).await?;
    let kind =
        ConventionKind::from_code(form.kind.trim()).ok_or_else(|| AppError::invalid("kind", text::CHOICE_INVALID))?;
    let draft = RegistryEntryDraft {
        commune_code: form.commune_code.trim().to_string(),
        kind,
        signed: date(&form.signed, "signed")?,
        start: date(&form.start, "start")?,
        end: match form.end.trim() {
            "" => None,
            raw => Some(date(raw, "end")?),
        },
        reference: form.reference,
        title: form.title,
    };
    let field = if draft.reference.trim().is_empty() || draft.reference.chars().count() > 120 {
        "reference"
    } else if draft.title.trim().is_empty() {
        "title"
    } else if draft.end.is_some_and(|e| e < draft.start) {
        "end"
    } else {
        "commune_code"
    };
    let entry = RegistryEntry::new(draft).map_err(|e| AppError::invalid(field, e))?;
    if entry.department().as_str() != code {
        return Err(AppError::invalid("commune_code", text::REGISTRY_OTHER_DEPARTMENT));
    }
    let id = conventions::add_in_force(&state.db, &entry, &user.id, now).await?;
    tracing::info!(department = %code, entry = %id, by = %user.id, "convention in force added to the registry");
    Ok(())
}

/// Removes a convention of the registry of `user`'s prefecture's department; one of another
/// department is "not found".
pub async fn remove(state: &AppState, user: &UserRow, id: &str, now: Instant) -> Result<(), AppError> {
    let code = prefecture_department(&state.db, user).await?;
    if conventions::remove_in_force(&state.db, &code, id.trim(), &user.id, now).await? {
        tracing::info!(department = %code, entry = %id.trim(), by = %user.id, "convention in force removed from the registry");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The census CSV of `user`'s prefecture's department for `year` (0: the current one),
/// addressed to `recipient`, with the department's code (for the file's name).
pub async fn census_file(
    state: &AppState,
    user: &UserRow,
    year: i32,
    recipient: &str,
    now: Instant,
) -> Result<(String, String), AppError> {
    let year = year_of(year, now)?;
    let (code, department) = department_of(state, user).await?;
    let census = census_for(&state.db, &department, year, now).await?;
    Ok((census_csv(&census, recipient), code))
}
