//! Store tests of the day's alerts, on SQLite and PostgreSQL: an alert is stored with its
//! recipients and its chain entry in one transaction, each register's chain numbers the
//! changes from 1, an acknowledgement is given once (a second one writes nothing), two
//! organisations acknowledging at once each get their entry, and the chains verify. A mobile
//! number is set, removed and found among an organisation's contacts.

use app::domain::alerts::{AlertTarget, Closer, Closing, ClosingKind, Recipient};
use app::domain::mobile::MobileNumber;
use app::domain::operations::{EntryRef, Register, Severity};
use app::domain::{Email, Instant, MembershipRole, OrganisationProfile, PersonName};
use app::on_both_backends;
use app::store::alerts::{self, Acknowledged, Closed, NewAlert};
use app::store::log::Author;
use app::store::{conventions, mobiles, organisations, users, Db};

on_both_backends!(
    an_alert_is_stored_with_its_recipients_and_each_change_is_numbered_in_its_register,
    an_acknowledgement_is_given_once_and_a_second_writes_nothing,
    two_organisations_acknowledging_at_once_each_get_their_entry,
    a_mobile_number_is_set_removed_and_found_among_the_contacts,
    an_alert_is_closed_once_with_its_chain_entry_and_then_takes_no_acknowledgement,
    two_closings_at_once_store_one_and_answer_the_other_with_it,
);

const T0: Instant = Instant(1_790_000_000_000);

fn recipient(n: u8, name: &str) -> Recipient {
    Recipient { participant_id: format!("p-{n}"), organisation_id: format!("o-{n}"), name: name.into(), hidden: n == 9 }
}

fn new_alert(event: &str, target: AlertTarget, to: Vec<Recipient>, text: &str) -> NewAlert {
    NewAlert {
        event_id: event.into(),
        sender: Author {
            user_id: "u-orga".into(),
            name: "Julien Roux".into(),
            organisation_id: "o-orga".into(),
            organisation_name: "Comité des fêtes de Martigues".into(),
        },
        target,
        target_label: "Zone Entrée Nord".into(),
        severity: Severity::High,
        text: text.into(),
        recipients: to,
    }
}

async fn an_alert_is_stored_with_its_recipients_and_each_change_is_numbered_in_its_register(db: Db) {
    let ev = "ev-alerts";
    let to = vec![recipient(1, "Provence Sécurité Événements"), recipient(9, "Commissariat de Martigues")];
    let zone = AlertTarget::Zone("z-nord".into());
    let first = alerts::send(&db, &new_alert(ev, zone.clone(), to, "Bousculade"), T0).await.unwrap().unwrap();
    assert_eq!(first.reference, EntryRef { register: Register::Shared, number: 1 });
    assert_eq!((first.target.clone(), first.text.as_str(), first.severity), (zone, "Bousculade", Severity::High));
    assert_eq!(
        first.recipients.iter().map(|r| (r.recipient.name.as_str(), r.recipient.hidden)).collect::<Vec<_>>(),
        [("Commissariat de Martigues", true), ("Provence Sécurité Événements", false)]
    );
    assert!(first.recipients.iter().all(|r| r.acknowledged.is_none()));
    let state = new_alert(ev, AlertTarget::StateForces, vec![recipient(3, "Gendarmerie")], "Individu fiché");
    let secret = alerts::send(&db, &state, Instant(T0.0 + 60_000)).await.unwrap().unwrap();
    assert_eq!(secret.reference, EntryRef { register: Register::Restricted, number: 1 }, "a register of its own");
    let by = ("u-provence", "Karim Haddad");
    let done = alerts::acknowledge(&db, &first.id, &["o-1".into()], by, Instant(T0.0 + 120_000)).await.unwrap();
    assert!(matches!(done, Acknowledged::Now(_)));

    assert_eq!(alerts::of_event(&db, ev, &[Register::Shared]).await.unwrap().len(), 1);
    let both = alerts::of_event(&db, ev, &[Register::Shared, Register::Restricted]).await.unwrap();
    assert_eq!(both.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["Bousculade", "Individu fiché"]);
    let changes = alerts::changes_after(&db, ev, Register::Shared, 0).await.unwrap();
    assert_eq!(
        changes,
        [
            (EntryRef { register: Register::Shared, number: 1 }, first.id.clone()),
            (EntryRef { register: Register::Shared, number: 2 }, first.id.clone())
        ]
    );
    assert_eq!(alerts::changes_after(&db, ev, Register::Shared, 1).await.unwrap().len(), 1);
    assert_eq!(alerts::last_number(&db, ev, Register::Shared).await.unwrap(), 2);
    assert_eq!(alerts::last_number(&db, ev, Register::Restricted).await.unwrap(), 1);
    assert_eq!(alerts::last_number(&db, "another", Register::Shared).await.unwrap(), 0);
    for register in [Register::Shared, Register::Restricted] {
        let chain = conventions::chain(&db, &app::domain::alerts::alert_chain(register, ev)).await.unwrap();
        app::domain::convention::verify(&chain).unwrap();
    }
}

