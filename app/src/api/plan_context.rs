//! Server-side helpers shared by the planning server functions: loading a plan with the
//! caller's access, parsing local date-times and numbers from forms.

use chrono::NaiveDateTime;

use super::context::{require_user, state};
use crate::domain::plan::{local_instant, EventAccess, PlanError, TimeWindow};
use crate::domain::Instant;
use crate::error::AppError;
use crate::service::access::plan_for;
use crate::state::AppState;
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;
use crate::text;

/// The plan of `event_id` with the caller's access; "not found" for anyone without access.
pub async fn plan_with_access(event_id: &str) -> Result<(AppState, UserRow, StoredPlan, EventAccess), AppError> {
    let user = require_user().await?;
    let state = state()?;
    let (stored, access) = plan_for(&state.db, &user.id, event_id).await?.ok_or(AppError::NotFound)?;
    Ok((state, user, stored, access))
}

/// Refuses unless the caller organises the event.
pub fn require_organiser(access: &EventAccess) -> Result<(), AppError> {
    if access.organiser {
        Ok(())
    } else {
        Err(AppError::Refused(text::ORGANISER_ONLY.into()))
    }
}

/// A `datetime-local` value ("2026-07-10T18:00") read in the event's zone.
pub fn local_datetime(zone: chrono_tz::Tz, raw: &str, field: &str) -> Result<Instant, AppError> {
    let naive = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| AppError::invalid(field, text::DATETIME_INVALID))?;
    local_instant(zone, naive).map_err(|e| AppError::invalid(field, e))
}

/// A window from two `datetime-local` values; an end before the start is reported on `end`.
pub fn local_window(zone: chrono_tz::Tz, start: &str, end: &str) -> Result<TimeWindow, AppError> {
    let from = local_datetime(zone, start, "start")?;
    let to = local_datetime(zone, end, "end")?;
    TimeWindow::new(from, to).map_err(|e| AppError::invalid("end", e))
}

/// The version a save or a removal was based on: required, never guessed (a save without
/// its version would silently overwrite someone else's).
pub fn based_on(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| AppError::invalid("version", text::VERSION_REQUIRED))
}

/// A whole number from a form field; blank gives `None`.
pub fn optional_number(raw: &str, field: &str) -> Result<Option<u32>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        digits => digits.parse::<u32>().map(Some).map_err(|_| AppError::invalid(field, text::NUMBER_INVALID)),
    }
}

pub fn number(raw: &str, field: &str) -> Result<u32, AppError> {
    optional_number(raw, field)?.ok_or_else(|| AppError::invalid(field, text::NUMBER_INVALID))
}

/// A coded choice from a select.
pub fn choice<T>(raw: &str, field: &str, parse: fn(&str) -> Option<T>) -> Result<T, AppError> {
    parse(raw.trim()).ok_or_else(|| AppError::invalid(field, text::CHOICE_INVALID))
}

/// The form field a domain refusal concerns (`fallback` when the error names none).
pub fn field_of(error: &PlanError, fallback: &str) -> String {
    use PlanError::*;
    match error {
        WindowEndNotAfterStart | WindowTooLong => "end",
        LocalTimeSkipped => "start",
        UnknownTimeZone(_) => "time_zone",
        InvalidCommune => "commune_code",
        AttendanceOutOfRange => "expected_attendance",
        SetupAfterStart => "setup_start",
        TeardownBeforeEnd => "teardown_end",
        PublicRoadKindMismatch => "public_road",
        NeedMinOutOfRange | SexMinimaExceedMin => "min",
        NeedMaxOutOfRange => "max",
        PriorityOutOfRange => "priority",
        HeadcountOutOfRange | EmptyDeployment => "headcount",
        DuplicateAgent => "agent_ids",
        _ => fallback,
    }
    .to_string()
}

/// Maps a domain refusal to a field error.
pub fn refused(fallback: &'static str) -> impl Fn(PlanError) -> AppError {
    move |e| AppError::invalid(&field_of(&e, fallback), e)
}

/// A checkbox: present (any value) means ticked.
pub fn ticked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}
