//! HTTP tests of event plans: who sees which event, restricted deployments, edits by the
//! right participant only, and no lost update.

mod common;

use common::{spawn_app, Backend};
use serde_json::{json, Value};

fn deployment_missions(page: &Value) -> Vec<String> {
    page["plan"]["deployments"].as_array().unwrap().iter().map(|d| d["mission"].as_str().unwrap().to_string()).collect()
}

const RESTRICTED: &str = "Équipe en civil près du canal pendant le feu d’artifice";

#[tokio::test]
async fn restricted_deployments_reach_state_forces_and_the_prefecture_but_no_one_else() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    for (email, sees) in [
        ("commissariat@cordon.test", true),
        ("prefecture@cordon.test", true),
        ("organisateur@cordon.test", false),
        ("securite@cordon.test", false),
        ("police-municipale@cordon.test", false),
    ] {
        let client = app.demo_client(email).await;
        let (status, page, _) = app.call(&client, "get_plan", &[("event_id", &event)]).await;
        assert_eq!(status, 200, "{email}");
        let missions = deployment_missions(&page);
        assert_eq!(missions.iter().any(|m| m == RESTRICTED), sees, "{email}");
        assert_eq!(page.to_string().contains("en civil"), sees, "{email}: no trace of it anywhere in the answer");
    }
    app.stop().await;
}

#[tokio::test]
async fn an_organiser_of_another_event_reads_nothing_of_this_one() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let other_org = app.organisation("Comité des fêtes d’Arles", "organisateur").await;
    let other = app.user("arles@comite.test", "Organisateur d’Arles", false).await;
    app.member(&other, &other_org, app::domain::MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "arles@comite.test").await;
    let (status, body, _) = app.call(&client, "get_plan", &[("event_id", &event)]).await;
    assert_eq!((status, body), (404, json!("NotFound")));
    let (_, list, _) = app.call(&client, "list_events", &[]).await;
    assert_eq!(list, json!([]));
    let form = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("name", "Intrusion"),
        ("kind", "autre"),
        ("address", ""),
    ];
    let (status, _, _) = app.call(&client, "save_zone", &form).await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn a_prefecture_of_another_department_does_not_see_the_event() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let vaucluse = app.organisation("Préfecture de Vaucluse", "prefecture").await;
    sqlx_update_department(&app, &vaucluse, "84").await;
    let agent = app.user("instructeur@vaucluse.test", "Instructeur", false).await;
    app.member(&agent, &vaucluse, app::domain::MembershipRole::Member).await;
    let client = app.client();
    app.sign_in(&client, "instructeur@vaucluse.test").await;
    let (status, _, _) = app.call(&client, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn sqlx_update_department(app: &common::TestApp, organisation: &str, department: &str) {
    sqlx::query("UPDATE organisations SET department = $1 WHERE id = $2")
        .bind(department)
        .bind(organisation)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

fn deployment_form<'a>(
    event: &'a str,
    id: &'a str,
    version: &'a str,
    participant: &'a str,
    zone: &'a str,
    headcount: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("event_id", event),
        ("id", id),
        ("version", version),
        ("participant_id", participant),
        ("zone_id", zone),
        ("start", "2027-06-26T10:00"),
        ("end", "2027-06-26T18:00"),
        ("headcount", headcount),
        ("category", "filtrage"),
        ("mission", "Filtrage et palpations à l’entrée nord"),
        ("radio", "Canal 1"),
    ]
}

#[tokio::test]
async fn two_people_editing_the_same_deployment_cannot_overwrite_each_other() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let first = app.demo_client("securite@cordon.test").await;
    let (_, page, _) = app.call(&first, "get_plan", &[("event_id", &event)]).await;
    let deployment = page["plan"]["deployments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["mission"] == "Filtrage et palpations à l’entrée nord")
        .unwrap()
        .clone();
    let id = deployment["id"].as_str().unwrap();
    let version = page["versions"][id].as_i64().unwrap().to_string();
    let participant = deployment["participant_id"].as_str().unwrap();
    let zone = deployment["zone_id"].as_str().unwrap();

    // Both opened the form at the same version; the first save wins.
    let (status, _, _) =
        app.call(&first, "save_deployment", &deployment_form(&event, id, &version, participant, zone, "7")).await;
    assert_eq!(status, 200);
    let (status, body, _) =
        app.call(&first, "save_deployment", &deployment_form(&event, id, &version, participant, zone, "5")).await;
    assert_eq!(status, 409);
    let message = body["Stale"]["message"].as_str().unwrap();
    assert!(message.starts_with("Quelqu’un a modifié cet élément entre-temps"), "{message}");
    assert!(message.contains("7 agent(s)"), "the newer values are shown: {message}");
    let (_, page, _) = app.call(&first, "get_plan", &[("event_id", &event)]).await;
    let saved = page["plan"]["deployments"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap().clone();
    assert_eq!(saved["headcount"], 7);
    app.stop().await;
}

#[tokio::test]
async fn a_participant_edits_only_its_own_deployments() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let municipal = app.demo_client("police-municipale@cordon.test").await;
    let (_, page, _) = app.call(&municipal, "get_plan", &[("event_id", &event)]).await;
    let theirs = page["plan"]["deployments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["mission"] == "Filtrage et palpations à l’entrée nord")
        .unwrap()
        .clone();
    let id = theirs["id"].as_str().unwrap();
    let version = page["versions"][id].as_i64().unwrap().to_string();
    let zone = theirs["zone_id"].as_str().unwrap();
    let participant = theirs["participant_id"].as_str().unwrap();
    let (status, body, _) =
        app.call(&municipal, "save_deployment", &deployment_form(&event, id, &version, participant, zone, "1")).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "participant_id");
    app.stop().await;
}

