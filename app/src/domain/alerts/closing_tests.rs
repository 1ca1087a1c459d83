use super::*;
use crate::domain::alerts::{AlertRecipient, AlertTarget, Recipient};
use crate::domain::operations::{EntryRef, Register, Severity};
use crate::domain::plan::Audience;

/// 20 June 2026, 19:00 in Paris (17:00 UTC).
pub(crate) const SENT_AT: Instant = Instant(1_781_974_800_000);

fn minutes(n: i64) -> Instant {
    Instant(SENT_AT.0 + n * 60_000)
}

/// The organiser's alert to the north entrance, where Provence Sécurité Événements and the
/// commissariat (through a restricted deployment) are deployed, sent by Julien Roux.
pub(crate) fn bousculade(register: Register) -> Alert {
    let recipient = |n: u8, name: &str, hidden: bool| AlertRecipient {
        recipient: Recipient {
            participant_id: format!("p-{n}"),
            organisation_id: format!("o-{n}"),
            name: name.into(),
            hidden,
        },
        acknowledged: None,
    };
    Alert {
        id: "a-1".into(),
        event_id: "fete".into(),
        reference: EntryRef { register, number: 3 },
        at: SENT_AT,
        sender_id: "u-julien".into(),
        sender_name: "Julien Roux".into(),
        sender_organisation_id: "o-orga".into(),
        sender_organisation_name: "Comité des fêtes de Martigues".into(),
        target: AlertTarget::Zone("z-nord".into()),
        target_label: "Zone Entrée Nord".into(),
        severity: Severity::High,
        text: "Bousculade : fermez les barrières.".into(),
        recipients: vec![
            recipient(1, "Provence Sécurité Événements", false),
            recipient(2, "Commissariat de Martigues", true),
        ],
        closing: None,
    }
}

/// The organiser's sender (command post), another member of the organiser, the company, the
/// commissariat (command post, State forces).
pub(crate) fn organiser(user: &str) -> AlertReading {
    AlertReading {
        audience: Audience::Others,
        command_post: true,
        organisation_ids: vec!["o-orga".into()],
        user_id: user.into(),
    }
}

pub(crate) fn company() -> AlertReading {
    AlertReading {
        audience: Audience::Others,
        command_post: false,
        organisation_ids: vec!["o-1".into()],
        user_id: "u-karim".into(),
    }
}

pub(crate) fn police() -> AlertReading {
    AlertReading {
        audience: Audience::StateAndPrefecture,
        command_post: true,
        organisation_ids: vec!["o-2".into()],
        user_id: "u-chef".into(),
    }
}

pub(crate) fn closer(user: &str, name: &str, organisation: &str, organisation_name: &str) -> Closer {
    Closer {
        user_id: user.into(),
        name: name.into(),
        organisation_id: organisation.into(),
        organisation_name: organisation_name.into(),
    }
}

#[test]
fn the_command_post_closes_an_alert_and_a_company_it_is_addressed_to_may_not() {
    let alert = bousculade(Register::Shared);
    let chief = closer("u-chef", "Commandant Morel", "o-2", "Commissariat de Martigues");
    assert_eq!(
        police().close(&alert, ClosingKind::Closed, chief.clone(), minutes(20)),
        Ok(Closing { kind: ClosingKind::Closed, at: minutes(20), by: chief })
    );
    assert!(organiser("u-claire").may_close(&alert), "any member of the command post, not only the sender");
    let karim = closer("u-karim", "Karim Haddad", "o-1", "Provence Sécurité Événements");
    assert_eq!(company().close(&alert, ClosingKind::Closed, karim, minutes(20)), Err(ClosingRefusal::NotCommandPost));
    assert!(!company().may_close(&alert) && !company().may_withdraw(&alert));
}

#[test]
fn only_the_person_who_sent_an_alert_withdraws_it() {
    let alert = bousculade(Register::Shared);
    assert!(organiser("u-julien").may_withdraw(&alert));
    assert_eq!(organiser("u-claire").decide_closing(&alert, ClosingKind::Withdrawn), Err(ClosingRefusal::NotSender));
    assert_eq!(police().decide_closing(&alert, ClosingKind::Withdrawn), Err(ClosingRefusal::NotSender));
}

#[test]
fn an_alert_is_closed_once_and_then_asks_no_one_for_an_acknowledgement() {
    let mut alert = bousculade(Register::Shared);
    assert!(company().awaits_acknowledgement(&alert));
    let julien = closer("u-julien", "Julien Roux", "o-orga", "Comité des fêtes de Martigues");
    let closing = organiser("u-julien").close(&alert, ClosingKind::Withdrawn, julien, minutes(2)).unwrap();
    alert.closing = Some(closing.clone());
    assert!(!company().awaits_acknowledgement(&alert), "withdrawn: nothing to acknowledge");
    for kind in [ClosingKind::Closed, ClosingKind::Withdrawn] {
        assert_eq!(
            organiser("u-julien").decide_closing(&alert, kind),
            Err(ClosingRefusal::AlreadyClosed(closing.clone()))
        );
    }
    assert_eq!(
        already_closed(&closing, &police().closer(&closing), "sam. 20/06 19:02"),
        "Cette alerte a déjà été retirée par Julien Roux (Comité des fêtes de Martigues), sam. 20/06 19:02."
    );
}

#[test]
fn a_company_learns_which_organisation_closed_an_alert_and_the_command_post_who() {
    let mut alert = bousculade(Register::Shared);
    assert_eq!(company().closed_by(&alert), None, "open");
    let chief = closer("u-chef", "Commandant Morel", "o-2", "Commissariat de Martigues");
    alert.closing = Some(police().close(&alert, ClosingKind::Closed, chief, minutes(20)).unwrap());
    assert_eq!(company().closed_by(&alert).as_deref(), Some("Commissariat de Martigues"));
    assert_eq!(
        organiser("u-julien").closed_by(&alert).as_deref(),
        Some("Commandant Morel (Commissariat de Martigues)")
    );
}

#[test]
fn an_alert_to_the_state_forces_is_closed_by_them_and_unknown_to_the_organiser() {
    let alert = bousculade(Register::Restricted);
    assert_eq!(organiser("u-julien").decide_closing(&alert, ClosingKind::Closed), Err(ClosingRefusal::Unknown));
    assert_eq!(company().decide_closing(&alert, ClosingKind::Closed), Err(ClosingRefusal::Unknown));
    assert!(police().may_close(&alert));
}

#[test]
fn the_form_says_clore_or_retirer() {
    assert_eq!(ClosingKind::from_code(" clore "), Some(ClosingKind::Closed));
    assert_eq!(ClosingKind::from_code(ClosingKind::Withdrawn.code()), Some(ClosingKind::Withdrawn));
    assert_eq!(ClosingKind::from_code("supprimer"), None);
}
