//! The evaluation after the event (retour d'expérience, RETEX): the circular's fifth axis.
//! After the event's end, each participant fills its part — what it planned against what
//! happened: its headcount present, the incidents, the difficulties, its proposals — by a
//! deadline the prefecture sets; the organiser and the prefecture write the overall
//! assessment; the prefecture closes it. Pure: the caller passes `now` and the event.

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::domain::convention::census::local_day;
use crate::domain::convention::ActorRole;
use crate::domain::plan::fields::parse_free_text;
use crate::domain::plan::input::FieldError;
use crate::domain::plan::{Event, EventAccess};
use crate::domain::time::{Instant, Span};
use crate::text;

/// Days after the operations' end by which the parties meet for the debrief, and the default
/// deadline of the contributions: the date the convention's evaluation article states.
pub const DEBRIEF_DAYS: i64 = 15;

/// The longest text of a part or an assessment, in characters.
pub const MAX_EVALUATION_TEXT: usize = 4_000;

/// The largest headcount a participant may report present.
pub const MAX_HEADCOUNT_PRESENT: u32 = 100_000;

/// The instant the debrief is due: [`DEBRIEF_DAYS`] after the operations end.
pub fn debrief_instant(event: &Event) -> Instant {
    event.operations_end().plus(Span::days(DEBRIEF_DAYS))
}

/// The deadline of the contributions when the prefecture has set none: the debrief's day.
pub fn default_deadline(event: &Event) -> NaiveDate {
    local_day(debrief_instant(event), event.time_zone())
}

/// One participant's part, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationPart {
    /// The most agents it had on site at once, as counted; `None` when not counted.
    pub headcount_present: Option<u32>,
    pub incidents: String,
    pub difficulties: String,
    pub proposals: String,
}

impl EvaluationPart {
    /// Reads the form: a whole number of agents (or blank) and three free texts of at most
    /// 4,000 characters; at least one of the four filled.
    pub fn parse(headcount: &str, incidents: &str, difficulties: &str, proposals: &str) -> Result<Self, FieldError> {
        let headcount_present = match headcount.trim() {
            "" => None,
            raw => match raw.parse::<u32>() {
                Ok(n) if n <= MAX_HEADCOUNT_PRESENT => Some(n),
                _ => return Err(FieldError::new("headcount_present", text::EVALUATION_HEADCOUNT_INVALID)),
            },
        };
        let free = |raw: &str, field: &str| -> Result<String, FieldError> {
            match raw.trim() {
                "" => Ok(String::new()),
                raw => parse_free_text(raw, MAX_EVALUATION_TEXT).map_err(|e| FieldError::new(field, e)),
            }
        };
        let part = EvaluationPart {
            headcount_present,
            incidents: free(incidents, "incidents")?,
            difficulties: free(difficulties, "difficulties")?,
            proposals: free(proposals, "proposals")?,
        };
        if part.headcount_present.is_none()
            && [&part.incidents, &part.difficulties, &part.proposals].iter().all(|t| t.is_empty())
        {
            return Err(FieldError::new("headcount_present", text::EVALUATION_PART_EMPTY));
        }
        Ok(part)
    }
}

/// An assessment typed by the organiser or the prefecture: a free text of at most 4,000
/// characters, blank allowed (not written yet).
pub fn parse_assessment(raw: &str) -> Result<String, FieldError> {
    match raw.trim() {
        "" => Ok(String::new()),
        raw => parse_free_text(raw, MAX_EVALUATION_TEXT).map_err(|e| FieldError::new("assessment", e)),
    }
}

/// Where an event's evaluation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvaluationState {
    /// The event has not ended: nothing to evaluate yet.
    Upcoming,
    /// Contributions are expected by `deadline`; `late` once that day has passed.
    Open { deadline: NaiveDate, late: bool },
    /// Closed by the prefecture on that day.
    Closed { on: NaiveDate },
}

impl EvaluationState {
    /// Where the evaluation of `event` stands at `now`.
    pub fn of(event: &Event, deadline: Option<NaiveDate>, closed_at: Option<Instant>, now: Instant) -> Self {
        let zone: Tz = event.time_zone();
        if let Some(at) = closed_at {
            return EvaluationState::Closed { on: local_day(at, zone) };
        }
        if now < event.window().end() {
            return EvaluationState::Upcoming;
        }
        let deadline = deadline.unwrap_or_else(|| default_deadline(event));
        EvaluationState::Open { deadline, late: local_day(now, zone) > deadline }
    }

    /// A stable code, for the census and the pages.
    pub fn code(self) -> &'static str {
        match self {
            EvaluationState::Upcoming => "a_venir",
            EvaluationState::Open { late: false, .. } => "en_cours",
            EvaluationState::Open { late: true, .. } => "en_retard",
            EvaluationState::Closed { .. } => "cloturee",
        }
    }

    /// « à venir », « en cours (contributions attendues au 12/07/2027) », « clôturée le 20/07/2027 »…
    pub fn label(self) -> String {
        let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        match self {
            EvaluationState::Upcoming => text::EVALUATION_UPCOMING.to_string(),
            EvaluationState::Open { deadline, late: false } => text::evaluation_open(&day(deadline)),
            EvaluationState::Open { deadline, late: true } => text::evaluation_late(&day(deadline)),
            EvaluationState::Closed { on } => text::evaluation_closed(&day(on)),
        }
    }
}

/// What someone asks to do with an evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvaluationAction {
    /// Write (or rewrite) the part of this participant.
    WritePart(String),
    WriteOrganiserAssessment,
    WritePrefectureAssessment,
    SetDeadline,
    /// Close it: the prefecture, once its assessment is written.
    Close {
        prefecture_assessment_written: bool,
    },
}

/// Whether `role` (with `access` to the event) may do `action` on an evaluation in `state`:
/// the one rule of the evaluation's doors. A participant writes its own part only; the
/// organiser, its assessment; the prefecture of the event's department, its assessment, the
/// deadline and the closing. Nothing is written before the event's end (but the deadline)
/// nor once the evaluation is closed.
pub fn may(
    role: ActorRole,
    access: &EventAccess,
    action: &EvaluationAction,
    state: EvaluationState,
) -> Result<(), String> {
    if let EvaluationState::Closed { .. } = state {
        return Err(text::EVALUATION_CLOSED_ALREADY.into());
    }
    let prefecture = role == ActorRole::PrefectureInstructor;
    let allowed = match action {
        EvaluationAction::WritePart(participant) => access.edits_participant(participant),
        EvaluationAction::WriteOrganiserAssessment => role == ActorRole::Organiser,
        EvaluationAction::WritePrefectureAssessment | EvaluationAction::SetDeadline => prefecture,
        EvaluationAction::Close { .. } => prefecture,
    };
    if !allowed {
        return Err(text::EVALUATION_NOT_YOURS.into());
    }
    if state == EvaluationState::Upcoming && *action != EvaluationAction::SetDeadline {
        return Err(text::EVALUATION_NOT_YET.into());
    }
    if let EvaluationAction::Close { prefecture_assessment_written: false } = action {
        return Err(text::EVALUATION_CLOSE_NEEDS_ASSESSMENT.into());
    }
    Ok(())
}

#[cfg(test)]
#[path = "evaluation_tests.rs"]
mod tests;