#[tokio::test]
async fn a_need_ending_before_it_starts_is_refused_on_its_end_field_and_nothing_is_saved() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    let needs_before = page["plan"]["needs"].as_array().unwrap().len();
    let zone = page["plan"]["zones"][0]["id"].as_str().unwrap().to_string();
    let form = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("zone_id", zone.as_str()),
        ("start", "2027-06-26T23:30"),
        ("end", "2027-06-26T18:00"),
        ("qualification", "palpation"),
        ("min", "6"),
        ("max", ""),
        ("priority", "1"),
        ("min_women", "2"),
        ("min_men", "0"),
    ];
    let (status, body, _) = app.call(&organiser, "save_need", &form).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"], json!({"field": "end", "message": "La fin doit être postérieure au début."}));
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(page["plan"]["needs"].as_array().unwrap().len(), needs_before);

    // A security company may not add needs at all.
    let company = app.demo_client("securite@cordon.test").await;
    let mut ok = form;
    ok[4] = ("start", "2027-06-26T18:00");
    ok[5] = ("end", "2027-06-26T23:30");
    let (status, body, _) = app.call(&company, "save_need", &ok).await;
    assert_eq!((status, body), (422, json!({"Refused": "Seul l’organisateur de l’événement peut modifier cela."})));
    let (status, _, _) = app.call(&organiser, "save_need", &ok).await;
    assert_eq!(status, 200);
    app.stop().await;
}

#[tokio::test]
async fn the_demo_festival_shows_its_gaps_to_the_organiser() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(page["plan"]["zones"].as_array().unwrap().len(), 10);
    assert_eq!(page["plan"]["agents"].as_array().unwrap().len(), 40);
    assert!(page["organiser"].as_bool().unwrap());
    let gaps = page["coverage"]["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty() && gaps.len() < 10, "a few visible gaps: {}", gaps.len());
    assert_eq!(page["coverage"]["double_bookings"], json!([]));
    assert_eq!(page["coverage"]["outside_event"], json!([]));
    app.stop().await;
}

#[tokio::test]
async fn an_event_takes_place_in_a_commune_of_the_official_list_and_gets_its_name_and_time_zone() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (_, choices, _) = app.call(&organiser, "list_organiser_choices", &[]).await;
    let organisation = choices[0]["id"].as_str().unwrap().to_string();
    let form = |commune: &'static str| {
        vec![
            ("organisation_id", organisation.clone()),
            ("name", "Marché de Noël".to_string()),
            ("kind", "marche".to_string()),
            ("commune_code", commune.to_string()),
            ("address", "Place des Aires".to_string()),
            ("start", "2027-12-11T10:00".to_string()),
            ("end", "2027-12-11T20:00".to_string()),
            ("expected_attendance", "3000".to_string()),
            ("behaviour", "debout".to_string()),
        ]
    };
    let as_pairs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let unknown = as_pairs(&form("13999"));
    let unknown: Vec<(&str, &str)> = unknown.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&organiser, "create_event", &unknown).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "commune_code");
    let reunion = as_pairs(&form("97411"));
    let reunion: Vec<(&str, &str)> = reunion.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, id, _) = app.call(&organiser, "create_event", &reunion).await;
    assert_eq!(status, 200, "{id}");
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", id.as_str().unwrap())]).await;
    assert_eq!(page["plan"]["event"]["commune_name"], "Saint-Denis");
    assert_eq!(page["time_zone"], "Indian/Reunion");
    // 10:00 in La Réunion (UTC+4) is 06:00 UTC.
    assert_eq!(page["plan"]["event"]["window"]["start"], 1_828_504_800_000i64);

    // A security company cannot create events.
    let company = app.demo_client("securite@cordon.test").await;
    let (status, body, _) = app.call(&company, "create_event", &reunion).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "organisation_id");
    app.stop().await;
}
