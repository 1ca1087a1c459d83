//! Store tests of offboarding, on SQLite and PostgreSQL: the absolute session lifetime,
//! disabled accounts, member removal and password-reset links, with `now` passed in.

use app::domain::offboarding::RemovalRefused;
use app::domain::time::Span;
use app::domain::{Email, Instant, MembershipRole, OrganisationProfile, PersonName};
use app::on_both_backends;
use app::store::{
    api_tokens, housekeeping, invitations, memberships, organisations, password_resets, sessions, throttle, users, Db,
};

on_both_backends!(
    a_session_used_every_day_still_ends_thirty_days_after_sign_in,
    a_disabled_account_is_refused_by_its_sessions_and_tokens_until_enabled,
    is_active_is_false_for_a_disabled_or_unknown_account,
    the_last_administrator_is_not_removed_but_a_member_is,
    a_reset_link_is_stored_hashed_expires_after_an_hour_and_is_used_once,
    changing_password_ends_the_other_sessions_only,
    housekeeping_removes_what_has_expired_and_keeps_what_still_serves,
);

const T0: Instant = Instant(1_790_000_000_000);

async fn user(db: &Db, mail: &str, name: &str) -> String {
    let email = Email::parse(mail).unwrap();
    users::create(db, &email, &PersonName::parse(name).unwrap(), "hash", false, T0).await.unwrap()
}

async fn a_session_used_every_day_still_ends_thirty_days_after_sign_in(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    sessions::create(&db, "daily", &me, T0).await.unwrap();
    for day in 1..30 {
        let at = T0.plus(Span::days(day));
        assert!(sessions::user_of(&db, "daily", at).await.unwrap().is_some(), "day {day}");
    }
    let last_moment = T0.plus(Span::days(30)).minus(Span::minutes(1));
    assert!(sessions::user_of(&db, "daily", last_moment).await.unwrap().is_some());
    assert!(sessions::user_of(&db, "daily", T0.plus(Span::days(30))).await.unwrap().is_none());
    assert_eq!(sessions::count_for_user(&db, &me, T0.plus(Span::days(30))).await.unwrap(), 0);
}

async fn a_disabled_account_is_refused_by_its_sessions_and_tokens_until_enabled(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    sessions::create(&db, "session", &me, T0).await.unwrap();
    api_tokens::create(&db, &me, "Script", "token", T0).await.unwrap();
    assert!(users::disable(&db, &me, "admin", T0).await.unwrap());
    assert!(!users::disable(&db, &me, "admin", T0).await.unwrap(), "already disabled");
    assert_eq!(users::find_by_id(&db, &me).await.unwrap().unwrap().disabled_at, Some(T0));
    assert!(sessions::user_of(&db, "session", T0).await.unwrap().is_none());
    assert!(api_tokens::user_of(&db, "token", T0).await.unwrap().is_none());
    assert!(users::enable(&db, &me, "admin", T0).await.unwrap());
    assert!(api_tokens::user_of(&db, "token", T0).await.unwrap().is_some());
    assert_eq!(users::find_by_id(&db, &me).await.unwrap().unwrap().disabled_at, None);
    // Each change is an entry of the account's audit chain (the refused second disabling none).
    let chain = app::store::conventions::chain(&db, &app::store::conventions::account_chain(&me)).await.unwrap();
    let kinds: Vec<&str> = chain.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["account.disable", "account.enable"]);
    assert!(app::domain::convention::verify(&chain).is_ok());
}

async fn is_active_is_false_for_a_disabled_or_unknown_account(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    assert!(users::is_active(&db, &me).await.unwrap());
    users::disable(&db, &me, "admin", T0).await.unwrap();
    assert!(!users::is_active(&db, &me).await.unwrap());
    assert!(!users::is_active(&db, "no-such-user").await.unwrap());
}

async fn the_last_administrator_is_not_removed_but_a_member_is(db: Db) {
    let admin = user(&db, "admin@b.test", "Admin").await;
    let member = user(&db, "member@b.test", "Membre").await;
    let profile = OrganisationProfile::parse("Comité", "organisateur", "", "", "").unwrap();
    let org = organisations::create(&db, &profile, T0).await.unwrap();
    organisations::add_member(&db, &admin, &org, MembershipRole::Admin, T0).await.unwrap();
    organisations::add_member(&db, &member, &org, MembershipRole::Member, T0).await.unwrap();
    assert_eq!(
        memberships::remove(&db, &admin, &org, true, ("admin", T0)).await.unwrap(),
        Err(RemovalRefused::LastAdminThemselves)
    );
    assert_eq!(memberships::remove(&db, &member, &org, false, ("admin", T0)).await.unwrap(), Ok(()));
    assert_eq!(
        memberships::remove(&db, &member, &org, false, ("admin", T0)).await.unwrap(),
        Err(RemovalRefused::NotAMember)
    );
    let left: Vec<_> = organisations::members(&db, &org).await.unwrap().into_iter().map(|m| m.user_id).collect();
    assert_eq!(left, vec![admin]);
    // The removal, and only it, is an entry of the organisation's audit chain.
    let chain = app::store::conventions::chain(&db, &app::store::conventions::organisation_chain(&org)).await.unwrap();
    assert_eq!(
        chain.iter().map(|e| (e.kind.as_str(), e.actor.as_str())).collect::<Vec<_>>(),
        vec![("membership.remove", "admin")]
    );
}

