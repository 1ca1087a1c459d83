//! HTTP tests of the plan edits beyond saving: removing records (by who may, not while
//! something depends on them, never on an outdated version), one agent at a time, and the
//! participants' roles and contacts.

use crate::common::{spawn_app, Backend, TestApp};
use serde_json::Value;

async fn plan(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    assert_eq!(status, 200);
    crate::common::with_deployments_as_records(page)
}

fn records<'a>(page: &'a Value, list: &str) -> &'a Vec<Value> {
    page["plan"][list].as_array().unwrap()
}

fn version(page: &Value, id: &str) -> String {
    page["versions"][id].as_i64().unwrap().to_string()
}

fn str_of<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field].as_str().unwrap()
}

async fn remove(app: &TestApp, client: &reqwest::Client, event: &str, id: &str, version: &str) -> (u16, Value) {
    let (status, body, _) =
        app.call(client, "delete_record", &[("event_id", event), ("id", id), ("version", version)]).await;
    (status, body)
}

#[tokio::test]
async fn the_organiser_removes_a_need_and_it_is_gone_for_everyone() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan(&app, &organiser, &event).await;
    let before = records(&page, "needs").len();
    let need = str_of(&records(&page, "needs")[0], "id").to_string();
    let (status, _) = remove(&app, &organiser, &event, &need, &version(&page, &need)).await;
    assert_eq!(status, 200);
    let company = app.demo_client("securite@cordon.test").await;
    let after = plan(&app, &company, &event).await;
    assert_eq!(records(&after, "needs").len(), before - 1);
    assert!(records(&after, "needs").iter().all(|n| n["id"] != need.as_str()));
    app.stop().await;
}

#[tokio::test]
async fn a_zone_still_holding_needs_and_deployments_is_not_removed_and_the_organiser_is_told_why() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan(&app, &organiser, &event).await;
    let zone = records(&page, "zones").iter().find(|z| z["name"] == "Entrée Nord").unwrap();
    let id = str_of(zone, "id");
    let needs = records(&page, "needs").iter().filter(|n| n["zone_id"] == id).count();
    let (status, body) = remove(&app, &organiser, &event, id, &version(&page, id)).await;
    assert_eq!(status, 422);
    let message = body["Refused"].as_str().unwrap();
    assert!(message.starts_with("Suppression impossible."), "{message}");
    assert!(message.contains(&app::text::removal_needs(needs)), "{message}");
    let after = plan(&app, &organiser, &event).await;
    assert!(records(&after, "zones").iter().any(|z| z["id"] == id), "the zone is still there");
    app.stop().await;
}

#[tokio::test]
async fn a_removal_based_on_an_outdated_version_is_refused_and_the_record_stays() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let deployment = records(&page, "deployments").iter().find(|d| d["participant_id"] == mine.as_str()).unwrap();
    let id = str_of(deployment, "id");
    let seen = version(&page, id);
    // Someone else saves it first (same company, another member's form).
    let form = [
        ("event_id", event.as_str()),
        ("id", id),
        ("version", seen.as_str()),
        ("participant_id", mine.as_str()),
        ("zone_id", str_of(deployment, "zone_id")),
        ("start", "2027-06-26T10:00"),
        ("end", "2027-06-26T18:00"),
        ("headcount", "9"),
        ("category", str_of(deployment, "category")),
        ("mission", str_of(deployment, "mission")),
        ("radio", ""),
    ];
    let (status, _, _) = app.call(&company, "save_deployment", &form).await;
    assert_eq!(status, 200);
    let (status, body) = remove(&app, &company, &event, id, &seen).await;
    assert_eq!(status, 409);
    assert_eq!(body["Stale"]["message"], app::text::STALE_REMOVAL);
    let after = plan(&app, &company, &event).await;
    assert!(records(&after, "deployments").iter().any(|d| d["id"] == id));
    app.stop().await;
}

