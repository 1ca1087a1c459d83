//! Alerts on the day (issue 18, part 3): the command post — the organiser, the State forces
//! and the department's prefecture — sends an alert to the participants deployed on a zone,
//! to one participant, to every participant, or to the State forces only; each recipient
//! organisation acknowledges it and the command post sees who has not.
//!
//! The rules live here once: who may send ([`may_send`], [`check_send`]), who receives for
//! each target ([`recipients`]: an alert to the State forces never reaches a company), who
//! reads an alert and its acknowledgements ([`AlertReading`]). An alert to the State forces
//! only is written in the State forces' register, as their log entries and restricted
//! deployments are; every other alert in the shared one. Pure: the caller passes `now`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::operations::{is_open, EntryRef, LogCursor, Register, Severity};
use crate::domain::organisation::OrganisationKind;
use crate::domain::plan::fields::parse_free_text;
use crate::domain::plan::input::FieldError;
use crate::domain::plan::{Audience, EventAccess, Plan, Visibility};
use crate::domain::Instant;
use crate::text;

pub mod closing;
pub mod export;

pub use closing::{Closer, Closing, ClosingKind, ClosingRefusal};

/// The longest alert, in characters: it goes by SMS too.
pub const MAX_ALERT_TEXT: usize = 480;

/// Who an alert is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertTarget {
    /// Every participant of the event.
    Everyone,
    /// The State forces and the prefecture only (never a company, the organiser or the
    /// municipal police).
    StateForces,
    /// The participants with a deployment on this zone.
    Zone(String),
    /// One participant.
    Participant(String),
}

impl AlertTarget {
    /// The form's value: `tous`, `etat`, `zone:{id}`, `participant:{id}`.
    pub fn code(&self) -> String {
        match self {
            AlertTarget::Everyone => "tous".into(),
            AlertTarget::StateForces => "etat".into(),
            AlertTarget::Zone(id) => format!("zone:{id}"),
            AlertTarget::Participant(id) => format!("participant:{id}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "tous" => Some(AlertTarget::Everyone),
            "etat" => Some(AlertTarget::StateForces),
            other => match other.split_once(':') {
                Some(("zone", id)) if !id.is_empty() => Some(AlertTarget::Zone(id.to_string())),
                Some(("participant", id)) if !id.is_empty() => Some(AlertTarget::Participant(id.to_string())),
                _ => None,
            },
        }
    }

    /// The register the alert is written in: the State forces' one for an alert to them only.
    pub fn register(&self) -> Register {
        match self {
            AlertTarget::StateForces => Register::Restricted,
            _ => Register::Shared,
        }
    }

    /// How the alert names its recipients (« Zone Entrée Nord », « Tous les participants »).
    pub fn label(&self, plan: &Plan) -> String {
        match self {
            AlertTarget::Everyone => text::ALERT_TARGET_EVERYONE.into(),
            AlertTarget::StateForces => text::ALERT_TARGET_STATE.into(),
            AlertTarget::Zone(id) => text::alert_target_zone(plan.zone(id).map_or("", |z| z.name())),
            AlertTarget::Participant(id) => plan.participant(id).map_or(String::new(), |p| p.name().to_string()),
        }
    }
}

/// The audit chain of `register`'s alerts of `event_id`: every alert sent and every
/// acknowledgement is an entry of it, numbered 1, 2, 3… (the live stream's cursor).
pub fn alert_chain(register: Register, event_id: &str) -> String {
    match register {
        Register::Shared => format!("alertes:{event_id}"),
        Register::Restricted => format!("alertes-etat:{event_id}"),
    }
}

/// The form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertForm {
    pub target: String,
    pub severity: String,
    pub text: String,
}

impl AlertForm {
    /// Reads the form against the plan: a target naming one of its zones or participants, a
    /// severity, a text of 1 to [`MAX_ALERT_TEXT`] characters.
    pub fn parse(&self, plan: &Plan) -> Result<(AlertTarget, Severity, String), FieldError> {
        let target = AlertTarget::from_code(&self.target)
            .filter(|t| match t {
                AlertTarget::Zone(id) => plan.zone(id).is_some(),
                AlertTarget::Participant(id) => plan.participant(id).is_some(),
                _ => true,
            })
            .ok_or_else(|| FieldError::new("target", text::ALERT_TARGET_INVALID))?;
        let severity = Severity::from_code(self.severity.trim())
            .ok_or_else(|| FieldError::new("severity", text::LOG_SEVERITY_INVALID))?;
        let body = parse_free_text(&self.text, MAX_ALERT_TEXT).map_err(|e| FieldError::new("text", e))?;
        if body.is_empty() {
            return Err(FieldError::new("text", text::ALERT_TEXT_EMPTY));
        }
        Ok((target, severity, body))
    }
}

/// Whether a reader with `access` is the command post and may send alerts: the organiser, a
/// State force taking part (police nationale, gendarmerie) and the department's prefecture —
/// decided from what its organisations are, as every right (`event_access`).
pub fn may_send(access: &EventAccess) -> bool {
    access.organiser || access.audience == Audience::StateAndPrefecture
}

/// The one rule of sending: the command post, while the day's log is open, and an alert to the
/// State forces only by a reader who reads their register. `Err(None)`: the reader is not the
/// command post (a refusal, not a form error); `Err(Some(_))`: what to say beside the form.
pub fn check_send(
    plan: &Plan,
    access: &EventAccess,
    target: &AlertTarget,
    now: Instant,
) -> Result<(), Option<FieldError>> {
    if !may_send(access) {
        return Err(None);
    }
    if !is_open(&plan.event, now) {
        return Err(Some(FieldError::new("text", text::ALERT_CLOSED)));
    }
    if !target.register().read_by(access.audience) {
        return Err(Some(FieldError::new("target", text::ALERT_STATE_ONLY)));
    }
    Ok(())
}

