//! The day's alerts over HTTP: the command post (organiser, State forces, prefecture) sends,
//! no one else; an alert to a zone reaches the live streams, pages and mailboxes of the
//! participants deployed there and of no one else; an alert to the State forces never reaches
//! a company; a stream that reconnects with `Last-Event-ID` gets the alerts it missed, once;
//! each recipient acknowledges once and the sender sees who has not; SMS go to a fake gateway
//! on loopback, and to the outbox when the gateway fails.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::common::{spawn_app, spawn_app_with, Backend, Options, TestApp};

/// This year's demo fête moved to start an hour ago: its set-up has begun, the log is open.
pub(crate) async fn in_progress(app: &TestApp) -> String {
    app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let demo = app::store::plan_io::all_events(&app.db).await.unwrap()[0].id.clone();
    let start = (chrono::Utc::now() - chrono::Duration::hours(1))
        .with_timezone(&chrono_tz::Europe::Paris)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let (status, id, _) =
        app.call(&organiser, "next_edition", &[("event_id", demo.as_str()), ("start", start.as_str())]).await;
    assert_eq!(status, 200, "{id}");
    id.as_str().unwrap().to_string()
}

/// The second company's member (Azur Protection Services, deployed at the south entrance only).
pub(crate) async fn azur(app: &TestApp) -> reqwest::Client {
    let azur: String = sqlx::query_scalar("SELECT id FROM organisations WHERE name = 'Azur Protection Services'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let user = app.user("azur@cordon.test", "Élise Fabre", false).await;
    app.member(&user, &azur, app::domain::MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "azur@cordon.test").await;
    client
}

/// A company that takes no part in the event.
pub(crate) async fn outsider(app: &TestApp) -> reqwest::Client {
    let org = app.organisation("Sécurité Concurrente", "securite_privee").await;
    let user = app.user("agent@concurrente.test", "Agent Concurrent", false).await;
    app.member(&user, &org, app::domain::MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "agent@concurrente.test").await;
    client
}

/// The alert target code of the zone named `name`.
async fn zone(app: &TestApp, event: &str, name: &str) -> String {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    format!("zone:{}", stored.plan.zones.iter().find(|z| z.name() == name).unwrap().id())
}

pub(crate) async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    event: &str,
    target: &str,
    text: &str,
) -> (u16, Value) {
    let form = [("event_id", event), ("target", target), ("severity", "elevee"), ("text", text)];
    let (status, body, _) = app.call(client, "send_alert", &form).await;
    (status, body)
}

pub(crate) async fn alerts(app: &TestApp, client: &reqwest::Client, event: &str) -> Vec<Value> {
    let (status, page, _) = app.call(client, "get_operations", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page["alerts"].as_array().unwrap().clone()
}

pub(crate) async fn acknowledge(app: &TestApp, client: &reqwest::Client, event: &str, alert: &str) -> (u16, Value) {
    let (status, body, _) = app.call(client, "acknowledge_alert", &[("event_id", event), ("alert_id", alert)]).await;
    (status, body)
}

/// An open event stream, read as it comes.
pub(crate) struct Stream {
    response: reqwest::Response,
    buffer: String,
    /// The events without an id (the zones now, `presence`): (type, data), as they came.
    pub(crate) snapshots: Vec<(String, Value)>,
}

/// One event of the stream: (type, id, data).
pub(crate) type Received = (String, String, Value);

impl Stream {
    pub(crate) async fn open(
        app: &TestApp,
        client: &reqwest::Client,
        event: &str,
        last: Option<&str>,
    ) -> (u16, Option<Stream>) {
        let url = format!("{}/evenements/{event}/operations/flux?depuis=0", app.base);
        let mut request = client.get(url);
        if let Some(last) = last {
            request = request.header("Last-Event-ID", last);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        if status != 200 {
            return (status, None);
        }
        (status, Some(Stream { response, buffer: String::new(), snapshots: Vec::new() }))
    }

    /// The events received within `wait` (stops at the first quiet `wait`).
    pub(crate) async fn received(&mut self, wait: Duration) -> Vec<Received> {
        let mut out = Vec::new();
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| block.lines().find_map(|l| l.strip_prefix(name)).map(str::to_string);
                match (field("event: "), field("id: "), field("data: ")) {
                    (Some(kind), Some(id), Some(data)) => out.push((kind, id, serde_json::from_str(&data).unwrap())),
                    (Some(kind), None, Some(data)) => self.snapshots.push((kind, serde_json::from_str(&data).unwrap())),
                    _ => {}
                }
            }
            match tokio::time::timeout(wait, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return out,
            }
        }
    }
}

