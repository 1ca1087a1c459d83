//! The compact format the browser reads (`app::ui::codec`) against the JSON everyone else
//! reads: on the demo's real pages, for each of its accounts, the server function's compact
//! answer decodes to exactly what its JSON answer decodes to, and the page's data written
//! into the HTML (the same format, by the resource's codec) comes back unchanged. The format
//! has no field names: a type whose serde shapes differ from one format to the other (a field
//! skipped when empty, an internally tagged enum, a `from` type with other fields) fails here.

use std::fmt::Debug;

use app::ui::codec::{from_compact, to_compact, COMPACT};
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::common::{spawn_app, Backend, TestApp};

/// Calls `S` twice, for JSON and for the compact format, and checks both answers agree.
async fn both<S>(app: &TestApp, client: &reqwest::Client, form: &[(&str, &str)]) -> S::Output
where
    S: ServerFn,
    S::Output: Serialize + DeserializeOwned + PartialEq + Debug,
{
    compare::<S>(app, client, form, true).await
}

/// As [`both`]; `same` false for an answer that may differ from one call to the next (a
/// proposal searched for a bounded time): each must then still read, and the JSON one come
/// back unchanged through the compact format.
async fn compare<S>(app: &TestApp, client: &reqwest::Client, form: &[(&str, &str)], same: bool) -> S::Output
where
    S: ServerFn,
    S::Output: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let (status, json, _) = app.call(client, S::PATH.trim_start_matches("/api/"), form).await;
    assert_eq!(status, 200, "{}: {json}", S::PATH);
    let from_json: S::Output = serde_json::from_value(json).unwrap();
    let res = client
        .post(format!("{}{}", app.base, S::PATH))
        .header("origin", &app.base)
        .header("accept", COMPACT)
        .form(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "{}", S::PATH);
    assert_eq!(res.headers()["content-type"], COMPACT, "{}", S::PATH);
    let bytes = res.bytes().await.unwrap();
    let read: S::Output = from_compact(&bytes).unwrap_or_else(|e| panic!("{}: {e}", S::PATH));
    if same {
        assert!(read == from_json, "{}: the compact answer differs from the JSON one", S::PATH);
        assert_eq!(to_compact(&from_json).unwrap(), bytes.to_vec(), "{}", S::PATH);
    }
    // The resource's way: the value the server computed, written into the page and read back.
    let written = to_compact(&from_json).unwrap();
    assert!(from_compact::<S::Output>(&written).unwrap() == from_json, "{}: not read back as written", S::PATH);
    from_json
}

#[tokio::test]
async fn every_page_of_the_demo_reads_the_same_in_the_compact_format_as_in_json() {
    use app::api::*;
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let year = chrono::Utc::now().format("%Y").to_string();
    for email in [
        "organisateur@cordon.test",
        "prefecture@cordon.test",
        "commissariat@cordon.test",
        "police-municipale@cordon.test",
        "securite@cordon.test",
    ] {
        let client = app.demo_client(email).await;
        let on_event = [("event_id", event.as_str())];
        both::<auth::Whoami>(&app, &client, &[]).await;
        let page = both::<events::GetPlan>(&app, &client, &on_event).await;
        assert!(!page.plan.deployments.is_empty(), "{email}: a real plan");
        both::<events::ListEvents>(&app, &client, &[]).await;
        both::<events::ListOrganiserChoices>(&app, &client, &[]).await;
        both::<convention::GetConvention>(&app, &client, &on_event).await;
        both::<evaluation::GetEvaluation>(&app, &client, &on_event).await;
        both::<releases::GetPublishing>(&app, &client, &on_event).await;
        both::<operations::GetOperations>(&app, &client, &on_event).await;
        both::<presence::GetPresence>(&app, &client, &on_event).await;
        both::<accounts::GetMobile>(&app, &client, &[]).await;
        both::<api_tokens::ListApiTokens>(&app, &client, &[]).await;
        for mine in both::<organisations::ListMyOrganisations>(&app, &client, &[]).await {
            both::<organisations::GetOrganisation>(&app, &client, &[("id", mine.organisation.id.as_str())]).await;
        }
        if email == "prefecture@cordon.test" {
            both::<registry::GetRegistry>(&app, &client, &[("year", year.as_str())]).await;
            both::<department_convention::GetDepartmentModel>(&app, &client, &[]).await;
            both::<rule_settings::GetRuleSettings>(&app, &client, &[]).await;
        }
        if email == "securite@cordon.test" {
            let company = page.access.own_participant_ids[0].clone();
            let ask = [("event_id", event.as_str()), ("participant_id", company.as_str())];
            let proposal = compare::<schedule::ProposeSchedule>(&app, &client, &ask, false).await;
            assert!(!proposal.proposal.agents.is_empty(), "a real proposal");
        }
    }
    let admin = app.demo_client("admin@cordon.test").await;
    both::<accounts::ListAccounts>(&app, &admin, &[]).await;
    both::<organisations::ListAllOrganisations>(&app, &admin, &[]).await;
    app.stop().await;
}

