//! HTTP tests of accounts, sessions, organisations and invitations, against the real server.

use crate::common::{invitation_link, spawn_app, Backend, PASSWORD};
use app::domain::{Email, MembershipRole};
use app::store;
use serde_json::json;

#[tokio::test]
async fn the_health_check_answers_ok_on_sqlite_and_on_postgres() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let app = spawn_app(backend).await;
        let res = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.json::<serde_json::Value>().await.unwrap(), json!({"status": "ok", "database": "ok"}));
        app.stop().await;
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_account_get_the_same_answer() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille Martin", false).await;
    let client = app.client();
    let wrong = app
        .call(&client, "sign_in", &[("email", "camille@mairie.test"), ("password", "pas-le-bon-mot-de-passe")])
        .await;
    let unknown = app
        .call(&client, "sign_in", &[("email", "personne@mairie.test"), ("password", "pas-le-bon-mot-de-passe")])
        .await;
    assert_eq!(wrong.0, 401);
    assert_eq!((wrong.0, &wrong.1), (unknown.0, &unknown.1));
    assert_eq!(wrong.1, json!({"SignInRefused": "Adresse électronique ou mot de passe incorrect."}));
    assert!(wrong.2.get("set-cookie").is_none());
    app.stop().await;
}

#[tokio::test]
async fn signing_in_sets_an_http_only_same_site_session_cookie_and_whoami_knows_me() {
    let app = spawn_app(Backend::Postgres).await;
    app.user("camille@mairie.test", "Camille Martin", false).await;
    let client = app.client();
    let (status, _, headers) =
        app.call(&client, "sign_in", &[("email", "Camille@Mairie.test"), ("password", PASSWORD)]).await;
    assert_eq!(status, 200);
    let cookie = headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.starts_with("cordon_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
    let (_, me, _) = app.call(&client, "whoami", &[]).await;
    assert_eq!(me["user"]["email"], "camille@mairie.test");
    assert_eq!(me["user"]["name"], "Camille Martin");
    assert!(me["user"].get("password_hash").is_none());
    app.stop().await;
}

#[tokio::test]
async fn the_sixth_attempt_on_an_account_is_refused_even_with_the_right_password() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille Martin", false).await;
    let client = app.client();
    for _ in 0..5 {
        let (status, _, _) = app
            .call(&client, "sign_in", &[("email", "camille@mairie.test"), ("password", "mauvais-mot-de-passe")])
            .await;
        assert_eq!(status, 401);
    }
    let (status, body, _) =
        app.call(&client, "sign_in", &[("email", "camille@mairie.test"), ("password", PASSWORD)]).await;
    assert_eq!(status, 401);
    assert_eq!(body, json!({"SignInRefused": "Trop de tentatives de connexion. Réessayez dans quelques minutes."}));
    app.stop().await;
}

#[tokio::test]
async fn a_malformed_email_is_refused_on_its_field() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, body, _) =
        app.call(&app.client(), "sign_in", &[("email", "pas-une-adresse"), ("password", "x")]).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "email");
    app.stop().await;
}

#[tokio::test]
async fn a_member_of_one_organisation_can_neither_read_nor_invite_into_another() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = app.user("alice@comite.test", "Alice", false).await;
    let comite = app.organisation("Comité des fêtes", "organisateur").await;
    let securite = app.organisation("Provence Sécurité", "securite_privee").await;
    app.member(&alice, &comite, MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "alice@comite.test").await;

    let (status, mine, _) = app.call(&client, "list_my_organisations", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["organisation"]["name"], "Comité des fêtes");

    let (status, body, _) = app.call(&client, "get_organisation", &[("id", &securite)]).await;
    assert_eq!((status, body), (404, json!("NotFound")));
    let (status, _, _) = app
        .call(&client, "invite_member", &[("organisation_id", &securite), ("email", "x@y.test"), ("role", "admin")])
        .await;
    assert_eq!(status, 404);
    assert!(app.mail.received().is_empty());
    let (status, page, _) = app.call(&client, "get_organisation", &[("id", &comite)]).await;
    assert_eq!(status, 200);
    assert_eq!(page["members"][0]["email"], "alice@comite.test");
    app.stop().await;
}

