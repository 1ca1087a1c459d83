//! Offboarding over HTTP, on SQLite and PostgreSQL: removing members, disabling accounts,
//! changing a password, and the forgotten-password link mailed through the SMTP sink.

use std::time::Duration;

use crate::common::{spawn_app, Backend, TestApp, PASSWORD};
use app::domain::{Email, MembershipRole};
use app::store;
use reqwest::Client;
use serde_json::{json, Value};

const NEW_PASSWORD: &str = "un-tout-nouveau-mot-de-passe";

fn backends() -> [Backend; 2] {
    [Backend::Sqlite, Backend::Postgres]
}

/// Waits until the sink holds `n` mails (the reset mail leaves after the answer).
async fn wait_for_mails(app: &TestApp, n: usize) -> Vec<crate::common::smtp::ReceivedMail> {
    for _ in 0..200 {
        let mails = app.mail.received();
        if mails.len() >= n {
            return mails;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("expected {n} mail(s), got {}", app.mail.received().len());
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let client = app.client();
    app.sign_in(&client, email).await;
    client
}

async fn api_plan_status(app: &TestApp, token: &str, event: &str) -> u16 {
    let url = format!("{}/api/v1/events/{event}/plan", app.base);
    app.client().get(url).bearer_auth(token).send().await.unwrap().status().as_u16()
}

async fn new_api_token(app: &TestApp, client: &Client) -> String {
    let (status, body, _) = app.call(client, "create_api_token", &[("name", "Script")]).await;
    assert_eq!(status, 200, "{body}");
    body.as_str().unwrap().to_string()
}

async fn is_signed_in(app: &TestApp, client: &Client) -> bool {
    let (_, me, _) = app.call(client, "whoami", &[]).await;
    me["user"] != Value::Null
}

#[tokio::test]
async fn a_removed_member_loses_access_to_the_organisations_events_at_once() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let event = app.demo().await;
        let organiser = store::users::find_by_email(&app.db, &Email::parse("organisateur@cordon.test").unwrap())
            .await
            .unwrap()
            .unwrap();
        let org = store::organisations::list_for_user(&app.db, &organiser.id).await.unwrap()[0].organisation.id.clone();
        let ines = app.user("ines@comite.test", "Inès Adjointe", false).await;
        app.member(&ines, &org, MembershipRole::Member).await;
        let ines_client = signed_in(&app, "ines@comite.test").await;
        let token = new_api_token(&app, &ines_client).await;
        let (status, _, _) = app.call(&ines_client, "get_plan", &[("event_id", &event)]).await;
        assert_eq!(status, 200);
        assert_eq!(api_plan_status(&app, &token, &event).await, 200);

        let admin = app.demo_client("organisateur@cordon.test").await;
        let (status, body, _) =
            app.call(&admin, "remove_member", &[("organisation_id", &org), ("user_id", &ines)]).await;
        assert_eq!(status, 200, "{body}");

        let (status, body, _) = app.call(&ines_client, "get_plan", &[("event_id", &event)]).await;
        assert_eq!((status, body), (404, json!("NotFound")));
        assert_eq!(api_plan_status(&app, &token, &event).await, 404);
        let (status, _, _) = app.call(&ines_client, "get_organisation", &[("id", &org)]).await;
        assert_eq!(status, 404);
        let res = ines_client.get(format!("{}/evenements/{event}", app.base)).send().await.unwrap();
        assert!(res.text().await.unwrap().contains("n’existe pas ou vous n’y avez pas accès"));
        assert!(is_signed_in(&app, &ines_client).await, "removal ends access, not the account");
        app.stop().await;
    }
}