#[tokio::test]
async fn a_company_removes_its_own_deployment_but_neither_anothers_nor_the_organisers_need() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let deployments = records(&page, "deployments");
    let own = str_of(deployments.iter().find(|d| d["participant_id"] == mine.as_str()).unwrap(), "id").to_string();
    let other = str_of(deployments.iter().find(|d| d["participant_id"] != mine.as_str()).unwrap(), "id").to_string();
    let need = str_of(&records(&page, "needs")[0], "id").to_string();

    // The page gives no version of what the company may not change: it sends the first.
    assert!(page["versions"].get(&other).is_none() && page["versions"].get(&need).is_none());
    let (status, body) = remove(&app, &company, &event, &other, "1").await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::API_CANNOT_EDIT)));
    let (status, body) = remove(&app, &company, &event, &need, "1").await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::ORGANISER_ONLY)));
    let (status, _) = remove(&app, &company, &event, &own, &version(&page, &own)).await;
    assert_eq!(status, 200);

    let after = plan(&app, &company, &event).await;
    let ids: Vec<&str> = records(&after, "deployments").iter().map(|d| str_of(d, "id")).collect();
    assert!(!ids.contains(&own.as_str()) && ids.contains(&other.as_str()));
    assert!(records(&after, "needs").iter().any(|n| n["id"] == need.as_str()));
    app.stop().await;
}

#[tokio::test]
async fn a_private_company_cannot_even_learn_that_a_restricted_deployment_exists_by_removing_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let police = app.demo_client("commissariat@cordon.test").await;
    let page = plan(&app, &police, &event).await;
    let restricted =
        records(&page, "deployments").iter().find(|d| d["visibility"] == "restricted").expect("the demo has one");
    let id = str_of(restricted, "id");
    let company = app.demo_client("securite@cordon.test").await;
    let (unknown_status, unknown) = remove(&app, &company, &event, "00000000-0000-4000-8000-00000000dead", "1").await;
    let (status, body) = remove(&app, &company, &event, id, &version(&page, id)).await;
    assert_eq!((status, &body), (unknown_status, &unknown), "the same answer as for an id that does not exist");
    assert_eq!(status, 404);
    let after = plan(&app, &police, &event).await;
    assert!(records(&after, "deployments").iter().any(|d| d["id"] == id));
    app.stop().await;
}

#[tokio::test]
async fn the_organiser_cannot_leave_its_own_event_nor_remove_a_participant_with_deployments() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan(&app, &organiser, &event).await;
    let own = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let (status, body) = remove(&app, &organiser, &event, &own, &version(&page, &own)).await;
    assert_eq!(status, 422);
    assert!(body["Refused"].as_str().unwrap().contains(app::text::REMOVAL_ORGANISER));
    let company = str_of(records(&page, "participants").iter().find(|p| p["role"] == "securite_privee").unwrap(), "id")
        .to_string();
    let (status, body) = remove(&app, &organiser, &event, &company, &version(&page, &company)).await;
    assert_eq!(status, 422);
    assert!(body["Refused"].as_str().unwrap().contains("déploiements en dépendent"), "{body}");
    app.stop().await;
}

fn agent_form<'a>(
    event: &'a str,
    id: &'a str,
    version: &'a str,
    participant: &'a str,
    name: &'a str,
    expires: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("event_id", event),
        ("id", id),
        ("version", version),
        ("participant_id", participant),
        ("display_name", name),
        ("qualifications[]", "cqp_aps"),
        ("qualifications[]", "palpation"),
        ("sex", "femme"),
        ("cnaps_number", "CAR-013-2031-05-02-20260001234"),
        ("cnaps_expires", expires),
    ]
}

