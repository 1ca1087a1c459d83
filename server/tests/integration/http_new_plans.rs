//! Plans that become new events over HTTP: a plan file imported through the JSON API
//! (`POST /api/v1/events`: a preview that writes nothing, a copy under new ids, and the
//! refusals), and « Reconduire l'événement » (the `next_edition` server function).

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};
use crate::http_api_v1::{get, token_for};

const RESTRICTED: &str = "Équipe en civil près du canal pendant le feu d’artifice";

async fn post(app: &TestApp, token: Option<&str>, query: &str, body: Vec<u8>) -> (u16, Value) {
    let mut request = app.client().post(format!("{}/api/v1/events{query}", app.base)).body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let res = request.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn event_count(app: &TestApp) -> usize {
    app::store::plan_io::all_events(&app.db).await.unwrap().len()
}

async fn the_organiser_previews_then_imports_its_plan_again_as_a_copy(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let (_, _, file) = get(&app, Some(&token), &event).await;

    let (status, preview) = post(&app, Some(&token), "?preview=true&copy=true", file.clone().into_bytes()).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["imported"], false);
    let organisations = preview["organisations"].as_array().unwrap();
    assert_eq!(organisations.len(), 6);
    assert!(organisations.iter().all(|o| o["by"] == "same_id" && o["local_id"] == o["file_id"]), "{preview}");
    assert_eq!(event_count(&app).await, 1, "a preview writes nothing");

    let (status, refused) = post(&app, Some(&token), "", file.clone().into_bytes()).await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["errors"][0]["path"], "$.event.id");
    assert!(refused["errors"][0]["message"].as_str().unwrap().contains("?copy=true"), "{refused}");

    let (status, made) = post(&app, Some(&token), "?copy=true", file.into_bytes()).await;
    assert_eq!(status, 201, "{made}");
    let copy = made["event_id"].as_str().unwrap().to_string();
    assert_ne!(copy, event);
    assert_eq!(event_count(&app).await, 2);
    let stored = app::store::plans::load_plan(&app.db, &copy).await.unwrap().unwrap();
    assert!(
        stored.plan.deployments.iter().all(|d| d.mission() != RESTRICTED),
        "the organiser copied what it reads: no restricted deployment"
    );
    let (status, _, body) = get(&app, Some(&token), &copy).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn the_organiser_previews_then_imports_its_plan_again_as_a_copy_on_sqlite() {
    the_organiser_previews_then_imports_its_plan_again_as_a_copy(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_organiser_previews_then_imports_its_plan_again_as_a_copy_on_postgres() {
    the_organiser_previews_then_imports_its_plan_again_as_a_copy(Backend::Postgres).await;
}

#[tokio::test]
async fn only_a_member_of_the_plans_organiser_imports_it_and_a_bad_file_is_refused_whole() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = token_for(&app, "organisateur@cordon.test").await;
    let company = token_for(&app, "securite@cordon.test").await;
    let (_, _, file) = get(&app, Some(&organiser), &event).await;

    let (status, body) = post(&app, None, "?copy=true", file.clone().into_bytes()).await;
    assert_eq!(status, 401, "{body}");
    let (status, body) = post(&app, Some(&company), "?copy=true", file.clone().into_bytes()).await;
    assert_eq!(status, 403, "{body}");
    assert!(body["error"].as_str().unwrap().starts_with("Vous n’êtes pas membre de l’organisation qui organise"));

    // An organiser's file naming a company's agents and a restricted police deployment: the
    // organiser brings in neither (they are the company's to name, the police's to read).
    let mut crafted: Value = serde_json::from_str(&file).unwrap();
    let company_participant = crafted["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Provence Sécurité Événements")
        .unwrap()["id"]
        .clone();
    crafted["agents"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "0a1b2c3d-0000-4000-8000-000000000001", "participant_id": company_participant,
        "display_name": "Agent inventé", "qualifications": ["cqp_aps"], "sex": null,
        "cnaps_card": null, "availability": []
    }));
    let first = crafted["deployments"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["participant_id"] == company_participant)
        .unwrap();
    first["agent_ids"] = serde_json::json!(["0a1b2c3d-0000-4000-8000-000000000001"]);
    first["visibility"] = "restricted".into();
    let (status, made) = post(&app, Some(&organiser), "?copy=true", serde_json::to_vec(&crafted).unwrap()).await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["agents"], 0, "{made}");
    let before: Vec<Value> = serde_json::from_str::<Value>(&file).unwrap()["deployments"].as_array().unwrap().clone();
    assert_eq!(made["deployments"].as_u64().unwrap() as usize, before.len() - 1, "the restricted one left out");
    let stored = app::store::plans::load_plan(&app.db, made["event_id"].as_str().unwrap()).await.unwrap().unwrap();
    assert!(stored.plan.agents.is_empty() && stored.plan.deployments.iter().all(|d| d.agent_ids().is_empty()));

    let mut broken: Value = serde_json::from_str(&file).unwrap();
    broken["organisations"][0]["siret"] = "123".into();
    broken["organisations"][0]["cnaps_authorisation"] = Value::Null;
    broken["organisations"][0]["commune_code"] = Value::Null;
    broken["organisations"][0]["department"] = Value::Null;
    let (status, body) = post(&app, Some(&organiser), "?copy=true", serde_json::to_vec(&broken).unwrap()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["path"], "$.organisations[0].siret");
    assert_eq!(event_count(&app).await, 2, "nothing imported but the crafted copy");
    app.stop().await;
}

