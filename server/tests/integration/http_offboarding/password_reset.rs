//! The forgotten password over HTTP: the neutral answer, the link mailed through the SMTP
//! sink, its single use, its expiry, and the throttle.

use super::{backends, is_signed_in, signed_in, wait_for_mails, NEW_PASSWORD};
use crate::common::{invitation_link, mail_body, spawn_app, Backend, PASSWORD};
use app::domain::time::Span;
use app::service::security::{hash_token, new_token};
use app::store;
use serde_json::json;

const NEUTRAL_STATUS: u16 = 200;

#[tokio::test]
async fn a_forgotten_password_is_reset_once_through_the_mailed_link() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        app.user("camille@mairie.test", "Camille Martin", false).await;
        let old_session = signed_in(&app, "camille@mairie.test").await;
        let page = app.client().get(format!("{}/connexion", app.base)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("href=\"/mot-de-passe-oublie\"") && page.contains("Mot de passe oublié ?"));

        let visitor = app.client();
        let (status, body, _) =
            app.call(&visitor, "request_password_reset", &[("email", " Camille@Mairie.test ")]).await;
        assert_eq!((status, body), (NEUTRAL_STATUS, json!(null)));
        let mails = wait_for_mails(&app, 1).await;
        assert_eq!(mails[0].to, vec!["camille@mairie.test"]);
        let prose = mail_body(&mails[0].data).replace('\n', " ");
        assert!(prose.starts_with("Bonjour Camille Martin,"), "{prose}");
        assert!(prose.contains("n’est utilisable qu’une fois et expire le"), "{prose}");
        let link = invitation_link(&mails[0].data);
        assert!(link.starts_with(&format!("{}/reinitialisation/", app.base)), "{link}");
        let token = link.rsplit('/').next().unwrap().to_string();
        assert!(store::password_resets::find_by_token_hash(&app.db, &token).await.unwrap().is_none(), "stored hashed");

        let page = visitor.get(&link).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Choisir un nouveau mot de passe") && page.contains("name=\"password_confirm\""));
        let short = [("token", token.as_str()), ("password", "trop-court"), ("password_confirm", "trop-court")];
        let (status, body, _) = app.call(&visitor, "reset_password", &short).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("password")));

        let good = [("token", token.as_str()), ("password", NEW_PASSWORD), ("password_confirm", NEW_PASSWORD)];
        let (status, body, _) = app.call(&visitor, "reset_password", &good).await;
        assert_eq!(status, 200, "{body}");
        assert!(!is_signed_in(&app, &old_session).await, "every session ended");
        let (status, _, _) =
            app.call(&app.client(), "sign_in", &[("email", "camille@mairie.test"), ("password", PASSWORD)]).await;
        assert_eq!(status, 401);
        app.sign_in_with(&app.client(), "camille@mairie.test", NEW_PASSWORD).await;

        let used =
            json!({"Refused": "Ce lien de réinitialisation a déjà été utilisé. Demandez-en un nouveau si besoin."});
        let (status, body, _) = app.call(&visitor, "reset_password", &good).await;
        assert_eq!((status, body), (422, used.clone()));
        let (status, body, _) = app.call(&visitor, "check_password_reset", &[("token", &token)]).await;
        assert_eq!((status, body), (422, used));
        let page = visitor.get(&link).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("déjà été utilisé") && page.contains("href=\"/mot-de-passe-oublie\""));
        app.stop().await;
    }
}

#[tokio::test]
async fn an_unknown_or_disabled_address_gets_the_same_answer_and_no_mail() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        app.user("camille@mairie.test", "Camille", false).await;
        let gone = app.user("parti@mairie.test", "Parti", false).await;
        store::users::disable(&app.db, &gone, "test", crate::common::now()).await.unwrap();
        let known = app.call(&app.client(), "request_password_reset", &[("email", "camille@mairie.test")]).await;
        let unknown = app.call(&app.client(), "request_password_reset", &[("email", "personne@mairie.test")]).await;
        let disabled = app.call(&app.client(), "request_password_reset", &[("email", "parti@mairie.test")]).await;
        assert_eq!((known.0, &known.1), (NEUTRAL_STATUS, &json!(null)));
        assert_eq!((unknown.0, &unknown.1), (known.0, &known.1));
        assert_eq!((disabled.0, &disabled.1), (known.0, &known.1));
        wait_for_mails(&app, 1).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let mails = app.mail.received();
        assert_eq!(
            mails.iter().map(|m| m.to.clone()).collect::<Vec<_>>(),
            vec![vec!["camille@mairie.test".to_string()]]
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn an_expired_or_unknown_reset_link_gets_a_clear_french_answer() {
    let app = spawn_app(Backend::Postgres).await;
    let camille = app.user("camille@mairie.test", "Camille", false).await;
    let token = new_token();
    let two_hours_ago = crate::common::now().minus(Span::hours(2));
    store::password_resets::create(&app.db, &hash_token(&token), &camille, two_hours_ago).await.unwrap();
    let (status, body, _) = app.call(&app.client(), "check_password_reset", &[("token", &token)]).await;
    assert_eq!(
        (status, body),
        (
            422,
            json!({"Refused": "Ce lien de réinitialisation a expiré (il était valable une heure). Demandez-en un nouveau."})
        )
    );
    let form = [("token", token.as_str()), ("password", NEW_PASSWORD), ("password_confirm", NEW_PASSWORD)];
    let (status, _, _) = app.call(&app.client(), "reset_password", &form).await;
    assert_eq!(status, 422);
    let page = app.client().get(format!("{}/reinitialisation/inconnu", app.base)).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Ce lien de réinitialisation n’est pas valable."));
    app.sign_in(&app.client(), "camille@mairie.test").await;
    app.stop().await;
}

#[tokio::test]
async fn the_sixth_reset_request_for_one_address_is_throttled_whether_or_not_it_exists() {
    let app = spawn_app(Backend::Sqlite).await;
    for _ in 0..5 {
        let (status, _, _) =
            app.call(&app.client(), "request_password_reset", &[("email", "personne@mairie.test")]).await;
        assert_eq!(status, NEUTRAL_STATUS);
    }
    let (status, body, _) =
        app.call(&app.client(), "request_password_reset", &[("email", "personne@mairie.test")]).await;
    assert_eq!(
        (status, body),
        (422, json!({"Refused": "Trop de demandes de réinitialisation. Réessayez dans quelques minutes."}))
    );
    app.stop().await;
}

#[tokio::test]
async fn without_javascript_the_request_comes_back_to_the_page_with_the_neutral_answer() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = app.client();
    let res = client
        .post(format!("{}/api/request_password_reset", app.base))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", format!("{}/mot-de-passe-oublie", app.base))
        .form(&[("email", "personne@mairie.test")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers().get("location").unwrap(), "/mot-de-passe-oublie?envoye=1");
    let page = client.get(format!("{}/mot-de-passe-oublie?envoye=1", app.base)).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Si un compte actif correspond à cette adresse"));
    app.stop().await;
}