pub(crate) fn texts(received: &[Received]) -> Vec<(String, String)> {
    received
        .iter()
        .map(|(kind, _, data)| (kind.clone(), data["text"].as_str().unwrap_or_default().to_string()))
        .collect()
}

#[tokio::test]
async fn only_the_command_post_sends_alerts_and_a_refusal_stores_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress(&app).await;
    let everyone = "tous";
    for email in ["securite@cordon.test", "police-municipale@cordon.test"] {
        let client = app.demo_client(email).await;
        let (status, body) = send(&app, &client, &event, everyone, "Fausse alerte.").await;
        assert_eq!(status, 403, "{email}: {body}");
    }
    let outsider = outsider(&app).await;
    assert_eq!(send(&app, &outsider, &event, everyone, "Intrusion.").await.0, 404);
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (status, body) = send(&app, &organiser, &event, "etat", "Réservé.").await;
    assert_eq!(
        (status, body["Invalid"]["field"].as_str()),
        (422, Some("target")),
        "the organiser does not read the State forces' register: {body}"
    );
    let (status, body) = send(&app, &organiser, &event, everyone, "  ").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("text")), "{body}");
    let (status, body) = send(&app, &organiser, &event, "zone:inconnue", "Évacuez.").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("target")), "{body}");
    let none = app::store::alerts::of_event(
        &app.db,
        &event,
        &[app::domain::operations::Register::Shared, app::domain::operations::Register::Restricted],
    )
    .await
    .unwrap();
    assert!(none.is_empty(), "nothing stored: {none:?}");
    // The page offers the form to the command post only.
    let police = app.demo_client("commissariat@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    for (client, offered) in [(&organiser, true), (&police, true), (&company, false)] {
        let (_, page, _) = app.call(client, "get_operations", &[("event_id", event.as_str())]).await;
        let targets = page["alert_targets"].as_array().unwrap();
        assert_eq!(!targets.is_empty(), offered, "{page}");
    }
    let (_, page, _) = app.call(&police, "get_operations", &[("event_id", event.as_str())]).await;
    assert!(page["alert_targets"].to_string().contains("Forces de l’État et préfecture seulement"));
    let (_, page, _) = app.call(&organiser, "get_operations", &[("event_id", event.as_str())]).await;
    assert!(!page["alert_targets"].to_string().contains("Forces de l’État"), "{page}");
    app.stop().await;
}

