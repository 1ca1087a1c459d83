use super::*;
use crate::domain::compliance::fixtures::{self as f, paris};
use crate::domain::plan::Plan;

/// The fête: 20 June 2026, 18:00 to 23:00 in Paris, without set-up or tear-down.
fn fete() -> Plan {
    f::compliant_plan()
}

fn form(register: &str, text: &str) -> LogForm {
    LogForm {
        zone_id: f::id(f::ENTRANCE),
        category: "incident".into(),
        severity: "elevee".into(),
        register: register.into(),
        text: text.into(),
        corrects: String::new(),
    }
}

fn entry(register: Register, number: u64, organisation: &str) -> LogEntry {
    LogEntry {
        reference: EntryRef { register, number },
        at: paris(6, 20, 19, 0),
        author_id: "u1".into(),
        author_name: "Brigadier Martin".into(),
        organisation_id: organisation.into(),
        organisation_name: "Commissariat".into(),
        content: LogContent {
            zone_id: None,
            zone_name: None,
            category: LogCategory::Information,
            severity: Severity::Low,
            text: "RAS".into(),
            corrects: None,
        },
    }
}

#[test]
fn a_typed_entry_names_its_zone_as_it_is_called_when_written() {
    let plan = fete();
    let (register, content) =
        form("tous", "  Bousculade à l’entrée, deux blessés légers  ").parse(&plan.zones).unwrap();
    assert_eq!(register, Register::Shared);
    assert_eq!(content.zone_name.as_deref(), Some("Entrée Quai Brescon"));
    assert_eq!(content.category, LogCategory::Incident);
    assert_eq!(content.severity, Severity::High);
    assert_eq!(content.text, "Bousculade à l’entrée, deux blessés légers");
    assert_eq!(content.corrects, None);
}

#[test]
fn each_bad_field_of_the_form_is_refused_at_that_field() {
    let plan = fete();
    let field = |change: &dyn Fn(&mut LogForm)| {
        let mut typed = form("tous", "RAS");
        change(&mut typed);
        typed.parse(&plan.zones).unwrap_err().field
    };
    assert_eq!(field(&|f| f.zone_id = "zone-d-un-autre-evenement".into()), "zone_id");
    assert_eq!(field(&|f| f.category = "rumeur".into()), "category");
    assert_eq!(field(&|f| f.severity = "".into()), "severity");
    assert_eq!(field(&|f| f.register = "public".into()), "register");
    assert_eq!(field(&|f| f.text = "   ".into()), "text");
    assert_eq!(field(&|f| f.text = "x".repeat(MAX_LOG_TEXT + 1)), "text");
    assert_eq!(field(&|f| f.text = "bip\u{7}".into()), "text");
    assert_eq!(field(&|f| f.corrects = "tous-0".into()), "corrects");
    assert_eq!(field(&|f| f.corrects = "douze".into()), "corrects");
    assert_eq!(field(&|f| f.corrects = "E-".into()), "corrects");
    let mut typed = form("tous", "RAS");
    typed.corrects = " n° 3 ".into();
    assert_eq!(typed.parse(&plan.zones).unwrap().1.corrects, Some(EntryRef { register: Register::Shared, number: 3 }));
    let mut no_zone = form("tous", "RAS");
    no_zone.zone_id.clear();
    assert_eq!(no_zone.parse(&plan.zones).unwrap().1.zone_id, None);
}

#[test]
fn the_log_is_open_from_the_set_up_to_the_tear_down_only() {
    let plan = fete();
    let (register, content) = form("tous", "RAS").parse(&plan.zones).unwrap();
    let write = |now| may_write(&plan.event, Audience::Others, register, &content, None, now);
    assert!(write(paris(6, 20, 18, 0)).is_ok());
    assert!(write(paris(6, 20, 22, 59)).is_ok());
    let before = write(paris(6, 20, 17, 59)).unwrap_err();
    assert_eq!(
        before.message,
        "La main courante est ouverte de la mise en place au démontage : du samedi 20 juin 2026 à 18:00 au samedi 20 juin 2026 à 23:00."
    );
    assert!(write(paris(6, 20, 23, 0)).is_err(), "closed at the tear-down's end");
}

#[test]
fn only_the_state_forces_and_the_prefecture_write_in_their_restricted_register() {
    let plan = fete();
    let (register, content) = form("etat", "Individu signalé, surveillance discrète").parse(&plan.zones).unwrap();
    let now = paris(6, 20, 20, 0);
    let refused = may_write(&plan.event, Audience::Others, register, &content, None, now).unwrap_err();
    assert_eq!(refused.field, "register");
    assert!(may_write(&plan.event, Audience::StateAndPrefecture, register, &content, None, now).is_ok());
}