#[tokio::test]
async fn a_company_adds_one_agent_then_changes_and_removes_it() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let (status, body, _) =
        app.call(&company, "save_agent", &agent_form(&event, "", "", &mine, "Inès Morel", "2031-05-02")).await;
    assert_eq!(status, 200, "{body}");
    let page = plan(&app, &company, &event).await;
    let agent = records(&page, "agents").iter().find(|a| a["display_name"] == "Inès Morel").unwrap().clone();
    assert_eq!(agent["sex"], "femme");
    assert_eq!(agent["qualifications"], serde_json::json!(["cqp_aps", "palpation"]));
    assert_eq!(agent["cnaps_card"]["number"], "CAR-013-2031-05-02-20260001234");
    let id = str_of(&agent, "id").to_string();

    let (status, _, _) = app
        .call(
            &company,
            "save_agent",
            &agent_form(&event, &id, &version(&page, &id), &mine, "Inès Morel-Dupont", "2031-05-02"),
        )
        .await;
    assert_eq!(status, 200);
    let page = plan(&app, &company, &event).await;
    assert!(records(&page, "agents").iter().any(|a| a["display_name"] == "Inès Morel-Dupont"));

    let (status, _) = remove(&app, &company, &event, &id, &version(&page, &id)).await;
    assert_eq!(status, 200);
    let page = plan(&app, &company, &event).await;
    assert!(records(&page, "agents").iter().all(|a| a["id"] != id.as_str()));
    app.stop().await;
}

#[tokio::test]
async fn an_agent_with_an_expired_card_or_for_another_organisation_is_refused_and_nothing_is_saved() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let agents = records(&page, "agents").len();
    let (status, body, _) =
        app.call(&company, "save_agent", &agent_form(&event, "", "", &mine, "Inès Morel", "2020-01-31")).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "cnaps_expires");
    assert_eq!(body["Invalid"]["message"], app::text::CARD_EXPIRED);
    let (status, body, _) =
        app.call(&company, "save_agent", &agent_form(&event, "", "", &mine, "Inès Morel", "31/02/2031")).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("cnaps_expires")));

    let police =
        str_of(records(&page, "participants").iter().find(|p| p["role"] == "police_municipale").unwrap(), "id")
            .to_string();
    let (status, body, _) =
        app.call(&company, "save_agent", &agent_form(&event, "", "", &police, "Inès Morel", "2031-05-02")).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("participant_id")));

    // Another participant's agent cannot be changed either.
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let theirs = stored.plan.agents.iter().find(|a| a.participant_id() != mine).expect("another company's agent");
    let (status, _, _) =
        app.call(&company, "save_agent", &agent_form(&event, theirs.id(), "1", &mine, "Piraté", "2031-05-02")).await;
    assert_eq!(status, 422);
    let after = plan(&app, &company, &event).await;
    assert_eq!(records(&after, "agents").len(), agents);
    app.stop().await;
}