async fn an_alert_to_a_zone_reaches_only_the_participants_deployed_there(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = in_progress(&app).await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let provence = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let azur = azur(&app).await;
    let outsider = outsider(&app).await;
    let quick = Duration::from_millis(800);
    let north = zone(&app, &event, "Entrée Nord").await;

    let mut provence_stream = Stream::open(&app, &provence, &event, None).await.1.unwrap();
    let mut azur_stream = Stream::open(&app, &azur, &event, None).await.1.unwrap();
    let mut police_stream = Stream::open(&app, &police, &event, None).await.1.unwrap();
    assert_eq!(Stream::open(&app, &outsider, &event, None).await.0, 404);
    let mails_before = app.mail.received().len();

    let text = "Bousculade à l’Entrée Nord : fermez les barrières.";
    let (status, body) = send(&app, &organiser, &event, &north, text).await;
    assert_eq!(status, 200, "{body}");
    let seen = provence_stream.received(Duration::from_secs(2)).await;
    assert_eq!(texts(&seen), [("alerte".to_string(), text.to_string())]);
    let (_, id, alert) = &seen[0];
    assert_eq!(id, "0-1", "the log's cursor, then the alerts'");
    assert_eq!((alert["addressed"].as_bool(), alert["target"].as_str()), (Some(true), Some("Zone Entrée Nord")));
    assert_eq!(alert["recipients"], Value::Array(vec![]), "a recipient sees no other recipient");
    assert_eq!(azur_stream.received(quick).await, [], "another company on another zone gets nothing");
    let command_post = police_stream.received(quick).await;
    assert_eq!(texts(&command_post), [("alerte".to_string(), text.to_string())], "the State forces follow every alert");
    assert_eq!(command_post[0].2["addressed"], false);
    assert!(alerts(&app, &azur, &event).await.is_empty());

    // The e-mail to the recipient's members only.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while app.mail.received().len() == mails_before && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mails = app.mail.received()[mails_before..].to_vec();
    let to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(to, ["securite@cordon.test"], "{to:?}");
    let body = crate::common::mail_body(&mails[0].data);
    assert!(body.contains(text) && body.contains(&format!("/evenements/{event}/operations")), "{body}");

    // The sender's view: who has not acknowledged.
    let sent = alerts(&app, &organiser, &event).await;
    let alert_id = sent[0]["id"].as_str().unwrap().to_string();
    let statuses = |alert: &Value| {
        alert["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["name"].as_str().unwrap().to_string(), r["acknowledged"].is_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&sent[0]), [("Provence Sécurité Événements".to_string(), false)]);
    assert_eq!(acknowledge(&app, &azur, &event, &alert_id).await.0, 404, "not an alert it reads");
    assert_eq!(acknowledge(&app, &outsider, &event, &alert_id).await.0, 404);
    assert_eq!(acknowledge(&app, &police, &event, &alert_id).await.0, 422, "the police reads it but is no recipient");
    let (status, body) = acknowledge(&app, &provence, &event, &alert_id).await;
    assert_eq!(status, 200, "{body}");
    let mine = &alerts(&app, &provence, &event).await[0];
    assert!(mine["acknowledged"].as_str().unwrap().starts_with("Reçu par "), "{mine}");
    let sent = alerts(&app, &organiser, &event).await;
    assert_eq!(statuses(&sent[0]), [("Provence Sécurité Événements".to_string(), true)]);
    let first_ack = sent[0]["recipients"][0]["acknowledged"].clone();
    // Twice: the same answer, nothing written.
    let chain = app::domain::alerts::alert_chain(app::domain::operations::Register::Shared, &event);
    let length = app::store::conventions::chain(&app.db, &chain).await.unwrap().len();
    assert_eq!(acknowledge(&app, &provence, &event, &alert_id).await.0, 200);
    assert_eq!(app::store::conventions::chain(&app.db, &chain).await.unwrap().len(), length);
    assert_eq!(alerts(&app, &organiser, &event).await[0]["recipients"][0]["acknowledged"], first_ack);
    // The acknowledgement reaches the command post's open page live.
    let acknowledged = police_stream.received(Duration::from_secs(2)).await;
    assert_eq!(acknowledged.len(), 1, "{acknowledged:?}");
    assert_eq!(acknowledged[0].2["recipients"][0]["acknowledged"], first_ack);

    // The company's connection is cut; an alert is sent meanwhile; it comes back with the id of
    // the last event it received and gets that alert, once, and nothing else.
    let last = provence_stream.received(quick).await.last().map(|r| r.1.clone()).unwrap_or_else(|| "0-1".into());
    assert_eq!(last, "0-2", "its own acknowledgement came back too");
    drop(provence_stream);
    let later = "Entrée Nord rouverte.";
    assert_eq!(send(&app, &organiser, &event, &north, later).await.0, 200);
    let south = zone(&app, &event, "Entrée Sud").await;
    assert_eq!(send(&app, &organiser, &event, &south, "Entrée Sud : contrôle renforcé.").await.0, 200);
    let mut again = Stream::open(&app, &provence, &event, Some(&last)).await.1.unwrap();
    let seen = again.received(quick).await;
    assert_eq!(texts(&seen), [("alerte".to_string(), later.to_string())], "what it missed, once");
    assert_eq!(seen[0].1, "0-3");
    let mut azur_again = Stream::open(&app, &azur, &event, Some("0-2")).await.1.unwrap();
    assert_eq!(
        texts(&azur_again.received(quick).await),
        [("alerte".to_string(), "Entrée Sud : contrôle renforcé.".to_string())]
    );

    // The alert chain verifies.
    let chain = app::store::conventions::chain(&app.db, &chain).await.unwrap();
    app::domain::convention::verify(&chain).unwrap();
    app.stop().await;
}

#[tokio::test]
async fn an_alert_to_a_zone_reaches_only_the_participants_deployed_there_on_sqlite() {
    an_alert_to_a_zone_reaches_only_the_participants_deployed_there(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_alert_to_a_zone_reaches_only_the_participants_deployed_there_on_postgres() {
    an_alert_to_a_zone_reaches_only_the_participants_deployed_there(Backend::Postgres).await;
}

#[tokio::test]
async fn an_alert_to_the_state_forces_never_reaches_a_company_or_the_organiser() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress(&app).await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let mut company_stream = Stream::open(&app, &company, &event, None).await.1.unwrap();
    let mut organiser_stream = Stream::open(&app, &organiser, &event, None).await.1.unwrap();
    let mut prefecture_stream = Stream::open(&app, &prefecture, &event, None).await.1.unwrap();
    let mails_before = app.mail.received().len();
    let secret = "Individu fiché repéré près du canal : interpellation en cours.";
    let (status, body) = send(&app, &police, &event, "etat", secret).await;
    assert_eq!(status, 200, "{body}");
    let seen = prefecture_stream.received(Duration::from_secs(2)).await;
    assert_eq!(texts(&seen), [("alerte".to_string(), secret.to_string())]);
    assert_eq!(seen[0].1, "0.0-0.1", "the State forces' register of alerts");
    assert_eq!(seen[0].2["addressed"], true);
    assert_eq!(seen[0].2["restricted"], true);
    assert_eq!(company_stream.received(Duration::from_millis(800)).await, []);
    assert_eq!(organiser_stream.received(Duration::from_millis(300)).await, []);
    for client in [&company, &organiser] {
        let (_, page, _) = app.call(client, "get_operations", &[("event_id", event.as_str())]).await;
        assert!(!page.to_string().contains("Individu fiché"), "{page}");
        assert_eq!(page["cursor"], "0", "the cursor tells nothing of the State forces' alerts");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let to: Vec<String> = app.mail.received()[mails_before..].iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(to, ["prefecture@cordon.test"], "only the State forces' members are mailed");
    app.stop().await;
}

/// A fake SMS gateway on loopback: keeps each request's JSON body and `Authorization` header,
/// answers `status`.
async fn fake_gateway(status: u16) -> (String, Arc<Mutex<Vec<(Value, String)>>>) {
    use axum::routing::post;
    let received: Arc<Mutex<Vec<(Value, String)>>> = Arc::default();
    let kept = received.clone();
    let router = axum::Router::new().route(
        "/sms",
        post(move |headers: axum::http::HeaderMap, body: axum::Json<Value>| {
            let kept = kept.clone();
            async move {
                let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
                kept.lock().unwrap().push((body.0, auth));
                axum::http::StatusCode::from_u16(status).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/sms", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, received)
}

async fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !done() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_alert_is_texted_through_the_gateway_to_the_members_who_gave_a_mobile_number() {
    let (url, received) = fake_gateway(202).await;
    let app = spawn_app_with(Backend::Sqlite, Options { sms_gateway_url: Some(url), ..Options::default() }).await;
    let event = in_progress(&app).await;
    let company = app.demo_client("securite@cordon.test").await;
    let (status, body, _) = app.call(&company, "set_mobile", &[("mobile", "04 42 00 00 00")]).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("mobile")), "a landline: {body}");
    assert!(body["Invalid"]["message"].as_str().unwrap().starts_with("Numéro de mobile invalide"), "{body}");
    let (status, body, _) = app.call(&company, "set_mobile", &[("mobile", "06 12 34 56 78")]).await;
    assert_eq!((status, body.as_str()), (200, Some("06 12 34 56 78")));
    let (_, shown, _) = app.call(&company, "get_mobile", &[]).await;
    assert_eq!(shown, "06 12 34 56 78");

    let organiser = app.demo_client("organisateur@cordon.test").await;
    let north = zone(&app, &event, "Entrée Nord").await;
    assert_eq!(send(&app, &organiser, &event, &north, "Colis suspect au portique 2.").await.0, 200);
    wait_until(|| !received.lock().unwrap().is_empty()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "one member gave a number: {got:?}");
    assert_eq!(
        got[0].0,
        serde_json::json!({
            "to": "+33612345678",
            "text": "Cordon — alerte Élevée de Comité des fêtes de Martigues : Colis suspect au portique 2."
        })
    );
    assert_eq!(got[0].1, "Bearer jeton-de-test");
    // Removed: no more SMS.
    let (status, body, _) = app.call(&company, "set_mobile", &[("mobile", "")]).await;
    assert_eq!((status, body.as_str()), (200, Some("")));
    assert_eq!(send(&app, &organiser, &event, &north, "Fin de l’alerte colis.").await.0, 200);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(received.lock().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_failing_gateway_leaves_the_sms_in_the_outbox_and_the_alert_stands() {
    let (url, received) = fake_gateway(503).await;
    let outbox = std::env::temp_dir().join(format!("cordon-test-sms-{}", uuid::Uuid::new_v4()));
    let options = Options { sms_gateway_url: Some(url), outbox_dir: Some(outbox.clone()), ..Options::default() };
    let app = spawn_app_with(Backend::Sqlite, options).await;
    let event = in_progress(&app).await;
    let company = app.demo_client("securite@cordon.test").await;
    assert_eq!(app.call(&company, "set_mobile", &[("mobile", "+33 7 12 34 56 78")]).await.0, 200);
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let north = zone(&app, &event, "Entrée Nord").await;
    assert_eq!(send(&app, &organiser, &event, &north, "Orage : abritez le public.").await.0, 200);
    let files =
        || std::fs::read_dir(&outbox).map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>()).unwrap_or_default();
    wait_until(|| files().iter().any(|p| p.extension().is_some_and(|e| e == "sms"))).await;
    assert_eq!(received.lock().unwrap().len(), 1, "the gateway was tried");
    let sms: Vec<String> = files()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "sms"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(
        sms,
        ["To: +33712345678\n\nCordon — alerte Élevée de Comité des fêtes de Martigues : Orage : abritez le public.\n"]
    );
    let mine = alerts(&app, &company, &event).await;
    assert_eq!(mine[0]["text"], "Orage : abritez le public.", "the alert stands on the page");
    let _ = std::fs::remove_dir_all(&outbox);
    app.stop().await;
}

#[tokio::test]
async fn an_alert_sent_on_one_instance_reaches_a_page_open_on_another() {
    // Two servers on one PostgreSQL database, as behind a load balancer.
    let first = crate::common::spawn_app(Backend::Postgres).await;
    let event = in_progress(&first).await;
    let second = crate::common::spawn_app_on(&first.database_url()).await;
    let company = second.demo_client("securite@cordon.test").await;
    let organiser = first.demo_client("organisateur@cordon.test").await;
    let mut stream = Stream::open(&second, &company, &event, None).await.1.unwrap();
    assert_eq!(stream.received(Duration::from_millis(500)).await, []);
    let north = zone(&first, &event, "Entrée Nord").await;
    assert_eq!(send(&first, &organiser, &event, &north, "Envoyée depuis la première instance.").await.0, 200);
    let seen = stream.received(Duration::from_secs(3)).await;
    assert_eq!(texts(&seen), [("alerte".to_string(), "Envoyée depuis la première instance.".to_string())]);
    let alert_id = seen[0].2["id"].as_str().unwrap().to_string();
    // Acknowledged on the second instance: the sender's open page on the first one sees it.
    let mut sender = Stream::open(&first, &organiser, &event, None).await.1.unwrap();
    assert_eq!(sender.received(Duration::from_millis(800)).await.len(), 1, "the alert as sent");
    assert_eq!(acknowledge(&second, &company, &event, &alert_id).await.0, 200);
    let acknowledged = sender.received(Duration::from_secs(3)).await;
    assert_eq!(acknowledged.len(), 1, "{acknowledged:?}");
    assert!(acknowledged[0].2["recipients"][0]["acknowledged"].as_str().unwrap().starts_with("Reçu par Karim Haddad"));
    second.stop().await;
    first.stop().await;
}