/// A recipient of an alert: one participant's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub participant_id: String,
    pub organisation_id: String,
    pub name: String,
    /// Reached only through deployments restricted to the State forces: only they and the
    /// prefecture see it among the recipients (it would tell the others of those deployments).
    pub hidden: bool,
}

/// Who receives an alert to `target`, organisations by `kinds` (what each is), never the
/// sender's own organisation: every participant; the State forces and the prefecture taking
/// part (never a company); the participants with a deployment on the zone; the participant.
pub fn recipients(
    plan: &Plan,
    target: &AlertTarget,
    kinds: &BTreeMap<String, OrganisationKind>,
    sender_organisation_id: &str,
) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    for participant in &plan.participants {
        let organisation = participant.organisation_id();
        if organisation == sender_organisation_id || out.iter().any(|r| r.organisation_id == organisation) {
            continue;
        }
        let hidden = match target {
            AlertTarget::Everyone => Some(false),
            AlertTarget::StateForces => kinds.get(organisation).is_some_and(|k| k.reads_restricted()).then_some(false),
            AlertTarget::Participant(id) => (participant.id() == id).then_some(false),
            AlertTarget::Zone(zone) => {
                let mut there = plan
                    .deployments
                    .iter()
                    .filter(|d| d.participant_id() == participant.id() && d.zone_id() == zone)
                    .peekable();
                there.peek().is_some().then(|| there.all(|d| d.visibility() == Visibility::Restricted))
            }
        };
        if let Some(hidden) = hidden {
            out.push(Recipient {
                participant_id: participant.id().to_string(),
                organisation_id: organisation.to_string(),
                name: participant.name().to_string(),
                hidden,
            });
        }
    }
    out
}

/// An acknowledgement: who, for its organisation, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub at: Instant,
    pub by_id: String,
    pub by_name: String,
}

/// A recipient and its acknowledgement, if given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRecipient {
    pub recipient: Recipient,
    pub acknowledged: Option<Acknowledgement>,
}

/// An alert as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub id: String,
    pub event_id: String,
    /// Its register and the number of its sending in the register's chain.
    pub reference: EntryRef,
    pub at: Instant,
    pub sender_id: String,
    pub sender_name: String,
    pub sender_organisation_id: String,
    pub sender_organisation_name: String,
    pub target: AlertTarget,
    /// The target's label when sent (a zone renamed later does not rewrite it).
    pub target_label: String,
    pub severity: Severity,
    pub text: String,
    pub recipients: Vec<AlertRecipient>,
    /// Closed by the command post or withdrawn by its sender ([`closing`]); `None` while open.
    #[serde(default)]
    pub closing: Option<Closing>,
}

/// What one reader may read of the alerts, and how: the one rule of the alerts' doors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertReading {
    pub audience: Audience,
    /// The reader is the command post ([`may_send`]).
    pub command_post: bool,
    pub organisation_ids: Vec<String>,
    /// The reader's own account: the sender of an alert may withdraw it.
    pub user_id: String,
}

impl AlertReading {
    /// Whether the reader reads `alert` at all: in a register it reads, and addressed to one
    /// of its organisations, or the reader is the command post.
    pub fn reads(&self, alert: &Alert) -> bool {
        alert.reference.register.read_by(self.audience) && (self.command_post || self.addressed(alert))
    }

    /// Whether `alert` is addressed to one of the reader's organisations.
    pub fn addressed(&self, alert: &Alert) -> bool {
        alert.recipients.iter().any(|r| self.organisation_ids.contains(&r.recipient.organisation_id))
    }

    /// The recipients the reader sees with their acknowledgements: the command post, every
    /// recipient but those reached through restricted deployments unless it reads them;
    /// anyone else, none (a company learns nothing of the others).
    pub fn recipients<'a>(&self, alert: &'a Alert) -> Vec<&'a AlertRecipient> {
        if !self.command_post || !self.reads(alert) {
            return Vec::new();
        }
        let sees_hidden = Register::Restricted.read_by(self.audience);
        alert.recipients.iter().filter(|r| sees_hidden || !r.recipient.hidden).collect()
    }

    /// The reader's own organisation's acknowledgement of `alert`, if it is a recipient.
    pub fn own<'a>(&self, alert: &'a Alert) -> Option<&'a AlertRecipient> {
        alert.recipients.iter().find(|r| self.organisation_ids.contains(&r.recipient.organisation_id))
    }
}

/// Where a reader stands in the live stream: in the log and in the alerts' chains. Sent as
/// each streamed event's id: the log's cursor (`12`, `12.3`) followed, once an alert's change
/// was received, by `-` and the alerts' (`12-4`, `12.3-4.1`); the part a reader may not read
/// is ignored when sent back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamCursor {
    pub log: LogCursor,
    pub alerts: LogCursor,
}

impl StreamCursor {
    /// Reads a `Last-Event-ID` (or the page's cursor); anything unreadable is the start.
    pub fn parse(raw: &str, audience: Audience) -> Self {
        let (log, alerts) = raw.trim().split_once('-').unwrap_or((raw, ""));
        StreamCursor { log: LogCursor::parse(log, audience), alerts: LogCursor::parse(alerts, audience) }
    }

    /// The id of the stream's event that brings the reader here.
    pub fn id(self, audience: Audience) -> String {
        if self.alerts == LogCursor::default() {
            self.log.id(audience)
        } else {
            format!("{}-{}", self.log.id(audience), self.alerts.id(audience))
        }
    }
}

#[cfg(test)]
#[path = "alerts_tests.rs"]
mod tests;
