//! Closing an alert (issue 18): once it is dealt with, the command post closes it (« Clore
//! l'alerte »); the person who sent it by mistake withdraws it (« Retirer »). Either way it
//! leaves the open alerts, stops asking for acknowledgements, and is kept with who closed it
//! and when. The one rule of both ([`AlertReading::decide_closing`]) lives here; pure: the
//! caller passes `now`.

use serde::{Deserialize, Serialize};

use super::{Alert, AlertReading};
use crate::domain::Instant;
use crate::text;

/// How an alert ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosingKind {
    /// Dealt with: closed by the command post.
    Closed,
    /// Sent by mistake: withdrawn by its sender.
    Withdrawn,
}

impl ClosingKind {
    /// The form's value: `clore`, `retirer`.
    pub fn code(self) -> &'static str {
        match self {
            ClosingKind::Closed => "clore",
            ClosingKind::Withdrawn => "retirer",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "clore" => Some(ClosingKind::Closed),
            "retirer" => Some(ClosingKind::Withdrawn),
            _ => None,
        }
    }
}

/// Who closes or withdraws an alert: the person and the organisation in whose name it acts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closer {
    pub user_id: String,
    pub name: String,
    pub organisation_id: String,
    pub organisation_name: String,
}

/// An alert's end: how, when, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub kind: ClosingKind,
    pub at: Instant,
    pub by: Closer,
}

/// Why an alert may not be closed or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosingRefusal {
    /// The reader does not read the alert: as if it did not exist.
    Unknown,
    /// Only the command post closes an alert.
    NotCommandPost,
    /// Only its sender withdraws an alert.
    NotSender,
    /// Closed or withdrawn already: how, and by whom.
    AlreadyClosed(Closing),
}

impl AlertReading {
    /// Whether the reader may close `alert` now: the command post, an alert it reads, open.
    pub fn may_close(&self, alert: &Alert) -> bool {
        self.decide_closing(alert, ClosingKind::Closed).is_ok()
    }

    /// Whether the reader may withdraw `alert` now: the person who sent it, while it is open.
    pub fn may_withdraw(&self, alert: &Alert) -> bool {
        self.decide_closing(alert, ClosingKind::Withdrawn).is_ok()
    }

    /// The one rule of closing and withdrawing: the alert is one the reader reads and still
    /// open; closing is the command post's ([`super::may_send`]), withdrawing its sender's.
    pub fn decide_closing(&self, alert: &Alert, kind: ClosingKind) -> Result<(), ClosingRefusal> {
        if !self.reads(alert) {
            return Err(ClosingRefusal::Unknown);
        }
        if let Some(closing) = &alert.closing {
            return Err(ClosingRefusal::AlreadyClosed(closing.clone()));
        }
        match kind {
            ClosingKind::Closed if !self.command_post => Err(ClosingRefusal::NotCommandPost),
            ClosingKind::Withdrawn if self.user_id != alert.sender_id => Err(ClosingRefusal::NotSender),
            _ => Ok(()),
        }
    }

    /// Closes or withdraws `alert` as `by` at `now` when [`Self::decide_closing`] allows it:
    /// the closing to store.
    pub fn close(&self, alert: &Alert, kind: ClosingKind, by: Closer, now: Instant) -> Result<Closing, ClosingRefusal> {
        self.decide_closing(alert, kind)?;
        Ok(Closing { kind, at: now, by })
    }

    /// Whether the reader may know the person who closed an alert: the command post and the
    /// closer's own organisation (as acknowledgements name their person to the command post
    /// only); the others learn its organisation alone.
    pub fn knows_closer(&self, closing: &Closing) -> bool {
        self.command_post || self.organisation_ids.contains(&closing.by.organisation_id)
    }

    /// Who closed, as the reader may know (« Julie Martin (Préfecture) », or « Préfecture »).
    pub fn closer(&self, closing: &Closing) -> String {
        let by = &closing.by;
        if self.knows_closer(closing) {
            format!("{} ({})", by.name, by.organisation_name)
        } else {
            by.organisation_name.clone()
        }
    }

    /// Who closed `alert`, as the reader may know; `None` while open or when the reader does
    /// not read it.
    pub fn closed_by(&self, alert: &Alert) -> Option<String> {
        alert.closing.as_ref().filter(|_| self.reads(alert)).map(|c| self.closer(c))
    }

    /// Whether `alert` waits for the reader's acknowledgement: addressed to it, open, not
    /// acknowledged yet.
    pub fn awaits_acknowledgement(&self, alert: &Alert) -> bool {
        alert.closing.is_none() && self.own(alert).is_some_and(|r| r.acknowledged.is_none())
    }
}

/// The French refusal of a closing already done (« Cette alerte a déjà été close par … »).
pub fn already_closed(closing: &Closing, by: &str, at: &str) -> String {
    match closing.kind {
        ClosingKind::Closed => text::alert_already_closed(by, at),
        ClosingKind::Withdrawn => text::alert_already_withdrawn(by, at),
    }
}

#[cfg(test)]
#[path = "closing_tests.rs"]
pub(super) mod tests;
