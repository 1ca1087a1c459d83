//! One authority for every rule, tried as an attacker holding a demo account would: rights
//! come from what an organisation is, never from a role typed into the plan; every write
//! names its version and the kind of record it touches; a calendar link follows its
//! creator; what a reader is refused tells nothing of what it may not read. Each case is a
//! regression test of a hole found through one door (docs/security.md).

use crate::common::{spawn_app, Backend, TestApp};
use crate::http_api_v1::{get, get_json, put_based_on, to_file, token_for};
use serde_json::{json, Value};

const RESTRICTED: &str = "Équipe en civil près du canal pendant le feu d’artifice";

async fn versions(app: &TestApp, event: &str) -> (i64, std::collections::BTreeMap<String, i64>) {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    (stored.event_version, stored.versions)
}

fn participant_index(file: &Value, role: &str) -> usize {
    file["participants"].as_array().unwrap().iter().position(|p| p["role"] == role).unwrap()
}

/// The `ETag` the reader got with its last `GET`.
async fn tag(app: &TestApp, token: &str, event: &str) -> String {
    let (_, headers, _) = get(app, Some(token), event).await;
    headers["etag"].to_str().unwrap().to_string()
}

async fn sends(app: &TestApp, token: &str, event: &str, file: &Value) -> (u16, Value) {
    let tag = tag(app, token, event).await;
    put_based_on(app, token, event, to_file(file), Some(&tag)).await
}

async fn organiser_grants_itself(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    let own = participant_index(&file, "organisateur");
    let organisation = file["participants"][own]["organisation_id"].clone();
    let mut second = file["participants"][own].clone();
    second["id"] = json!("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");
    second["role"] = json!("prefecture");
    second["organisation_id"] = organisation;
    file["participants"].as_array_mut().unwrap().push(second);
    let (status, body) = sends(&app, &token, &event, &file).await;
    assert_eq!(status, 422, "{body}");
    let messages = body.to_string();
    assert!(messages.contains(app::text::ALREADY_PARTICIPANT), "{messages}");
    assert_eq!(versions(&app, &event).await, before, "nothing saved");
    let (_, _, body) = get(&app, Some(&token), &event).await;
    assert!(!body.contains(RESTRICTED) && !body.contains("CAR-013"), "still neither restricted nor cards");
    app.stop().await;
}

#[tokio::test]
async fn an_organiser_cannot_add_itself_as_the_prefecture_through_the_api_on_sqlite() {
    organiser_grants_itself(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_organiser_cannot_add_itself_as_the_prefecture_through_the_api_on_postgres() {
    organiser_grants_itself(Backend::Postgres).await;
}

#[tokio::test]
async fn an_organiser_retyping_its_own_participant_as_a_state_force_is_refused_at_the_role() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let own = participant_index(&file, "organisateur");
    file["participants"][own]["role"] = json!("force_etat");
    let (status, body) = sends(&app, &token, &event, &file).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["path"], format!("$.participants[{own}].role"));
    app.stop().await;
}

#[tokio::test]
async fn an_organiser_cannot_move_a_companys_participant_to_its_own_organisation() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    let own = participant_index(&file, "organisateur");
    let company = participant_index(&file, "securite_privee");
    file["participants"][company]["organisation_id"] = file["participants"][own]["organisation_id"].clone();
    let (status, body) = sends(&app, &token, &event, &file).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains(app::text::PARTICIPANT_ORGANISATION_FIXED), "{body}");
    assert_eq!(versions(&app, &event).await, before);
    app.stop().await;
}

#[tokio::test]
async fn a_plan_sent_without_the_version_it_was_read_at_is_refused_and_nothing_is_saved() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let token = token_for(&app, "organisateur@cordon.test").await;
    let mut file = get_json(&app, &token, &event).await;
    let before = versions(&app, &event).await;
    file["event"]["name"] = json!("Fête renommée");
    for blank in [None, Some(""), Some("  ")] {
        let (status, body) = put_based_on(&app, &token, &event, to_file(&file), blank).await;
        assert_eq!((status, body["errors"][0]["message"].as_str()), (422, Some(app::text::API_VERSION_REQUIRED)));
    }
    assert_eq!(versions(&app, &event).await, before);
    app.stop().await;
}