#[tokio::test]
async fn only_an_admin_of_that_organisation_or_a_platform_admin_removes_a_member() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = app.user("admin@comite.test", "Admin", false).await;
        let bob = app.user("bob@comite.test", "Bob", false).await;
        let carol = app.user("carol@comite.test", "Carol", false).await;
        let outsider = app.user("autre@securite.test", "Autre", false).await;
        app.user("plateforme@cordon.test", "Plateforme", true).await;
        let comite = app.organisation("Comité des fêtes", "organisateur").await;
        let securite = app.organisation("Provence Sécurité", "securite_privee").await;
        app.member(&admin, &comite, MembershipRole::Admin).await;
        app.member(&bob, &comite, MembershipRole::Member).await;
        app.member(&carol, &comite, MembershipRole::Member).await;
        app.member(&outsider, &securite, MembershipRole::Admin).await;
        let form = [("organisation_id", comite.as_str()), ("user_id", carol.as_str())];

        let bob_client = signed_in(&app, "bob@comite.test").await;
        let (status, body, _) = app.call(&bob_client, "remove_member", &form).await;
        assert_eq!((status, body), (403, json!("Forbidden")));
        let outsider_client = signed_in(&app, "autre@securite.test").await;
        let (status, body, _) = app.call(&outsider_client, "remove_member", &form).await;
        assert_eq!((status, body), (404, json!("NotFound")));
        let (status, _, _) = app.call(&app.client(), "remove_member", &form).await;
        assert_eq!(status, 401);
        assert_eq!(store::organisations::members(&app.db, &comite).await.unwrap().len(), 3);

        let admin_client = signed_in(&app, "admin@comite.test").await;
        let (status, body, _) =
            app.call(&admin_client, "remove_member", &[("organisation_id", &comite), ("user_id", &admin)]).await;
        assert_eq!(status, 422);
        assert_eq!(
            body,
            json!({"Refused": "Vous êtes le dernier administrateur de cette organisation : invitez un autre administrateur avant de la quitter."})
        );
        let platform = signed_in(&app, "plateforme@cordon.test").await;
        let (status, _, _) = app.call(&platform, "remove_member", &form).await;
        assert_eq!(status, 200);
        let left: Vec<String> =
            store::organisations::members(&app.db, &comite).await.unwrap().into_iter().map(|m| m.name).collect();
        assert_eq!(left, vec!["Admin", "Bob"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in_and_its_session_and_api_token_stop_at_once() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        app.user("plateforme@cordon.test", "Plateforme", true).await;
        let camille = app.user("camille@mairie.test", "Camille", false).await;
        let camille_client = signed_in(&app, "camille@mairie.test").await;
        let token = new_api_token(&app, &camille_client).await;
        assert_eq!(api_plan_status(&app, &token, "inconnu").await, 404, "a live token reaches the API");

        let (status, _, _) = app.call(&camille_client, "disable_account", &[("user_id", &camille)]).await;
        assert_eq!(status, 403, "only platform administrators disable accounts");
        let admin = signed_in(&app, "plateforme@cordon.test").await;
        let (status, body, _) = app.call(&admin, "disable_account", &[("user_id", &camille)]).await;
        assert_eq!(status, 200, "{body}");

        assert!(!is_signed_in(&app, &camille_client).await);
        let (status, _, _) = app.call(&camille_client, "list_my_organisations", &[]).await;
        assert_eq!(status, 401);
        assert_eq!(store::sessions::count_for_user(&app.db, &camille, crate::common::now()).await.unwrap(), 0);
        assert_eq!(api_plan_status(&app, &token, "inconnu").await, 401);
        let (status, body, _) =
            app.call(&app.client(), "sign_in", &[("email", "camille@mairie.test"), ("password", PASSWORD)]).await;
        assert_eq!(
            (status, body),
            (
                401,
                json!({"SignInRefused": "Ce compte est désactivé. Adressez-vous à l’administrateur de votre organisation."})
            )
        );
        let (status, body, _) = app
            .call(
                &app.client(),
                "sign_in",
                &[("email", "camille@mairie.test"), ("password", "pas-le-bon-mot-de-passe")],
            )
            .await;
        assert_eq!((status, body), (401, json!({"SignInRefused": "Adresse électronique ou mot de passe incorrect."})));
        let (_, accounts, _) = app.call(&admin, "list_accounts", &[]).await;
        let listed = accounts.as_array().unwrap().iter().find(|a| a["id"] == camille.as_str()).unwrap().clone();
        assert_eq!(listed["disabled"], true);

        let (status, _, _) = app.call(&admin, "enable_account", &[("user_id", &camille)]).await;
        assert_eq!(status, 200);
        let again = signed_in(&app, "camille@mairie.test").await;
        assert!(is_signed_in(&app, &again).await);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_platform_administrator_cannot_disable_their_own_account() {
    let app = spawn_app(Backend::Sqlite).await;
    let me = app.user("plateforme@cordon.test", "Plateforme", true).await;
    let admin = signed_in(&app, "plateforme@cordon.test").await;
    let (status, body, _) = app.call(&admin, "disable_account", &[("user_id", &me)]).await;
    assert_eq!((status, body), (422, json!({"Refused": "Vous ne pouvez pas désactiver votre propre compte."})));
    assert!(store::users::is_active(&app.db, &me).await.unwrap());
    // The list offers no « Désactiver » on one's own row: it is marked as the reader's.
    app.user("autre@cordon.test", "Autre", false).await;
    let (_, accounts, _) = app.call(&admin, "list_accounts", &[]).await;
    let yours: Vec<&str> = accounts
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["is_you"] == true)
        .map(|a| a["email"].as_str().unwrap())
        .collect();
    assert_eq!(yours, ["plateforme@cordon.test"]);
    app.stop().await;
}

#[tokio::test]
async fn changing_password_needs_the_current_one_and_ends_the_other_sessions() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        app.user("camille@mairie.test", "Camille", false).await;
        let laptop = signed_in(&app, "camille@mairie.test").await;
        let phone = signed_in(&app, "camille@mairie.test").await;
        let change = |current: &'static str, new: &'static str, confirm: &'static str| {
            [("current_password", current), ("new_password", new), ("new_password_confirm", confirm)]
        };
        let cases = [
            (
                change("pas-le-bon-mot-de-passe", NEW_PASSWORD, NEW_PASSWORD),
                "current_password",
                "Mot de passe actuel incorrect.",
            ),
            (
                change(PASSWORD, "trop-court", "trop-court"),
                "new_password",
                "Le mot de passe doit comporter au moins 12 caractères.",
            ),
            (
                change(PASSWORD, NEW_PASSWORD, "autre-chose-encore"),
                "new_password_confirm",
                "Les deux mots de passe ne sont pas identiques.",
            ),
        ];
        for (form, field, message) in cases {
            let (status, body, _) = app.call(&laptop, "change_password", &form).await;
            assert_eq!((status, &body["Invalid"]), (422, &json!({"field": field, "message": message})));
        }
        assert!(is_signed_in(&app, &phone).await, "nothing changed yet");

        let (status, body, _) =
            app.call(&laptop, "change_password", &change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).await;
        assert_eq!(status, 200, "{body}");
        assert!(is_signed_in(&app, &laptop).await, "this device stays signed in");
        assert!(!is_signed_in(&app, &phone).await, "the other device is signed out");
        let (status, _, _) =
            app.call(&app.client(), "sign_in", &[("email", "camille@mairie.test"), ("password", PASSWORD)]).await;
        assert_eq!(status, 401, "the old password no longer works");
        app.sign_in_with(&app.client(), "camille@mairie.test", NEW_PASSWORD).await;
        app.stop().await;
    }
}

