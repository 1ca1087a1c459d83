//! The JSON API v1 over HTTP: `GET`/`PUT /api/v1/events/{id}/plan` with personal API tokens —
//! the interface's access rules, restricted deployments, revocation, and refusals of absurd
//! or forbidden files, with nothing saved.

use std::collections::BTreeMap;

use crate::common::{spawn_app, Backend, TestApp};
use reqwest::header::HeaderMap;
use serde_json::{json, Value};

const RESTRICTED: &str = "Équipe en civil près du canal pendant le feu d’artifice";

/// A token created through the account page's server function, for a demo account.
pub async fn token_for(app: &TestApp, email: &str) -> String {
    let client = app.demo_client(email).await;
    let (status, body, _) = app.call(&client, "create_api_token", &[("name", "Script de test")]).await;
    assert_eq!(status, 200, "{body}");
    body.as_str().unwrap().to_string()
}

fn plan_url(app: &TestApp, event: &str) -> String {
    format!("{}/api/v1/events/{event}/plan", app.base)
}

pub async fn get(app: &TestApp, token: Option<&str>, event: &str) -> (u16, HeaderMap, String) {
    let mut request = app.client().get(plan_url(app, event));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let res = request.send().await.unwrap();
    (res.status().as_u16(), res.headers().clone(), res.text().await.unwrap())
}

/// A `PUT` by a client that read the plan just before: it sends the `ETag` it read.
async fn put(app: &TestApp, token: &str, event: &str, body: impl Into<reqwest::Body>) -> (u16, Value) {
    let (_, headers, _) = get(app, Some(token), event).await;
    let tag = headers.get("etag").map(|v| v.to_str().unwrap().to_string());
    put_based_on(app, token, event, body, tag.as_deref()).await
}

/// A `PUT` naming the version it was based on (`If-Match`), or none.
pub async fn put_based_on(
    app: &TestApp,
    token: &str,
    event: &str,
    body: impl Into<reqwest::Body>,
    if_match: Option<&str>,
) -> (u16, Value) {
    let mut request = app.client().put(plan_url(app, event)).bearer_auth(token).body(body);
    if let Some(tag) = if_match {
        request = request.header("if-match", tag);
    }
    let res = request.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// The plan file as a JSON value, to change it the way a script would.
pub async fn get_json(app: &TestApp, token: &str, event: &str) -> Value {
    let (status, _, body) = get(app, Some(token), event).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

pub fn to_file(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap()
}

async fn versions(app: &TestApp, event: &str) -> (i64, BTreeMap<String, i64>) {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    (stored.event_version, stored.versions)
}

fn index_of(file: &Value, section: &str, mission_or_name: &str) -> usize {
    file[section]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["mission"] == mission_or_name || r["name"] == mission_or_name)
        .unwrap_or_else(|| panic!("no {mission_or_name} in {section}"))
}

#[tokio::test]
async fn the_plan_reads_as_in_the_interface_with_restricted_deployments_for_the_state_only() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    for (email, sees_restricted) in [
        ("organisateur@cordon.test", false),
        ("commissariat@cordon.test", true),
        ("prefecture@cordon.test", true),
        ("securite@cordon.test", false),
    ] {
        let token = token_for(&app, email).await;
        let (status, headers, body) = get(&app, Some(&token), &event).await;
        assert_eq!(status, 200, "{email}: {body}");
        assert_eq!(headers["content-type"], "application/json; charset=utf-8");
        assert_eq!(body.contains("en civil"), sees_restricted, "{email}: no trace of it anywhere in the raw body");
        let user = app::store::users::find_by_email(&app.db, &app::domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap();
        let viewer = app::store::plans::viewer_of(&app.db, &user.id).await.unwrap();
        let access = app::domain::plan::event_access(
            &viewer,
            &stored.organiser_organisation_id,
            stored.plan.event.department().as_str(),
            &stored.plan.participants,
        )
        .unwrap();
        let expected =
            app::service::new_plans::plan_file(&app.db, &stored.plan.clone().as_read_by(&access)).await.unwrap();
        assert_eq!(body, expected, "{email}: the export's exact bytes");
        assert_eq!(
            body.contains("CAR-013"),
            email == "prefecture@cordon.test" || email == "securite@cordon.test",
            "{email}: CNAPS cards reach only the company and the prefecture"
        );
        assert_eq!(
            body.contains("CAR-083"),
            email == "prefecture@cordon.test",
            "{email}: another company's cards reach the prefecture only"
        );
        assert_eq!(
            body.contains(&app::text::agent_withheld("Azur Protection Services")),
            email == "securite@cordon.test",
            "{email}: another company reads neither names nor sex of Azur's agents"
        );
    }
    let police = token_for(&app, "commissariat@cordon.test").await;
    let file = get_json(&app, &police, &event).await;
    assert!(file["deployments"].as_array().unwrap().iter().any(|d| d["mission"] == RESTRICTED));
    app.stop().await;
}

#[tokio::test]
async fn a_missing_unknown_or_revoked_token_is_refused_and_revocation_takes_effect_at_once() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let (status, headers, body) = get(&app, None, &event).await;
    assert_eq!(status, 401);
    assert_eq!(headers["www-authenticate"], "Bearer realm=\"cordon\"");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), json!({"error": app::text::API_UNAUTHORISED}));
    assert_eq!(get(&app, Some("pas-un-jeton"), &event).await.0, 401);

    let client = app.demo_client("organisateur@cordon.test").await;
    let (_, token, _) = app.call(&client, "create_api_token", &[("name", "Export nocturne")]).await;
    let token = token.as_str().unwrap();
    assert_eq!(token.len(), 43, "256 random bits, URL-safe base64");
    let (_, listed, _) = app.call(&client, "list_api_tokens", &[]).await;
    assert_eq!(listed[0]["name"], "Export nocturne");
    assert_eq!(listed[0]["last_used"], Value::Null);
    assert!(!listed.to_string().contains(token), "the token is never listed again");

    assert_eq!(get(&app, Some(token), &event).await.0, 200);
    let (_, listed, _) = app.call(&client, "list_api_tokens", &[]).await;
    assert!(listed[0]["last_used"].as_str().unwrap().contains(" à "), "use recorded: {listed}");

    // Someone else cannot revoke it; its owner can, and it stops working at once.
    let other = app.demo_client("securite@cordon.test").await;
    let id = listed[0]["id"].as_str().unwrap();
    let (status, _, _) = app.call(&other, "revoke_api_token", &[("id", id)]).await;
    assert_eq!(status, 404);
    assert_eq!(get(&app, Some(token), &event).await.0, 200);
    let (status, _, _) = app.call(&client, "revoke_api_token", &[("id", id)]).await;
    assert_eq!(status, 200);
    assert_eq!(get(&app, Some(token), &event).await.0, 401);
    let (_, listed, _) = app.call(&client, "list_api_tokens", &[]).await;
    assert_eq!(listed, json!([]));
    app.stop().await;
}

