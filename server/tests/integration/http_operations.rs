//! The day of the event over HTTP: the log (main courante) is written by every participant
//! while operations run, read by each in its own view (the State forces' register never
//! reaches a company, nor one company's author's name another), streamed live to open pages
//! with resumption by `Last-Event-ID`, exported as CSV per reader, and checked as an audit
//! chain.

use std::time::Duration;

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};

/// This year's demo fête moved to start an hour ago: its set-up has begun, the log is open.
async fn in_progress(app: &TestApp) -> String {
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

async fn write(
    app: &TestApp,
    client: &reqwest::Client,
    event: &str,
    register: &str,
    text: &str,
    corrects: &str,
) -> (u16, Value) {
    let form = [
        ("event_id", event),
        ("zone_id", ""),
        ("category", "incident"),
        ("severity", "elevee"),
        ("register", register),
        ("text", text),
        ("corrects", corrects),
    ];
    let (status, body, _) = app.call(client, "write_log_entry", &form).await;
    (status, body)
}

async fn page(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_operations", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page
}

/// The reader's latest entry, as its page shows it.
async fn last(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    page(app, client, event).await["lines"].as_array().unwrap().last().cloned().unwrap()
}

fn texts(page: &Value) -> Vec<String> {
    page["lines"].as_array().unwrap().iter().map(|l| l["text"].as_str().unwrap().to_string()).collect()
}

const CONFIDENTIAL: &str = "Individu fiché repéré près du canal, surveillance discrète.";

async fn each_reader_reads_the_log_in_its_own_view(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = in_progress(&app).await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;

    let (status, body) = write(&app, &company, &event, "tous", "Bousculade à l’entrée nord, un malaise.", "").await;
    assert_eq!(status, 200, "{body}");
    let line = last(&app, &company, &event).await;
    assert_eq!(
        (line["reference"].as_str(), line["organisation"].as_str()),
        (Some("n° 1"), Some("Provence Sécurité Événements"))
    );
    assert!(line["author"].is_string(), "its writer reads its own name: {line}");
    let (status, body) = write(&app, &company, &event, "etat", "Rien à signaler.", "").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("register")), "{body}");
    let (status, body) = write(&app, &company, &event, "tous", "   ", "").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("text")), "{body}");

    assert_eq!(write(&app, &police, &event, "etat", CONFIDENTIAL, "").await.0, 200);
    assert_eq!(last(&app, &police, &event).await["reference"], "E-1");
    // A correction names the entry as it is shown (« n° 1 », « 1 ») or by its code.
    let (status, body) = write(&app, &police, &event, "tous", "Renfort de deux patrouilles sur le quai.", "n° 1").await;
    assert_eq!(status, 200, "{body}");
    let shared = last(&app, &police, &event).await;
    assert_eq!((shared["reference"].as_str(), shared["corrects"].as_str()), (Some("n° 2"), Some("n° 1")));
    // A company cannot correct the State forces' entry: it does not exist for it.
    let (status, body) = write(&app, &company, &event, "tous", "Précision.", "etat-1").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("corrects")), "{body}");
    // The police cannot move its restricted entry's correction into the shared register.
    let (status, body) = write(&app, &police, &event, "tous", "Correction.", "etat-1").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("register")), "{body}");

    for (reader, reads_secret) in [(&company, false), (&organiser, false), (&police, true), (&prefecture, true)] {
        let seen = page(&app, reader, &event).await;
        assert_eq!(seen.to_string().contains(CONFIDENTIAL), reads_secret, "{seen}");
        assert_eq!(seen["writes_restricted"], reads_secret);
        assert_eq!(
            seen["cursor"],
            if reads_secret { "2.1" } else { "2" },
            "the cursor tells nothing of the other register"
        );
    }
    let seen = page(&app, &company, &event).await;
    assert_eq!(texts(&seen), ["Bousculade à l’entrée nord, un malaise.", "Renfort de deux patrouilles sur le quai."]);
    let police_line = &seen["lines"][1];
    assert_eq!(
        (police_line["author"].clone(), police_line["organisation"].as_str()),
        (Value::Null, Some("Commissariat de police de Martigues"))
    );
    let by_prefecture = page(&app, &prefecture, &event).await;
    assert!(by_prefecture["lines"].as_array().unwrap().iter().all(|l| l["author"].is_string()), "{by_prefecture}");

    // The CSV, per reader.
    let csv = |client: reqwest::Client| {
        let url = format!("{}/evenements/{event}/operations/main-courante.csv", app.base);
        async move {
            let response = client.get(url).send().await.unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    let (status, file) = csv(company.clone()).await;
    assert_eq!(status, 200);
    assert!(file.starts_with("reference;heure;auteur;"), "{file}");
    assert_eq!(file.lines().count(), 3, "header and two shared entries: {file}");
    assert!(!file.contains(CONFIDENTIAL));
    let (_, file) = csv(prefecture.clone()).await;
    assert!(file.contains(CONFIDENTIAL) && file.contains("Forces de l’État et préfecture seulement"), "{file}");
    assert_eq!(csv(app.client()).await.0, 401, "signed out");

    // The PDF, per reader: the same entries as its CSV.
    let pdf = |client: reqwest::Client| {
        let url = format!("{}/evenements/{event}/operations/main-courante.pdf", app.base);
        async move {
            let response = client.get(url).send().await.unwrap();
            let status = response.status().as_u16();
            let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string());
            (status, kind, response.bytes().await.unwrap().to_vec())
        }
    };
    let (status, kind, bytes) = pdf(company.clone()).await;
    assert_eq!((status, kind.as_deref()), (200, Some("application/pdf")));
    let text = crate::common::pdf_text(&bytes);
    assert!(text.contains("Main courante") && text.contains("Bousculade à l’entrée nord"), "{text}");
    assert!(text.contains("2 entrées"), "the company's two shared entries: {text}");
    assert!(!text.contains("Individu fiché"), "no State forces' entry in a company's PDF: {text}");
    let (_, _, bytes) = pdf(prefecture.clone()).await;
    let text = crate::common::pdf_text(&bytes);
    assert!(text.contains("Individu fiché"), "the prefecture reads the State forces' register: {text}");
    assert_eq!(pdf(app.client()).await.0, 401, "signed out");

    // The log is an audit chain: both registers verify.
    for register in [app::domain::operations::Register::Shared, app::domain::operations::Register::Restricted] {
        let chain = app::store::conventions::chain(&app.db, &register.chain(&event)).await.unwrap();
        assert!(!chain.is_empty());
        app::domain::convention::verify(&chain).unwrap();
    }
    app.stop().await;
}

