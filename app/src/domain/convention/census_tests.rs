//! The registry of conventions in force and the annual census, on a Bouches-du-Rhône fixture
//! with conventions straddling 31 December.

use chrono::NaiveDate;

use super::census::*;
use crate::domain::geo::{CommuneCode, Department};
use crate::domain::plan::fixtures::{festival_draft, july};
use crate::domain::plan::Event;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn entry(
    commune: &str,
    kind: ConventionKind,
    signed: NaiveDate,
    start: NaiveDate,
    end: Option<NaiveDate>,
    reference: &str,
    title: &str,
) -> RegistryEntry {
    RegistryEntry::new(RegistryEntryDraft {
        commune_code: commune.into(),
        kind,
        signed,
        start,
        end,
        reference: reference.into(),
        title: title.into(),
    })
    .unwrap()
}

/// Conventions of the Bouches-du-Rhône (13) and one of the Var (83).
fn registry() -> Vec<RegistryEntry> {
    use ConventionKind::*;
    vec![
        // Open-ended coordination convention of Marseille, signed long ago.
        entry(
            "13055",
            Coordination,
            day(2019, 3, 1),
            day(2019, 3, 1),
            None,
            "CC-13055-2019",
            "Coordination police municipale de Marseille",
        ),
        // Straddles 31 December 2026: signed in 2026, in force until 2027.
        entry(
            "13056",
            Coordination,
            day(2026, 6, 15),
            day(2026, 7, 1),
            Some(day(2027, 6, 30)),
            "CC-13056-2026",
            "Coordination police municipale de Martigues",
        ),
        // Ends exactly on 31 December 2026: still in force that day.
        entry(
            "13004",
            Clcs,
            day(2024, 1, 10),
            day(2024, 1, 10),
            Some(day(2026, 12, 31)),
            "CLCS-13004-2024",
            "Zone commerciale d’Arles; Fourchon",
        ),
        // Ended on 30 December 2026: not in force on the 31st, signed before 2026.
        entry(
            "13001",
            Clcs,
            day(2023, 12, 30),
            day(2024, 1, 1),
            Some(day(2026, 12, 30)),
            "CLCS-13001-2023",
            "Zone d’activités des Milles",
        ),
        // Signed in 2026 for a summer event, over before 31 December.
        entry(
            "13055",
            Evenement,
            day(2026, 6, 20),
            day(2026, 7, 10),
            Some(day(2026, 7, 12)),
            "CE-13055-2026-07",
            "Festival des Calanques",
        ),
        // Signed in December 2026, in force from 2027.
        entry(
            "13005",
            Clcs,
            day(2026, 12, 18),
            day(2027, 1, 1),
            None,
            "CLCS-13005-2026",
            "Gare d’Aubagne \"pôle d’échanges\"",
        ),
        // Another department.
        entry("83137", Clcs, day(2026, 2, 1), day(2026, 2, 1), None, "CLCS-83137-2026", "Port de Toulon"),
    ]
}

fn references(census: &Census) -> Vec<(&str, bool, bool)> {
    census.lines.iter().map(|l| (l.entry.reference(), l.in_force_on_31_december, l.signed_during_year)).collect()
}

#[test]
fn the_2026_census_of_the_bouches_du_rhone_counts_straddling_and_year_end_conventions() {
    let census = census(2026, &Department::parse("13").unwrap(), &registry());
    assert_eq!(
        references(&census),
        [
            ("CLCS-13004-2024", true, false),
            ("CLCS-13005-2026", false, true),
            ("CC-13055-2019", true, false),
            ("CE-13055-2026-07", false, true),
            ("CC-13056-2026", true, true),
        ]
    );
    assert_eq!((census.in_force_count(), census.newly_signed_count()), (3, 3));
}

#[test]
fn the_2027_census_keeps_the_straddling_convention_until_it_ends() {
    let census = census(2027, &Department::parse("13").unwrap(), &registry());
    assert_eq!(references(&census), [("CLCS-13005-2026", true, false), ("CC-13055-2019", true, false)]);
}

#[test]
fn the_census_is_a_csv_for_a_french_spreadsheet_with_its_recipient() {
    let census = census(2026, &Department::parse("13").unwrap(), &registry());
    let csv = census_csv(&census, "Direction des libertés publiques et des affaires juridiques");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(
        lines[0],
        "Recensement des conventions de coopération de sécurité – année 2026 – département 13;;;;;;;;;"
    );
    assert_eq!(lines[1], "Destinataire;Direction des libertés publiques et des affaires juridiques;;;;;;;;");
    assert_eq!(lines[2], ";;;;;;;;;");
    assert_eq!(
        lines[3],
        "Commune (code INSEE);Type;Référence;Intitulé;Signée le;Début;Fin;En vigueur au 31/12/2026;Signée en 2026;\
         Évaluation de l’événement"
    );
    assert_eq!(
        lines[4],
        "13004;Convention locale de coopération de sécurité;CLCS-13004-2024;\"Zone commerciale d’Arles; Fourchon\";\
         10/01/2024;10/01/2024;31/12/2026;oui;non;"
    );
    assert_eq!(
        lines[5],
        "13005;Convention locale de coopération de sécurité;CLCS-13005-2026;\"Gare d’Aubagne \"\"pôle d’échanges\"\"\";\
         18/12/2026;01/01/2027;sans terme;non;oui;"
    );
    assert_eq!(lines.len(), 4 + 5 + 1, "title, recipient, blank, header, five conventions, and the final CRLF");
    assert_eq!(lines[9], "");
}