#[tokio::test]
async fn a_plan_sent_on_an_outdated_version_is_refused_with_409_and_the_newer_change_stays() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = token_for(&app, "organisateur@cordon.test").await;
    let seen = tag(&app, &organiser, &event).await;
    let mut file = get_json(&app, &organiser, &event).await;
    // The company changes one of its deployments meanwhile, through the API too.
    let company = token_for(&app, "securite@cordon.test").await;
    let mut theirs = get_json(&app, &company, &event).await;
    let mine = theirs["deployments"]
        .as_array()
        .unwrap()
        .iter()
        .position(|d| d["mission"] == "Filtrage et palpations à l’entrée nord")
        .unwrap();
    theirs["deployments"][mine]["headcount"] = json!(9);
    assert_eq!(sends(&app, &company, &event, &theirs).await.0, 200);
    file["event"]["name"] = json!("Fête renommée");
    let (status, _) = put_based_on(&app, &organiser, &event, to_file(&file), Some(&seen)).await;
    assert_eq!(status, 409);
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    assert_ne!(stored.plan.event.name(), "Fête renommée");
    app.stop().await;
}

#[tokio::test]
async fn a_restricted_change_does_not_move_the_tag_a_company_reads() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = token_for(&app, "securite@cordon.test").await;
    let before = tag(&app, &company, &event).await;
    let police = token_for(&app, "commissariat@cordon.test").await;
    let mut file = get_json(&app, &police, &event).await;
    let hidden = file["deployments"].as_array().unwrap().iter().position(|d| d["mission"] == RESTRICTED).unwrap();
    file["deployments"][hidden]["headcount"] = json!(5);
    assert_eq!(sends(&app, &police, &event, &file).await.0, 200);
    assert_eq!(tag(&app, &company, &event).await, before, "the tag tells nothing of what the company may not read");
    app.stop().await;
}

async fn plan_page(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page
}

#[tokio::test]
async fn a_zone_saved_with_a_deployments_id_changes_nothing_and_the_event_stays_readable() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan_page(&app, &organiser, &event).await;
    let own = page["access"]["own_participant_ids"][0].as_str().unwrap();
    let deployment = crate::common::deployments(&page).into_iter().find(|d| d["participant_id"] == own).unwrap();
    let id = deployment["id"].as_str().unwrap();
    let version = page["versions"][id].as_i64().unwrap().to_string();
    let before = versions(&app, &event).await;
    let form = [
        ("event_id", event.as_str()),
        ("id", id),
        ("version", version.as_str()),
        ("name", "Zone pirate"),
        ("kind", "autre"),
        ("address", ""),
    ];
    let (status, _, _) = app.call(&organiser, "save_zone", &form).await;
    assert_eq!(status, 404);
    assert_eq!(versions(&app, &event).await, before);
    for email in ["organisateur@cordon.test", "securite@cordon.test", "prefecture@cordon.test"] {
        let client = app.demo_client(email).await;
        plan_page(&app, &client, &event).await;
    }
    app.stop().await;
}

#[tokio::test]
async fn a_save_or_a_removal_without_its_version_is_refused_at_the_version_and_nothing_changes() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan_page(&app, &organiser, &event).await;
    let zone = &page["plan"]["zones"][0];
    let id = zone["id"].as_str().unwrap();
    let before = versions(&app, &event).await;
    for version in ["", "   ", "abc"] {
        let form = [
            ("event_id", event.as_str()),
            ("id", id),
            ("version", version),
            ("name", "Nom écrasé"),
            ("kind", zone["kind"].as_str().unwrap()),
            ("address", ""),
        ];
        let (status, body, _) = app.call(&organiser, "save_zone", &form).await;
        assert_eq!(status, 422);
        assert_eq!(body, json!({"Invalid": {"field": "version", "message": app::text::VERSION_REQUIRED}}));
        let need = page["plan"]["needs"][0]["id"].as_str().unwrap();
        let (status, _, _) =
            app.call(&organiser, "delete_record", &[("event_id", &event), ("id", need), ("version", version)]).await;
        assert_eq!(status, 422);
    }
    assert_eq!(versions(&app, &event).await, before);
    app.stop().await;
}

