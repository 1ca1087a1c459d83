//! Closing and withdrawing alerts over HTTP, and the alerts in the log's exports: the command
//! post closes an alert (a company may not), its sender withdraws one sent by mistake (no one
//! else may), a second closing is answered in French; the closing reaches the open streams
//! and the alert asks for no more acknowledgement. Each reader's CSV and PDF of the main
//! courante hold the alerts it reads, reduced as its page: a company's never holds an alert
//! to the State forces, the prefecture's does.

use std::time::Duration;

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};
use crate::http_alerts::{acknowledge, alerts, in_progress, send, texts, Stream};

async fn close(app: &TestApp, client: &reqwest::Client, event: &str, alert: &str, how: &str) -> (u16, Value) {
    let (status, body, _) =
        app.call(client, "close_alert", &[("event_id", event), ("alert_id", alert), ("how", how)]).await;
    (status, body)
}

/// The alert of `text` among those `client` reads.
async fn alert_of(app: &TestApp, client: &reqwest::Client, event: &str, text: &str) -> Value {
    alerts(app, client, event).await.into_iter().find(|a| a["text"] == text).unwrap()
}

#[tokio::test]
async fn the_command_post_closes_an_alert_its_sender_withdraws_one_and_no_one_else_may() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress(&app).await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let storm = "Orage : abritez le public sous les halles.";
    assert_eq!(send(&app, &organiser, &event, "tous", storm).await.0, 200);
    let id = alert_of(&app, &organiser, &event, storm).await["id"].as_str().unwrap().to_string();
    let mut company_stream = Stream::open(&app, &company, &event, Some("0-1")).await.1.unwrap();
    let mine = alert_of(&app, &company, &event, storm).await;
    assert_eq!((mine["may_close"].as_bool(), mine["may_withdraw"].as_bool()), (Some(false), Some(false)));
    let sent = alert_of(&app, &organiser, &event, storm).await;
    assert_eq!((sent["may_close"].as_bool(), sent["may_withdraw"].as_bool()), (Some(true), Some(true)));
    let theirs = alert_of(&app, &police, &event, storm).await;
    assert_eq!((theirs["may_close"].as_bool(), theirs["may_withdraw"].as_bool()), (Some(true), Some(false)));

    let (status, body) = close(&app, &company, &event, &id, "clore").await;
    assert_eq!(status, 403, "a company is not the command post: {body}");
    let (status, body) = close(&app, &police, &event, &id, "retirer").await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::ALERT_NOT_SENDER)), "{body}");
    let (status, body) = close(&app, &police, &event, &id, "effacer").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("how")), "{body}");
    assert_eq!(company_stream.received(Duration::from_millis(500)).await, [], "nothing happened");

    let (status, body) = close(&app, &police, &event, &id, "clore").await;
    assert_eq!(status, 200, "{body}");
    let seen = company_stream.received(Duration::from_secs(2)).await;
    assert_eq!(texts(&seen), [("alerte".to_string(), storm.to_string())], "the closing comes live");
    let closed = seen[0].2["closed"].as_str().unwrap();
    assert!(closed.starts_with("Alerte close par Commissariat de police de Martigues, "), "{closed}");
    assert_eq!(seen[0].1, "0-2", "the closing is the alert chain's next change");
    let (status, body) = acknowledge(&app, &company, &event, &id).await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::ALERT_CLOSED_NO_ACK)), "{body}");
    let again = alert_of(&app, &organiser, &event, storm).await;
    assert!(
        again["closed"].as_str().unwrap().starts_with("Alerte close par Commandant Marc Lefèvre (Commissariat"),
        "the command post knows who: {again}"
    );
    assert_eq!((again["may_close"].as_bool(), again["may_withdraw"].as_bool()), (Some(false), Some(false)));
    for how in ["clore", "retirer"] {
        let (status, body) = close(&app, &organiser, &event, &id, how).await;
        let refusal = body["Refused"].as_str().unwrap_or_default();
        assert_eq!(status, 422, "{body}");
        assert!(
            refusal.starts_with(
                "Cette alerte a déjà été close par Commandant Marc Lefèvre (Commissariat de police de Martigues), "
            ),
            "{refusal}"
        );
    }

    // Sent by mistake, withdrawn by its sender.
    let mistake = "Essai : ne tenez pas compte de ce message.";
    assert_eq!(send(&app, &organiser, &event, "tous", mistake).await.0, 200);
    let id = alert_of(&app, &organiser, &event, mistake).await["id"].as_str().unwrap().to_string();
    let (status, body) = close(&app, &organiser, &event, &id, "retirer").await;
    assert_eq!(status, 200, "{body}");
    let withdrawn = alert_of(&app, &company, &event, mistake).await;
    assert!(
        withdrawn["closed"].as_str().unwrap().starts_with("Alerte retirée par Comité des fêtes de Martigues, "),
        "{withdrawn}"
    );
    let outsider_event = "inconnu";
    assert_eq!(close(&app, &organiser, outsider_event, &id, "clore").await.0, 404);
    let chain = app::domain::alerts::alert_chain(app::domain::operations::Register::Shared, &event);
    let chain = app::store::conventions::chain(&app.db, &chain).await.unwrap();
    assert_eq!(
        chain.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        ["alerte.envoi", "alerte.cloture", "alerte.envoi", "alerte.retrait"]
    );
    app::domain::convention::verify(&chain).unwrap();
    app.stop().await;
}

