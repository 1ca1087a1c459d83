use super::*;
use crate::domain::compliance::fixtures::{self as f, paris, Edit};
use crate::domain::plan::{event_access, Viewer};

/// The fête of 20 June 2026, 18:00 to 23:00: the company filters the entrance, the municipal
/// police the avenue, the rescuers hold the first-aid post, the police the command post.
fn fete() -> Plan {
    f::compliant_plan()
}

fn org(n: u32) -> String {
    f::id(n + 1000)
}

fn kinds() -> BTreeMap<String, OrganisationKind> {
    [
        (org(f::ORGANISER), OrganisationKind::Organisateur),
        (org(f::COMPANY), OrganisationKind::SecuritePrivee),
        (org(f::MUNICIPAL), OrganisationKind::PoliceMunicipale),
        (org(f::POLICE), OrganisationKind::PoliceNationale),
        (org(f::RESCUE), OrganisationKind::Autre),
    ]
    .into_iter()
    .collect()
}

/// The access of a member of participant `n`'s organisation.
fn access_of(plan: &Plan, n: u32) -> EventAccess {
    let kind = kinds()[&org(n)];
    let viewer = Viewer::from_organisations([(org(n), kind, None)]);
    event_access(&viewer, &org(f::ORGANISER), "13", &plan.participants).unwrap()
}

fn prefecture_access(plan: &Plan) -> EventAccess {
    let viewer = Viewer::from_organisations([("pref-13".to_string(), OrganisationKind::Prefecture, Some("13".into()))]);
    event_access(&viewer, &org(f::ORGANISER), "13", &plan.participants).unwrap()
}

const DURING: (u32, u32, u32, u32) = (6, 20, 19, 0);

fn during() -> Instant {
    paris(DURING.0, DURING.1, DURING.2, DURING.3)
}