#[tokio::test]
async fn an_organiser_adding_a_company_in_the_state_force_role_is_refused_at_the_role() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let extra = app.organisation("Sûreté Méditerranée", "securite_privee").await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let form = [
        ("event_id", event.as_str()),
        ("organisation_id", extra.as_str()),
        ("role", "force_etat"),
        ("contact_name", "Paul"),
        ("contact_phone", "06 00 00 00 00"),
    ];
    let (status, body, _) = app.call(&organiser, "add_participant", &form).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "role");
    let (status, _, _) = app
        .call(&organiser, "add_participant", &[form[0], form[1], ("role", "securite_privee"), form[3], form[4]])
        .await;
    assert_eq!(status, 200);
    app.stop().await;
}

/// Rewrites a stored participant's role as an old database could hold it.
async fn retype_participant(app: &TestApp, event: &str, from: &str, to: &str) {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    let participant = stored.plan.participants.iter().find(|p| p.role().code() == from).unwrap();
    let data = serde_json::to_string(participant).unwrap().replace(&format!("\"{from}\""), &format!("\"{to}\""));
    sqlx::query("UPDATE plan_records SET data = $1 WHERE id = $2")
        .bind(data)
        .bind(participant.id().to_string())
        .execute(&app.db.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_security_company_typed_as_a_state_force_still_reads_no_restricted_deployment() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    retype_participant(&app, &event, "securite_privee", "force_etat").await;
    let token = token_for(&app, "securite@cordon.test").await;
    let (status, _, body) = get(&app, Some(&token), &event).await;
    assert_eq!(status, 200);
    assert!(!body.contains(RESTRICTED), "rights come from what the organisation is");
    let company = app.demo_client("securite@cordon.test").await;
    assert!(!plan_page(&app, &company, &event).await.to_string().contains(RESTRICTED));
    app.stop().await;
}

async fn publish(app: &TestApp, event: &str) {
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (status, body, _) = app.call(&organiser, "publish_release", &[("event_id", event), ("comment", "v1")]).await;
    assert_eq!(status, 200, "{body}");
}

/// A feed link made by `client`, as the path to poll.
async fn feed_path(app: &TestApp, client: &reqwest::Client, event: &str, scope: &str) -> String {
    let (status, body, _) = app.call(client, "create_feed", &[("event_id", event), ("scope", scope)]).await;
    assert_eq!(status, 200, "{body}");
    let https = body["https"].as_str().unwrap();
    https[https.find("/flux/").unwrap()..].to_string()
}

async fn poll(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.client().get(format!("{}{path}", app.base)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn feed_follows_its_creator(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = app.demo().await;
    publish(&app, &event).await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let path = feed_path(&app, &police, &event, "event").await;
    let (status, body) = poll(&app, &path).await;
    assert_eq!(status, 200);
    assert!(body.contains("en civil"), "the State force's link carries the restricted deployment");

    // The police station is retyped as a private company by the platform: the link stops.
    sqlx::query("UPDATE organisations SET kind = 'securite_privee' WHERE name = 'Commissariat de police de Martigues'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    app::store::releases::announce(&app.db).await;
    assert_eq!(poll(&app, &path).await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn a_calendar_link_stops_when_its_creators_organisation_loses_the_rights_on_sqlite() {
    feed_follows_its_creator(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_calendar_link_stops_when_its_creators_organisation_loses_the_rights_on_postgres() {
    feed_follows_its_creator(Backend::Postgres).await;
}

#[tokio::test]
async fn a_calendar_link_stops_when_its_creator_leaves_the_organisation() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    publish(&app, &event).await;
    let company = app.demo_client("securite@cordon.test").await;
    let mine =
        plan_page(&app, &company, &event).await["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let path = feed_path(&app, &company, &event, &format!("participant:{mine}")).await;
    assert_eq!(poll(&app, &path).await.0, 200);
    let (user, organisation): (String, String) = sqlx::query_as(
        "SELECT m.user_id, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE u.email = 'securite@cordon.test'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    // A second admin, so that the company keeps one when the first leaves.
    let other = app.user("adjointe@provence.test", "Adjointe", false).await;
    app.member(&other, &organisation, app::domain::MembershipRole::Admin).await;
    app::store::memberships::remove(&app.db, &user, &organisation, false, ("test", crate::common::now()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(poll(&app, &path).await.0, 404, "at once, without waiting for the lookup to expire");
    app.stop().await;
}

#[tokio::test]
async fn a_calendar_link_stops_at_once_when_its_creators_account_is_disabled_and_serves_again_after() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    publish(&app, &event).await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let path = feed_path(&app, &police, &event, "event").await;
    assert_eq!(poll(&app, &path).await.0, 200);
    let user: String = sqlx::query_scalar("SELECT id FROM users WHERE email = 'commissariat@cordon.test'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(app::store::users::disable(&app.db, &user, "test", crate::common::now()).await.unwrap());
    assert_eq!(poll(&app, &path).await.0, 404);
    assert!(app::store::users::enable(&app.db, &user, "test", crate::common::now()).await.unwrap());
    assert_eq!(poll(&app, &path).await.0, 200, "re-enabled, the account's rights are back");
    app.stop().await;
}

#[tokio::test]
async fn an_organisation_admin_sees_and_revokes_a_members_link_and_a_stranger_cannot() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    publish(&app, &event).await;
    let police_org: String = sqlx::query_scalar("SELECT id FROM organisations WHERE kind = 'police_nationale'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let officer = app.user("agent@police.test", "Brigadier Durand", false).await;
    app.member(&officer, &police_org, app::domain::MembershipRole::Member).await;
    let member = app.client();
    app.sign_in(&member, "agent@police.test").await;
    let path = feed_path(&app, &member, &event, "event").await;

    let (_, page, _) =
        app.call(&app.demo_client("securite@cordon.test").await, "get_publishing", &[("event_id", &event)]).await;
    assert_eq!(page["feeds"], json!([]), "another organisation's links are not listed");
    let admin = app.demo_client("commissariat@cordon.test").await;
    let (_, page, _) = app.call(&admin, "get_publishing", &[("event_id", &event)]).await;
    let link = page["feeds"].as_array().unwrap().iter().find(|f| f["creator"] == "Brigadier Durand").unwrap();
    let id = link["id"].as_str().unwrap();
    let company = app.demo_client("securite@cordon.test").await;
    let (status, _, _) = app.call(&company, "revoke_feed", &[("event_id", &event), ("id", id)]).await;
    assert_eq!(status, 404, "a stranger cannot revoke it");
    assert_eq!(poll(&app, &path).await.0, 200);
    let (status, _, _) = app.call(&admin, "revoke_feed", &[("event_id", &event), ("id", id)]).await;
    assert_eq!(status, 200);
    assert_eq!(poll(&app, &path).await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn a_company_previewing_a_competitors_card_number_learns_nothing_of_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let azur = stored.plan.participants.iter().find(|p| p.name() == "Azur Protection Services").unwrap();
    let card = stored
        .plan
        .agents
        .iter()
        .filter(|a| a.participant_id() == azur.id())
        .find_map(|a| a.cnaps_card())
        .expect("an Azur agent holds a card")
        .number()
        .to_string();
    let company = app.demo_client("securite@cordon.test").await;
    let mine =
        plan_page(&app, &company, &event).await["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let csv = format!("nom;carte_professionnelle;expiration;qualifications\nLéa P.;{card};31/12/2030;CQP APS\n");
    let (status, body, _) = app
        .call(&company, "preview_agents_csv", &[("event_id", &event), ("participant_id", &mine), ("csv", &csv)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["rows"][0]["errors"], json!([]), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn a_company_saving_over_a_restricted_deployments_id_is_told_it_does_not_exist_like_any_unknown_id() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let hidden = stored.plan.deployments.iter().find(|d| d.mission() == RESTRICTED).unwrap().id().to_string();
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan_page(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let zone = stored.plan.zones[0].id().to_string();
    let before = versions(&app, &event).await;
    for (id, version) in [(hidden.as_str(), ""), (hidden.as_str(), "1"), ("00000000-0000-4000-8000-00000000dead", "")] {
        let form = [
            ("event_id", event.as_str()),
            ("id", id),
            ("version", version),
            ("participant_id", mine.as_str()),
            ("zone_id", zone.as_str()),
            ("start", "2027-06-26T19:00"),
            ("end", "2027-06-26T23:00"),
            ("headcount", "2"),
            ("category", "surveillance"),
            ("mission", "Surveillance"),
            ("radio", ""),
        ];
        let (status, body, _) = app.call(&company, "save_deployment", &form).await;
        assert_eq!(status, 404, "id {id}, version «{version}»: {body}");
        assert!(!body.to_string().contains("participant"), "{body}");
    }
    assert_eq!(versions(&app, &event).await, before, "nothing saved");
    app.stop().await;
}

#[tokio::test]
async fn every_write_of_a_plan_leaves_an_audit_entry_naming_who_and_what_and_nothing_on_a_refusal() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let chain = app::store::plans::plan_chain(&event);
    let entries = |app: &TestApp| {
        let chain = chain.clone();
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_as::<_, (String, String, String)>(
                "SELECT actor, kind, payload FROM audit_entries WHERE chain = $1 ORDER BY seq",
            )
            .bind(chain)
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(entries(&app).await.len(), 1, "the demo's import");
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan_page(&app, &organiser, &event).await;
    let zone = &page["plan"]["zones"][0];
    let id = zone["id"].as_str().unwrap();
    let version = page["versions"][id].as_i64().unwrap().to_string();
    let form = [
        ("event_id", event.as_str()),
        ("id", id),
        ("version", version.as_str()),
        ("name", "Quai renommé"),
        ("kind", zone["kind"].as_str().unwrap()),
        ("address", ""),
    ];
    assert_eq!(app.call(&organiser, "save_zone", &form).await.0, 200);
    assert_eq!(app.call(&organiser, "save_zone", &form).await.0, 409, "the same version again is stale");
    let company = app.demo_client("securite@cordon.test").await;
    assert_eq!(app.call(&company, "save_zone", &form).await.0, 422);
    let written = entries(&app).await;
    assert_eq!(written.len(), 2, "one entry for the one write: {written:?}");
    let user: String = sqlx::query_scalar("SELECT id FROM users WHERE email = 'organisateur@cordon.test'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!((written[1].0.as_str(), written[1].1.as_str()), (user.as_str(), "plan.update.zone"));
    assert!(written[1].2.contains(id) && !written[1].2.contains("Quai renommé"), "the record, not its content");
    let chain_entries = app::store::conventions::chain(&app.db, &chain).await.unwrap();
    assert_eq!(app::domain::convention::verify(&chain_entries), Ok(()));
    app.stop().await;
}

#[tokio::test]
async fn a_link_made_by_the_command_line_is_the_operators_and_serves_until_revoked() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    publish(&app, &event).await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", app.database_url())
        .env("CORDON_BASE_URL", &app.base)
        .env(
            "CORDON_COMMUNES_FILE",
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(cordon_server::config::DEFAULT_COMMUNES_FILE),
        )
        .args(["feed", "token", "--event", &event, "--all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let path = link[link.find("/flux/").unwrap()..].to_string();
    let (status, body) = poll(&app, &path).await;
    assert_eq!(status, 200);
    assert!(!body.contains("en civil"), "made without --restricted");
    app.stop().await;
}
