//! The evaluation after the event (RETEX) over HTTP: each participant writes its own part
//! only, a State force's part stays with the State forces and the prefecture, the organiser
//! and the prefecture write their assessments, the prefecture sets the deadline and closes;
//! nothing is written before the event's end nor after the closing; one reminder per event.

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};

/// Last June's edition of the demo fête (over: its evaluation is open), made by the organiser.
async fn last_june(app: &TestApp) -> String {
    app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let demo = app::store::plan_io::all_events(&app.db).await.unwrap()[0].id.clone();
    let (status, id, _) =
        app.call(&organiser, "next_edition", &[("event_id", demo.as_str()), ("start", "2026-06-27T10:00")]).await;
    assert_eq!(status, 200, "{id}");
    id.as_str().unwrap().to_string()
}

async fn page(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_evaluation", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page
}

fn line<'a>(page: &'a Value, name: &str) -> &'a Value {
    page["lines"].as_array().unwrap().iter().find(|l| l["name"] == name).unwrap_or_else(|| panic!("{name} in {page}"))
}

const COMPANY: &str = "Provence Sécurité Événements";

async fn save_part(
    app: &TestApp,
    client: &reqwest::Client,
    event: &str,
    participant: &str,
    version: &str,
    headcount: &str,
    incidents: &str,
) -> (u16, Value) {
    let form = [
        ("event_id", event),
        ("participant_id", participant),
        ("version", version),
        ("headcount_present", headcount),
        ("incidents", incidents),
        ("difficulties", ""),
        ("proposals", "Un second portique à l’entrée nord."),
    ];
    let (status, body, _) = app.call(client, "save_evaluation_part", &form).await;
    (status, body)
}