#[tokio::test]
async fn next_years_edition_is_made_by_the_organiser_only_as_a_draft_of_what_it_reads() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let form = [("event_id", event.as_str()), ("start", "2028-06-24T10:00")];
    let (status, body, _) = app.call(&company, "next_edition", &form).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(event_count(&app).await, 1);

    let organiser = app.demo_client("organisateur@cordon.test").await;
    let skipped = [("event_id", event.as_str()), ("start", "2028-03-26T02:30")];
    let (status, body, _) = app.call(&organiser, "next_edition", &skipped).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "start");
    assert_eq!(body["Invalid"]["message"], "Cette heure n'existe pas ce jour-là (passage à l'heure d'été).");

    let (status, id, _) = app.call(&organiser, "next_edition", &form).await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_str().unwrap();
    let old = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap().plan;
    let new = app::store::plans::load_plan(&app.db, id).await.unwrap().unwrap().plan;
    assert_eq!(new.event.name(), old.event.name().replace("2027", "2028"));
    assert!(new.event.legal().orders.is_empty());
    assert!(new.deployments.iter().all(|d| d.mission() != RESTRICTED), "the organiser does not read it");
    assert_eq!(new.deployments.len() + 1, old.deployments.len(), "every other deployment, the restricted one left out");
    assert_eq!(new.participants.len(), old.participants.len());
    // A company's agents are the company's to name: none is copied by the organiser, and the
    // company's deployments keep their headcount without naming anyone.
    let organisers: Vec<&str> = new
        .participants
        .iter()
        .filter(|p| p.role() == app::domain::plan::ParticipantRole::Organisateur)
        .map(|p| p.id())
        .collect();
    assert!(old.agents.iter().any(|a| !organisers.contains(&a.participant_id())), "the demo names a company's agents");
    assert!(new.agents.iter().all(|a| organisers.contains(&a.participant_id())), "no other participant's agent copied");
    assert!(new
        .deployments
        .iter()
        .filter(|d| !organisers.contains(&d.participant_id()))
        .all(|d| d.agent_ids().is_empty()));
    assert_eq!(
        new.deployments.iter().map(|d| d.staffed_headcount()).sum::<u32>(),
        old.deployments.iter().filter(|d| d.mission() != RESTRICTED).map(|d| d.staffed_headcount()).sum::<u32>(),
        "every deployment keeps its headcount"
    );
    assert!(app::store::releases::latest_number(&app.db, id).await.unwrap().is_none(), "nothing published yet");
    app.stop().await;
}

