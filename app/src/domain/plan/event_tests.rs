//! Tests of [`super::Event`].

use super::*;
use crate::domain::plan::fixtures::{festival_draft, id, july};

#[test]
fn a_festival_in_marseille_is_in_department_13_on_paris_time() {
    let event = Event::new(festival_draft()).unwrap();
    assert_eq!(event.department().as_str(), "13");
    assert_eq!(event.time_zone(), chrono_tz::Europe::Paris);
    assert_eq!(event.operations_start(), july((9, 8, 0), (9, 9, 0)).start());
    assert_eq!(event.operations_end(), july((12, 11, 0), (12, 12, 0)).end());
}

#[test]
fn an_event_in_saint_denis_de_la_reunion_defaults_to_reunion_time() {
    let draft = EventDraft { commune_code: "97411".into(), commune_name: "Saint-Denis".into(), ..festival_draft() };
    let event = Event::new(draft).unwrap();
    assert_eq!(event.department().as_str(), "974");
    assert_eq!(event.time_zone(), chrono_tz::Indian::Reunion);
}

#[test]
fn an_explicit_time_zone_overrides_the_default_and_an_unknown_one_is_refused() {
    let marquesas = EventDraft { time_zone: Some("Pacific/Marquesas".into()), ..festival_draft() };
    assert_eq!(Event::new(marquesas).unwrap().time_zone(), chrono_tz::Pacific::Marquesas);
    let unknown = EventDraft { time_zone: Some("Mars/Olympus".into()), ..festival_draft() };
    assert_eq!(Event::new(unknown), Err(PlanError::UnknownTimeZone("Mars/Olympus".into())));
}

#[test]
fn a_commune_code_without_a_department_is_refused() {
    for code in ["96001", "1305", "ABCDE", "98901"] {
        let draft = EventDraft { commune_code: code.into(), ..festival_draft() };
        assert_eq!(Event::new(draft), Err(PlanError::InvalidCommune), "{code}");
    }
}

#[test]
fn an_attendance_of_zero_or_above_two_million_is_refused() {
    for attendance in [0, 2_000_001, u32::MAX] {
        let draft = EventDraft { expected_attendance: attendance, ..festival_draft() };
        assert_eq!(Event::new(draft), Err(PlanError::AttendanceOutOfRange));
    }
    let largest = EventDraft { expected_attendance: 2_000_000, ..festival_draft() };
    assert!(Event::new(largest).is_ok());
}

#[test]
fn a_set_up_ending_after_the_opening_is_refused() {
    let draft = EventDraft { setup: Some(july((10, 8, 0), (10, 18, 30))), ..festival_draft() };
    assert_eq!(Event::new(draft), Err(PlanError::SetupAfterStart));
}

#[test]
fn a_tear_down_starting_before_the_closing_is_refused() {
    let draft = EventDraft { teardown: Some(july((12, 1, 0), (12, 12, 0))), ..festival_draft() };
    assert_eq!(Event::new(draft), Err(PlanError::TeardownBeforeEnd));
}

#[test]
fn without_set_up_and_tear_down_operations_match_the_opening_hours() {
    let event = Event::new(EventDraft { setup: None, teardown: None, ..festival_draft() }).unwrap();
    assert_eq!(event.operations_start(), event.window().start());
    assert_eq!(event.operations_end(), event.window().end());
}

#[test]
fn an_event_survives_a_json_round_trip_with_its_zone_written_out() {
    let event = Event::new(festival_draft()).unwrap();
    let json = serde_json::to_string(&event).unwrap();
    assert!(json.contains(r#""time_zone":"Europe/Paris""#), "{json}");
    assert!(json.contains(r#""kind":"festival_concert""#), "{json}");
    assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
}

#[test]
fn an_event_read_from_json_with_a_bad_id_is_refused() {
    let mut value = serde_json::to_value(Event::new(festival_draft()).unwrap()).unwrap();
    value["id"] = "festival-1".into();
    assert!(serde_json::from_value::<Event>(value).is_err());
    assert_eq!(Event::new(EventDraft { id: id(7), ..festival_draft() }).unwrap().id(), id(7));
}

#[test]
fn event_kinds_have_stable_codes_and_french_labels() {
    assert_eq!(EventKind::FeteFoire.code(), "fete_foire");
    assert_eq!(EventKind::from_code("marche"), Some(EventKind::Marche));
    assert_eq!(EventKind::Marche.label(), "Marché");
    assert_eq!(PublicBehaviour::from_code("debout"), Some(PublicBehaviour::Debout));
    assert_eq!(EventKind::ALL.len(), 5);
}

#[test]
fn a_legal_context_reads_back_the_same_in_json_and_in_the_browsers_compact_format() {
    // The browser's compact format (`ui::codec`) is postcard.
    let unknown_date = LegalContext::from_ticks(true, false, true, true);
    let filed = LegalContext {
        declaration_deposee_le: chrono::NaiveDate::from_ymd_opt(2026, 6, 1),
        regime_police: PoliceRegime::Gendarmerie,
        ..unknown_date.clone()
    };
    for context in [unknown_date, filed] {
        assert_eq!(postcard::from_bytes::<LegalContext>(&postcard::to_allocvec(&context).unwrap()).unwrap(), context);
        let json = serde_json::to_value(&context).unwrap();
        assert_eq!(json.get("declaration_deposee_le").is_some(), context.declaration_deposee_le.is_some(), "{json}");
        assert_eq!(serde_json::from_value::<LegalContext>(json).unwrap(), context);
    }
}
