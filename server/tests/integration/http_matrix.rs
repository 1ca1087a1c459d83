//! The authorisation matrix: every persona of the demo, plus a second organiser, a second
//! company and a second prefecture, against every door of one event (the plan page's server
//! functions — zones, needs, participants, agents and their CSV import, deployments, shift
//! proposals, removal, publication, calendar links, the convention's moves, its risk
//! assessment, amendments and opinions —, the JSON API, the convention document; and on the
//! day and after it, the page « Opérations », the log in each register and its CSV, the
//! evaluation page, « Reconduire l'événement »), with the exact status each gets, and nothing
//! saved on a refusal. Run on SQLite and on PostgreSQL.

use crate::common::{now, spawn_app, Backend, TestApp};
use crate::http_api_v1::{get, get_json, put_based_on, to_file};
use app::domain::{MembershipRole, OrganisationProfile};
use serde_json::{json, Value};

const RESTRICTED: &str = "Équipe en civil près du canal pendant le feu d’artifice";

/// The personas, by e-mail: the demo's five plus three strangers to the event's rights.
const PERSONAS: [&str; 8] = [
    "organisateur@cordon.test",
    "prefecture@cordon.test",
    "commissariat@cordon.test",
    "police-municipale@cordon.test",
    "securite@cordon.test",
    "azur@cordon.test",
    "arles@cordon.test",
    "vaucluse@cordon.test",
];

