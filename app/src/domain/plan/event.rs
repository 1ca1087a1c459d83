//! The event being planned: what, where, when, for how many people, and the legal context
//! that decides what each kind of security actor may do there.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::error::PlanError;
use super::fields::{coded_enum, parse_free_text, parse_id, parse_label};
use super::time_zone::{default_time_zone, parse_time_zone};
use super::window::TimeWindow;
use crate::domain::geo::{CommuneCode, Department};
use crate::domain::time::Instant;

/// The largest expected peak attendance the planner accepts.
pub const MAX_ATTENDANCE: u32 = 2_000_000;

coded_enum! {
    /// What kind of public event this is.
    pub enum EventKind {
        FeteFoire => ("fete_foire", "Fête, foire"),
        FestivalConcert => ("festival_concert", "Festival, concert"),
        Sport => ("sport", "Manifestation sportive"),
        Marche => ("marche", "Marché"),
        Autre => ("autre", "Autre"),
    }
}

coded_enum! {
    /// How the public behaves, which drives first-aid and steward sizing.
    pub enum PublicBehaviour {
        Assis => ("assis", "Public assis"),
        Debout => ("debout", "Public debout"),
        /// Moving, dancing or pressing forward: the highest risk.
        Dynamique => ("dynamique", "Public dynamique"),
    }
}

/// The orders and agreements in force for the event (Code de la sécurité intérieure).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalContext {
    /// The prefect created a protection perimeter (L226-1) around the event.
    pub perimetre_l226_1: bool,
    /// The prefect ordered that private agents may pat down (L613-2).
    pub arrete_palpation_l613_2: bool,
    /// The prefect authorised private agents on the public road (L613-1).
    pub autorisation_voie_publique_l613_1: bool,
    /// The commune has a municipal police / State forces coordination convention in force
    /// (L512-4); without one, municipal police work only 06:00–23:00.
    pub convention_coordination_en_vigueur: bool,
}

/// What a form or a plan file supplies to build an [`Event`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDraft {
    pub id: String,
    pub name: String,
    pub kind: EventKind,
    /// The INSEE code of the commune, e.g. `13004`.
    pub commune_code: String,
    pub commune_name: String,
    pub address: String,
    /// An IANA zone name; `None` takes the department's default.
    pub time_zone: Option<String>,
    pub window: TimeWindow,
    pub setup: Option<TimeWindow>,
    pub teardown: Option<TimeWindow>,
    pub expected_attendance: u32,
    pub behaviour: PublicBehaviour,
    pub legal: LegalContext,
    /// How field actors are alerted of an imminent risk (who calls whom, on which channel):
    /// axis 4 of the CLCS circular. Free text, at most 2,000 characters.
    #[serde(default)]
    pub alert_procedure: Option<String>,
}

/// The longest alert procedure accepted, in characters.
pub const MAX_ALERT_PROCEDURE: usize = 2_000;

/// A valid event: its set-up ends by the start, its tear-down starts after the end, its
/// attendance is between 1 and 2,000,000 and its commune belongs to a known department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EventDraft", into = "EventDraft")]
pub struct Event {
    id: String,
    name: String,
    kind: EventKind,
    commune: CommuneCode,
    commune_name: String,
    department: Department,
    address: String,
    time_zone: Tz,
    window: TimeWindow,
    setup: Option<TimeWindow>,
    teardown: Option<TimeWindow>,
    expected_attendance: u32,
    behaviour: PublicBehaviour,
    legal: LegalContext,
    alert_procedure: Option<String>,
}

