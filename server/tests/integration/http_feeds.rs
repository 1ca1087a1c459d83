//! HTTP tests of publication and calendar feeds: who publishes, who is told, what each feed
//! holds, and the feed's HTTP behaviour (ETag, Last-Modified, 304, HEAD, revocation).

use crate::common::{spawn_app, Backend, TestApp};
use serde_json::Value;

async fn publish(app: &TestApp, client: &reqwest::Client, event: &str, comment: &str) -> (u16, Value) {
    let (status, body, _) = app.call(client, "publish_release", &[("event_id", event), ("comment", comment)]).await;
    (status, body)
}

async fn new_feed(app: &TestApp, client: &reqwest::Client, event: &str, scope: &str) -> (u16, Value) {
    let (status, body, _) = app.call(client, "create_feed", &[("event_id", event), ("scope", scope)]).await;
    (status, body)
}

async fn own_participant(app: &TestApp, client: &reqwest::Client, event: &str) -> String {
    let (_, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    page["access"]["own_participant_ids"][0].as_str().unwrap().to_string()
}

#[tokio::test]
async fn only_the_organiser_publishes_and_a_release_without_changes_is_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let (status, body) = publish(&app, &company, &event, "Tentative").await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::ORGANISER_ONLY)));

    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (status, body) = publish(&app, &organiser, &event, "Première version").await;
    assert_eq!((status, body), (200, Value::from(1)));
    let (status, body) = publish(&app, &organiser, &event, "Encore").await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::RELEASE_NOTHING_CHANGED)));

    // Every reader of the event reads the history; each release says what it brought.
    let (status, page, _) = app.call(&company, "get_publishing", &[("event_id", &event)]).await;
    assert_eq!(status, 200);
    assert_eq!(page["releases"][0]["number"], 1);
    assert_eq!(page["releases"][0]["comment"], "Première version");
    let changes = page["releases"][0]["changes"].as_array().unwrap();
    assert!(changes.iter().all(|c| c.as_str().unwrap().starts_with("Nouveau : ")), "{changes:?}");
    assert!(!page.to_string().contains("en civil"), "no restricted deployment in a company's history");
    app.stop().await;
}

#[tokio::test]
async fn a_release_emails_only_the_participants_whose_deployments_changed_with_their_changes() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(publish(&app, &organiser, &event, "v1").await.0, 200);
    let first = app.mail.received().len();

    // The company moves one of its deployments to the evening.
    let company = app.demo_client("securite@cordon.test").await;
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap();
    let d = crate::common::deployments(&page).into_iter().find(|d| d["participant_id"] == mine).unwrap();
    let id = d["id"].as_str().unwrap();
    let version = page["versions"][id].as_i64().unwrap().to_string();
    let form = [
        ("event_id", event.as_str()),
        ("id", id),
        ("version", version.as_str()),
        ("participant_id", mine),
        ("zone_id", d["zone_id"].as_str().unwrap()),
        ("start", "2027-06-26T19:00"),
        ("end", "2027-06-26T23:30"),
        ("headcount", "3"),
        ("category", d["category"].as_str().unwrap()),
        ("mission", d["mission"].as_str().unwrap()),
        ("radio", ""),
    ];
    assert_eq!(app.call(&company, "save_deployment", &form).await.0, 200);
    let (status, body) = publish(&app, &organiser, &event, "Horaires du soir").await;
    assert_eq!((status, body), (200, Value::from(2)));

    let mails: Vec<_> = app.mail.received().into_iter().skip(first).collect();
    assert_eq!(mails.len(), 1, "the company's administrator only");
    assert_eq!(mails[0].to, vec!["securite@cordon.test"]);
    let body = quoted_printable(&mails[0].data).replace("\r\n", " ").replace('\n', " ");
    assert!(body.contains("a publié la version v2 du dispositif"), "{body}");
    assert!(body.contains("sam. 26/06 19:00"), "{body}");
    assert!(!body.contains("en civil"));
    // With the company's calendar of this release attached.
    assert!(mails[0].data.contains("Content-Type: text/calendar; charset=utf-8; method=PUBLISH"), "{}", mails[0].data);
    assert!(mails[0].data.contains("filename=\"dispositif-v2.ics\""));
    assert!(body.contains("SUMMARY:Filtrage · Entrée Nord · Fête de la Saint-Pierre"), "{body}");

    // Any two releases compare, in either order; an unknown one is refused on its field.
    let compare = |from: &'static str, to: &'static str| {
        let (app, company, event) = (&app, &company, event.clone());
        async move { app.call(company, "compare_releases", &[("event_id", &event), ("from", from), ("to", to)]).await }
    };
    let (status, lines, _) = compare("1", "2").await;
    assert_eq!(status, 200);
    assert_eq!(lines.as_array().unwrap().len(), 1);
    assert!(lines[0].as_str().unwrap().starts_with("Déplacé : "), "{lines}");
    assert_eq!(compare("2", "1").await.1, lines);
    let (status, body, _) = compare("1", "9").await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("to")));
    app.stop().await;
}