/// Adds the second company's member, a second organiser and a second prefecture.
async fn strangers(app: &TestApp) {
    let azur: String = sqlx::query_scalar("SELECT id FROM organisations WHERE name = 'Azur Protection Services'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let user = app.user("azur@cordon.test", "Élise Fabre", false).await;
    app.member(&user, &azur, MembershipRole::Admin).await;
    let arles = app.organisation("Comité des fêtes d’Arles", "organisateur").await;
    let user = app.user("arles@cordon.test", "Organisateur d’Arles", false).await;
    app.member(&user, &arles, MembershipRole::Admin).await;
    let profile = OrganisationProfile::parse("Préfecture de Vaucluse", "prefecture", "", "", "84").unwrap();
    let vaucluse = app::store::organisations::create(&app.db, &profile, now()).await.unwrap();
    let user = app.user("vaucluse@cordon.test", "Instructrice de Vaucluse", false).await;
    app.member(&user, &vaucluse, MembershipRole::Admin).await;
}

async fn client_of(app: &TestApp, email: &str) -> reqwest::Client {
    let client = app.client();
    if email.ends_with("@cordon.test")
        && !["azur@cordon.test", "arles@cordon.test", "vaucluse@cordon.test"].contains(&email)
    {
        app.sign_in_with(&client, email, cordon_server::demo::DEMO_PASSWORD).await;
    } else {
        app.sign_in(&client, email).await;
    }
    client
}

async fn token_of(app: &TestApp, client: &reqwest::Client) -> String {
    let (status, body, _) = app.call(client, "create_api_token", &[("name", "Matrice")]).await;
    assert_eq!(status, 200, "{body}");
    body.as_str().unwrap().to_string()
}

/// The convention file's inputs, thread length and opinions: what a refused move must leave.
async fn file_state(app: &TestApp, event: &str) -> (app::store::conventions::StoredInputs, usize, usize) {
    use app::store::conventions::{chain, event_chain, inputs, opinions};
    let thread = chain(&app.db, &event_chain(event)).await.unwrap().len();
    (inputs(&app.db, event).await.unwrap(), thread, opinions(&app.db, event).await.unwrap().len())
}

async fn versions(app: &TestApp, event: &str) -> (i64, std::collections::BTreeMap<String, i64>) {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    (stored.event_version, stored.versions)
}

/// One row of the matrix: the status each persona (in the order of `PERSONAS`) gets.
type Row = [u16; 8];

async fn matrix(backend: Backend) {
    let app = spawn_app(backend).await;
    let event = app.demo().await;
    strangers(&app).await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let zone = stored.plan.zones[0].clone();
    let zone_version = stored.versions[zone.id()].to_string();
    let hidden = stored.plan.deployments.iter().find(|d| d.mission() == RESTRICTED).unwrap();
    let hidden_version = stored.versions[hidden.id()].to_string();
    let organiser = client_of(&app, PERSONAS[0]).await;
    let organiser_token = token_of(&app, &organiser).await;
    let organiser_file = get_json(&app, &organiser_token, &event).await;

    let reads: Row = [200, 200, 200, 200, 200, 200, 404, 404];
    let edits_zones: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    let removes_restricted: Row = [404, 422, 200, 404, 404, 404, 404, 404];
    let publishes: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    let follows_event: Row = [200, 200, 200, 422, 422, 422, 404, 404];
    let puts_a_zone: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    let sees_restricted = [false, true, true, false, false, false, false, false];

    // Reading: the plan page, the API, the convention document.
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let (status, page, _) = app.call(&client, "get_plan", &[("event_id", &event)]).await;
        assert_eq!(status, reads[i], "{email}: plan page");
        assert_eq!(page.to_string().contains(RESTRICTED), sees_restricted[i], "{email}: restricted on the page");
        let token = token_of(&app, &client).await;
        let (status, _, body) = get(&app, Some(&token), &event).await;
        assert_eq!(status, reads[i], "{email}: API GET");
        assert_eq!(body.contains(RESTRICTED), sees_restricted[i], "{email}: restricted in the file");
    }

    // Writing, each refusal leaving every version as it was; the police removes its own
    // restricted deployment last, the organiser renames the zone last.
    for i in [7, 6, 5, 4, 3, 1, 0, 2] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = versions(&app, &event).await;
        let form = [
            ("event_id", event.as_str()),
            ("id", zone.id()),
            ("version", zone_version.as_str()),
            ("name", "Zone renommée"),
            ("kind", zone.kind().code()),
            ("address", ""),
        ];
        let (status, body, _) = app.call(&client, "save_zone", &form).await;
        assert_eq!(status, edits_zones[i], "{email}: save a zone: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
        let form = [("event_id", event.as_str()), ("id", hidden.id()), ("version", hidden_version.as_str())];
        let before = versions(&app, &event).await;
        let (status, body, _) = app.call(&client, "delete_record", &form).await;
        assert_eq!(status, removes_restricted[i], "{email}: remove the restricted deployment: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing removed");
        }
    }

    // A security company's deployment: only the company edits it, through the form or the API.
    let provence = stored.plan.participants.iter().find(|p| p.name() == "Provence Sécurité Événements").unwrap();
    let theirs = stored.plan.deployments.iter().find(|d| d.participant_id() == provence.id()).unwrap();
    let zone_tz = stored.plan.event.time_zone();
    let local = |at: app::domain::Instant| {
        chrono::DateTime::from_timestamp_millis(at.millis())
            .unwrap()
            .with_timezone(&zone_tz)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let (start, end) = (local(theirs.window().start()), local(theirs.window().end()));
    let edits_theirs: Row = [422, 422, 422, 422, 200, 422, 404, 404];
    for i in [0, 1, 2, 3, 5, 6, 7, 4] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let version = versions(&app, &event).await.1[theirs.id()].to_string();
        let headcount = (theirs.headcount() + 1).to_string();
        let mut form = vec![
            ("event_id", event.as_str()),
            ("id", theirs.id()),
            ("version", version.as_str()),
            ("participant_id", provence.id()),
            ("zone_id", theirs.zone_id()),
            ("start", start.as_str()),
            ("end", end.as_str()),
            ("headcount", headcount.as_str()),
            ("category", theirs.category().code()),
            ("mission", theirs.mission()),
            ("radio", theirs.radio().unwrap_or("")),
        ];
        if let Some(post) = theirs.post_id() {
            form.push(("post_id", post));
        }
        for agent in theirs.agent_ids() {
            form.push(("agent_ids[]", agent.as_str()));
        }
        let before = versions(&app, &event).await;
        let (status, body, _) = app.call(&client, "save_deployment", &form).await;
        assert_eq!(status, edits_theirs[i], "{email}: save a company's deployment: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }

    // A need (the organiser's), one of the company's agents and the company's participant.
    let need = stored.plan.needs[0].clone();
    let edits_needs: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    for i in [7, 6, 5, 4, 3, 2, 1, 0] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = versions(&app, &event).await;
        let version = before.1[need.id()].to_string();
        let (start, end) = (local(need.window().start()), local(need.window().end()));
        let min = (need.min() + 1).to_string();
        let max = need.max().map(|m| (m + 1).max(need.min() + 1).to_string()).unwrap_or_default();
        let priority = need.priority().to_string();
        let form = [
            ("event_id", event.as_str()),
            ("id", need.id()),
            ("version", version.as_str()),
            ("zone_id", need.zone_id()),
            ("post_id", need.post_id().unwrap_or("")),
            ("start", start.as_str()),
            ("end", end.as_str()),
            ("qualification", need.qualification().map_or("", |q| q.code())),
            ("min", min.as_str()),
            ("max", max.as_str()),
            ("priority", priority.as_str()),
            ("min_women", "0"),
            ("min_men", "0"),
        ];
        let (status, body, _) = app.call(&client, "save_need", &form).await;
        assert_eq!(status, edits_needs[i], "{email}: save a need: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }
    let agent = stored.plan.agents.iter().find(|a| a.participant_id() == provence.id()).unwrap().clone();
    let card = agent.cnaps_card().unwrap();
    let expires = chrono::DateTime::from_timestamp_millis(card.expires().millis())
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Paris)
        .format("%Y-%m-%d")
        .to_string();
    for i in [0, 1, 2, 3, 5, 6, 7, 4] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = versions(&app, &event).await;
        let version = before.1[agent.id()].to_string();
        let mut form = vec![
            ("event_id", event.as_str()),
            ("id", agent.id()),
            ("version", version.as_str()),
            ("participant_id", provence.id()),
            ("display_name", "Agent renommé"),
            ("sex", agent.sex().map_or("", |s| s.code())),
            ("cnaps_number", card.number()),
            ("cnaps_expires", expires.as_str()),
        ];
        for q in agent.qualifications() {
            form.push(("qualifications[]", q.code()));
        }
        let (status, body, _) = app.call(&client, "save_agent", &form).await;
        assert_eq!(status, edits_theirs[i], "{email}: save a company's agent: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
        let csv = [("event_id", event.as_str()), ("participant_id", provence.id()), ("csv", "")];
        let (status, body, _) = app.call(&client, "import_agents_csv", &csv).await;
        assert_eq!(status, edits_theirs[i], "{email}: import a company's agents: {body}");
        let (status, body, _) =
            app.call(&client, "propose_schedule", &[("event_id", &event), ("participant_id", provence.id())]).await;
        assert_eq!(status, edits_theirs[i], "{email}: propose a company's shifts: {body}");
    }
    // The company changes its own contact; the organiser, its role and contact; no one else.
    let edits_company: Row = [200, 422, 422, 422, 200, 422, 404, 404];
    for i in [7, 6, 5, 3, 2, 1, 4, 0] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = versions(&app, &event).await;
        let version = before.1[provence.id()].to_string();
        let form = [
            ("event_id", event.as_str()),
            ("id", provence.id()),
            ("version", version.as_str()),
            ("role", provence.role().code()),
            ("contact_name", "Chef d’équipe"),
            ("contact_phone", "06 00 00 00 00"),
        ];
        let (status, body, _) = app.call(&client, "update_participant", &form).await;
        assert_eq!(status, edits_company[i], "{email}: change the company's participant: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }
    // Only the organiser adds a participant.
    let newcomer = app.organisation("Rhône Sûreté", "securite_privee").await;
    for i in [7, 6, 5, 4, 3, 2, 1, 0] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = versions(&app, &event).await;
        let form = [
            ("event_id", event.as_str()),
            ("organisation_id", newcomer.as_str()),
            ("role", ""),
            ("contact_name", "Contact"),
            ("contact_phone", ""),
        ];
        let (status, body, _) = app.call(&client, "add_participant", &form).await;
        assert_eq!(status, edits_needs[i], "{email}: add a participant: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }

    for (i, email) in PERSONAS.iter().enumerate().rev() {
        let client = client_of(&app, email).await;
        let (status, body, _) = app.call(&client, "publish_release", &[("event_id", &event), ("comment", "v1")]).await;
        assert_eq!(status, publishes[i], "{email}: publish: {body}");
    }
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let (status, body, _) = app.call(&client, "create_feed", &[("event_id", &event), ("scope", "event")]).await;
        assert_eq!(status, follows_event[i], "{email}: follow the whole event: {body}");
        let res = client.get(format!("{}/evenements/{event}/convention.html", app.base)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), reads[i], "{email}: the convention document");
    }

    // The shared risk assessment, before filing: the organiser's alone.
    let saves_risk: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    for i in [7, 6, 5, 4, 3, 2, 1, 0] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let form = [
            ("event_id", event.as_str()),
            ("peak_attendance", "18000"),
            ("behaviour", "debout"),
            ("site", "temporaire"),
            ("response_time_minutes", "20"),
            ("alcohol", "oui"),
            ("night", "oui"),
            ("threat", "securite_renforcee"),
            ("threat_notes", ""),
            ("erp_type", ""),
            ("notes", "Feu d’artifice à 23 h."),
        ];
        let before = file_state(&app, &event).await;
        let version = before.0.version.to_string();
        let form: Vec<(&str, &str)> = form.into_iter().chain([("version", version.as_str())]).collect();
        let (status, body, _) = app.call(&client, "save_risk_assessment", &form).await;
        assert_eq!(status, saves_risk[i], "{email}: save the risk assessment: {body}");
        if status != 200 {
            assert_eq!(file_state(&app, &event).await, before, "{email}: nothing saved");
        }
    }

    // The convention's moves: the organiser files, the department's prefecture takes it up.
    let files: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    for (i, email) in PERSONAS.iter().enumerate().rev() {
        let client = client_of(&app, email).await;
        let form = [("event_id", event.as_str()), ("action", "submit"), ("message", "")];
        let (status, body, _) = app.call(&client, "act_on_convention", &form).await;
        assert_eq!(status, files[i], "{email}: file the convention: {body}");
    }
    let takes_up: Row = [422, 200, 422, 422, 422, 422, 404, 404];
    for i in [0, 2, 3, 4, 5, 6, 7, 1] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let form = [("event_id", event.as_str()), ("action", "take_up"), ("message", "")];
        let (status, body, _) = app.call(&client, "act_on_convention", &form).await;
        assert_eq!(status, takes_up[i], "{email}: take up the file: {body}");
    }

    // While it is instructed: the instructor amends and removes its amendment; the organiser's
    // inputs are frozen; nobody else amends.
    let amends: Row = [422, 200, 422, 422, 422, 422, 404, 404];
    for i in [0, 2, 3, 4, 5, 6, 7, 1] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = file_state(&app, &event).await;
        let version = before.0.version.to_string();
        let form = [
            ("event_id", event.as_str()),
            ("article", "evaluation"),
            ("text", "Retour sous un mois."),
            ("version", version.as_str()),
        ];
        let (status, body, _) = app.call(&client, "add_amendment", &form).await;
        assert_eq!(status, amends[i], "{email}: amend the convention: {body}");
        if status != 200 {
            assert_eq!(file_state(&app, &event).await, before, "{email}: nothing saved");
        }
    }
    let index = file_state(&app, &event).await.0.amendments.len() - 1;
    for i in [0, 2, 3, 4, 5, 6, 7, 1] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let before = file_state(&app, &event).await;
        let version = before.0.version.to_string();
        let form = [("event_id", event.as_str()), ("index", &index.to_string()), ("version", version.as_str())];
        let (status, body, _) = app.call(&client, "remove_amendment", &form).await;
        assert_eq!(status, amends[i], "{email}: remove the instructor's amendment: {body}");
        if status != 200 {
            assert_eq!(file_state(&app, &event).await, before, "{email}: nothing removed");
        }
    }
    // Opinions: only the instructor asks; only the consulted participant's members answer.
    let municipal = stored.plan.participants.iter().find(|p| p.role().code() == "police_municipale").unwrap();
    let target = format!("participant:{}", municipal.id());
    let asks: Row = [422, 200, 422, 422, 422, 422, 404, 404];
    for i in [0, 2, 3, 4, 5, 6, 7, 1] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let form = [
            ("event_id", event.as_str()),
            ("target", target.as_str()),
            ("body_name", ""),
            ("question", "Les effectifs de nuit suffisent-ils ?"),
            ("deadline", "2099-01-15"),
        ];
        let before = file_state(&app, &event).await;
        let (status, body, _) = app.call(&client, "ask_opinion", &form).await;
        assert_eq!(status, asks[i], "{email}: ask an opinion: {body}");
        if status != 200 {
            assert_eq!(file_state(&app, &event).await, before, "{email}: nothing asked");
        }
    }
    let opinion = app::store::conventions::opinions(&app.db, &event).await.unwrap().remove(0).id;
    let answers: Row = [422, 422, 422, 200, 422, 422, 404, 404];
    for i in [0, 1, 2, 4, 5, 6, 7, 3] {
        let email = PERSONAS[i];
        let client = client_of(&app, email).await;
        let form =
            [("event_id", event.as_str()), ("opinion_id", opinion.as_str()), ("verdict", "favorable"), ("comment", "")];
        let before = file_state(&app, &event).await;
        let (status, body, _) = app.call(&client, "answer_opinion", &form).await;
        assert_eq!(status, answers[i], "{email}: answer the municipal police's opinion: {body}");
        if status != 200 {
            assert_eq!(file_state(&app, &event).await, before, "{email}: nothing answered");
        }
    }

    // The API's PUT: a zone renamed in the organiser's file, sent by each.
    for (i, email) in PERSONAS.iter().enumerate().rev() {
        let client = client_of(&app, email).await;
        let token = token_of(&app, &client).await;
        let mut file: Value =
            if reads[i] == 200 { get_json(&app, &token, &event).await } else { organiser_file.clone() };
        file["zones"][0]["name"] = json!(format!("Zone de {email}"));
        let (_, headers, _) = get(&app, Some(&token), &event).await;
        let tag = headers.get("etag").map(|v| v.to_str().unwrap().to_string());
        let before = versions(&app, &event).await;
        let (status, body) = put_based_on(&app, &token, &event, to_file(&file), tag.as_deref()).await;
        assert_eq!(status, puts_a_zone[i], "{email}: PUT a zone: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }
    // The API's PUT of the company's deployment with one more agent: the company's alone.
    let puts_theirs: Row = [422, 422, 422, 422, 200, 422, 404, 404];
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let token = token_of(&app, &client).await;
        let mut file: Value =
            if reads[i] == 200 { get_json(&app, &token, &event).await } else { organiser_file.clone() };
        let deployments = file["deployments"].as_array_mut().unwrap();
        let mine = deployments.iter_mut().find(|d| d["id"] == theirs.id()).unwrap();
        mine["headcount"] = json!(mine["headcount"].as_u64().unwrap() + 1);
        let (_, headers, _) = get(&app, Some(&token), &event).await;
        let tag = headers.get("etag").map(|v| v.to_str().unwrap().to_string());
        let before = versions(&app, &event).await;
        let (status, body) = put_based_on(&app, &token, &event, to_file(&file), tag.as_deref()).await;
        assert_eq!(status, puts_theirs[i], "{email}: PUT a company's deployment: {body}");
        if status != 200 {
            assert_eq!(versions(&app, &event).await, before, "{email}: nothing saved");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn every_persona_gets_exactly_its_rights_through_every_door_on_sqlite() {
    matrix(Backend::Sqlite).await;
}

#[tokio::test]
async fn every_persona_gets_exactly_its_rights_through_every_door_on_postgres() {
    matrix(Backend::Postgres).await;
}

/// The doors of the day and of what follows it, on the demo's next edition started an hour
/// ago (its log open): the page « Opérations », the log in each register, its CSV export, the
/// alerts and their acknowledgement, the evaluation page and « Reconduire l'événement ». Exact statuses; a refused write leaves the
/// log as it was.
async fn matrix_of_the_day(backend: Backend) {
    let app = spawn_app(backend).await;
    app.demo().await;
    strangers(&app).await;
    let organiser = client_of(&app, PERSONAS[0]).await;
    let demo = app::store::plan_io::all_events(&app.db).await.unwrap()[0].id.clone();
    let start = (chrono::Utc::now() - chrono::Duration::hours(1))
        .with_timezone(&chrono_tz::Europe::Paris)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let (status, event, _) =
        app.call(&organiser, "next_edition", &[("event_id", demo.as_str()), ("start", start.as_str())]).await;
    assert_eq!(status, 200, "{event}");
    let event = event.as_str().unwrap().to_string();
    let police = client_of(&app, PERSONAS[2]).await;
    // Every entry the State forces' register and the shared one hold, as the police reads them.
    let entries = || {
        let (app, police, event) = (&app, police.clone(), event.clone());
        async move {
            let (status, page, _) = app.call(&police, "get_operations", &[("event_id", event.as_str())]).await;
            assert_eq!(status, 200, "{page}");
            page["lines"].as_array().unwrap().len()
        }
    };

    let reads: Row = [200, 200, 200, 200, 200, 200, 404, 404];
    let writes_shared: Row = [200, 200, 200, 200, 200, 200, 404, 404];
    let writes_restricted: Row = [422, 200, 200, 422, 422, 422, 404, 404];
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let (status, body, _) = app.call(&client, "get_operations", &[("event_id", event.as_str())]).await;
        assert_eq!(status, reads[i], "{email}: the page « Opérations »: {body}");
        let res =
            client.get(format!("{}/evenements/{event}/operations/main-courante.csv", app.base)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), reads[i], "{email}: the log's CSV");
        for (register, expected) in [("tous", writes_shared[i]), ("etat", writes_restricted[i])] {
            let before = entries().await;
            let text = format!("Point de situation de {email} ({register}).");
            let form = [
                ("event_id", event.as_str()),
                ("zone_id", ""),
                ("category", "information"),
                ("severity", "moyenne"),
                ("register", register),
                ("text", text.as_str()),
                ("corrects", ""),
            ];
            let (status, body, _) = app.call(&client, "write_log_entry", &form).await;
            assert_eq!(status, expected, "{email}: write in the register « {register} »: {body}");
            assert_eq!(entries().await, before + usize::from(status == 200), "{email}: nothing written on a refusal");
        }
        let (status, body, _) = app.call(&client, "get_evaluation", &[("event_id", event.as_str())]).await;
        assert_eq!(status, reads[i], "{email}: the evaluation page: {body}");
    }

    // The day's alerts: the command post sends (organiser, prefecture, State forces), the
    // others are refused and nothing is stored; each recipient acknowledges the organiser's.
    let registers = [app::domain::operations::Register::Shared, app::domain::operations::Register::Restricted];
    let stored = || async { app::store::alerts::of_event(&app.db, &event, &registers).await.unwrap().len() };
    let sends: Row = [200, 200, 200, 403, 403, 403, 404, 404];
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let before = stored().await;
        let text = format!("Alerte de {email}.");
        let form = [("event_id", event.as_str()), ("target", "tous"), ("severity", "elevee"), ("text", text.as_str())];
        let (status, body, _) = app.call(&client, "send_alert", &form).await;
        assert_eq!(status, sends[i], "{email}: send an alert to everyone: {body}");
        assert_eq!(stored().await, before + usize::from(status == 200), "{email}: nothing stored on a refusal");
    }
    let all = app::store::alerts::of_event(&app.db, &event, &registers).await.unwrap();
    let first = all.iter().find(|a| a.text == "Alerte de organisateur@cordon.test.").unwrap().id.clone();
    let acknowledges: Row = [422, 200, 200, 200, 200, 200, 404, 404];
    for (i, email) in PERSONAS.iter().enumerate() {
        let client = client_of(&app, email).await;
        let form = [("event_id", event.as_str()), ("alert_id", first.as_str())];
        let (status, body, _) = app.call(&client, "acknowledge_alert", &form).await;
        assert_eq!(status, acknowledges[i], "{email}: acknowledge the organiser's alert: {body}");
    }

    // Next year's edition: the organiser's alone.
    let copies: Row = [200, 422, 422, 422, 422, 422, 404, 404];
    let count = || async { app::store::plan_io::all_events(&app.db).await.unwrap().len() };
    for (i, email) in PERSONAS.iter().enumerate().rev() {
        let client = client_of(&app, email).await;
        let before = count().await;
        let form = [("event_id", event.as_str()), ("start", "2028-06-24T10:00")];
        let (status, body, _) = app.call(&client, "next_edition", &form).await;
        assert_eq!(status, copies[i], "{email}: « Reconduire l'événement »: {body}");
        assert_eq!(count().await, before + usize::from(status == 200), "{email}: no event made on a refusal");
    }
    app.stop().await;
}

#[tokio::test]
async fn every_persona_gets_exactly_its_rights_on_the_day_and_after_on_sqlite() {
    matrix_of_the_day(Backend::Sqlite).await;
}

#[tokio::test]
async fn every_persona_gets_exactly_its_rights_on_the_day_and_after_on_postgres() {
    matrix_of_the_day(Backend::Postgres).await;
}
