//! HTTP tests of event plans: who sees which event, restricted deployments, edits by the
//! right participant only, and no lost update.

use crate::common::{spawn_app, Backend};
use serde_json::{json, Value};

fn deployment_missions(page: &Value) -> Vec<String> {
    crate::common::deployments(page).into_iter().map(|d| d["mission"].as_str().unwrap().to_string()).collect()
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

async fn sqlx_update_department(app: &crate::common::TestApp, organisation: &str, department: &str) {
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
    let deployment = crate::common::deployments(&page)
        .into_iter()
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
    let saved = crate::common::deployments(&page).into_iter().find(|d| d["id"] == id).unwrap().clone();
    assert_eq!(saved["headcount"], 7);
    app.stop().await;
}

#[tokio::test]
async fn a_participant_edits_only_its_own_deployments() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let municipal = app.demo_client("police-municipale@cordon.test").await;
    let (_, page, _) = app.call(&municipal, "get_plan", &[("event_id", &event)]).await;
    let theirs = crate::common::deployments(&page)
        .into_iter()
        .find(|d| d["mission"] == "Filtrage et palpations à l’entrée nord")
        .unwrap()
        .clone();
    let id = theirs["id"].as_str().unwrap();
    // The page gives no version of another participant's deployment: the first is sent.
    assert!(page["versions"].get(id).is_none());
    let version = "1".to_string();
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
    // The page carries the reader's own agents only: the organiser has none.
    assert_eq!(page["plan"]["agents"].as_array().unwrap().len(), 0);
    assert!(page["access"]["organiser"].as_bool().unwrap());
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

const AGENTS_CSV: &str = "\u{feff}nom;carte_professionnelle;expiration;qualifications\r\n\
Aïcha Benali;CAR-013-2030-01-02-00000001;31/12/2030;CQP APS|Palpation de sécurité\r\n\
;CAR-013-2030-01-02-00000002;31/12/2030;CQP APS\r\n\
Marc Dupuis;CAR-013-2020-01-02-00000003;01/01/2021;CQP APS\r\n\
Léo Martin;CAR-013-2030-01-02-00000004;2030-06-30;chef_equipe|cqp_aps\r\n";

#[tokio::test]
async fn agents_import_from_csv_after_a_preview_and_only_the_valid_lines_are_saved() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let own = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let agents_before = page["plan"]["agents"].as_array().unwrap().len();
    let form = [("event_id", event.as_str()), ("participant_id", own.as_str()), ("csv", AGENTS_CSV)];

    let (status, preview, _) = app.call(&company, "preview_agents_csv", &form).await;
    assert_eq!(status, 200, "{preview}");
    let errors: Vec<(u64, usize)> = preview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["errors"].as_array().unwrap().len()))
        .collect();
    assert_eq!(errors, vec![(2, 0), (3, 1), (4, 1), (5, 0)]);
    assert_eq!(
        preview["rows"][2]["errors"][0],
        "La carte professionnelle est expirée : l’agent ne peut pas être employé."
    );
    assert_eq!(preview["imported"], 0);
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(page["plan"]["agents"].as_array().unwrap().len(), agents_before, "a preview saves nothing");

    let (status, done, _) = app.call(&company, "import_agents_csv", &form).await;
    assert_eq!(status, 200);
    assert_eq!(done["imported"], 2);
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let names: Vec<&str> =
        page["plan"]["agents"].as_array().unwrap().iter().map(|a| a["display_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Aïcha Benali") && names.contains(&"Léo Martin"));
    assert_eq!(names.len(), agents_before + 2);

    // The same cards again are refused; another company's participant is refused outright.
    let (_, again, _) = app.call(&company, "preview_agents_csv", &form).await;
    assert_eq!(again["rows"][0]["errors"][0], "Un agent de l’événement a déjà cette carte professionnelle.");
    let azur = page["plan"]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Azur Protection Services")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body, _) = app
        .call(
            &company,
            "import_agents_csv",
            &[("event_id", event.as_str()), ("participant_id", azur.as_str()), ("csv", AGENTS_CSV)],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "participant_id");
    app.stop().await;
}