async fn a_reset_link_is_stored_hashed_expires_after_an_hour_and_is_used_once(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let id = password_resets::create(&db, "reset-hash", &me, T0).await.unwrap();
    let row = password_resets::find_by_token_hash(&db, "reset-hash").await.unwrap().unwrap();
    assert_eq!((row.user_id.as_str(), row.expires_at, row.used_at), (me.as_str(), T0.plus(Span::hours(1)), None));
    assert!(password_resets::mark_used(&db, &id, T0).await.unwrap());
    assert!(!password_resets::mark_used(&db, &id, T0).await.unwrap());
    password_resets::create(&db, "second", &me, T0).await.unwrap();
    assert_eq!(password_resets::void_all_for_user(&db, &me, T0).await.unwrap(), 1);
    assert_eq!(password_resets::find_by_token_hash(&db, "second").await.unwrap().unwrap().used_at, Some(T0));
}

async fn changing_password_ends_the_other_sessions_only(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let other = user(&db, "other@b.test", "Autre").await;
    for hash in ["this-device", "phone", "laptop"] {
        sessions::create(&db, hash, &me, T0).await.unwrap();
    }
    sessions::create(&db, "theirs", &other, T0).await.unwrap();
    users::set_password_hash(&db, &me, "new-hash").await.unwrap();
    assert_eq!(sessions::delete_others_for_user(&db, &me, "this-device").await.unwrap(), 2);
    assert_eq!(sessions::user_of(&db, "this-device", T0).await.unwrap().unwrap().password_hash, "new-hash");
    assert!(sessions::user_of(&db, "phone", T0).await.unwrap().is_none());
    assert!(sessions::user_of(&db, "theirs", T0).await.unwrap().is_some());
}

async fn housekeeping_removes_what_has_expired_and_keeps_what_still_serves(db: Db) {
    let me = user(&db, "me@b.test", "Moi").await;
    let profile = OrganisationProfile::parse("Comité", "organisateur", "", "", "").unwrap();
    let org = organisations::create(&db, &profile, T0).await.unwrap();
    let email = Email::parse("invite@b.test").unwrap();
    let later = T0.plus(Span::days(61));
    sessions::create(&db, "old-session", &me, T0).await.unwrap();
    sessions::create(&db, "live-session", &me, later).await.unwrap();
    invitations::create(&db, "old-invitation", &email, &org, MembershipRole::Member, &me, T0).await.unwrap();
    invitations::create(&db, "live-invitation", &email, &org, MembershipRole::Member, &me, later).await.unwrap();
    // Expired a week ago: kept, so that following it still says it has expired.
    let recent = later.minus(Span::days(14));
    invitations::create(&db, "recently-expired", &email, &org, MembershipRole::Member, &me, recent).await.unwrap();
    password_resets::create(&db, "old-reset", &me, T0).await.unwrap();
    password_resets::create(&db, "live-reset", &me, later).await.unwrap();
    throttle::record_failure(&db, "ip:203.0.113.9", T0).await.unwrap();
    throttle::record_failure(&db, "ip:203.0.113.9", later).await.unwrap();

    let removed = housekeeping::remove_expired(&db, later).await.unwrap();
    assert_eq!(removed, housekeeping::Removed { sessions: 1, invitations: 1, password_resets: 1, sign_in_failures: 1 });
    assert!(sessions::user_of(&db, "live-session", later).await.unwrap().is_some());
    assert!(invitations::find_by_token_hash(&db, "live-invitation").await.unwrap().is_some());
    assert!(invitations::find_by_token_hash(&db, "old-invitation").await.unwrap().is_none());
    assert!(invitations::find_by_token_hash(&db, "recently-expired").await.unwrap().is_some());
    assert!(password_resets::find_by_token_hash(&db, "live-reset").await.unwrap().is_some());
    assert_eq!(throttle::failures_since(&db, "ip:203.0.113.9", T0.minus(Span::days(1))).await.unwrap(), 1);
    let again = housekeeping::remove_expired(&db, later).await.unwrap();
    assert_eq!(again, housekeeping::Removed::default(), "a second pass finds nothing");
}
