//! Real-looking test data shared by the plan's tests: a summer festival in Marseille.

use chrono::NaiveDate;

use super::event::{EventDraft, EventKind, LegalContext, PublicBehaviour};
use super::time_zone::local_instant;
use super::window::TimeWindow;
use crate::domain::time::Instant;

/// A stable UUID built from a small number, for readable tests.
pub fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// The instant of a wall-clock time in Paris.
pub fn paris(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Instant {
    let local = NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(hour, minute, 0).unwrap();
    local_instant(chrono_tz::Europe::Paris, local).unwrap()
}

/// A window between two wall-clock times in Paris, given as (day of July 2026, hour, minute).
pub fn july(from: (u32, u32, u32), to: (u32, u32, u32)) -> TimeWindow {
    TimeWindow::new(paris(2026, 7, from.0, from.1, from.2), paris(2026, 7, to.0, to.1, to.2)).unwrap()
}

/// "Festival des Calanques", Marseille, 10–11 July 2026, 18:00 to 02:00 the next night.
pub fn festival_draft() -> EventDraft {
    EventDraft {
        id: id(1),
        name: "Festival des Calanques".into(),
        kind: EventKind::FestivalConcert,
        commune_code: "13055".into(),
        commune_name: "Marseille".into(),
        address: "Parc Borély, avenue du Prado".into(),
        time_zone: None,
        window: july((10, 18, 0), (12, 2, 0)),
        setup: Some(july((9, 8, 0), (10, 18, 0))),
        teardown: Some(july((12, 2, 0), (12, 12, 0))),
        expected_attendance: 12_000,
        behaviour: PublicBehaviour::Dynamique,
        legal: LegalContext {
            orders: vec![super::PrefectOrder::unnumbered(super::OrderKind::PalpationL613_2)],
            ..LegalContext::default()
        },
        alert_procedure: None,
    }
}

/// Participant `n` of organisation `org`, in `role`, with no contact.
pub fn participant_of(n: u8, org: &str, role: super::actors::ParticipantRole) -> super::participant::Participant {
    super::participant::Participant::new(super::participant::ParticipantDraft {
        id: format!("10000000-0000-4000-8000-0000000000{n:02}"),
        organisation_id: org.into(),
        name: format!("P{n}"),
        role,
        contact_name: None,
        contact_phone: None,
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .unwrap()
}