#[tokio::test]
async fn a_plain_member_sees_members_but_neither_invitations_nor_may_invite() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.user("admin@comite.test", "Admin", false).await;
    let bob = app.user("bob@comite.test", "Bob", false).await;
    let comite = app.organisation("Comité des fêtes", "organisateur").await;
    app.member(&admin, &comite, MembershipRole::Admin).await;
    app.member(&bob, &comite, MembershipRole::Member).await;
    let admin_client = app.client();
    app.sign_in(&admin_client, "admin@comite.test").await;
    let (status, _, _) = app
        .call(
            &admin_client,
            "invite_member",
            &[("organisation_id", &comite), ("email", "new@comite.test"), ("role", "member")],
        )
        .await;
    assert_eq!(status, 200);

    let bob_client = app.client();
    app.sign_in(&bob_client, "bob@comite.test").await;
    let (_, page, _) = app.call(&bob_client, "get_organisation", &[("id", &comite)]).await;
    assert_eq!(page["members"].as_array().unwrap().len(), 2);
    assert_eq!(page["invitations"], json!([]));
    assert_eq!(page["may_manage"], false);
    let (status, body, _) = app
        .call(
            &bob_client,
            "invite_member",
            &[("organisation_id", &comite), ("email", "x@comite.test"), ("role", "admin")],
        )
        .await;
    assert_eq!((status, body), (403, json!("Forbidden")));
    app.stop().await;
}

#[tokio::test]
async fn an_invitation_mailed_over_smtp_creates_the_account_once_and_signs_in() {
    let app = spawn_app(Backend::Postgres).await;
    let admin = app.user("admin@comite.test", "Julien Roux", false).await;
    let comite = app.organisation("Comité des fêtes de Martigues", "organisateur").await;
    app.member(&admin, &comite, MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "admin@comite.test").await;
    let (status, _, _) = app
        .call(
            &client,
            "invite_member",
            &[("organisation_id", &comite), ("email", "Nouvelle@Comite.test"), ("role", "member")],
        )
        .await;
    assert_eq!(status, 200);

    let mails = app.mail.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["nouvelle@comite.test"]);
    assert!(
        mails[0].data.contains("Subject: Invitation =?utf-8?") || mails[0].data.contains("Subject: Invitation"),
        "{}",
        mails[0].data
    );
    let prose = crate::common::mail_body(&mails[0].data).replace('\n', " ");
    assert!(
        prose.contains("Julien Roux vous invite à rejoindre l’organisation « Comité des fêtes de Martigues »"),
        "{prose}"
    );
    let link = invitation_link(&mails[0].data);
    let token = link.rsplit('/').next().unwrap().to_string();
    assert!(link.starts_with(&format!("{}/invitation/", app.base)));

    let visitor = app.client();
    let (status, preview, _) = app.call(&visitor, "get_invitation", &[("token", &token)]).await;
    assert_eq!(status, 200);
    assert_eq!(
        preview,
        json!({"organisation_name": "Comité des fêtes de Martigues", "email": "nouvelle@comite.test", "existing_account": false})
    );

    let accept = |password: &'static str, confirm: &'static str| {
        let token = token.clone();
        vec![
            ("token", token),
            ("name", "Inès Nouvelle".to_string()),
            ("password", password.to_string()),
            ("password_confirm", confirm.to_string()),
        ]
    };
    let short: Vec<(&str, String)> = accept("trop-court", "trop-court");
    let short: Vec<(&str, &str)> = short.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&visitor, "accept_invitation", &short).await;
    assert_eq!(status, 422);
    assert_eq!(
        body["Invalid"],
        json!({"field": "password", "message": "Le mot de passe doit comporter au moins 12 caractères."})
    );

    let good = accept("un-mot-de-passe-solide", "un-mot-de-passe-solide");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, headers) = app.call(&visitor, "accept_invitation", &good).await;
    assert_eq!(status, 200);
    assert!(headers.get("set-cookie").unwrap().to_str().unwrap().starts_with("cordon_session="));
    let (_, me, _) = app.call(&visitor, "whoami", &[]).await;
    assert_eq!(me["user"]["name"], "Inès Nouvelle");
    let (_, mine, _) = app.call(&visitor, "list_my_organisations", &[]).await;
    assert_eq!(mine[0]["role"], "member");

    let (status, body, _) = app.call(&app.client(), "accept_invitation", &good).await;
    assert_eq!((status, body), (422, json!({"Refused": "Cette invitation a déjà été utilisée. Connectez-vous."})));
    app.stop().await;
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.user("admin@comite.test", "Admin", false).await;
    let comite = app.organisation("Comité", "organisateur").await;
    let eight_days_ago = crate::common::now().minus(app::domain::time::Span::days(8));
    let token = app::service::security::new_token();
    store::invitations::create(
        &app.db,
        &app::service::security::hash_token(&token),
        &Email::parse("late@comite.test").unwrap(),
        &comite,
        MembershipRole::Member,
        &admin,
        eight_days_ago,
    )
    .await
    .unwrap();
    let (status, body, _) = app.call(&app.client(), "get_invitation", &[("token", &token)]).await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        json!({"Refused": "Cette invitation a expiré (elle était valable 7 jours). Demandez-en une nouvelle."})
    );
    let (status, _, _) = app.call(&app.client(), "get_invitation", &[("token", "inconnu")]).await;
    assert_eq!(status, 422);
    app.stop().await;
}