async fn an_acknowledgement_is_given_once_and_a_second_writes_nothing(db: Db) {
    let ev = "ev-ack";
    let to = vec![recipient(1, "Provence Sécurité Événements"), recipient(2, "Police municipale")];
    let alert = alerts::send(&db, &new_alert(ev, AlertTarget::Everyone, to, "Orage"), T0).await.unwrap().unwrap();
    let at = Instant(T0.0 + 30_000);
    let first = alerts::acknowledge(&db, &alert.id, &["o-1".into()], ("u-1", "Karim Haddad"), at).await.unwrap();
    let Acknowledged::Now(after) = first else { panic!("acknowledged now: {first:?}") };
    let mine = after.recipients.iter().find(|r| r.recipient.organisation_id == "o-1").unwrap();
    let ack = mine.acknowledged.clone().unwrap();
    assert_eq!((ack.by_name.as_str(), ack.at), ("Karim Haddad", at));
    let chain = app::domain::alerts::alert_chain(Register::Shared, ev);
    let length = conventions::chain(&db, &chain).await.unwrap().len();
    assert_eq!(length, 2, "sent, acknowledged");

    let later = Instant(T0.0 + 90_000);
    let again = alerts::acknowledge(&db, &alert.id, &["o-1".into()], ("u-1b", "Autre agent"), later).await.unwrap();
    let Acknowledged::Already(same) = again else { panic!("already acknowledged: {again:?}") };
    let kept = same.recipients.iter().find(|r| r.recipient.organisation_id == "o-1").unwrap();
    assert_eq!(
        kept.acknowledged.as_ref().map(|a| (a.by_name.as_str(), a.at)),
        Some(("Karim Haddad", at)),
        "the first stays"
    );
    assert_eq!(conventions::chain(&db, &chain).await.unwrap().len(), 2, "nothing written");
    let outsider = alerts::acknowledge(&db, &alert.id, &["o-7".into()], ("u-7", "Intrus"), later).await.unwrap();
    assert_eq!(outsider, Acknowledged::NotAddressed);
    assert_eq!(
        alerts::acknowledge(&db, "inconnue", &["o-1".into()], ("u-1", "K"), later).await.unwrap(),
        Acknowledged::NotAddressed
    );
}

async fn two_organisations_acknowledging_at_once_each_get_their_entry(db: Db) {
    let ev = "ev-race";
    let to: Vec<Recipient> = (1..=5).map(|n| recipient(n, &format!("Participant {n}"))).collect();
    let alert = alerts::send(&db, &new_alert(ev, AlertTarget::Everyone, to, "Évacuation"), T0).await.unwrap().unwrap();
    let acks = (1..=5).map(|n| {
        let (db, id) = (db.clone(), alert.id.clone());
        tokio::spawn(async move {
            alerts::acknowledge(&db, &id, &[format!("o-{n}")], (&format!("u-{n}"), "Agent"), T0).await
        })
    });
    for ack in acks.collect::<Vec<_>>() {
        assert!(matches!(ack.await.unwrap().unwrap(), Acknowledged::Now(_)));
    }
    let stored = alerts::one(&db, &alert.id).await.unwrap().unwrap();
    assert!(stored.recipients.iter().all(|r| r.acknowledged.is_some()));
    let chain = conventions::chain(&db, &app::domain::alerts::alert_chain(Register::Shared, ev)).await.unwrap();
    assert_eq!(chain.len(), 6, "one sending, five acknowledgements, no number twice");
    app::domain::convention::verify(&chain).unwrap();
}

async fn a_mobile_number_is_set_removed_and_found_among_the_contacts(db: Db) {
    let now = T0;
    let user = users::create(
        &db,
        &Email::parse("karim@provence.test").unwrap(),
        &PersonName::parse("Karim Haddad").unwrap(),
        "hash",
        false,
        now,
    )
    .await
    .unwrap();
    let other = users::create(
        &db,
        &Email::parse("elise@provence.test").unwrap(),
        &PersonName::parse("Élise Fabre").unwrap(),
        "hash",
        false,
        now,
    )
    .await
    .unwrap();
    let profile =
        OrganisationProfile::parse("Provence Sécurité", "securite_privee", "", "AUT-013-2118-05-12-20190412345", "")
            .unwrap();
    let org = organisations::create(&db, &profile, now).await.unwrap();
    organisations::add_member(&db, &user, &org, MembershipRole::Admin, now).await.unwrap();
    organisations::add_member(&db, &other, &org, MembershipRole::Member, now).await.unwrap();

    let number = MobileNumber::parse("06 12 34 56 78").unwrap().unwrap();
    assert!(mobiles::set_mobile(&db, &user, Some(&number), now).await.unwrap());
    assert!(!mobiles::set_mobile(&db, &user, Some(&number), now).await.unwrap(), "the same number changes nothing");
    assert_eq!(mobiles::mobile(&db, &user).await.unwrap(), Some(number.clone()));
    let contacts = mobiles::contacts(&db, &org).await.unwrap();
    assert_eq!(
        contacts.iter().map(|c| (c.email.as_str(), c.mobile.as_ref().map(|m| m.as_str()))).collect::<Vec<_>>(),
        [("elise@provence.test", None), ("karim@provence.test", Some("+33612345678"))]
    );
    assert!(mobiles::set_mobile(&db, &user, None, now).await.unwrap());
    assert_eq!(mobiles::mobile(&db, &user).await.unwrap(), None);
    let chain = conventions::chain(&db, &conventions::account_chain(&user)).await.unwrap();
    assert_eq!(
        chain.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        ["account.mobile_set", "account.mobile_removed"]
    );
    assert!(chain.iter().all(|e| !e.payload.contains("612345678")), "the trail keeps no number");
}

