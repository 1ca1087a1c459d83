//! The prefect's orders a plan relies on, recorded by the organiser through the plan page's
//! form (`add_order`, `remove_order`): each with its number, date, validity and zones, read by
//! the compliance rules only where and when it applies. Refusals are tested as well as
//! successes.

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};

async fn page(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    assert_eq!(status, 200);
    page
}

fn zone_id(page: &Value, name: &str) -> String {
    page["plan"]["zones"].as_array().unwrap().iter().find(|z| z["name"] == name).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn codes(page: &Value) -> Vec<String> {
    page["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_organiser_records_an_order_for_the_quay_and_the_public_road_finding_goes_away() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let before = page(&app, &organiser, &event).await;
    let version = before["event_version"].as_i64().unwrap().to_string();
    let quay = zone_id(&before, "Quai Brescon");

    // A date that is not a date is refused beside its field, and nothing is saved.
    let bad = [
        ("event_id", event.as_str()),
        ("version", version.as_str()),
        ("kind", "voie_publique_l613_1"),
        ("number", "13-2027-06-0190"),
        ("signed_on", "11 juin"),
        ("valid_from", ""),
        ("valid_until", ""),
        ("zone_ids[]", quay.as_str()),
    ];
    let (status, body, _) = app.call(&organiser, "add_order", &bad).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("signed_on")));
    // An end before the start is refused at the end.
    let backwards = [
        ("event_id", event.as_str()),
        ("version", version.as_str()),
        ("kind", "voie_publique_l613_1"),
        ("number", "13-2027-06-0190"),
        ("signed_on", "2027-06-11"),
        ("valid_from", "2027-06-27T10:00"),
        ("valid_until", "2027-06-26T10:00"),
        ("zone_ids[]", quay.as_str()),
    ];
    let (status, body, _) = app.call(&organiser, "add_order", &backwards).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("valid_until")));
    // A zone of another event is refused.
    let stranger = [
        ("event_id", event.as_str()),
        ("version", version.as_str()),
        ("kind", "voie_publique_l613_1"),
        ("number", "13-2027-06-0190"),
        ("signed_on", ""),
        ("valid_from", ""),
        ("valid_until", ""),
        ("zone_ids[]", "00000000-0000-4000-8000-000000000099"),
    ];
    let (status, body, _) = app.call(&organiser, "add_order", &stranger).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("zone_ids")));
    assert_eq!(page(&app, &organiser, &event).await["event_version"], before["event_version"]);

    let good = [
        ("event_id", event.as_str()),
        ("version", version.as_str()),
        ("kind", "voie_publique_l613_1"),
        ("number", "13-2027-06-0190"),
        ("signed_on", "2027-06-11"),
        ("valid_from", "2027-06-25T00:00"),
        ("valid_until", "2027-06-29T00:00"),
        ("zone_ids[]", quay.as_str()),
    ];
    let (status, _, _) = app.call(&organiser, "add_order", &good).await;
    assert_eq!(status, 200);
    let after = page(&app, &organiser, &event).await;
    let orders = after["plan"]["event"]["legal"]["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2);
    assert!(orders.iter().any(|o| o["number"] == "13-2027-06-0190"
        && o["signed_on"] == "2027-06-11"
        && o["zone_ids"] == serde_json::json!([quay])));
    // The same version again is stale: nothing is recorded twice.
    let (status, _, _) = app.call(&organiser, "add_order", &good).await;
    assert_eq!(status, 409);

    // Removing it, at the new version.
    let version = after["event_version"].as_i64().unwrap().to_string();
    let index = orders.iter().position(|o| o["number"] == "13-2027-06-0190").unwrap().to_string();
    let remove = [("event_id", event.as_str()), ("version", version.as_str()), ("index", index.as_str())];
    let (status, _, _) = app.call(&organiser, "remove_order", &remove).await;
    assert_eq!(status, 200);
    assert_eq!(page(&app, &organiser, &event).await["plan"]["event"]["legal"]["orders"].as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_security_company_may_not_record_or_remove_an_order() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let version = page(&app, &organiser, &event).await["event_version"].as_i64().unwrap().to_string();
    let company = app.demo_client("securite@cordon.test").await;
    let form = [
        ("event_id", event.as_str()),
        ("version", version.as_str()),
        ("kind", "palpation_l613_2"),
        ("number", "13-2027-06-0999"),
        ("signed_on", ""),
        ("valid_from", ""),
        ("valid_until", ""),
    ];
    let (status, body, _) = app.call(&company, "add_order", &form).await;
    assert_eq!(status, 422);
    assert!(body["Refused"].is_string(), "{body}");
    let remove = [("event_id", event.as_str()), ("version", version.as_str()), ("index", "0")];
    let (status, body, _) = app.call(&company, "remove_order", &remove).await;
    assert_eq!(status, 422);
    assert!(body["Refused"].is_string(), "{body}");
    let orders = page(&app, &organiser, &event).await["plan"]["event"]["legal"]["orders"].clone();
    assert_eq!(orders.as_array().unwrap().len(), 1, "the demo's order is untouched");
    app.stop().await;
}

#[tokio::test]
async fn removing_the_pat_down_order_makes_the_entrances_pat_downs_unlawful_on_the_plan_page() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let before = page(&app, &organiser, &event).await;
    assert!(!codes(&before).contains(&"palpation_sans_base_legale".to_string()), "{:?}", codes(&before));
    let version = before["event_version"].as_i64().unwrap().to_string();
    let remove = [("event_id", event.as_str()), ("version", version.as_str()), ("index", "0")];
    let (status, _, _) = app.call(&organiser, "remove_order", &remove).await;
    assert_eq!(status, 200);
    let after = page(&app, &organiser, &event).await;
    assert!(codes(&after).contains(&"palpation_sans_base_legale".to_string()), "{:?}", codes(&after));
    app.stop().await;
}