async fn download(app: &TestApp, client: &reqwest::Client, event: &str, kind: &str) -> (u16, Vec<u8>) {
    let url = format!("{}/evenements/{event}/operations/main-courante.{kind}", app.base);
    let response = client.get(url).send().await.unwrap();
    (response.status().as_u16(), response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_company_s_export_never_holds_an_alert_to_the_state_forces_and_the_prefecture_s_does() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress(&app).await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let secret = "Individu fiché repéré près du canal.";
    assert_eq!(send(&app, &police, &event, "etat", secret).await.0, 200);
    let storm = "Orage : abritez le public.";
    assert_eq!(send(&app, &organiser, &event, "tous", storm).await.0, 200);
    let id = alert_of(&app, &company, &event, storm).await["id"].as_str().unwrap().to_string();
    assert_eq!(acknowledge(&app, &company, &event, &id).await.0, 200);
    assert_eq!(close(&app, &organiser, &event, &id, "clore").await.0, 200);

    let (status, file) = download(&app, &company, &event, "csv").await;
    let file = String::from_utf8(file).unwrap();
    assert_eq!(status, 200);
    assert!(!file.contains("Individu fiché") && !file.contains("Alerte E-"), "{file}");
    let lines: Vec<&str> = file.lines().skip(1).collect();
    assert_eq!(lines.len(), 3, "sent, its own acknowledgement, closed: {file}");
    assert!(lines[0].contains(";Alerte;") && lines[0].contains(storm), "{file}");
    assert!(lines[1].contains(";Karim Haddad;Provence Sécurité Événements;"), "{file}");
    assert!(lines[2].contains(";;Comité des fêtes de Martigues;"), "not the closer's name: {file}");
    assert!(lines[2].contains(";Alerte close par Comité des fêtes de Martigues;"), "{file}");

    let (_, file) = download(&app, &prefecture, &event, "csv").await;
    let file = String::from_utf8(file).unwrap();
    assert!(file.contains(secret) && file.contains("\r\nAlerte E-1;"), "{file}");
    assert!(file.contains(storm) && file.contains("Reçue par Provence Sécurité Événements"), "{file}");

    let (status, pdf) = download(&app, &company, &event, "pdf").await;
    assert_eq!(status, 200);
    let text = crate::common::pdf_text(&pdf);
    assert!(text.contains("Orage") && !text.contains("Individu fiché"), "{text}");
    let (_, pdf) = download(&app, &prefecture, &event, "pdf").await;
    assert!(crate::common::pdf_text(&pdf).contains("Individu fiché"));
    app.stop().await;
}