fn closing(kind: ClosingKind, at: Instant, user: &str, name: &str) -> Closing {
    let by = Closer {
        user_id: user.into(),
        name: name.into(),
        organisation_id: "o-orga".into(),
        organisation_name: "Comité des fêtes de Martigues".into(),
    };
    Closing { kind, at, by }
}

async fn an_alert_is_closed_once_with_its_chain_entry_and_then_takes_no_acknowledgement(db: Db) {
    let ev = "ev-close";
    let to = vec![recipient(1, "Provence Sécurité Événements"), recipient(2, "Police municipale")];
    let alert = alerts::send(&db, &new_alert(ev, AlertTarget::Everyone, to, "Orage"), T0).await.unwrap().unwrap();
    let closed_at = Instant(T0.0 + 600_000);
    let first = closing(ClosingKind::Closed, closed_at, "u-orga", "Julien Roux");
    let done = alerts::close(&db, &alert, &first).await.unwrap();
    let Closed::Now(stored) = done else { panic!("closed now: {done:?}") };
    assert_eq!(stored.closing.as_ref(), Some(&first));
    assert_eq!(alerts::of_event(&db, ev, &[Register::Shared]).await.unwrap()[0].closing.as_ref(), Some(&first));
    assert_eq!(
        alerts::changes_after(&db, ev, Register::Shared, 1).await.unwrap(),
        [(EntryRef { register: Register::Shared, number: 2 }, alert.id.clone())],
        "the closing is the chain's next change: the live stream brings it"
    );

    let withdrawal = closing(ClosingKind::Withdrawn, Instant(closed_at.0 + 1), "u-orga-2", "Claire Petit");
    let again = alerts::close(&db, &alert, &withdrawal).await.unwrap();
    assert_eq!(again, Closed::Already(stored.clone()), "the first closing stays");
    let late = alerts::acknowledge(&db, &alert.id, &["o-1".into()], ("u-1", "Karim Haddad"), closed_at).await.unwrap();
    assert!(matches!(late, Acknowledged::Already(_)), "{late:?}");
    let chain = conventions::chain(&db, &app::domain::alerts::alert_chain(Register::Shared, ev)).await.unwrap();
    assert_eq!(
        chain.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        [alerts::SENT, alerts::CLOSED],
        "nothing written after the closing"
    );
    app::domain::convention::verify(&chain).unwrap();
    let unknown = app::domain::alerts::Alert { id: "inconnue".into(), ..alert };
    assert_eq!(alerts::close(&db, &unknown, &first).await.unwrap(), Closed::NotFound);
}

async fn two_closings_at_once_store_one_and_answer_the_other_with_it(db: Db) {
    let ev = "ev-close-race";
    let to = vec![recipient(1, "Provence Sécurité Événements")];
    let alert =
        alerts::send(&db, &new_alert(ev, AlertTarget::Everyone, to, "Colis suspect"), T0).await.unwrap().unwrap();
    let tries = (1..=4).map(|n| {
        let (db, alert) = (db.clone(), alert.clone());
        let closing = closing(ClosingKind::Closed, Instant(T0.0 + n), &format!("u-{n}"), &format!("Agent {n}"));
        tokio::spawn(async move { alerts::close(&db, &alert, &closing).await.unwrap() })
    });
    let mut now = 0;
    for outcome in tries.collect::<Vec<_>>() {
        match outcome.await.unwrap() {
            Closed::Now(_) => now += 1,
            Closed::Already(a) => assert!(a.closing.is_some()),
            Closed::NotFound => panic!("the alert exists"),
        }
    }
    assert_eq!(now, 1, "one closing stored");
    let chain = conventions::chain(&db, &app::domain::alerts::alert_chain(Register::Shared, ev)).await.unwrap();
    assert_eq!(chain.len(), 2, "one sending, one closing");
}