#[test]
fn a_correction_names_an_entry_its_writer_reads_and_a_restricted_one_stays_restricted() {
    let plan = fete();
    let now = paris(6, 20, 20, 0);
    let restricted = entry(Register::Restricted, 3, "police");
    let mut typed = form("tous", "Correction : un seul blessé");
    typed.corrects = "etat-3".into();
    let (register, content) = typed.parse(&plan.zones).unwrap();
    // A company never finds the State forces' entry (its view holds none): unknown, as any.
    let company = may_write(&plan.event, Audience::Others, register, &content, None, now).unwrap_err();
    assert_eq!((company.field.as_str(), company.message.as_str()), ("corrects", text::LOG_CORRECTS_UNKNOWN));
    // Even handed the entry, a reader of the shared register only is refused the same way.
    let handed = may_write(&plan.event, Audience::Others, register, &content, Some(&restricted), now).unwrap_err();
    assert_eq!(handed.field, "corrects");
    // The police corrects it in the shared register: refused, it would tell the others.
    let shared = may_write(&plan.event, Audience::StateAndPrefecture, register, &content, Some(&restricted), now);
    assert_eq!(shared.unwrap_err().message, text::LOG_CORRECTION_STAYS_RESTRICTED);
    let mut kept = typed.clone();
    kept.register = "etat".into();
    let (register, content) = kept.parse(&plan.zones).unwrap();
    assert!(may_write(&plan.event, Audience::StateAndPrefecture, register, &content, Some(&restricted), now).is_ok());
}

#[test]
fn a_reader_of_the_shared_register_only_gets_a_cursor_that_says_nothing_of_the_other() {
    let state = LogCursor::parse("12.3", Audience::StateAndPrefecture);
    assert_eq!(state, LogCursor { shared: 12, restricted: 3 });
    assert_eq!(state.id(Audience::StateAndPrefecture), "12.3");
    let company = LogCursor::parse("12.3", Audience::Others);
    assert_eq!(company, LogCursor { shared: 12, restricted: 0 });
    assert_eq!(company.id(Audience::Others), "12");
    assert_eq!(LogCursor::parse("n'importe quoi", Audience::Others), LogCursor::default());
    let next = state.after(EntryRef { register: Register::Restricted, number: 4 });
    assert_eq!(next.id(Audience::StateAndPrefecture), "12.4");
    assert!(next.has(EntryRef { register: Register::Shared, number: 12 }));
    assert!(!next.has(EntryRef { register: Register::Shared, number: 13 }));
}

#[test]
fn who_wrote_an_entry_is_shown_to_its_organisation_and_the_state_forces_not_to_other_companies() {
    let written = entry(Register::Shared, 1, "securite-provence");
    assert!(shows_author(Audience::Others, &["securite-provence".into()], &written));
    assert!(shows_author(Audience::StateAndPrefecture, &[], &written));
    assert!(!shows_author(Audience::Others, &["concurrent".into()], &written));
}

#[test]
fn references_read_back_from_their_codes_and_print_per_register() {
    let shared = EntryRef { register: Register::Shared, number: 12 };
    assert_eq!(shared.label(), "n° 12");
    assert_eq!(EntryRef::from_code(&shared.code()), Some(shared));
    let restricted = EntryRef { register: Register::Restricted, number: 3 };
    assert_eq!(restricted.label(), "E-3");
    assert_eq!(restricted.code(), "etat-3");
    assert_eq!(Register::Restricted.chain("ev1"), "main-courante-etat:ev1");
    for typed in ["12", " n° 12 ", "N°12", "tous-12"] {
        assert_eq!(EntryRef::parse(typed), Some(shared), "{typed}");
    }
    for typed in ["E-3", "e3", "E 3", "etat-3"] {
        assert_eq!(EntryRef::parse(typed), Some(restricted), "{typed}");
    }
    assert_eq!(EntryRef::parse("0"), None);
}

#[test]
fn a_participants_evaluation_proposes_the_incidents_its_organisation_wrote_in_the_log() {
    let with = |number: u64, organisation: &str, category: LogCategory, text: &str| {
        let mut e = entry(Register::Shared, number, organisation);
        e.content.category = category;
        e.content.text = text.into();
        e.content.zone_name = Some("Entrée Nord".into());
        e
    };
    let entries = vec![
        with(1, "org-a", LogCategory::Incident, "Bousculade, un malaise."),
        with(2, "org-a", LogCategory::Information, "Portes ouvertes."),
        with(3, "org-b", LogCategory::Incident, "Rixe au bar."),
        with(4, "org-a", LogCategory::Rescue, "Secouristes appelés."),
    ];
    let zone = chrono_tz::Europe::Paris;
    assert_eq!(
        incidents_of(&entries, "org-a", zone, 4_000),
        "n° 1, 20/06 19:00, Entrée Nord : Bousculade, un malaise.\nn° 4, 20/06 19:00, Entrée Nord : Secouristes appelés."
    );
    assert_eq!(incidents_of(&entries, "org-c", zone, 4_000), "");
    // As many as fit in the evaluation's text, whole lines only.
    assert_eq!(incidents_of(&entries, "org-a", zone, 60), "n° 1, 20/06 19:00, Entrée Nord : Bousculade, un malaise.");
}