#[tokio::test]
async fn a_blank_token_name_is_refused_on_its_field() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let client = app.demo_client("organisateur@cordon.test").await;
    let (status, body, _) = app.call(&client, "create_api_token", &[("name", "   ")]).await;
    assert_eq!((status, body), (422, json!({"Invalid": {"field": "name", "message": "Donnez un nom au jeton."}})));
    app.stop().await;
}

#[tokio::test]
async fn an_event_the_token_owner_has_no_access_to_is_not_found() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let arles = app.organisation("Comité des fêtes d’Arles", "organisateur").await;
    let user = app.user("arles@comite.test", "Organisateur d’Arles", false).await;
    app.member(&user, &arles, app::domain::MembershipRole::Admin).await;
    let client = app.client();
    app.sign_in(&client, "arles@comite.test").await;
    let (_, token, _) = app.call(&client, "create_api_token", &[("name", "Arles")]).await;
    let token = token.as_str().unwrap();
    let (status, _, body) = get(&app, Some(token), &event).await;
    assert_eq!((status, body.contains("Saint-Pierre")), (404, false));
    let organiser = token_for(&app, "organisateur@cordon.test").await;
    let file = get_json(&app, &organiser, &event).await;
    let (status, _) = put(&app, token, &event, to_file(&file)).await;
    assert_eq!(status, 404);
    assert_eq!(get(&app, Some(&organiser), "0c3060e1-7122-456c-887a-f0c0f8ffa464").await.0, 404);
    app.stop().await;
}

async fn the_organiser_adds_a_zone_and_nothing_else_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    let new_zone = "7b4a9a52-3c1e-4f7e-9a55-2d0c5b0e7f11";
    file["zones"].as_array_mut().unwrap().push(json!({
        "id": new_zone, "name": "Parvis de l’église", "kind": "enceinte", "public_road": false, "acces_enceinte": true,
        "address": null, "polygon": null
    }));
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!((status, body), (200, json!({"created": 1, "updated": 0, "deleted": 0})));
    let (event_version, mut after) = versions(&app, &event).await;
    assert_eq!(after.remove(new_zone), Some(1));
    assert_eq!((event_version, after), before, "no other version moved: the hidden restricted deployment included");
    let police = token_for(&app, "commissariat@cordon.test").await;
    let (_, _, body) = get(&app, Some(&police), &event).await;
    assert!(body.contains(RESTRICTED) && body.contains("Parvis de l’église"));

    // The same file again changes nothing.
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!((status, body), (200, json!({"created": 0, "updated": 0, "deleted": 0})));
    app.stop().await;
}

