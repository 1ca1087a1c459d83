//! The deployment form as typed, and its one parser: compiled for the browser (the compliance
//! preview while typing) and for the server (the save), so that the two can never read the
//! same form differently. Pure: the plan it is read against and the rights (may the sender
//! restrict it?) are passed in; each refusal names the field it concerns.

use chrono::NaiveDateTime;
use chrono_tz::Tz;

mod event;
mod participant;
mod records;

pub use event::{EventInput, LegalInput, OrderInput};
pub use participant::ParticipantEditInput;
pub use records::{card_refusals, post_of_zone, AgentInput, NeedInput, PostInput, ZoneInput};

use super::aggregate::Plan;
use super::deployment::{Deployment, DeploymentDraft, MissionCategory, Visibility};
use super::error::PlanError;
use super::time_zone::local_instant;
use super::window::TimeWindow;
use crate::domain::time::Instant;
use crate::text;

/// A refusal of a form, next to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl ToString) -> FieldError {
        FieldError { field: field.to_string(), message: message.to_string() }
    }
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

/// A `datetime-local` value ("2026-07-10T18:00") read in the event's zone.
pub fn local_datetime(zone: Tz, raw: &str, field: &str) -> Result<Instant, FieldError> {
    local_instant(zone, wall_clock(raw, field)?).map_err(|e| FieldError::new(field, e))
}

/// A `datetime-local` value ("2026-07-10T18:00") as a wall-clock time, in no zone yet.
pub fn wall_clock(raw: &str, field: &str) -> Result<NaiveDateTime, FieldError> {
    NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| FieldError::new(field, text::DATETIME_INVALID))
}

/// A window from two `datetime-local` values; an end before the start is reported on `end`.
pub fn local_window(zone: Tz, start: &str, end: &str) -> Result<TimeWindow, FieldError> {
    let from = local_datetime(zone, start, "start")?;
    let to = local_datetime(zone, end, "end")?;
    TimeWindow::new(from, to).map_err(|e| FieldError::new("end", e))
}

/// A whole number from a form field; blank gives `None`.
pub fn optional_number(raw: &str, field: &str) -> Result<Option<u32>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        digits => digits.parse::<u32>().map(Some).map_err(|_| FieldError::new(field, text::NUMBER_INVALID)),
    }
}

/// A whole number a form requires.
pub fn number(raw: &str, field: &str) -> Result<u32, FieldError> {
    optional_number(raw, field)?.ok_or_else(|| FieldError::new(field, text::NUMBER_INVALID))
}

/// A coded choice from a select.
pub fn choice<T>(raw: &str, field: &str, parse: fn(&str) -> Option<T>) -> Result<T, FieldError> {
    parse(raw.trim()).ok_or_else(|| FieldError::new(field, text::CHOICE_INVALID))
}

/// A domain refusal, at the field it concerns (`fallback` when it names none).
pub fn refused(fallback: &'static str) -> impl Fn(PlanError) -> FieldError {
    move |e| FieldError::new(&field_of(&e, fallback), e)
}

/// A checkbox: present (any value) means ticked.
pub fn ticked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}

/// The deployment form's fields, as the browser sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeploymentInput {
    /// Blank for a new deployment.
    pub id: String,
    pub participant_id: String,
    pub zone_id: String,
    pub post_id: Option<String>,
    pub start: String,
    pub end: String,
    pub headcount: String,
    pub category: String,
    pub mission: String,
    pub radio: String,
    /// The « diffusion restreinte » box is ticked.
    pub restricted: bool,
    pub agent_ids: Vec<String>,
}

impl DeploymentInput {
    /// The form from its (name, value) pairs, repeated names kept (`agent_ids[]`).
    pub fn from_pairs(values: &[(String, String)]) -> DeploymentInput {
        let value = |name: &str| values.iter().find(|(n, _)| n == name).map_or(String::new(), |(_, v)| v.clone());
        DeploymentInput {
            id: value("id"),
            participant_id: value("participant_id"),
            zone_id: value("zone_id"),
            post_id: Some(value("post_id")).filter(|p| !p.trim().is_empty()),
            start: value("start"),
            end: value("end"),
            headcount: value("headcount"),
            category: value("category"),
            mission: value("mission"),
            radio: value("radio"),
            restricted: !value("restricted").is_empty(),
            agent_ids: values
                .iter()
                .filter(|(n, _)| n == "agent_ids[]" || n == "agent_ids")
                .map(|(_, v)| v.clone())
                .collect(),
        }
    }