#[tokio::test]
async fn each_reader_reads_the_log_in_its_own_view_on_sqlite() {
    each_reader_reads_the_log_in_its_own_view(Backend::Sqlite).await;
}

#[tokio::test]
async fn each_reader_reads_the_log_in_its_own_view_on_postgres() {
    each_reader_reads_the_log_in_its_own_view(Backend::Postgres).await;
}

#[tokio::test]
async fn a_company_that_takes_no_part_in_the_event_neither_reads_nor_writes_its_log() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress(&app).await;
    let police = app.demo_client("commissariat@cordon.test").await;
    assert_eq!(write(&app, &police, &event, "tous", "Ouverture des portes.", "").await.0, 200);
    let outsider = app.organisation("Sécurité Concurrente", "securite_privee").await;
    let user = app.user("agent@concurrente.test", "Agent Concurrent", false).await;
    app.member(&user, &outsider, app::domain::MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "agent@concurrente.test").await;

    let (status, body, _) = app.call(&client, "get_operations", &[("event_id", event.as_str())]).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = write(&app, &client, &event, "tous", "Intrusion.", "").await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(Stream::open(&app, &client, &event, None, "0").await.0, 404);
    let csv = client.get(format!("{}/evenements/{event}/operations/main-courante.csv", app.base)).send().await.unwrap();
    assert_eq!(csv.status().as_u16(), 404);
    assert!(!csv.text().await.unwrap().contains("Ouverture des portes."));
    let pdf = client.get(format!("{}/evenements/{event}/operations/main-courante.pdf", app.base)).send().await.unwrap();
    assert_eq!(pdf.status().as_u16(), 404);
    let texts = texts(&page(&app, &police, &event).await);
    assert_eq!(texts, ["Ouverture des portes."], "nothing was written by the outsider");
    app.stop().await;
}

#[tokio::test]
async fn the_log_of_an_event_not_yet_set_up_takes_no_entry() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let demo = app::store::plan_io::all_events(&app.db).await.unwrap()[0].id.clone();
    let company = app.demo_client("securite@cordon.test").await;
    let (status, body) = write(&app, &company, &demo, "tous", "Test.", "").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("text")), "{body}");
    let message = body["Invalid"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "La main courante est ouverte de la mise en place au démontage : du vendredi 25 juin 2027 à 14:00"
        ),
        "{message}"
    );
    let seen = page(&app, &company, &demo).await;
    assert_eq!(seen["open"], false);
    assert!(seen["status"].as_str().unwrap().starts_with("La main courante s’ouvrira"), "{seen}");
    app.stop().await;
}

/// An open event stream, read as it comes.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

/// One event of the stream: (id, the entry's text).
type Received = (String, String);