#[tokio::test]
async fn an_organisation_associated_with_the_event_is_told_by_mail_and_then_sees_the_plan() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let sdis = app.organisation("SDIS des Bouches-du-Rhône", "autre").await;
    let chief = app.user("chef@sdis13.test", "Capitaine Lucie Marchand", false).await;
    app.member(&chief, &sdis, app::domain::MembershipRole::Admin).await;
    let chief_client = app.client();
    app.sign_in(&chief_client, "chef@sdis13.test").await;
    let (status, _, _) = app.call(&chief_client, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(status, 404, "not yet a participant");

    let organiser = app.demo_client("organisateur@cordon.test").await;
    let form = [
        ("event_id", event.as_str()),
        ("organisation_id", sdis.as_str()),
        ("role", "secours"),
        ("contact_name", "Capitaine Lucie Marchand"),
        ("contact_phone", "04 91 00 00 18"),
    ];
    let (status, body, _) = app.call(&organiser, "add_participant", &form).await;
    assert_eq!(status, 200, "{body}");
    let mails = app.mail.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["chef@sdis13.test"]);
    let body = crate::common::mail_body(&mails[0].data).replace('\n', " ");
    assert!(body.contains("a associé SDIS des Bouches-du-Rhône à l’événement, en tant que Secours"), "{body}");
    assert!(body.contains(&format!("{}/evenements/{event}", app.base)));

    let (status, page, _) = app.call(&chief_client, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(status, 200);
    assert!(!page.to_string().contains("en civil"), "the fire service is not a State force");
    let (status, body, _) = app.call(&organiser, "add_participant", &form).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "organisation_id");
    app.stop().await;
}

#[tokio::test]
async fn the_organiser_changes_the_event_and_a_stale_or_unauthorised_change_is_refused() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    let version = page["event_version"].as_i64().unwrap().to_string();
    let form = |version: &str, setup: &str| {
        vec![
            ("event_id", event.clone()),
            ("version", version.to_string()),
            ("name", "Fête de la Saint-Pierre 2027".to_string()),
            ("kind", "fete_foire".to_string()),
            ("address", "Quai Brescon".to_string()),
            ("start", "2027-06-26T10:00".to_string()),
            ("end", "2027-06-27T23:00".to_string()),
            ("setup_start", setup.to_string()),
            ("teardown_end", "2027-06-28T06:00".to_string()),
            ("expected_attendance", "20000".to_string()),
            ("behaviour", "debout".to_string()),
            ("but_lucratif", "oui".to_string()),
        ]
    };
    let pairs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let bad = pairs(&form(&version, "2027-06-26T12:00"));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&organiser, "update_event", &bad).await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "setup_start");

    let good = pairs(&form(&version, "2027-06-25T14:00"));
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = app.call(&organiser, "update_event", &good).await;
    assert_eq!(status, 200);
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    assert_eq!(page["plan"]["event"]["name"], "Fête de la Saint-Pierre 2027");
    assert_eq!(page["plan"]["event"]["expected_attendance"], 20000);
    assert_eq!(page["plan"]["event"]["legal"]["convention_coordination_en_vigueur"], false);
    assert_eq!(page["plan"]["event"]["legal"]["but_lucratif"], true);
    assert_eq!(
        page["plan"]["event"]["legal"]["orders"].as_array().unwrap().len(),
        1,
        "the demo's L613-2 order stays when the event form is saved"
    );

    let (status, body, _) = app.call(&organiser, "update_event", &good).await;
    assert_eq!(status, 409, "the same version twice: the second is stale");
    assert!(body["Stale"]["message"].as_str().unwrap().contains("Fête de la Saint-Pierre 2027"));

    let police = app.demo_client("commissariat@cordon.test").await;
    let (status, _, _) = app.call(&police, "update_event", &good).await;
    assert_eq!(status, 422);
    app.stop().await;
}