impl Event {
    /// Checks every field of the draft; the first problem found is returned.
    pub fn new(draft: EventDraft) -> Result<Self, PlanError> {
        let commune = CommuneCode::parse(&draft.commune_code).ok_or(PlanError::InvalidCommune)?;
        let department = commune.department().ok_or(PlanError::InvalidCommune)?;
        let time_zone = match draft.time_zone.as_deref().map(str::trim) {
            None | Some("") => default_time_zone(&department),
            Some(name) => parse_time_zone(name)?,
        };
        if !(1..=MAX_ATTENDANCE).contains(&draft.expected_attendance) {
            return Err(PlanError::AttendanceOutOfRange);
        }
        if draft.setup.is_some_and(|setup| setup.end() > draft.window.start()) {
            return Err(PlanError::SetupAfterStart);
        }
        if draft.teardown.is_some_and(|teardown| teardown.start() < draft.window.end()) {
            return Err(PlanError::TeardownBeforeEnd);
        }
        Ok(Event {
            id: parse_id(&draft.id)?,
            name: parse_label(&draft.name, 200)?,
            kind: draft.kind,
            commune,
            commune_name: parse_label(&draft.commune_name, 100)?,
            department,
            address: parse_label(&draft.address, 300)?,
            time_zone,
            window: draft.window,
            setup: draft.setup,
            teardown: draft.teardown,
            expected_attendance: draft.expected_attendance,
            behaviour: draft.behaviour,
            legal: draft.legal,
            alert_procedure: match draft.alert_procedure.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(parse_free_text(text, MAX_ALERT_PROCEDURE)?),
            },
        })
    }

    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The event's public name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// What kind of event it is.
    pub fn kind(&self) -> EventKind {
        self.kind
    }
    /// The INSEE code of the commune where it happens.
    pub fn commune(&self) -> &CommuneCode {
        &self.commune
    }
    /// The commune's name, as the official list spells it.
    pub fn commune_name(&self) -> &str {
        &self.commune_name
    }
    /// The department, derived from the commune: its prefecture reads the plan.
    pub fn department(&self) -> &Department {
        &self.department
    }
    /// The street address.
    pub fn address(&self) -> &str {
        &self.address
    }
    /// The IANA zone every time of the event is shown in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }
    /// When the public is there.
    pub fn window(&self) -> TimeWindow {
        self.window
    }
    /// The set-up before the opening, if any.
    pub fn setup(&self) -> Option<TimeWindow> {
        self.setup
    }
    /// The tear-down after the closing, if any.
    pub fn teardown(&self) -> Option<TimeWindow> {
        self.teardown
    }
    /// The expected peak attendance.
    pub fn expected_attendance(&self) -> u32 {
        self.expected_attendance
    }
    /// How the public behaves.
    pub fn behaviour(&self) -> PublicBehaviour {
        self.behaviour
    }
    /// The orders and agreements in force.
    pub fn legal(&self) -> LegalContext {
        self.legal
    }
    /// How field actors are alerted of an imminent risk, if written down.
    pub fn alert_procedure(&self) -> Option<&str> {
        self.alert_procedure.as_deref()
    }
    /// The first instant anyone may be deployed: the set-up start, or else the opening.
    pub fn operations_start(&self) -> Instant {
        self.setup.map_or(self.window.start(), |setup| setup.start())
    }
    /// The first instant after operations: the tear-down end, or else the closing.
    pub fn operations_end(&self) -> Instant {
        self.teardown.map_or(self.window.end(), |teardown| teardown.end())
    }
}

impl TryFrom<EventDraft> for Event {
    type Error = PlanError;
    fn try_from(draft: EventDraft) -> Result<Self, PlanError> {
        Event::new(draft)
    }
}

impl From<Event> for EventDraft {
    fn from(event: Event) -> Self {
        EventDraft {
            id: event.id,
            name: event.name,
            kind: event.kind,
            commune_code: event.commune.as_str().to_string(),
            commune_name: event.commune_name,
            address: event.address,
            time_zone: Some(event.time_zone.name().to_string()),
            window: event.window,
            setup: event.setup,
            teardown: event.teardown,
            expected_attendance: event.expected_attendance,
            behaviour: event.behaviour,
            legal: event.legal,
            alert_procedure: event.alert_procedure,
        }
    }
}

#[cfg(test)]
#[path = "event_tests.rs"]
mod tests;