#[tokio::test]
async fn the_organiser_adds_a_zone_and_nothing_else_changes_on_sqlite() {
    the_organiser_adds_a_zone_and_nothing_else_changes(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_organiser_adds_a_zone_and_nothing_else_changes_on_postgres() {
    the_organiser_adds_a_zone_and_nothing_else_changes(Backend::Postgres).await;
}

#[tokio::test]
async fn a_security_company_changing_a_police_deployment_is_refused_at_its_path() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "securite@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    let police = index_of(&file, "deployments", "Patrouilles pédestres sur le quai (dimanche)");
    let own = index_of(&file, "deployments", "Filtrage et palpations à l’entrée nord");
    file["deployments"][police]["headcount"] = json!(1);
    file["deployments"][own]["headcount"] = json!(9);
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        json!({"errors": [{"path": format!("$.deployments[{police}]"), "message": "Vous ne pouvez pas modifier cet élément."}]})
    );
    assert_eq!(versions(&app, &event).await, before, "nothing saved, not even its own change");

    // Its own change alone goes through, and the police's restricted deployment stays.
    file["deployments"][police]["headcount"] = json!(4);
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!((status, body), (200, json!({"created": 0, "updated": 1, "deleted": 0})));
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    assert!(stored.plan.deployments.iter().any(|d| d.mission() == RESTRICTED));
    let changed = stored.plan.deployments.iter().find(|d| d.mission() == "Filtrage et palpations à l’entrée nord");
    assert_eq!(changed.unwrap().headcount(), 9);
    app.stop().await;
}

#[tokio::test]
async fn a_security_company_may_neither_add_a_zone_nor_delete_another_participants_deployment() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "securite@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let removed = file["deployments"][index_of(&file, "deployments", "Fermeture et régulation du pont levant")].clone();
    let deployments = file["deployments"].as_array_mut().unwrap();
    deployments.retain(|d| d != &removed);
    let zones = file["zones"].as_array_mut().unwrap();
    zones.push(json!({"id": "7b4a9a52-3c1e-4f7e-9a55-2d0c5b0e7f11", "name": "Zone pirate", "kind": "autre",
        "public_road": false, "acces_enceinte": false, "address": null, "polygon": null}));
    let last_zone = zones.len() - 1;
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!(status, 422);
    let removed_id = removed["id"].as_str().unwrap();
    assert_eq!(
        body["errors"],
        json!([
            {"path": format!("$.zones[{last_zone}]"), "message": "Vous ne pouvez pas ajouter cet élément."},
            {"path": "$.deployments", "message": app::text::api_cannot_delete(removed_id)},
        ])
    );
    app.stop().await;
}

#[tokio::test]
async fn an_event_ending_before_it_starts_is_refused_with_the_error_listed() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    file["event"]["window"]["end"] = json!("2027-06-25T08:00:00Z");
    file["event"]["time_zone"] = json!("Europe/Marseille");
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!(status, 422);
    let paths: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"$.event.window.end"), "{body}");
    assert!(paths.contains(&"$.event.time_zone"), "{body}");
    assert_eq!(versions(&app, &event).await, before);
    app.stop().await;
}

#[tokio::test]
async fn a_file_for_another_event_is_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    file["event"]["id"] = json!("0c3060e1-7122-456c-887a-f0c0f8ffa464");
    let (status, body) = put(&app, &token, &event, to_file(&file)).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["path"], "$.event.id");
    app.stop().await;
}

#[tokio::test]
async fn a_50_mb_body_is_refused_with_413_before_it_is_read() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let (status, body) = put(&app, &token, &event, vec![b' '; 50 * 1024 * 1024]).await;
    assert_eq!((status, body), (413, json!({"error": app::text::API_TOO_LARGE})));
    app.stop().await;
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_refused_with_422() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let (status, body) = put(&app, &token, &event, b"{\"format\": \"cordon-plan/1\xff\"}".to_vec()).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["path"], "$");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("UTF-8"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn without_javascript_no_token_is_created_since_it_could_not_be_shown() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let client = app.demo_client("organisateur@cordon.test").await;
    let res = client
        .post(format!("{}/api/create_api_token", app.base))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", format!("{}/compte", app.base))
        .form(&[("name", "Sans JavaScript")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let location = res.headers().get("location").unwrap().to_str().unwrap().to_string();
    assert!(location.contains("__err="), "{location}");
    let page = client.get(&location).header("accept", "text/html").send().await.unwrap().text().await.unwrap();
    assert!(page.contains("activez JavaScript pour en créer un"), "the refusal is shown on the page");
    let (_, listed, _) = app.call(&client, "list_api_tokens", &[]).await;
    assert_eq!(listed, json!([]));
    app.stop().await;
}