#[test]
fn an_events_convention_carries_its_evaluation_in_the_last_column() {
    let mut census = census(2026, &Department::parse("13").unwrap(), &registry());
    census.lines[1].evaluation = Some("clôturée le 20/07/2026".into());
    let csv = census_csv(&census, "DLPAJ");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[5].ends_with(";clôturée le 20/07/2026"), "{}", lines[5]);
    assert!(lines[4].ends_with(";non;"), "another convention: blank");
    assert!(lines[3..9].iter().all(|l| l.matches(';').count() == 9 || l.contains('"')), "ten fields each");
}

#[test]
fn a_blank_recipient_falls_back_to_the_body_the_circular_names() {
    let census = census(2026, &Department::parse("83").unwrap(), &registry());
    let csv = census_csv(&census, "  ");
    assert!(csv.contains("\r\nDestinataire;Délégation aux coopérations de sécurité;;;;;;;;\r\n"), "{csv}");
}

#[test]
fn the_festival_convention_must_cite_the_open_ended_coordination_convention_of_marseille() {
    let event = Event::new(festival_draft()).unwrap();
    let registry = registry();
    let found = overlapping(&event.window(), event.time_zone(), event.commune(), &registry);
    let cited: Vec<&str> = found.iter().map(|e| e.reference()).collect();
    assert_eq!(cited, ["CC-13055-2019", "CE-13055-2026-07"]);
}

#[test]
fn a_convention_starting_the_day_after_an_event_ending_at_midnight_does_not_overlap() {
    let marseille = CommuneCode::parse("13055").unwrap();
    let next_day =
        entry("13055", ConventionKind::Clcs, day(2026, 7, 1), day(2026, 7, 12), None, "CLCS-X", "Vieux-Port");
    // 10 July 18:00 to 11 July 00:00 in Paris: the event's last day is the 10th.
    let window = july((10, 18, 0), (11, 0, 0));
    assert!(overlapping(&window, chrono_tz::Europe::Paris, &marseille, std::slice::from_ref(&next_day)).is_empty());
    let same_day =
        entry("13055", ConventionKind::Clcs, day(2026, 7, 1), day(2026, 7, 10), None, "CLCS-Y", "Vieux-Port");
    assert_eq!(overlapping(&window, chrono_tz::Europe::Paris, &marseille, std::slice::from_ref(&same_day)).len(), 1);
}

#[test]
fn an_entry_ending_before_it_starts_or_in_an_unknown_commune_is_refused() {
    let draft = RegistryEntryDraft {
        commune_code: "13055".into(),
        kind: ConventionKind::Clcs,
        signed: day(2026, 1, 1),
        start: day(2026, 2, 1),
        end: Some(day(2026, 1, 31)),
        reference: "R".into(),
        title: "T".into(),
    };
    assert_eq!(RegistryEntry::new(draft.clone()), Err("La fin de la convention doit suivre son début.".into()));
    assert!(RegistryEntry::new(RegistryEntryDraft { commune_code: "00000".into(), end: None, ..draft }).is_err());
}

#[test]
fn a_registry_entry_reads_back_from_json() {
    let original = registry().remove(1);
    let json = serde_json::to_string(&original).unwrap();
    assert!(json.contains(r#""kind":"coordination""#) && json.contains(r#""end":"2027-06-30""#), "{json}");
    assert_eq!(serde_json::from_str::<RegistryEntry>(&json).unwrap(), original);
}

#[test]
fn an_event_convention_approved_in_cordon_enters_the_registry_for_its_operations_and_its_parties() {
    use crate::domain::compliance::fixtures::{compliant_plan, paris};
    let plan = compliant_plan();
    let entry =
        crate::domain::convention::census::approved_event_entry(&plan, "CLCS-13-2026-0001-A1", paris(5, 12, 16, 30))
            .unwrap();
    assert_eq!(entry.kind(), ConventionKind::Evenement);
    assert_eq!((entry.commune().as_str(), entry.reference()), ("13056", "CLCS-13-2026-0001-A1"));
    // Approved on 12 May; the evening of 20 June 18:00–23:00 is one day, both ends included.
    assert_eq!(
        (entry.signed(), entry.start(), entry.end()),
        (day(2026, 5, 12), day(2026, 6, 20), Some(day(2026, 6, 20)))
    );
    assert_eq!(
        entry.title(),
        "« Fête de la Saint-Jean » — parties : préfet, maire de Martigues, Comité des fêtes de Martigues, Provence \
         Sécurité Événements"
    );
}

#[test]
fn an_approval_without_a_delegation_does_not_claim_to_sign_for_the_prefect() {
    let role = crate::text::approver_role("Préfecture des Bouches-du-Rhône", None);
    assert!(!role.contains("par délégation"), "{role}");
    assert!(role.contains("signature du préfet à apposer"), "{role}");
    let delegated = crate::text::approver_role("Préfecture des Bouches-du-Rhône", Some("arrêté n° 13-1 du 01/09/2026"));
    assert_eq!(
        delegated,
        "Pour le préfet et par délégation (arrêté n° 13-1 du 01/09/2026) — Préfecture des Bouches-du-Rhône"
    );
}
