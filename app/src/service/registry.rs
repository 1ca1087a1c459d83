//! A prefecture's registry of conventions in force and its annual census, with each event's
//! convention showing where the event's evaluation stands: the one place the registry page,
//! the census CSV (page and command line) read them from.

use std::collections::BTreeMap;

use crate::domain::convention::{census, Census, RegistryEntry};
use crate::domain::evaluation::EvaluationState;
use crate::domain::geo::Department;
use crate::domain::Instant;
use crate::store::{self, conventions, evaluations, Db};

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