#[tokio::test]
async fn a_post_belongs_to_its_zone_and_a_need_on_it_is_covered_by_a_deployment_there() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    let zone_of = |name: &str| {
        page["plan"]["zones"].as_array().unwrap().iter().find(|z| z["name"] == name).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let north = zone_of("Entrée Nord");
    let south = zone_of("Entrée Sud");
    let form = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("zone_id", north.as_str()),
        ("name", "Portique 3"),
    ];
    let (status, _, _) = app.call(&organiser, "save_post", &form).await;
    assert_eq!(status, 200);
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    let post = page["plan"]["posts"][0]["id"].as_str().unwrap().to_string();
    let need = |zone: &str| {
        vec![
            ("event_id", event.clone()),
            ("id", String::new()),
            ("version", String::new()),
            ("zone_id", zone.to_string()),
            ("post_id", post.clone()),
            ("start", "2027-06-27T12:00".to_string()),
            ("end", "2027-06-27T14:00".to_string()),
            ("qualification", String::new()),
            ("min", "3".to_string()),
            ("max", String::new()),
            ("priority", "1".to_string()),
            ("min_women", "0".to_string()),
            ("min_men", "0".to_string()),
        ]
    };
    let wrong = need(&south);
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&organiser, "save_need", &wrong).await;
    assert_eq!((status, body["Invalid"]["field"].clone()), (422, json!("post_id")));
    let right = need(&north);
    let right: Vec<(&str, &str)> = right.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = app.call(&organiser, "save_need", &right).await;
    assert_eq!(status, 200);
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    let need_id =
        page["plan"]["needs"].as_array().unwrap().iter().find(|n| n["post_id"] == post.as_str()).unwrap()["id"].clone();
    let gap = page["coverage"]["gaps"].as_array().unwrap().iter().find(|g| g["need_id"] == need_id).cloned();
    assert_eq!(gap.unwrap()["missing"], 3, "the zone's deployments elsewhere do not staff the post");

    let organiser_participant = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let deployment = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("participant_id", organiser_participant.as_str()),
        ("zone_id", north.as_str()),
        ("post_id", post.as_str()),
        ("start", "2027-06-27T12:00"),
        ("end", "2027-06-27T14:00"),
        ("headcount", "3"),
        ("category", "filtrage"),
        ("mission", "Portique 3"),
        ("radio", ""),
    ];
    let (status, body, _) = app.call(&organiser, "save_deployment", &deployment).await;
    assert_eq!(status, 200, "{body}");
    let (_, page, _) = app.call(&organiser, "get_plan", &[("event_id", &event)]).await;
    assert!(!page["coverage"]["gaps"].as_array().unwrap().iter().any(|g| g["need_id"] == need_id));
    app.stop().await;
}

#[tokio::test]
async fn a_company_names_its_own_agents_in_a_deployment_but_not_another_companys() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let own = page["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let agents = page["plan"]["agents"].as_array().unwrap();
    let mine: Vec<String> = agents
        .iter()
        .filter(|a| a["participant_id"] == own.as_str())
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let theirs: String = stored.plan.agents.iter().find(|a| a.participant_id() != own).unwrap().id().to_string();
    let zone = page["plan"]["zones"][0]["id"].as_str().unwrap().to_string();
    let form = |agents: Vec<&str>| {
        let mut f: Vec<(&str, String)> = vec![
            ("event_id", event.clone()),
            ("id", String::new()),
            ("version", String::new()),
            ("participant_id", own.clone()),
            ("zone_id", zone.clone()),
            ("start", "2027-06-27T06:00".into()),
            ("end", "2027-06-27T09:00".into()),
            ("headcount", String::new()),
            ("category", "surveillance".into()),
            ("mission", "Ronde du matin".into()),
            ("radio", String::new()),
        ];
        f.extend(agents.into_iter().map(|a| ("agent_ids[]", a.to_string())));
        f
    };
    let bad = form(vec![mine[0].as_str(), theirs.as_str()]);
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&company, "save_deployment", &bad).await;
    assert_eq!((status, body["Invalid"]["field"].clone()), (422, json!("agent_ids")));
    let good = form(vec![mine[0].as_str(), mine[1].as_str()]);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&company, "save_deployment", &good).await;
    assert_eq!(status, 200, "{body}");
    let (_, page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let saved =
        crate::common::deployments(&page).into_iter().find(|d| d["mission"] == "Ronde du matin").unwrap().clone();
    assert_eq!(saved["agent_ids"], json!([mine[0], mine[1]]));
    assert_eq!(saved["headcount"], 0);
    // Nobody at all is refused on the headcount field.
    let empty = form(vec![]);
    let empty: Vec<(&str, &str)> = empty.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&company, "save_deployment", &empty).await;
    assert_eq!((status, body["Invalid"]["field"].clone()), (422, json!("headcount")));
    app.stop().await;
}