    /// The deployment this form describes in `plan`, under `id`, for `participant_id` (the
    /// stored owner of an existing deployment). `may_restrict`: whether the sender may mark
    /// it restricted (a ticked box is otherwise ignored, as the box is not offered).
    pub fn parse(
        &self,
        plan: &Plan,
        id: &str,
        participant_id: &str,
        may_restrict: bool,
    ) -> Result<Deployment, FieldError> {
        if !plan.zones.iter().any(|z| z.id() == self.zone_id.trim()) {
            return Err(FieldError::new("zone_id", text::UNKNOWN_ZONE));
        }
        let zone_id = self.zone_id.trim().to_string();
        let post_id = post_of_zone(plan, self.post_id.as_deref(), &zone_id)?;
        let agent_ids = self
            .agent_ids
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(|a| {
                plan.agents
                    .iter()
                    .find(|agent| agent.id() == a && agent.participant_id() == participant_id)
                    .map(|agent| agent.id().to_string())
                    .ok_or_else(|| FieldError::new("agent_ids", text::UNKNOWN_AGENT))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let window = local_window(plan.event.time_zone(), &self.start, &self.end)?;
        let category = MissionCategory::from_code(self.category.trim())
            .ok_or_else(|| FieldError::new("category", text::CHOICE_INVALID))?;
        let draft = DeploymentDraft {
            id: id.to_string(),
            participant_id: participant_id.to_string(),
            zone_id,
            post_id,
            window,
            headcount: optional_number(&self.headcount, "headcount")?.unwrap_or(0),
            agent_ids,
            category,
            mission: self.mission.clone(),
            radio: Some(self.radio.clone()).filter(|r| !r.trim().is_empty()),
            visibility: if self.restricted && may_restrict {
                Visibility::Restricted
            } else {
                Visibility::AllParticipants
            },
        };
        Deployment::new(draft).map_err(|e| FieldError::new(&field_of(&e, "mission"), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, AVENUE, COMPANY, ENTRANCE, NADIA, POLICE};

    fn input(zone: u32) -> DeploymentInput {
        DeploymentInput {
            participant_id: id(COMPANY),
            zone_id: id(zone),
            start: "2026-06-20T18:00".into(),
            end: "2026-06-20T23:00".into(),
            headcount: "2".into(),
            category: "surveillance".into(),
            mission: "Surveillance".into(),
            ..DeploymentInput::default()
        }
    }

    const NEW: &str = "00000000-0000-4000-8000-0000000000ff";

    #[test]
    fn a_complete_form_reads_as_the_deployment_in_the_events_zone() {
        let plan = compliant_plan();
        let d = input(ENTRANCE).parse(&plan, NEW, &id(COMPANY), false).unwrap();
        assert_eq!(
            (d.zone_id(), d.headcount(), d.visibility()),
            (id(ENTRANCE).as_str(), 2, Visibility::AllParticipants)
        );
    }

    #[test]
    fn each_refusal_names_its_field() {
        let plan = compliant_plan();
        let owner = id(COMPANY);
        let refused = |edit: fn(&mut DeploymentInput)| {
            let mut form = input(AVENUE);
            edit(&mut form);
            form.parse(&plan, NEW, &owner, false).unwrap_err().field
        };
        assert_eq!(refused(|f| f.headcount = "deux".into()), "headcount");
        assert_eq!(refused(|f| f.zone_id = "00000000-0000-4000-8000-00000000dead".into()), "zone_id");
        assert_eq!(refused(|f| f.post_id = Some("00000000-0000-4000-8000-00000000dead".into())), "post_id");
        assert_eq!(refused(|f| f.end = "2026-06-20T17:00".into()), "end");
        assert_eq!(refused(|f| f.start = "demain".into()), "start");
        assert_eq!(refused(|f| f.category = "inconnue".into()), "category");
        assert_eq!(refused(|f| f.headcount = "0".into()), "headcount");
    }

    #[test]
    fn an_agent_of_another_participant_cannot_be_named() {
        let plan = compliant_plan();
        let mut form = input(ENTRANCE);
        form.agent_ids = vec![id(NADIA)];
        assert!(form.parse(&plan, NEW, &id(COMPANY), false).is_ok());
        let error = form.parse(&plan, NEW, &id(POLICE), false).unwrap_err();
        assert_eq!(error, FieldError::new("agent_ids", text::UNKNOWN_AGENT));
    }

    #[test]
    fn a_ticked_restriction_holds_only_for_a_sender_who_may_restrict() {
        let plan = compliant_plan();
        let mut form = input(ENTRANCE);
        form.restricted = true;
        assert_eq!(form.parse(&plan, NEW, &id(COMPANY), false).unwrap().visibility(), Visibility::AllParticipants);
        assert_eq!(form.parse(&plan, NEW, &id(POLICE), true).unwrap().visibility(), Visibility::Restricted);
    }

    #[test]
    fn the_browsers_pairs_read_as_the_same_form() {
        let pairs: Vec<(String, String)> = [
            ("participant_id", id(COMPANY)),
            ("zone_id", id(ENTRANCE)),
            ("post_id", String::new()),
            ("start", "2026-06-20T18:00".into()),
            ("end", "2026-06-20T23:00".into()),
            ("headcount", "2".into()),
            ("category", "surveillance".into()),
            ("mission", "Surveillance".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(DeploymentInput::from_pairs(&pairs), input(ENTRANCE));
    }
}
