use super::*;
use crate::domain::alerts::closing::tests::{bousculade, closer, company, organiser, police, SENT_AT};
use crate::domain::alerts::{Acknowledgement, ClosingKind};

fn paris() -> Tz {
    chrono_tz::Europe::Paris
}

/// The company's and the commissariat's acknowledgements, then the command post's closing.
fn dealt_with(register: Register) -> Alert {
    let mut alert = bousculade(register);
    let ack = |minutes: i64, by: &str| Acknowledgement {
        at: Instant(SENT_AT.0 + minutes * 60_000),
        by_id: format!("u-{minutes}"),
        by_name: by.into(),
    };
    alert.recipients[0].acknowledged = Some(ack(1, "Karim Haddad"));
    alert.recipients[1].acknowledged = Some(ack(2, "Brigadier Lemoine"));
    let at = Instant(SENT_AT.0 + 30 * 60_000);
    let closing = match register {
        Register::Shared => {
            let julien = closer("u-julien", "Julien Roux", "o-orga", "Comité des fêtes de Martigues");
            organiser("u-julien").close(&alert, ClosingKind::Closed, julien, at)
        }
        Register::Restricted => {
            let chief = closer("u-chef", "Commandant Morel", "o-2", "Commissariat de Martigues");
            police().close(&alert, ClosingKind::Closed, chief, at)
        }
    };
    alert.closing = Some(closing.unwrap());
    alert
}

fn printed(rows: &[(Instant, LogRow)]) -> Vec<[&str; 6]> {
    rows.iter().map(|(_, r)| [&*r.reference, &*r.at, &*r.author, &*r.organisation, &*r.category, &*r.text]).collect()
}

#[test]
fn the_command_post_exports_the_sending_every_acknowledgement_it_may_know_and_the_closing() {
    let alert = dealt_with(Register::Shared);
    let rows = alert_rows(&organiser("u-claire"), &alert, paris());
    assert_eq!(
        printed(&rows),
        [
            [
                "Alerte n° 3",
                "20/06/2026 19:00:00",
                "",
                "Comité des fêtes de Martigues",
                "Alerte",
                "Destinataires : Zone Entrée Nord. Bousculade : fermez les barrières."
            ],
            [
                "Alerte n° 3",
                "20/06/2026 19:01:00",
                "Karim Haddad",
                "Provence Sécurité Événements",
                "Accusé de réception",
                "Reçue par Provence Sécurité Événements"
            ],
            [
                "Alerte n° 3",
                "20/06/2026 19:30:00",
                "Julien Roux",
                "Comité des fêtes de Martigues",
                "Alerte close",
                "Alerte close par Julien Roux (Comité des fêtes de Martigues)"
            ],
        ],
        "the commissariat, reached through a restricted deployment, is not listed to the organiser"
    );
    assert_eq!(rows[0].1.register, "Tous les participants");
    assert_eq!(rows[0].1.severity, "Élevée");
    let police_rows = alert_rows(&police(), &alert, paris());
    assert_eq!(police_rows.len(), 4, "the State forces read every acknowledgement");
    assert_eq!(police_rows[2].1.author, "Brigadier Lemoine");
}

#[test]
fn a_company_exports_its_own_acknowledgement_and_the_closing_without_the_closer_s_name() {
    let alert = dealt_with(Register::Shared);
    let rows = alert_rows(&company(), &alert, paris());
    assert_eq!(
        printed(&rows).iter().map(|r| [r[2], r[3], r[4]]).collect::<Vec<_>>(),
        [
            ["", "Comité des fêtes de Martigues", "Alerte"],
            ["Karim Haddad", "Provence Sécurité Événements", "Accusé de réception"],
            ["", "Comité des fêtes de Martigues", "Alerte close"],
        ]
    );
    assert_eq!(rows[2].1.text, "Alerte close par Comité des fêtes de Martigues");
}

#[test]
fn an_alert_to_the_state_forces_never_reaches_a_company_s_export() {
    let alert = dealt_with(Register::Restricted);
    assert_eq!(alert_rows(&company(), &alert, paris()), []);
    let rows = alert_rows(&police(), &alert, paris());
    assert_eq!(rows[0].1.reference, "Alerte E-3");
    assert_eq!(rows[0].1.register, "Forces de l’État et préfecture seulement");
}
