//! Store tests: every case runs on a fresh SQLite file and on a fresh PostgreSQL database.

use app::domain::time::Span;
use app::domain::{Email, Instant, MembershipRole, OrganisationProfile, PersonName};
use app::store::{invitations, organisations, sessions, throttle, users, Db};

/// Runs `case` on a fresh database and removes the database afterwards, even on failure.
use app::on_both_backends;

on_both_backends!(
    a_user_is_found_by_email_whatever_the_case_typed,
    two_accounts_cannot_share_an_email,
    my_organisations_are_listed_by_name_with_my_role,
    joining_twice_keeps_the_first_role,
    a_session_finds_its_user_until_it_expires,
    signing_out_everywhere_ends_every_session_of_that_user_only,
    an_invitation_can_be_used_exactly_once,
    pending_invitations_leave_out_used_and_expired_ones,
    sign_in_failures_count_only_inside_the_window,
);

const T0: Instant = Instant(1_790_000_000_000);

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

async fn user(db: &Db, mail: &str, name: &str) -> String {
    users::create(db, &email(mail), &PersonName::parse(name).unwrap(), "hash", false, T0).await.unwrap()
}

async fn organisation(db: &Db, name: &str, kind: &str) -> String {
    let extra = if kind == "prefecture" { "13" } else { "" };
    let profile = OrganisationProfile::parse(name, kind, "", "", extra).unwrap();
    organisations::create(db, &profile, T0).await.unwrap()
}

async fn a_user_is_found_by_email_whatever_the_case_typed(db: Db) {
    let id = user(&db, "camille.martin@mairie.test", "Camille Martin").await;
    let found = users::find_by_email(&db, &email("Camille.MARTIN@mairie.test")).await.unwrap().unwrap();
    assert_eq!(found.id, id);
    assert_eq!(found.name, "Camille Martin");
    assert!(!found.is_platform_admin);
    assert!(users::find_by_email(&db, &email("autre@mairie.test")).await.unwrap().is_none());
}

async fn two_accounts_cannot_share_an_email(db: Db) {
    user(&db, "a@b.test", "Premier").await;
    let second = users::create(&db, &email("A@B.test"), &PersonName::parse("Second").unwrap(), "h", false, T0).await;
    assert!(second.is_err());
    assert_eq!(users::count(&db).await.unwrap(), 1);
}

async fn my_organisations_are_listed_by_name_with_my_role(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let prefecture = organisation(&db, "Préfecture des Bouches-du-Rhône", "prefecture").await;
    let comite = organisation(&db, "Comité des fêtes", "organisateur").await;
    organisation(&db, "Autre", "autre").await;
    organisations::add_member(&db, &me, &prefecture, MembershipRole::Member, T0).await.unwrap();
    organisations::add_member(&db, &me, &comite, MembershipRole::Admin, T0).await.unwrap();
    let mine = organisations::list_for_user(&db, &me).await.unwrap();
    let names: Vec<_> = mine.iter().map(|m| (m.organisation.name.as_str(), m.role)).collect();
    assert_eq!(
        names,
        vec![("Comité des fêtes", MembershipRole::Admin), ("Préfecture des Bouches-du-Rhône", MembershipRole::Member)]
    );
    assert_eq!(mine[1].organisation.department.as_deref(), Some("13"));
}

async fn joining_twice_keeps_the_first_role(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let org = organisation(&db, "Comité", "organisateur").await;
    organisations::add_member(&db, &me, &org, MembershipRole::Admin, T0).await.unwrap();
    organisations::add_member(&db, &me, &org, MembershipRole::Member, T0).await.unwrap();
    assert_eq!(organisations::membership(&db, &me, &org).await.unwrap(), Some(MembershipRole::Admin));
    assert_eq!(organisations::members(&db, &org).await.unwrap().len(), 1);
}

async fn a_session_finds_its_user_until_it_expires(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    sessions::create(&db, "hash-1", &me, T0).await.unwrap();
    assert_eq!(sessions::user_of(&db, "hash-1", T0.plus(Span::hours(1))).await.unwrap().unwrap().id, me);
    assert!(sessions::user_of(&db, "hash-2", T0).await.unwrap().is_none());
    let after = T0.plus(sessions::SESSION_IDLE_LIFETIME).plus(Span::hours(2));
    assert!(sessions::user_of(&db, "hash-1", after).await.unwrap().is_none());
}

async fn signing_out_everywhere_ends_every_session_of_that_user_only(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let other = user(&db, "other@b.test", "Autre").await;
    for h in ["a", "b", "c"] {
        sessions::create(&db, h, &me, T0).await.unwrap();
    }
    sessions::create(&db, "d", &other, T0).await.unwrap();
    assert_eq!(sessions::delete_all_for_user(&db, &me).await.unwrap(), 3);
    assert_eq!(sessions::count_for_user(&db, &me, T0).await.unwrap(), 0);
    assert!(sessions::user_of(&db, "d", T0).await.unwrap().is_some());
}

async fn an_invitation_can_be_used_exactly_once(db: Db) {
    let admin = user(&db, "admin@b.test", "Admin").await;
    let org = organisation(&db, "Comité", "organisateur").await;
    let id =
        invitations::create(&db, "tok", &email("new@b.test"), &org, MembershipRole::Member, &admin, T0).await.unwrap();
    assert!(invitations::mark_used(&db, &id, T0).await.unwrap());
    assert!(!invitations::mark_used(&db, &id, T0).await.unwrap());
    let row = invitations::find_by_token_hash(&db, "tok").await.unwrap().unwrap();
    assert_eq!(row.used_at, Some(T0));
    assert_eq!(row.expires_at, T0.plus(Span::days(7)));
}

async fn pending_invitations_leave_out_used_and_expired_ones(db: Db) {
    let admin = user(&db, "admin@b.test", "Admin").await;
    let org = organisation(&db, "Comité", "organisateur").await;
    let used =
        invitations::create(&db, "t1", &email("used@b.test"), &org, MembershipRole::Member, &admin, T0).await.unwrap();
    invitations::mark_used(&db, &used, T0).await.unwrap();
    invitations::create(&db, "t2", &email("old@b.test"), &org, MembershipRole::Member, &admin, T0.minus(Span::days(8)))
        .await
        .unwrap();
    invitations::create(&db, "t3", &email("fresh@b.test"), &org, MembershipRole::Admin, &admin, T0).await.unwrap();
    let pending = invitations::pending(&db, &org, T0).await.unwrap();
    assert_eq!(pending.iter().map(|i| i.email.as_str()).collect::<Vec<_>>(), vec!["fresh@b.test"]);
    assert_eq!(pending[0].role, MembershipRole::Admin);
}

async fn sign_in_failures_count_only_inside_the_window(db: Db) {
    throttle::record_failure(&db, "account:x", T0.minus(Span::minutes(30))).await.unwrap();
    throttle::record_failure(&db, "account:x", T0.minus(Span::minutes(5))).await.unwrap();
    throttle::record_failure(&db, "account:x", T0).await.unwrap();
    throttle::record_failure(&db, "account:y", T0).await.unwrap();
    assert_eq!(throttle::failures_since(&db, "account:x", T0.minus(Span::minutes(15))).await.unwrap(), 2);
    throttle::clear(&db, "account:x").await.unwrap();
    assert_eq!(throttle::failures_since(&db, "account:x", Instant(0)).await.unwrap(), 0);
    assert_eq!(throttle::failures_since(&db, "account:y", Instant(0)).await.unwrap(), 1);
}