mod password_reset;

#[tokio::test]
async fn a_disabled_account_does_not_come_back_through_an_invitation() {
    let app = spawn_app(Backend::Postgres).await;
    let admin = app.user("admin@comite.test", "Admin", false).await;
    let gone = app.user("parti@comite.test", "Parti", false).await;
    let comite = app.organisation("Comité des fêtes", "organisateur").await;
    app.member(&admin, &comite, MembershipRole::Admin).await;
    store::users::disable(&app.db, &gone, "test", crate::common::now()).await.unwrap();
    let admin_client = signed_in(&app, "admin@comite.test").await;
    let invite = [("organisation_id", comite.as_str()), ("email", "parti@comite.test"), ("role", "member")];
    let (status, _, _) = app.call(&admin_client, "invite_member", &invite).await;
    assert_eq!(status, 200);
    let link = crate::common::invitation_link(&app.mail.received()[0].data);
    let token = link.rsplit('/').next().unwrap();
    let accept = [("token", token), ("name", ""), ("password", PASSWORD), ("password_confirm", "")];
    let (status, body, headers) = app.call(&app.client(), "accept_invitation", &accept).await;
    assert_eq!(
        (status, body),
        (422, json!({"Refused": "Ce compte est désactivé. Adressez-vous à l’administrateur de votre organisation."}))
    );
    assert!(headers.get("set-cookie").is_none());
    assert_eq!(store::organisations::membership(&app.db, &gone, &comite).await.unwrap(), None);
    app.stop().await;
}