#[tokio::test]
async fn signing_out_everywhere_ends_the_sessions_on_other_devices() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille", false).await;
    let phone = app.client();
    let laptop = app.client();
    app.sign_in(&phone, "camille@mairie.test").await;
    app.sign_in(&laptop, "camille@mairie.test").await;
    let (status, _, _) = app.call(&laptop, "sign_out_everywhere", &[]).await;
    assert_eq!(status, 200);
    let (_, me, _) = app.call(&phone, "whoami", &[]).await;
    assert_eq!(me["user"], serde_json::Value::Null);
    let (status, _, _) = app.call(&phone, "list_my_organisations", &[]).await;
    assert_eq!(status, 401);
    app.stop().await;
}

#[tokio::test]
async fn only_platform_administrators_create_organisations_and_bad_fields_are_named() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("admin@cordon.test", "Admin", true).await;
    app.user("camille@mairie.test", "Camille", false).await;
    let form = [
        ("name", "Police municipale d'Arles"),
        ("kind", "police_municipale"),
        ("commune", "13004"),
        ("cnaps", ""),
        ("department", ""),
        ("first_admin_email", "chef@arles.test"),
    ];
    let camille = app.client();
    app.sign_in(&camille, "camille@mairie.test").await;
    let (status, _, _) = app.call(&camille, "create_organisation", &form).await;
    assert_eq!(status, 403);

    let admin = app.client();
    app.sign_in(&admin, "admin@cordon.test").await;
    let mut bad = form;
    bad[2] = ("commune", "1300");
    let (status, body, _) = app.call(&admin, "create_organisation", &bad).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "commune");
    let with_siret = |siret| {
        let mut fields = form.to_vec();
        fields.push(("siret", siret));
        fields
    };
    let (status, body, _) = app.call(&admin, "create_organisation", &with_siret("212 100 04 00012")).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &serde_json::json!("siret")), "{body}");
    let (status, id, _) = app.call(&admin, "create_organisation", &with_siret("213 100 046 00019")).await;
    assert_eq!(status, 200, "{id}");
    let created = store::organisations::get(&app.db, id.as_str().unwrap()).await.unwrap().unwrap();
    assert_eq!(created.department.as_deref(), Some("13"));
    assert_eq!(created.siret.as_deref(), Some("21310004600019"));
    let (status, _, _) = app.call(&admin, "create_organisation", &form).await;
    assert_eq!(status, 200, "the SIRET is optional");
    assert_eq!(app.mail.received()[0].to, vec!["chef@arles.test"]);
    app.stop().await;
}

#[tokio::test]
async fn a_state_changing_request_from_another_site_is_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille", false).await;
    let res = app
        .client()
        .post(format!("{}/api/sign_in", app.base))
        .header("origin", "https://evil.example")
        .form(&[("email", "camille@mairie.test"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(res.text().await.unwrap(), "Requête refusée : elle ne provient pas de Cordon.");
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_a_nonce_based_csp_and_the_other_security_headers() {
    let app = spawn_app(Backend::Sqlite).await;
    let res = reqwest::get(format!("{}/connexion", app.base)).await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), "{csp}");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("<script type=\"module\" async nonce=\"{nonce}\">")),
        "hydration script carries the nonce"
    );
    assert!(html.contains("<link rel=\"preload\" href=\"/pkg/cordon.wasm\""), "the bundle is asked for at once");
    assert!(html.contains("<html lang=\"fr\""));
    assert!(!html.contains("République"), "no State brand block without CORDON_STATE_BRANDING");
    app.stop().await;
}