#[tokio::test]
async fn a_participant_changes_its_own_contact_but_only_the_organiser_changes_roles() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let form = |version: &str, role: &str, phone: &str| {
        vec![
            ("event_id".to_string(), event.clone()),
            ("id".to_string(), mine.clone()),
            ("version".to_string(), version.to_string()),
            ("role".to_string(), role.to_string()),
            ("contact_name".to_string(), "Karim Haddad".to_string()),
            ("contact_phone".to_string(), phone.to_string()),
        ]
    };
    let call = |f: Vec<(String, String)>| {
        let app = &app;
        let company = &company;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.call(company, "update_participant", &pairs).await
        }
    };
    // The company asks for another role: its contact changes, its role does not.
    let (status, _, _) = call(form(&version(&page, &mine), "force_etat", "06 12 34 56 78")).await;
    assert_eq!(status, 200);
    let page = plan(&app, &company, &event).await;
    let me = records(&page, "participants").iter().find(|p| p["id"] == mine.as_str()).unwrap();
    assert_eq!((me["role"].as_str(), me["contact_phone"].as_str()), (Some("securite_privee"), Some("06 12 34 56 78")));

    // The municipal police may not touch the company's contact.
    let municipal = app.demo_client("police-municipale@cordon.test").await;
    let pairs = form(&version(&page, &mine), "securite_privee", "00 00 00 00 00");
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, _, _) = app.call(&municipal, "update_participant", &pairs).await;
    assert_eq!(status, 422);

    // The organiser changes roles, but only to one the organisation's kind allows: a
    // security company stays a security company.
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let pairs = form(&version(&page, &mine), "autre", "06 12 34 56 78");
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, body, _) = app.call(&organiser, "update_participant", &pairs).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("role")), "{body}");
    let page = plan(&app, &organiser, &event).await;
    let me = records(&page, "participants").iter().find(|p| p["id"] == mine.as_str()).unwrap();
    assert_eq!(me["role"], "securite_privee");

    // A fire service (« autre ») joins as secours and may be changed to autre.
    let sdis = app.organisation("SDIS des Bouches-du-Rhône", "autre").await;
    let add = [
        ("event_id", event.as_str()),
        ("organisation_id", sdis.as_str()),
        ("role", ""),
        ("contact_name", "Lucie"),
        ("contact_phone", ""),
    ];
    assert_eq!(app.call(&organiser, "add_participant", &add).await.0, 200);
    let page = plan(&app, &organiser, &event).await;
    let fire = records(&page, "participants").iter().find(|p| p["organisation_id"] == sdis.as_str()).unwrap();
    assert_eq!(fire["role"], "secours", "the default role of its kind");
    let id = str_of(fire, "id").to_string();
    let seen = version(&page, &id);
    let pairs = [
        ("event_id", event.as_str()),
        ("id", id.as_str()),
        ("version", seen.as_str()),
        ("role", "autre"),
        ("contact_name", "Lucie"),
        ("contact_phone", ""),
    ];
    assert_eq!(app.call(&organiser, "update_participant", &pairs).await.0, 200);
    app.stop().await;
}

#[tokio::test]
async fn the_plan_page_carries_only_the_readers_own_agents_and_the_same_gaps_for_everyone() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let read = |email: &'static str| {
        let app = &app;
        let event = event.clone();
        async move {
            let client = app.demo_client(email).await;
            plan(app, &client, &event).await
        }
    };
    let company = read("securite@cordon.test").await;
    let mine = company["access"]["own_participant_ids"][0].as_str().unwrap();
    assert_eq!(records(&company, "agents").len(), 24, "Provence's own 24 agents");
    assert!(records(&company, "agents").iter().all(|a| a["participant_id"] == mine));
    for email in ["organisateur@cordon.test", "prefecture@cordon.test", "commissariat@cordon.test"] {
        assert_eq!(records(&read(email).await, "agents").len(), 0, "{email} has no agents of its own");
    }
    // The reduced agents change nothing to the shortfalls each reader is shown.
    let organiser = read("organisateur@cordon.test").await;
    assert_eq!(company["coverage"], organiser["coverage"]);
    assert!(!organiser["coverage"]["sex_gaps"].as_array().unwrap().is_empty());
    app.stop().await;
}

fn rules(page: &Value) -> Vec<String> {
    page["findings"].as_array().unwrap().iter().map(|f| str_of(f, "rule").to_string()).collect()
}

#[tokio::test]
async fn private_agents_on_a_public_road_raise_a_blocking_finding_that_only_concerned_readers_get() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    assert!(!rules(&page).contains(&"voie_publique_sans_autorisation".to_string()));
    let quay = str_of(records(&page, "zones").iter().find(|z| z["name"] == "Quai Brescon").unwrap(), "id").to_string();
    let form = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("participant_id", mine.as_str()),
        ("zone_id", quay.as_str()),
        ("start", "2027-06-26T19:00"),
        ("end", "2027-06-26T23:00"),
        ("headcount", "2"),
        ("category", "surveillance"),
        ("mission", "Surveillance du quai"),
        ("radio", ""),
    ];
    let (status, _, _) = app.call(&company, "save_deployment", &form).await;
    assert_eq!(status, 200);
    let page = plan(&app, &company, &event).await;
    let finding = page["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "voie_publique_sans_autorisation")
        .expect("the finding")
        .clone();
    assert_eq!(finding["severity"], "bloquant");
    assert_eq!(finding["reference"], "CSI L613-1 al. 2");
    assert_eq!(finding["zone_ids"], serde_json::json!([quay]));
    // A company reads only the findings about itself; the organiser and the prefecture all.
    assert!(page["findings"].as_array().unwrap().iter().all(|f| f["participant_ids"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == mine.as_str())));
    for email in ["organisateur@cordon.test", "prefecture@cordon.test"] {
        let client = app.demo_client(email).await;
        let seen = rules(&plan(&app, &client, &event).await);
        assert!(seen.contains(&"voie_publique_sans_autorisation".to_string()), "{email}: {seen:?}");
        assert!(seen.len() > 1, "{email} also reads the event-wide findings: {seen:?}");
    }
    let municipal = app.demo_client("police-municipale@cordon.test").await;
    assert!(!rules(&plan(&app, &municipal, &event).await).contains(&"voie_publique_sans_autorisation".to_string()));
    app.stop().await;
}