fn names(list: &[Recipient]) -> Vec<&str> {
    list.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn the_organiser_the_state_forces_and_the_prefecture_send_alerts_and_no_one_else() {
    let plan = fete();
    for (who, access) in [
        ("organiser", access_of(&plan, f::ORGANISER)),
        ("police", access_of(&plan, f::POLICE)),
        ("prefecture", prefecture_access(&plan)),
    ] {
        assert_eq!(check_send(&plan, &access, &AlertTarget::Everyone, during()), Ok(()), "{who}");
    }
    for n in [f::COMPANY, f::MUNICIPAL, f::RESCUE] {
        assert_eq!(check_send(&plan, &access_of(&plan, n), &AlertTarget::Everyone, during()), Err(None), "{n}");
    }
}

#[test]
fn only_the_state_forces_and_the_prefecture_send_an_alert_to_the_state_forces_only() {
    let plan = fete();
    let refused = check_send(&plan, &access_of(&plan, f::ORGANISER), &AlertTarget::StateForces, during());
    assert_eq!(refused.unwrap_err().unwrap().field, "target");
    assert_eq!(check_send(&plan, &access_of(&plan, f::POLICE), &AlertTarget::StateForces, during()), Ok(()));
    assert_eq!(check_send(&plan, &prefecture_access(&plan), &AlertTarget::StateForces, during()), Ok(()));
}

#[test]
fn no_alert_is_sent_before_the_set_up_or_after_the_tear_down() {
    let plan = fete();
    let organiser = access_of(&plan, f::ORGANISER);
    for at in [paris(6, 20, 17, 59), paris(6, 20, 23, 0)] {
        let refused = check_send(&plan, &organiser, &AlertTarget::Everyone, at).unwrap_err().unwrap();
        assert_eq!((refused.field.as_str(), refused.message.as_str()), ("text", text::ALERT_CLOSED));
    }
}

#[test]
fn an_alert_to_a_zone_reaches_the_participants_deployed_on_it_and_no_other() {
    let plan = fete();
    let to = |zone: u32| recipients(&plan, &AlertTarget::Zone(f::id(zone)), &kinds(), &org(f::ORGANISER));
    assert_eq!(names(&to(f::ENTRANCE)), ["Provence Sécurité Événements"]);
    assert_eq!(names(&to(f::AVENUE)), ["Police municipale de Martigues"]);
    // The police sends to the command post it holds: nobody else is there.
    assert!(recipients(&plan, &AlertTarget::Zone(f::id(f::COMMAND_POST)), &kinds(), &org(f::POLICE)).is_empty());
}

#[test]
fn an_alert_to_everyone_reaches_every_participant_but_the_sender() {
    let plan = fete();
    let all = recipients(&plan, &AlertTarget::Everyone, &kinds(), &org(f::POLICE));
    assert_eq!(
        names(&all),
        [
            "Comité des fêtes de Martigues",
            "Provence Sécurité Événements",
            "Police municipale de Martigues",
            "Protection civile des Bouches-du-Rhône"
        ]
    );
    let one = recipients(&plan, &AlertTarget::Participant(f::id(f::COMPANY)), &kinds(), &org(f::ORGANISER));
    assert_eq!(names(&one), ["Provence Sécurité Événements"]);
}

#[test]
fn an_alert_to_the_state_forces_never_reaches_a_company_the_organiser_or_the_municipal_police() {
    let plan = fete();
    let state = recipients(&plan, &AlertTarget::StateForces, &kinds(), "pref-13");
    assert_eq!(names(&state), ["Commissariat de Martigues"]);
    assert_eq!(AlertTarget::StateForces.register(), Register::Restricted);
    // Judged on what each organisation is: the company is no State force.
    assert!(!names(&state).contains(&"Provence Sécurité Événements"));
}

#[test]
fn a_participant_reached_only_by_restricted_deployments_is_listed_for_the_state_forces_only() {
    let plan = Edit::compliant()
        .deployment(f::COMMAND, |d| {
            d.zone_id = f::id(f::ENTRANCE);
            d.visibility = Visibility::Restricted;
        })
        .0;
    let to_entrance = recipients(&plan, &AlertTarget::Zone(f::id(f::ENTRANCE)), &kinds(), &org(f::ORGANISER));
    assert_eq!(names(&to_entrance), ["Provence Sécurité Événements", "Commissariat de Martigues"]);
    assert_eq!(to_entrance.iter().map(|r| r.hidden).collect::<Vec<_>>(), [false, true]);
    let alert = Alert {
        id: "a1".into(),
        event_id: f::id(1),
        reference: EntryRef { register: Register::Shared, number: 1 },
        at: during(),
        sender_id: "u".into(),
        sender_name: "Julien Roux".into(),
        sender_organisation_id: org(f::ORGANISER),
        sender_organisation_name: "Comité des fêtes de Martigues".into(),
        target: AlertTarget::Zone(f::id(f::ENTRANCE)),
        target_label: "Zone Entrée Quai Brescon".into(),
        severity: Severity::High,
        text: "Bousculade".into(),
        recipients: to_entrance.into_iter().map(|recipient| AlertRecipient { recipient, acknowledged: None }).collect(),
        closing: None,
    };
    let reading = |n: u32, command_post: bool| AlertReading {
        audience: access_of(&plan, n).audience,
        command_post,
        organisation_ids: vec![org(n)],
        user_id: format!("u-{n}"),
    };
    let listed = |r: &AlertReading| r.recipients(&alert).iter().map(|r| r.recipient.name.clone()).collect::<Vec<_>>();
    assert_eq!(listed(&reading(f::ORGANISER, true)), ["Provence Sécurité Événements"]);
    assert_eq!(listed(&reading(f::POLICE, true)), ["Provence Sécurité Événements", "Commissariat de Martigues"]);
    let company = reading(f::COMPANY, false);
    assert!(company.reads(&alert) && company.own(&alert).is_some());
    assert_eq!(listed(&company), Vec::<String>::new(), "a recipient sees no other recipient");
    assert!(!reading(f::MUNICIPAL, false).reads(&alert), "not addressed to it");
    // An alert of the State forces' register reaches no company, addressed or not.
    let restricted = Alert { reference: EntryRef { register: Register::Restricted, number: 1 }, ..alert.clone() };
    assert!(!company.reads(&restricted));
    assert!(!reading(f::ORGANISER, true).reads(&restricted));
    assert!(reading(f::POLICE, true).reads(&restricted));
}

#[test]
fn the_form_names_a_zone_or_a_participant_of_the_event_a_severity_and_a_text() {
    let plan = fete();
    let form = |target: &str, severity: &str, text: &str| AlertForm {
        target: target.into(),
        severity: severity.into(),
        text: text.into(),
    };
    let zone = format!("zone:{}", f::id(f::ENTRANCE));
    assert_eq!(
        form(&zone, "critique", "  Évacuez l’entrée  ").parse(&plan),
        Ok((AlertTarget::Zone(f::id(f::ENTRANCE)), Severity::Critical, "Évacuez l’entrée".to_string()))
    );
    assert_eq!(AlertTarget::Zone(f::id(f::ENTRANCE)).label(&plan), "Zone Entrée Quai Brescon");
    let field = |typed: AlertForm| typed.parse(&plan).unwrap_err().field;
    assert_eq!(field(form("zone:inconnue", "faible", "x")), "target");
    assert_eq!(field(form("participant:", "faible", "x")), "target");
    assert_eq!(field(form("tous", "grave", "x")), "severity");
    assert_eq!(field(form("tous", "faible", "   ")), "text");
    assert_eq!(field(form("tous", "faible", &"a".repeat(MAX_ALERT_TEXT + 1))), "text");
}

#[test]
fn the_stream_cursor_carries_the_alerts_after_the_log_and_ignores_what_the_reader_may_not_read() {
    let both =
        StreamCursor { log: LogCursor { shared: 12, restricted: 3 }, alerts: LogCursor { shared: 4, restricted: 1 } };
    assert_eq!(both.id(Audience::StateAndPrefecture), "12.3-4.1");
    assert_eq!(StreamCursor::parse("12.3-4.1", Audience::StateAndPrefecture), both);
    assert_eq!(both.id(Audience::Others), "12-4");
    assert_eq!(
        StreamCursor::parse("12.3-4.1", Audience::Others),
        StreamCursor { log: LogCursor { shared: 12, restricted: 0 }, alerts: LogCursor { shared: 4, restricted: 0 } }
    );
    let log_only = StreamCursor { log: LogCursor { shared: 2, restricted: 0 }, alerts: LogCursor::default() };
    assert_eq!(log_only.id(Audience::Others), "2", "as before any alert");
    assert_eq!(StreamCursor::parse("2", Audience::Others), log_only);
    assert_eq!(StreamCursor::parse("n'importe quoi", Audience::Others), StreamCursor::default());
}