#[tokio::test]
async fn a_visitor_is_sent_to_sign_in_and_comes_back_after() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille", false).await;
    let client = app.client();
    let res = client.get(format!("{}/compte", app.base)).header("accept", "text/html").send().await.unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers().get("location").unwrap(), "/connexion?next=/compte");

    // Without JavaScript: the form posts, the server redirects to `next`.
    let res = client
        .post(format!("{}/api/sign_in", app.base))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", format!("{}/connexion?next=/compte", app.base))
        .form(&[("email", "camille@mairie.test"), ("password", PASSWORD), ("next", "/compte")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers().get("location").unwrap(), "/compte");
    let page = client.get(format!("{}/compte", app.base)).header("accept", "text/html").send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("camille@mairie.test"));
    app.stop().await;
}

#[tokio::test]
async fn without_javascript_a_failed_sign_in_returns_to_the_form_with_its_error() {
    let app = spawn_app(Backend::Sqlite).await;
    let client = app.client();
    let res = client
        .post(format!("{}/api/sign_in", app.base))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", format!("{}/connexion", app.base))
        .form(&[("email", "personne@mairie.test"), ("password", "n'importe-quoi-long"), ("next", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let location = res.headers().get("location").unwrap().to_str().unwrap().to_string();
    assert!(location.starts_with(&format!("{}/connexion?", app.base)) && location.contains("__err="), "{location}");
    let page = client.get(&location).header("accept", "text/html").send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Adresse électronique ou mot de passe incorrect."));
    app.stop().await;
}

#[tokio::test]
async fn the_home_page_sends_a_visitor_to_the_sign_in_page_and_shows_a_signed_in_user_the_dashboard() {
    let app = spawn_app(Backend::Sqlite).await;
    let visitor = app.client();
    let res = visitor.get(format!("{}/", app.base)).header("accept", "text/html").send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/connexion");
    assert!(res.headers().contains_key("content-security-policy"), "the redirect carries the security headers");
    let stale = app.client();
    let res =
        stale.get(format!("{}/", app.base)).header("cookie", "cordon_session=not-a-live-session").send().await.unwrap();
    assert_eq!(res.status(), 303, "an expired or forged session is a visitor");
    app.user("camille@mairie.test", "Camille", false).await;
    let member = app.client();
    app.sign_in(&member, "camille@mairie.test").await;
    let res = member.get(format!("{}/", app.base)).header("accept", "text/html").send().await.unwrap();
    assert_eq!(res.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn every_answer_names_its_request_with_a_new_id_to_quote() {
    let app = spawn_app(Backend::Sqlite).await;
    let id = |res: &reqwest::Response| res.headers()["x-request-id"].to_str().unwrap().to_string();
    let first = reqwest::get(format!("{}/connexion", app.base)).await.unwrap();
    let second = reqwest::get(format!("{}/nulle-part", app.base)).await.unwrap();
    let (a, b) = (id(&first), id(&second));
    assert!(a.len() == 16 && a.chars().all(|c| c.is_ascii_hexdigit()), "{a}");
    assert_ne!(a, b);
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_address_answers_404_in_french() {
    let app = spawn_app(Backend::Sqlite).await;
    let res = reqwest::get(format!("{}/nulle-part", app.base)).await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("Page non trouvée"));
    app.stop().await;
}

#[tokio::test]
async fn twenty_failures_from_one_address_block_it_whatever_the_account() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("camille@mairie.test", "Camille", false).await;
    let client = app.client();
    for i in 0..20 {
        let email = format!("inconnu{i}@mairie.test");
        let (status, _, _) =
            app.call(&client, "sign_in", &[("email", &email), ("password", "mauvais-mot-de-passe")]).await;
        assert_eq!(status, 401);
    }
    let (status, body, _) =
        app.call(&client, "sign_in", &[("email", "camille@mairie.test"), ("password", PASSWORD)]).await;
    assert_eq!(status, 401);
    assert_eq!(body["SignInRefused"], "Trop de tentatives de connexion. Réessayez dans quelques minutes.");
    app.stop().await;
}

#[tokio::test]
async fn an_existing_account_joins_a_second_organisation_with_its_own_password() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.user("admin@prefecture.test", "Admin", false).await;
    let agent = app.user("karim@securite.test", "Karim Haddad", false).await;
    let prefecture = app.organisation("Préfecture des Bouches-du-Rhône", "prefecture").await;
    let securite = app.organisation("Provence Sécurité", "securite_privee").await;
    app.member(&admin, &prefecture, MembershipRole::Admin).await;
    app.member(&agent, &securite, MembershipRole::Member).await;
    let client = app.client();
    app.sign_in(&client, "admin@prefecture.test").await;
    let (status, _, _) = app
        .call(
            &client,
            "invite_member",
            &[("organisation_id", &prefecture), ("email", "karim@securite.test"), ("role", "member")],
        )
        .await;
    assert_eq!(status, 200);
    let link = invitation_link(&app.mail.received()[0].data);
    let token = link.rsplit('/').next().unwrap();

    let visitor = app.client();
    let (_, preview, _) = app.call(&visitor, "get_invitation", &[("token", token)]).await;
    assert_eq!(preview["existing_account"], true);
    let wrong = [("token", token), ("name", ""), ("password", "pas-son-mot-de-passe"), ("password_confirm", "")];
    let (status, body, _) = app.call(&visitor, "accept_invitation", &wrong).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "password");
    let right = [("token", token), ("name", ""), ("password", PASSWORD), ("password_confirm", "")];
    let (status, _, _) = app.call(&visitor, "accept_invitation", &right).await;
    assert_eq!(status, 200);
    let (_, mine, _) = app.call(&visitor, "list_my_organisations", &[]).await;
    let names: Vec<&str> =
        mine.as_array().unwrap().iter().map(|m| m["organisation"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Provence Sécurité", "Préfecture des Bouches-du-Rhône"]);
    assert_eq!(store::users::count(&app.db).await.unwrap(), 2, "no second account was created");
    app.stop().await;
}

#[tokio::test]
async fn a_visitor_reads_nothing_through_server_functions() {
    let app = spawn_app(Backend::Sqlite).await;
    let comite = app.organisation("Comité", "organisateur").await;
    let client = app.client();
    for (name, form) in [
        ("list_my_organisations", vec![]),
        ("get_organisation", vec![("id", comite.as_str())]),
        ("list_all_organisations", vec![]),
        ("invite_member", vec![("organisation_id", comite.as_str()), ("email", "a@b.test"), ("role", "admin")]),
        ("sign_out_everywhere", vec![]),
    ] {
        let (status, body, _) = app.call(&client, name, &form).await;
        assert_eq!((status, body), (401, json!("NotSignedIn")), "{name}");
    }
    app.stop().await;
}

#[tokio::test]
async fn an_organisations_administrators_record_its_siret_and_no_one_else_does() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let org = store::organisations::find_by_name(&app.db, "Comité des fêtes de Martigues").await.unwrap().unwrap();
    let id = org.id.clone();
    let app = &app;
    let call = |client: &reqwest::Client, siret: &'static str| {
        let (client, id) = (client.clone(), id.clone());
        async move {
            app.call(&client, "set_organisation_siret", &[("organisation_id", id.as_str()), ("siret", siret)]).await
        }
    };
    let company = app.demo_client("securite@cordon.test").await;
    assert_eq!(call(&company, "21310004600019").await.0, 404, "another organisation's: not found");
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (status, body, _) = call(&organiser, "2131000460001").await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &serde_json::json!("siret")), "{body}");
    assert_eq!(call(&organiser, "213 100 046 00019").await.0, 200);
    let saved = store::organisations::get(&app.db, &org.id).await.unwrap().unwrap();
    assert_eq!(saved.siret.as_deref(), Some("21310004600019"));
    assert_eq!(call(&organiser, "").await.0, 200);
    assert_eq!(store::organisations::get(&app.db, &org.id).await.unwrap().unwrap().siret, None, "blank removes it");
}