async fn the_parties_evaluate_the_event_and_the_prefecture_closes_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = last_june(&app).await;
    let company = app.demo_client("securite@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;

    let seen = page(&app, &company, &event).await;
    assert_eq!(seen["state_code"], "en_retard", "the default deadline, 15 days after the end, is past: {seen}");
    let mine = line(&seen, COMPANY);
    let ours = seen["lines"].as_array().unwrap().iter().find(|l| l["mine"] == true).unwrap();
    let own = ours["participant_id"].as_str().unwrap().to_string();
    assert!(mine["planned_peak"].as_u64().unwrap() > 0, "{mine}");
    let municipal = line(&seen, "Police municipale de Martigues")["participant_id"].as_str().unwrap().to_string();

    let (status, body) = save_part(&app, &company, &event, &municipal, "0", "4", "").await;
    assert_eq!(status, 422, "another participant's part: {body}");
    let (status, body) = save_part(&app, &company, &event, &own, "0", "quatre", "").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("headcount_present")), "{body}");
    assert_eq!(save_part(&app, &company, &event, &own, "0", "11", "Malaise à l’entrée nord.").await.0, 200);
    let (status, _) = save_part(&app, &company, &event, &own, "0", "12", "").await;
    assert_eq!(status, 409, "based on a version someone already replaced");
    assert_eq!(save_part(&app, &company, &event, &own, "1", "12", "Malaise à l’entrée nord.").await.0, 200);

    let commissariat = line(&page(&app, &police, &event).await, "Commissariat de police de Martigues")
        ["participant_id"]
        .as_str()
        .unwrap()
        .to_string();
    let confidential = "Interpellation près du canal, suites judiciaires en cours.";
    assert_eq!(save_part(&app, &police, &event, &commissariat, "0", "9", confidential).await.0, 200);
    assert!(!page(&app, &company, &event).await.to_string().contains(confidential), "a State force's part");
    assert!(!page(&app, &organiser, &event).await.to_string().contains(confidential));
    let read = page(&app, &prefecture, &event).await;
    assert!(read.to_string().contains(confidential), "the prefecture reads it");
    assert_eq!(line(&read, COMPANY)["part"]["headcount_present"], 12);
    assert_eq!((read["written"].as_u64(), read["expected"].as_u64()), (Some(2), Some(5)), "{read}");
    let company_view = page(&app, &company, &event).await;
    assert_eq!((company_view["written"].as_u64(), company_view["expected"].as_u64()), (Some(1), Some(4)));
    let withheld = line(&company_view, "Commissariat de police de Martigues");
    assert_eq!(
        (&withheld["withheld"], &withheld["version"], &withheld["updated"]),
        (&Value::Bool(true), &Value::from(0), &Value::Null),
        "not even that it exists"
    );

    // The organiser writes its assessment, never the prefecture's, and does not close.
    let assess = |version: &'static str, text: &'static str| {
        [("event_id", event.clone()), ("version", version.to_string()), ("assessment", text.to_string())]
    };
    let pairs = |form: &[(&'static str, String); 3]| form.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let call = |client: &reqwest::Client, name: &'static str, form: Vec<(&'static str, String)>| {
        let client = client.clone();
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(&client, name, &fields).await
        }
    };
    let organiser_text = "Bonne coopération ; prévoir un second portique.";
    let (status, body, _) = call(&organiser, "save_evaluation_assessment", pairs(&assess("0", organiser_text))).await;
    assert_eq!(status, 200, "{body}");
    let closing = vec![("event_id", event.clone())];
    assert_eq!(call(&organiser, "close_evaluation", closing.clone()).await.0, 422);
    assert_eq!(call(&company, "close_evaluation", closing.clone()).await.0, 422);

    // The prefecture: a deadline, no closing before its own assessment, then the closing.
    let shown = page(&app, &prefecture, &event).await["version"].as_i64().unwrap().to_string();
    let deadline =
        vec![("event_id", event.clone()), ("deadline", "2026-12-31".to_string()), ("version", shown.clone())];
    assert_eq!(call(&company, "set_evaluation_deadline", deadline.clone()).await.0, 422);
    // Without the version its page showed, the deadline is refused in French, nothing changed.
    let blind = vec![("event_id", event.clone()), ("deadline", "2026-12-30".to_string())];
    let (status, body, _) = call(&prefecture, "set_evaluation_deadline", blind).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("version")), "{body}");
    assert_eq!(call(&prefecture, "set_evaluation_deadline", deadline.clone()).await.0, 200);
    // Based on the page of before, a second change is refused: the first one is not lost.
    assert_eq!(call(&prefecture, "set_evaluation_deadline", deadline).await.0, 409);
    let bad = vec![("event_id", event.clone()), ("deadline", "31 décembre".to_string())];
    let (status, body, _) = call(&prefecture, "set_evaluation_deadline", bad).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("deadline")), "{body}");
    let open = page(&app, &prefecture, &event).await;
    assert_eq!(open["state_code"], "en_cours", "{open}");
    let (status, body, _) = call(&prefecture, "close_evaluation", closing.clone()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Refused"], "Rédigez le bilan de la préfecture avant de clôturer l’évaluation.");
    let version = open["version"].as_i64().unwrap().to_string();
    let prefecture_text = "Évaluation satisfaisante ; la convention est reconduite.";
    let form = vec![("event_id", event.clone()), ("version", version), ("assessment", prefecture_text.to_string())];
    assert_eq!(call(&prefecture, "save_evaluation_assessment", form).await.0, 200);
    let version = page(&app, &prefecture, &event).await["version"].as_i64().unwrap().to_string();
    let closing_now = vec![("event_id", event.clone()), ("version", version)];
    assert_eq!(call(&prefecture, "close_evaluation", closing_now).await.0, 200);

    let closed = page(&app, &company, &event).await;
    assert_eq!(closed["state_code"], "cloturee", "{closed}");
    assert_eq!(
        (closed["organiser_assessment"].as_str(), closed["prefecture_assessment"].as_str()),
        (Some(organiser_text), Some(prefecture_text))
    );
    assert!(closed["lines"].as_array().unwrap().iter().all(|l| l["mine"] == false), "nothing to write any more");
    assert_eq!(save_part(&app, &company, &event, &own, "2", "13", "").await.0, 422);
    assert_eq!(call(&prefecture, "close_evaluation", closing).await.0, 422, "once");
    app.stop().await;
}