/// The raw message with every quoted-printable part decoded (text and calendar alike).
fn quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn get_feed(url: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let client = reqwest::Client::builder().no_gzip().build().unwrap();
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_company_feed_holds_its_deployments_answers_304_when_unchanged_and_404_once_revoked() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let mine = own_participant(&app, &company, &event).await;
    // Nothing published yet: no feed.
    let (status, body) = new_feed(&app, &company, &event, &format!("participant:{mine}")).await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::FEED_NOTHING_PUBLISHED)));
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(publish(&app, &organiser, &event, "v1").await.0, 200);

    // A company may not read the whole event's feed, only its own.
    let (status, body) = new_feed(&app, &company, &event, "event").await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("scope")));
    let (status, links) = new_feed(&app, &company, &event, &format!("participant:{mine}")).await;
    assert_eq!(status, 200, "{links}");
    let url = links["https"].as_str().unwrap();
    assert!(url.starts_with(&format!("{}/flux/", app.base)) && url.ends_with(".ics"));
    assert!(links["webcal"].as_str().unwrap().starts_with("webcal://"));
    assert!(links["google"]
        .as_str()
        .unwrap()
        .starts_with("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F"));
    assert!(
        links["qr_svg"].as_str().unwrap().starts_with("<?xml") || links["qr_svg"].as_str().unwrap().contains("<svg")
    );

    let response = get_feed(url, &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    // A calendar is no page: a fixed policy that allows nothing, and no sniffing.
    assert_eq!(response.headers()["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let modified = response.headers()["last-modified"].to_str().unwrap().to_string();
    let body = response.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(body.contains("Provence Sécurité Événements") || body.contains("Provence S"));
    assert!(!body.contains("en civil"), "no restricted deployment in a company's feed");
    assert!(body.matches("BEGIN:VEVENT").count() >= 1);

    assert_eq!(get_feed(url, &[("If-None-Match", &etag)]).await.status(), 304);
    assert_eq!(get_feed(url, &[("If-Modified-Since", &modified)]).await.status(), 304);
    assert_eq!(get_feed(url, &[("Accept", "application/json")]).await.status(), 200, "whatever the Accept header");
    let head = reqwest::Client::new().head(url).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["etag"].to_str().unwrap(), etag);
    let gzip = get_feed(url, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(gzip.headers()["content-encoding"], "gzip");

    // Its use is shown; revoked, it is gone at once.
    let (_, page, _) = app.call(&company, "get_publishing", &[("event_id", &event)]).await;
    let feed = &page["feeds"][0];
    assert_ne!(feed["last_used"], app::text::NEVER);
    let (status, _, _) =
        app.call(&company, "revoke_feed", &[("event_id", &event), ("id", feed["id"].as_str().unwrap())]).await;
    assert_eq!(status, 200);
    assert_eq!(get_feed(url, &[]).await.status(), 404);
    let unknown = get_feed(&format!("{}/flux/inconnu.ics", app.base), &[]).await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(unknown.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}

#[tokio::test]
async fn the_police_feed_of_the_whole_event_holds_the_restricted_deployment_and_the_organisers_does_not() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(publish(&app, &organiser, &event, "v1").await.0, 200);
    let police = app.demo_client("commissariat@cordon.test").await;
    let (status, links) = new_feed(&app, &police, &event, "event").await;
    assert_eq!(status, 200);
    let body = get_feed(links["https"].as_str().unwrap(), &[]).await.text().await.unwrap();
    assert!(body.contains("en civil"), "the State force reads its restricted deployment");
    let (_, links) = new_feed(&app, &organiser, &event, "event").await;
    let body = get_feed(links["https"].as_str().unwrap(), &[]).await.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR") && !body.contains("en civil"));
    // Another person cannot revoke the police's link.
    let (_, page, _) = app.call(&police, "get_publishing", &[("event_id", &event)]).await;
    let id = page["feeds"][0]["id"].as_str().unwrap().to_string();
    let (status, _, _) = app.call(&organiser, "revoke_feed", &[("event_id", &event), ("id", &id)]).await;
    assert_eq!(status, 404);
    app.stop().await;
}

/// A second instance: the real `cordon serve` in its own process, on the same database.
struct OtherInstance {
    child: std::process::Child,
    base: String,
}

impl OtherInstance {
    /// Starts the instance on a free port. The port is free when chosen, but another test's
    /// server may take it before the child binds it: then the child exits, and a healthy
    /// answer on that port came from the other server. Such a start is retried on another port.
    async fn start(database_url: &str) -> OtherInstance {
        for _ in 0..5 {
            let mut instance = Self::spawn(database_url);
            let mut healthy = false;
            for _ in 0..100 {
                if instance.child.try_wait().ok().flatten().is_some() {
                    break;
                }
                if reqwest::get(format!("{}/healthz", instance.base)).await.is_ok_and(|r| r.status() == 200) {
                    healthy = true;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            // The child binds after its migrations: still running a moment later, it holds the port.
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            if healthy && instance.child.try_wait().ok().flatten().is_none() {
                return instance;
            }
            let _ = instance.child.kill();
        }
        panic!("the second instance did not start");
    }

    fn spawn(database_url: &str) -> OtherInstance {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_cordon"))
            .env("DATABASE_URL", database_url)
            .env("CORDON_BASE_URL", &base)
            .env("CORDON_OUTBOX_DIR", std::env::temp_dir().join("cordon-test-outbox-other"))
            .env(
                "CORDON_COMMUNES_FILE",
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("..")
                    .join(cordon_server::config::DEFAULT_COMMUNES_FILE),
            )
            .env_remove("SMTP_URL")
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        OtherInstance { child, base }
    }
}

impl Drop for OtherInstance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn a_link_revoked_on_one_instance_answers_404_on_the_other_at_once() {
    let first = spawn_app(Backend::Postgres).await;
    let event = first.demo().await;
    let second = OtherInstance::start(&first.database_url()).await;
    let organiser = first.demo_client("organisateur@cordon.test").await;
    assert_eq!(publish(&first, &organiser, &event, "v1").await.0, 200);
    let company = first.demo_client("securite@cordon.test").await;
    let mine = own_participant(&first, &company, &event).await;
    let (status, links) = new_feed(&first, &company, &event, &format!("participant:{mine}")).await;
    assert_eq!(status, 200, "{links}");
    let on_second = links["https"].as_str().unwrap().replace(&first.base, &second.base);
    // The other instance reads the link, then answers it from memory.
    assert_eq!(get_feed(&on_second, &[]).await.status(), 200);
    assert_eq!(get_feed(&on_second, &[]).await.status(), 200);

    let (_, page, _) = first.call(&company, "get_publishing", &[("event_id", &event)]).await;
    let id = page["feeds"][0]["id"].as_str().unwrap().to_string();
    let (status, _, _) = first.call(&company, "revoke_feed", &[("event_id", &event), ("id", &id)]).await;
    assert_eq!(status, 200);
    // PostgreSQL delivers the announcement within milliseconds; one second is far below the
    // five seconds a remembered link could otherwise serve.
    let mut answer = 0;
    for _ in 0..20 {
        answer = get_feed(&on_second, &[]).await.status().as_u16();
        if answer == 404 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(answer, 404);
    drop(second);
    first.stop().await;
}

#[tokio::test]
async fn the_police_calendar_link_defaults_to_its_own_deployments_and_the_organisers_to_the_whole_event() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(publish(&app, &organiser, &event, "v1").await.0, 200);
    let first_choice = |page: &Value| page["choices"][0]["value"].as_str().unwrap().to_string();
    let (_, page, _) = app.call(&organiser, "get_publishing", &[("event_id", &event)]).await;
    assert_eq!(first_choice(&page), "event");
    let police = app.demo_client("commissariat@cordon.test").await;
    let (status, page, _) = app.call(&police, "get_publishing", &[("event_id", &event)]).await;
    assert_eq!(status, 200, "{page}");
    assert!(first_choice(&page).starts_with("participant:"), "{page}");
    let values: Vec<&str> = page["choices"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap()).collect();
    assert!(values.contains(&"event"), "the whole event stays offered to a State force: {values:?}");
    // A link created carries the Microsoft 365 address beside Outlook.com's.
    let (status, feed) = new_feed(&app, &police, &event, &first_choice(&page)).await;
    assert_eq!(status, 200, "{feed}");
    assert!(feed["outlook_365"].as_str().unwrap().starts_with("https://outlook.office.com/calendar/0/addfromweb?url="));
    assert!(feed["outlook"].as_str().unwrap().starts_with("https://outlook.live.com/"));
    app.stop().await;
}