#[tokio::test]
async fn the_prefecture_switches_a_rule_off_for_its_department_with_a_reason_and_the_plan_follows() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert!(rules(&plan(&app, &organiser, &event).await).contains(&"stewards_insuffisants".to_string()));
    let form = |enabled: Option<&'static str>, parameters: &'static str, reason: &'static str| {
        let mut f = vec![
            ("rule", "stewards_insuffisants"),
            ("severity", "avertissement"),
            ("parameters", parameters),
            ("reason", reason),
        ];
        if let Some(e) = enabled {
            f.push(("enabled", e));
        }
        f
    };
    // Only a prefecture adapts rules, always with a reason and valid parameters.
    let (status, _, _) = app.call(&organiser, "save_rule_setting", &form(None, "", "Pas ici")).await;
    assert_eq!(status, 403);
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let (status, body, _) = app.call(&prefecture, "save_rule_setting", &form(None, "", " ")).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("reason")));
    let (status, body, _) = app.call(&prefecture, "save_rule_setting", &form(None, "inconnu=3", "Essai")).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &Value::from("parameters")));

    let (status, body, _) = app
        .call(&prefecture, "save_rule_setting", &form(None, "", "Stewards bénévoles du comité comptés à part"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(!rules(&plan(&app, &organiser, &event).await).contains(&"stewards_insuffisants".to_string()));
    let (_, page, _) = app.call(&prefecture, "get_rule_settings", &[]).await;
    assert_eq!(page["department"], "13");
    assert_eq!(page["versions"], 1);
    let rule = page["rules"].as_array().unwrap().iter().find(|r| r["code"] == "stewards_insuffisants").unwrap();
    assert_eq!(
        (rule["enabled"].as_bool(), rule["reason"].as_str()),
        (Some(false), Some("Stewards bénévoles du comité comptés à part"))
    );
    app.stop().await;
}

/// The codes of `findings` (a JSON list of findings).
fn codes(findings: &Value) -> Vec<String> {
    findings.as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_preview_of_a_deployment_being_typed_finds_what_the_save_then_finds_and_tells_strangers_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let road = records(&page, "zones").iter().find(|z| z["public_road"] == true).expect("a zone on the public road");
    let form = |participant: &str| -> Vec<(String, String)> {
        [
            ("event_id", event.as_str()),
            ("id", ""),
            ("version", ""),
            ("participant_id", participant),
            ("zone_id", road["id"].as_str().unwrap()),
            ("start", "2027-06-26T18:00"),
            ("end", "2027-06-26T23:00"),
            ("headcount", "2"),
            ("category", "filtrage"),
            ("mission", "Filtrage sur l’avenue"),
            ("radio", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    };
    let preview = |client: reqwest::Client, values: Vec<(String, String)>| {
        let (app, event) = (&app, event.clone());
        async move {
            let json = serde_json::to_string(&values).unwrap();
            app.call(&client, "preview_deployment", &[("event_id", event.as_str()), ("form", json.as_str())]).await
        }
    };
    let (status, previewed, _) = preview(company.clone(), form(&mine)).await;
    assert_eq!(status, 200, "{previewed}");
    let previewed = codes(&previewed);
    assert!(previewed.contains(&"voie_publique_sans_autorisation".to_string()), "{previewed:?}");

    // Saved, the deployment is found the same by the plan page's checks.
    let owned = form(&mine);
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, body, _) = app.call(&company, "save_deployment", &pairs).await;
    assert_eq!(status, 200, "{body}");
    let after = plan(&app, &company, &event).await;
    let saved = records(&after, "deployments")
        .iter()
        .find(|d| d["mission"] == "Filtrage sur l’avenue")
        .map(|d| str_of(d, "id").to_string())
        .unwrap();
    let mut found: Vec<String> = after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["deployment_ids"].as_array().unwrap().iter().any(|d| d == saved.as_str()))
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    found.sort();
    let mut previewed = previewed;
    previewed.sort();
    assert_eq!(previewed, found, "the preview finds what the save finds");

    // A deployment of another participant is previewed for nobody but its own; an incomplete
    // form gives no preview; a stranger to the event learns nothing.
    let police = page["plan"]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["role"] == "force_etat")
        .map(|p| str_of(p, "id").to_string())
        .unwrap();
    let (status, theirs, _) = preview(company.clone(), form(&police)).await;
    assert_eq!((status, theirs), (200, Value::Null));
    let mut incomplete = form(&mine);
    incomplete.retain(|(k, _)| k != "end");
    let (status, none, _) = preview(company.clone(), incomplete).await;
    assert_eq!((status, none), (200, Value::Null));
    let stranger = app.client();
    app.user("inconnu@example.test", "Inconnu", false).await;
    app.sign_in(&stranger, "inconnu@example.test").await;
    let (status, body, _) = preview(stranger, form(&mine)).await;
    assert_eq!(status, 404, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn a_rules_other_findings_are_read_as_the_page_reads_them_and_refused_to_strangers() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let page = plan(&app, &organiser, &event).await;
    let tally = page["finding_tallies"][0].clone();
    let rule = str_of(&tally, "rule").to_string();
    let (status, all, _) =
        app.call(&organiser, "list_rule_findings", &[("event_id", event.as_str()), ("rule", rule.as_str())]).await;
    assert_eq!(status, 200);
    let all = all.as_array().unwrap().clone();
    assert_eq!(all.len() as u64, tally["count"].as_u64().unwrap(), "every finding the tally counts");
    assert!(all.iter().all(|f| f["rule"] == rule.as_str()));
    let shown: Vec<&Value> =
        page["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule.as_str()).collect();
    assert_eq!(all.iter().take(shown.len()).collect::<Vec<_>>(), shown, "the page's first ones come first");

    // A company reads only the findings about itself, as on its page.
    let company = app.demo_client("securite@cordon.test").await;
    let its_page = plan(&app, &company, &event).await;
    let mine = its_page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    for tally in its_page["finding_tallies"].as_array().unwrap() {
        let (status, read, _) = app
            .call(&company, "list_rule_findings", &[("event_id", event.as_str()), ("rule", str_of(tally, "rule"))])
            .await;
        assert_eq!(status, 200);
        assert!(read.as_array().unwrap().iter().all(|f| f["participant_ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == mine.as_str())));
    }

    // An unknown rule is refused next to its field; a stranger to the event reads nothing.
    let (status, body, _) =
        app.call(&organiser, "list_rule_findings", &[("event_id", event.as_str()), ("rule", "pas_une_regle")]).await;
    assert_eq!(status, 422, "{body}");
    app.user("inconnu@exemple.fr", "Personne Inconnue", false).await;
    let stranger = app.client();
    app.sign_in(&stranger, "inconnu@exemple.fr").await;
    let (page_status, _, _) = app.call(&stranger, "get_plan", &[("event_id", event.as_str())]).await;
    let (status, body, _) =
        app.call(&stranger, "list_rule_findings", &[("event_id", event.as_str()), ("rule", rule.as_str())]).await;
    assert_ne!(status, 200, "{body}");
    assert_eq!(status, page_status, "refused as the page is");
    let anonymous = app.client();
    let (status, _, _) =
        app.call(&anonymous, "list_rule_findings", &[("event_id", event.as_str()), ("rule", rule.as_str())]).await;
    assert_eq!(status, 401);
    app.stop().await;
}

/// Saves `form` as `client` and reads the answer, in JSON or, as the plan page asks for it,
/// in the compact format.
async fn save_deployment(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, &str)],
    compact: bool,
) -> app::api::plan_edits::SavedDeployment {
    if !compact {
        let (status, body, _) = app.call(client, "save_deployment", form).await;
        assert_eq!(status, 200, "{body}");
        return serde_json::from_value(body).unwrap();
    }
    let res = client
        .post(format!("{}/api/save_deployment", app.base))
        .header("origin", &app.base)
        .header("accept", app::ui::codec::COMPACT)
        .form(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    app::ui::codec::from_compact(&res.bytes().await.unwrap()).unwrap()
}

#[tokio::test]
async fn a_saved_deployment_is_answered_as_the_page_then_reads_it_with_its_new_version() {
    use app::api::plan_types::PlanPage;
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let read = |page: Value| serde_json::from_value::<PlanPage>(page).unwrap();
    let page = plan(&app, &company, &event).await;
    let mine = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let deployment = records(&page, "deployments").iter().find(|d| d["participant_id"] == mine.as_str()).unwrap();
    let id = str_of(deployment, "id").to_string();
    let seen: i64 = version(&page, &id).parse().unwrap();
    let agents: Vec<String> =
        deployment["agent_ids"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
    let (zone, category) = (str_of(deployment, "zone_id").to_string(), str_of(deployment, "category").to_string());
    let form = |id: &str, version: &str, headcount: &str| {
        let mut form: Vec<(String, String)> = [
            ("event_id", event.as_str()),
            ("id", id),
            ("version", version),
            ("participant_id", mine.as_str()),
            ("zone_id", zone.as_str()),
            ("start", "2027-06-26T10:00"),
            ("end", "2027-06-26T18:30"),
            ("headcount", headcount),
            ("category", category.as_str()),
            ("mission", "Filtrage déplacé"),
            ("radio", ""),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .to_vec();
        form.extend(agents.iter().map(|a| ("agent_ids[]".to_string(), a.clone())));
        form
    };

    // In JSON (the HTTP API's readers) and in the compact format (the page's), the answer is
    // the deployment the plan read after the save shows, and its version there.
    let mut based_on = seen;
    for (compact, headcount) in [(false, "9"), (true, "8")] {
        let owned = form(&id, &based_on.to_string(), headcount);
        let form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let saved = save_deployment(&app, &company, &form, compact).await;
        let after = read(app.call(&company, "get_plan", &[("event_id", &event)]).await.1);
        let shown = after.plan.deployments.iter().find(|d| d.id() == id).unwrap();
        assert_eq!(&saved.deployment, shown, "compact: {compact}");
        assert_eq!(saved.deployment.headcount().to_string(), headcount);
        assert_eq!(saved.deployment.agent_ids(), agents.as_slice(), "its own agents, whole");
        assert_eq!((saved.version, after.versions[&id]), (based_on + 1, based_on + 1));
        based_on = saved.version;
    }

    // A new deployment: its new id, version 1.
    let owned = form("", "", "2");
    let form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = save_deployment(&app, &company, &form, true).await;
    assert!(saved.deployment.id() != id && !saved.deployment.id().is_empty());
    let after = read(app.call(&company, "get_plan", &[("event_id", &event)]).await.1);
    assert_eq!(after.plan.deployments.iter().find(|d| d.id() == saved.deployment.id()), Some(&saved.deployment));
    assert_eq!((saved.version, after.versions[saved.deployment.id()]), (1, 1));
    app.stop().await;
}
