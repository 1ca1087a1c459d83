//! The alerts in the log's exports (CSV and PDF): each alert a reader reads becomes rows of
//! its main courante — its sending, the acknowledgements the reader may know of, its closing —
//! reduced exactly as the page « Opérations » reduces it, through the same [`AlertReading`]
//! (`reads`, `recipients`, `own`, `closed_by`): an alert to the State forces never reaches a
//! company's file. Pure: the rows' times are printed in the event's zone given.

use chrono_tz::Tz;

use super::{Alert, AlertReading, ClosingKind};
use crate::domain::operations::{LogRow, Register};
use crate::domain::Instant;
use crate::text;

/// « 20/06/2026 19:05:12 » in `zone`: the exports' time.
pub fn export_time(at: Instant, zone: Tz) -> String {
    at.to_chrono().map(|t| t.with_timezone(&zone).format("%d/%m/%Y %H:%M:%S").to_string()).unwrap_or_default()
}

/// Who reads a row of `register`, as the exports say it.
pub fn register_label(register: Register) -> &'static str {
    match register {
        Register::Shared => text::LOG_REGISTER_SHARED,
        Register::Restricted => text::LOG_REGISTER_RESTRICTED,
    }
}

/// The rows of `alert` for `reading`, each with its instant (to merge with the log's entries):
/// none when the reader does not read it; else its sending, each acknowledgement the page
/// shows the reader (every recipient's to the command post, its own to a recipient), and its
/// closing or withdrawal.
pub fn alert_rows(reading: &AlertReading, alert: &Alert, zone: Tz) -> Vec<(Instant, LogRow)> {
    if !reading.reads(alert) {
        return Vec::new();
    }
    let reference = text::alert_reference(&alert.reference.label());
    let row = |at: Instant, author: String, organisation: &str, category: &str, text: String| LogRow {
        reference: reference.clone(),
        at: export_time(at, zone),
        author,
        organisation: organisation.to_string(),
        zone: String::new(),
        category: category.to_string(),
        severity: alert.severity.label().to_string(),
        register: register_label(alert.reference.register).to_string(),
        text,
        corrects: String::new(),
    };
    let mut rows = vec![(
        alert.at,
        row(
            alert.at,
            String::new(),
            &alert.sender_organisation_name,
            text::ALERT_EXPORT_SENT,
            text::alert_export_text(&alert.target_label, &alert.text),
        ),
    )];
    let mut known = reading.recipients(alert);
    if let Some(own) = reading.own(alert) {
        if !known.iter().any(|r| r.recipient.organisation_id == own.recipient.organisation_id) {
            known.push(own);
        }
    }
    for recipient in known {
        if let Some(ack) = &recipient.acknowledged {
            let what = text::alert_export_acknowledged(&recipient.recipient.name);
            rows.push((
                ack.at,
                row(ack.at, ack.by_name.clone(), &recipient.recipient.name, text::ALERT_EXPORT_ACKNOWLEDGED, what),
            ));
        }
    }
    if let (Some(closing), Some(by)) = (&alert.closing, reading.closed_by(alert)) {
        let (category, what) = match closing.kind {
            ClosingKind::Closed => (text::ALERT_EXPORT_CLOSED, text::alert_closed_by(&by)),
            ClosingKind::Withdrawn => (text::ALERT_EXPORT_WITHDRAWN, text::alert_withdrawn_by(&by)),
        };
        let author = if reading.knows_closer(closing) { closing.by.name.clone() } else { String::new() };
        rows.push((closing.at, row(closing.at, author, &closing.by.organisation_name, category, what)));
    }
    rows.sort_by_key(|(at, _)| *at);
    rows
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