/// The events of a stream received within `wait`: (event, data).
async fn events(response: &mut reqwest::Response, wait: std::time::Duration) -> Vec<(String, String)> {
    let (mut buffer, mut out) = (String::new(), Vec::new());
    while let Ok(Ok(Some(bytes))) = tokio::time::timeout(wait, response.chunk()).await {
        buffer.push_str(&String::from_utf8_lossy(&bytes));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let field = |name: &str| block.lines().find_map(|l| l.strip_prefix(name)).map(str::to_string);
            if let (Some(event), Some(data)) = (field("event: "), field("data: ")) {
                out.push((event, data));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_live_stream_of_operations_reads_the_same_in_the_compact_format_as_in_json() {
    use app::api::operations::{AlertLine, LogLine};
    use app::api::presence::ZoneNowLine;
    use app::ui::codec::from_compact_text;
    let app = spawn_app(Backend::Sqlite).await;
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
    let event = id.as_str().unwrap().to_string();
    let police = app.demo_client("commissariat@cordon.test").await;
    let entry = [
        ("event_id", event.as_str()),
        ("zone_id", ""),
        ("category", "incident"),
        ("severity", "elevee"),
        ("register", "tous"),
        ("text", "Malaise « point info », secours engagés."),
        ("corrects", ""),
    ];
    assert_eq!(app.call(&police, "write_log_entry", &entry).await.0, 200);
    let alert =
        [("event_id", event.as_str()), ("target", "tous"), ("severity", "elevee"), ("text", "Évacuez le quai.")];
    assert_eq!(app.call(&police, "send_alert", &alert).await.0, 200);
    let mut read = Vec::new();
    for format in ["", "&format=compact"] {
        let url = format!("{}/evenements/{event}/operations/flux?depuis=0{format}", app.base);
        let mut response = police.get(url).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        read.push(events(&mut response, std::time::Duration::from_millis(1500)).await);
    }
    let (json, compact) = (&read[0], &read[1]);
    assert!(json.iter().any(|(event, _)| event == "entree"), "{json:?}");
    assert!(json.iter().any(|(event, _)| event == "alerte"), "{json:?}");
    assert_eq!(json.len(), compact.len(), "{json:?} {compact:?}");
    for ((event, text), (same, bytes)) in json.iter().zip(compact) {
        assert_eq!(event, same);
        match event.as_str() {
            "entree" => {
                assert_eq!(from_compact_text::<LogLine>(bytes).unwrap(), serde_json::from_str::<LogLine>(text).unwrap())
            }
            "alerte" => assert_eq!(
                from_compact_text::<AlertLine>(bytes).unwrap(),
                serde_json::from_str::<AlertLine>(text).unwrap()
            ),
            "presence" => assert_eq!(
                from_compact_text::<Vec<ZoneNowLine>>(bytes).unwrap(),
                serde_json::from_str::<Vec<ZoneNowLine>>(text).unwrap()
            ),
            other => panic!("unexpected event {other}"),
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn an_error_comes_compact_to_the_browser_and_in_json_to_a_caller_without_the_header() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let anonymous = app.client();
    let asked = |accept: &'static str| {
        anonymous
            .post(format!("{}/api/get_plan", app.base))
            .header("origin", &app.base)
            .header("accept", accept)
            .form(&[("event_id", event.as_str())])
            .send()
    };
    let res = asked(COMPACT).await.unwrap();
    assert_eq!((res.status().as_u16(), res.headers()["content-type"].to_str().unwrap()), (401, COMPACT));
    let bytes = res.bytes().await.unwrap();
    assert_eq!(from_compact::<app::error::AppError>(&bytes).unwrap(), app::error::AppError::NotSignedIn);
    let res = asked("application/json").await.unwrap();
    assert_eq!((res.status().as_u16(), res.headers()["content-type"].to_str().unwrap()), (401, "application/json"));
    assert_eq!(res.json::<serde_json::Value>().await.unwrap(), serde_json::json!("NotSignedIn"));
    let client = app.demo_client("organisateur@cordon.test").await;
    let (status, page, headers) = app.call(&client, "get_plan", &[("event_id", event.as_str())]).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/json");
    assert!(page["plan"]["deployments"]["id"].is_array(), "the page's deployments in columns (api::plan_wire)");
    app.stop().await;
}