impl Stream {
    async fn open(
        app: &TestApp,
        client: &reqwest::Client,
        event: &str,
        last: Option<&str>,
        depuis: &str,
    ) -> (u16, Option<Stream>) {
        let url = format!("{}/evenements/{event}/operations/flux?depuis={depuis}", app.base);
        let mut request = client.get(url);
        if let Some(last) = last {
            request = request.header("Last-Event-ID", last);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        if status != 200 {
            return (status, None);
        }
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        (status, Some(Stream { response, buffer: String::new() }))
    }

    /// The entries received within `wait` (stops at the first quiet `wait`).
    async fn received(&mut self, wait: Duration) -> Vec<Received> {
        let mut out = Vec::new();
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| block.lines().find_map(|l| l.strip_prefix(name)).map(str::to_string);
                if let (Some(id), Some(data)) = (field("id: "), field("data: ")) {
                    let line: Value = serde_json::from_str(&data).unwrap();
                    out.push((id, line["text"].as_str().unwrap().to_string()));
                }
            }
            match tokio::time::timeout(wait, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return out,
            }
        }
    }
}

async fn open_pages_receive_what_they_may_read_live_and_resume_after_a_cut(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = in_progress(&app).await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let quick = Duration::from_millis(700);

    assert_eq!(write(&app, &company, &event, "tous", "Ouverture des portes.", "").await.0, 200);
    assert_eq!(Stream::open(&app, &app.client(), &event, None, "0").await.0, 401, "signed out");
    let (_, company_stream) = Stream::open(&app, &company, &event, None, "1").await;
    let mut company_stream = company_stream.unwrap();
    let (_, police_stream) = Stream::open(&app, &police, &event, None, "0").await;
    let mut police_stream = police_stream.unwrap();
    assert_eq!(
        police_stream.received(quick).await,
        [("1.0".to_string(), "Ouverture des portes.".to_string())],
        "from its cursor"
    );
    assert_eq!(company_stream.received(quick).await, [], "the page already shows entry 1");

    assert_eq!(write(&app, &police, &event, "etat", CONFIDENTIAL, "").await.0, 200);
    assert_eq!(write(&app, &police, &event, "tous", "Fermeture du quai aux véhicules.", "").await.0, 200);
    let seen = police_stream.received(Duration::from_secs(2)).await;
    assert_eq!(
        seen,
        [
            ("1.1".to_string(), CONFIDENTIAL.to_string()),
            ("2.1".to_string(), "Fermeture du quai aux véhicules.".to_string())
        ]
    );
    let seen = company_stream.received(Duration::from_secs(2)).await;
    assert_eq!(seen, [("2".to_string(), "Fermeture du quai aux véhicules.".to_string())], "never the restricted entry");

    // The company's connection is cut; two entries are written meanwhile; it comes back with
    // the id of the last event it received and gets those two, once.
    drop(company_stream);
    assert_eq!(write(&app, &company, &event, "tous", "Malaise au point info.", "").await.0, 200);
    assert_eq!(write(&app, &police, &event, "etat", "Second signalement.", "").await.0, 200);
    assert_eq!(write(&app, &police, &event, "tous", "Secours engagés au point info.", "").await.0, 200);
    let (_, again) = Stream::open(&app, &company, &event, Some("2.9"), "0").await;
    let seen = again.unwrap().received(quick).await;
    assert_eq!(
        seen,
        [
            ("3".to_string(), "Malaise au point info.".to_string()),
            ("4".to_string(), "Secours engagés au point info.".to_string())
        ],
        "a restricted number it sends back is ignored"
    );
    app.stop().await;
}

#[tokio::test]
async fn open_pages_receive_what_they_may_read_live_and_resume_after_a_cut_on_sqlite() {
    open_pages_receive_what_they_may_read_live_and_resume_after_a_cut(Backend::Sqlite).await;
}

#[tokio::test]
async fn open_pages_receive_what_they_may_read_live_and_resume_after_a_cut_on_postgres() {
    open_pages_receive_what_they_may_read_live_and_resume_after_a_cut(Backend::Postgres).await;
}

#[tokio::test]
async fn a_page_on_one_instance_receives_what_is_written_on_another() {
    // Two servers on one PostgreSQL database, as behind a load balancer.
    let first = spawn_app(Backend::Postgres).await;
    let event = in_progress(&first).await;
    let second = crate::common::spawn_app_on(&first.database_url()).await;
    let police = second.demo_client("commissariat@cordon.test").await;
    let company = first.demo_client("securite@cordon.test").await;
    let (_, stream) = Stream::open(&second, &police, &event, None, "0").await;
    let mut stream = stream.unwrap();
    assert_eq!(stream.received(Duration::from_millis(500)).await, []);
    assert_eq!(write(&first, &company, &event, "tous", "Écrit sur la première instance.", "").await.0, 200);
    let seen = stream.received(Duration::from_secs(3)).await;
    assert_eq!(seen, [("1.0".to_string(), "Écrit sur la première instance.".to_string())]);
    second.stop().await;
    first.stop().await;
}