#[tokio::test]
async fn the_parties_evaluate_the_event_and_the_prefecture_closes_it_on_sqlite() {
    the_parties_evaluate_the_event_and_the_prefecture_closes_it(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_parties_evaluate_the_event_and_the_prefecture_closes_it_on_postgres() {
    the_parties_evaluate_the_event_and_the_prefecture_closes_it(Backend::Postgres).await;
}

#[tokio::test]
async fn nothing_is_evaluated_before_the_event_and_no_one_outside_it_reads_the_evaluation() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let seen = page(&app, &company, &event).await;
    assert_eq!(seen["state_code"], "a_venir");
    let own = line(&seen, COMPANY);
    assert_eq!(own["mine"], false, "not before the end");
    let (status, body) = save_part(&app, &company, &event, own["participant_id"].as_str().unwrap(), "0", "3", "").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Refused"], "L’évaluation s’ouvre à la fin de l’événement.");
    app.user("intrus@cordon.test", "Intrus", false).await;
    let stranger = app.client();
    app.sign_in(&stranger, "intrus@cordon.test").await;
    assert_eq!(app.call(&stranger, "get_evaluation", &[("event_id", event.as_str())]).await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn the_reminder_goes_once_to_the_participants_whose_part_is_missing() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = last_june(&app).await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let far = (today + chrono::Days::new(10)).format("%Y-%m-%d").to_string();
    let near = (today + chrono::Days::new(2)).format("%Y-%m-%d").to_string();
    let set = |deadline: String| {
        let (event, prefecture, app) = (event.clone(), prefecture.clone(), &app);
        async move {
            let version = page(app, &prefecture, &event).await["version"].as_i64().unwrap().to_string();
            let form = [("event_id", event.as_str()), ("deadline", deadline.as_str()), ("version", version.as_str())];
            assert_eq!(app.call(&prefecture, "set_evaluation_deadline", &form).await.0, 200);
        }
    };
    let own =
        page(&app, &company, &event).await["lines"].as_array().unwrap().iter().find(|l| l["mine"] == true).unwrap()
            ["participant_id"]
            .as_str()
            .unwrap()
            .to_string();
    assert_eq!(save_part(&app, &company, &event, &own, "0", "10", "").await.0, 200);
    let now = app::domain::Instant::from(chrono::Utc::now());
    set(far).await;
    assert_eq!(app::service::evaluation::send_reminders(&app.state, now).await.unwrap(), 0, "not yet");
    set(near).await;
    let before = app.mail.received().len();
    let sent = app::service::evaluation::send_reminders(&app.state, now).await.unwrap();
    assert!(sent >= 3, "the members of each participant without a part: {sent}");
    let mails = app.mail.received();
    let reminders = &mails[before..];
    assert_eq!(reminders.len(), sent);
    let to: Vec<String> = reminders.iter().flat_map(|m| m.to.clone()).collect();
    assert!(to.iter().any(|t| t == "organisateur@cordon.test") && to.iter().any(|t| t == "commissariat@cordon.test"));
    assert!(!to.iter().any(|t| t == "securite@cordon.test"), "its part is written: {to:?}");
    assert!(!to.iter().any(|t| t == "prefecture@cordon.test"), "the prefecture writes the assessment");
    let body = crate::common::mail_body(&reminders[0].data);
    assert!(body.contains(&format!("/evenements/{event}/evaluation")), "{body}");
    assert_eq!(app::service::evaluation::send_reminders(&app.state, now).await.unwrap(), 0, "once");
    app.stop().await;
}

#[tokio::test]
async fn the_registry_shows_the_evaluation_of_an_ended_event_whose_convention_is_not_in_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = last_june(&app).await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let (status, registry, _) = app.call(&prefecture, "get_registry", &[("year", "0")]).await;
    assert_eq!(status, 200, "{registry}");
    let lines = registry["other_evaluations"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "last June's edition only: the demo's fête has not ended: {registry}");
    assert_eq!(lines[0]["evaluation_url"], format!("/evenements/{event}/evaluation"));
    assert_eq!(lines[0]["dates"], "27/06/2026 → 28/06/2026");
    assert!(lines[0]["evaluation"].as_str().unwrap().starts_with("en "), "open: {}", lines[0]);
    assert!(registry["entries"].as_array().unwrap().iter().all(|e| e["evaluation_url"] != lines[0]["evaluation_url"]));

    // Closed, it says so; a company has no registry.
    let form = [("event_id", event.as_str()), ("version", "0"), ("assessment", "Bilan de la préfecture.")];
    let (status, body, _) = app.call(&prefecture, "save_evaluation_assessment", &form).await;
    assert_eq!(status, 200, "{body}");
    let (status, body, _) =
        app.call(&prefecture, "close_evaluation", &[("event_id", event.as_str()), ("version", "1")]).await;
    assert_eq!(status, 200, "{body}");
    let (_, registry, _) = app.call(&prefecture, "get_registry", &[("year", "0")]).await;
    assert!(registry["other_evaluations"][0]["evaluation"].as_str().unwrap().starts_with("clôturée le "), "{registry}");
    let company = app.demo_client("securite@cordon.test").await;
    assert_eq!(app.call(&company, "get_registry", &[("year", "0")]).await.0, 403);
    app.stop().await;
}