/// The ids of the deployments `client` reads as still to confirm on the plan page of `event`,
/// and those of them it may change.
async fn to_confirm(app: &TestApp, client: &reqwest::Client, event: &str) -> (Vec<String>, Vec<String>) {
    let (status, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    let ids: Vec<String> =
        page["to_confirm"].as_array().unwrap().iter().map(|id| id.as_str().unwrap().to_string()).collect();
    let own: Vec<&str> =
        page["access"]["own_participant_ids"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    let mine = crate::common::deployments(&page)
        .into_iter()
        .filter(|d| ids.iter().any(|id| d["id"] == id.as_str()) && own.contains(&d["participant_id"].as_str().unwrap()))
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    (ids, mine)
}

async fn last_years_deployments_stay_out_of_every_release_until_their_participant_confirms_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let demo = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;
    let (status, id, _) =
        app.call(&organiser, "next_edition", &[("event_id", demo.as_str()), ("start", "2028-06-24T10:00")]).await;
    assert_eq!(status, 200, "{id}");
    let event = id.as_str().unwrap().to_string();
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let all: std::collections::BTreeSet<String> = stored.plan.deployments.iter().map(|d| d.id().to_string()).collect();
    assert_eq!(stored.to_confirm, all, "every deployment taken from last year is to confirm");

    // Each participant is told of its own; the organiser, on the publication block, of each one's.
    let (company_reads, company_own) = to_confirm(&app, &company, &event).await;
    assert!(!company_own.is_empty());
    assert!(company_reads.iter().all(|id| all.contains(id)));
    let (_, organiser_own) = to_confirm(&app, &organiser, &event).await;
    assert!(!organiser_own.is_empty() && organiser_own.iter().all(|id| !company_own.contains(id)));
    let (status, publishing, _) = app.call(&organiser, "get_publishing", &[("event_id", event.as_str())]).await;
    assert_eq!(status, 200, "{publishing}");
    let lines: Vec<&str> = publishing["unconfirmed"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    let company_line = format!("Provence Sécurité Événements : {} déploiements à confirmer", company_own.len());
    assert!(lines.contains(&company_line.as_str()), "{lines:?}");

    // The organiser confirms its own: the company's stay to confirm.
    let (status, count, _) = app.call(&organiser, "confirm_deployments", &[("event_id", event.as_str())]).await;
    assert_eq!((status, count.as_u64()), (200, Some(organiser_own.len() as u64)), "{count}");
    let (status, body, _) = app.call(&organiser, "confirm_deployments", &[("event_id", event.as_str())]).await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some("Aucun de vos déploiements ne reste à confirmer.")));
    assert_eq!(to_confirm(&app, &company, &event).await.1, company_own);

    // Publishing leaves out what is still to confirm: no calendar receives last year's.
    let publish = |comment: &'static str| {
        let (app, organiser, event) = (&app, organiser.clone(), event.clone());
        async move {
            let (status, body, _) =
                app.call(&organiser, "publish_release", &[("event_id", event.as_str()), ("comment", comment)]).await;
            assert_eq!(status, 200, "{body}");
            let number = app::store::releases::latest_number(&app.db, &event).await.unwrap().unwrap();
            let release = app::store::releases::get(&app.db, &event, number).await.unwrap().unwrap();
            release.plan().deployments.iter().map(|d| d.id().to_string()).collect::<Vec<_>>()
        }
    };
    let published = publish("v1").await;
    assert_eq!(published, organiser_own, "the organiser's only: the others' are not published yet");

    // The company confirms its own; changing one through the form would have confirmed it too.
    let (status, count, _) = app.call(&company, "confirm_deployments", &[("event_id", event.as_str())]).await;
    assert_eq!((status, count.as_u64()), (200, Some(company_own.len() as u64)), "{count}");
    let left = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap().to_confirm;
    assert_eq!(left.len(), all.len() - organiser_own.len() - company_own.len(), "the police's still to confirm");
    let mut published = publish("v2").await;
    let mut confirmed = [organiser_own, company_own].concat();
    published.sort();
    confirmed.sort();
    assert_eq!(published, confirmed, "everything confirmed is published, nothing else");
    app.stop().await;
}

#[tokio::test]
async fn last_years_deployments_stay_out_of_every_release_until_their_participant_confirms_them_on_sqlite() {
    last_years_deployments_stay_out_of_every_release_until_their_participant_confirms_them(Backend::Sqlite).await;
}

#[tokio::test]
async fn last_years_deployments_stay_out_of_every_release_until_their_participant_confirms_them_on_postgres() {
    last_years_deployments_stay_out_of_every_release_until_their_participant_confirms_them(Backend::Postgres).await;
}
