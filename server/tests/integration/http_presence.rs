//! Presence on the day over HTTP: a chief checks its agents in and out and no one else's; an
//! agent does it on its phone page through a personal link, stored hashed, that answers 404
//! once revoked or once its maker leaves the company; the zones now change live on every open
//! page; a shift whose agents are not checked in raises one alert 15 minutes after its start
//! (the clock injected), to the company and no one else.

use std::time::Duration;

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};
use crate::http_alerts::{azur, in_progress, outsider, Stream};

/// This year's fête in progress (`in_progress`), with the companies' agents named on their
/// deployments again, as each company does on its own copy (a next edition made by the
/// organiser counts other participants' agents without naming them).
async fn in_progress_with_names(app: &TestApp) -> String {
    use app::domain::plan::{Agent, AgentDraft, Deployment, DeploymentDraft, RecordKind};
    let event = in_progress(app).await;
    let events = app::store::plan_io::all_events(&app.db).await.unwrap();
    let last_year = events.iter().find(|e| e.id != event).unwrap().id.clone();
    let old = app::store::plans::load_plan(&app.db, &last_year).await.unwrap().unwrap().plan;
    let new = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let now = crate::common::now();
    for participant in &new.plan.participants {
        let Some(before) = old.participants.iter().find(|p| p.name() == participant.name()) else { continue };
        let mut named = Vec::new();
        for agent in old.agents.iter().filter(|a| a.participant_id() == before.id()) {
            let mut draft = AgentDraft::from(agent.clone());
            draft.id = app::store::new_id();
            draft.participant_id = participant.id().to_string();
            let agent = Agent::new(draft).unwrap();
            let (id, org) = (agent.id().to_string(), participant.organisation_id());
            app::store::plans::insert_record(
                &app.db,
                "test",
                &event,
                RecordKind::Agent,
                &id,
                Some(participant.id()),
                Some(org),
                &agent,
                now,
            )
            .await
            .unwrap();
            named.push(id);
        }
        if named.is_empty() {
            continue;
        }
        let mut next = 0;
        for deployment in new.plan.deployments.iter().filter(|d| d.participant_id() == participant.id()) {
            let mut draft = DeploymentDraft::from(deployment.clone());
            let count = (deployment.headcount() as usize).min(named.len());
            draft.agent_ids = (0..count).map(|i| named[(next + i) % named.len()].clone()).collect();
            next += count;
            let version = new.versions[deployment.id()];
            let changed = Deployment::new(draft).unwrap();
            let saved = app::store::plans::update_record(
                &app.db,
                "test",
                &event,
                RecordKind::Deployment,
                deployment.id(),
                version,
                &changed,
                now,
            );
            assert_eq!(saved.await.unwrap(), app::store::plans::Saved::Done(version + 1));
        }
    }
    event
}

async fn presence(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, block, _) = app.call(client, "get_presence", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{block}");
    block
}

async fn mark(app: &TestApp, client: &reqwest::Client, event: &str, agent: &str, movement: &str) -> (u16, Value) {
    let form = [("event_id", event), ("agent_id", agent), ("movement", movement)];
    let (status, body, _) = app.call(client, "mark_presence", &form).await;
    (status, body)
}

async fn new_link(app: &TestApp, client: &reqwest::Client, event: &str, agent: &str) -> (u16, Value) {
    let (status, body, _) = app.call(client, "create_presence_link", &[("event_id", event), ("agent_id", agent)]).await;
    (status, body)
}

/// The first agent of the chief's team whose shift is under way now, and its zone's name.
async fn on_shift_now(app: &TestApp, event: &str, team: &Value) -> (String, String) {
    let stored = app::store::plans::load_plan(&app.db, event).await.unwrap().unwrap();
    let now = crate::common::now();
    for line in team.as_array().unwrap() {
        let agent = line["agent_id"].as_str().unwrap();
        let shift = stored
            .plan
            .deployments
            .iter()
            .find(|d| d.window().contains(now) && d.agent_ids().iter().any(|a| a == agent));
        if let Some(d) = shift {
            return (agent.to_string(), stored.plan.zone(d.zone_id()).unwrap().name().to_string());
        }
    }
    panic!("no agent of the team is on shift now")
}

fn zone_count(zones: &Value, name: &str) -> (u64, u64) {
    let zone =
        zones.as_array().unwrap().iter().find(|z| z["zone"] == name).unwrap_or_else(|| panic!("{name}: {zones}"));
    (zone["named"].as_u64().unwrap(), zone["present"].as_u64().unwrap())
}

#[tokio::test]
async fn a_chief_checks_an_agent_in_and_out_and_every_open_page_sees_the_zone_change() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress_with_names(&app).await;
    let chief = app.demo_client("securite@cordon.test").await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let block = presence(&app, &chief, &event).await;
    assert!(!block["team"].as_array().unwrap().is_empty(), "{block}");
    let (agent, zone) = on_shift_now(&app, &event, &block["team"]).await;
    let before = zone_count(&presence(&app, &organiser, &event).await["zones"], &zone);
    let (_, stream) = Stream::open(&app, &organiser, &event, None).await;
    let mut stream = stream.unwrap();
    stream.received(Duration::from_millis(300)).await;
    stream.snapshots.clear();

    let (status, line) = mark(&app, &chief, &event, &agent, "arrivee").await;
    assert_eq!(status, 200, "{line}");
    assert!(line["status"].as_str().unwrap().starts_with("Présent depuis "), "{line}");
    assert_eq!(line["present"], true);
    stream.received(Duration::from_millis(500)).await;
    let (kind, zones) = stream.snapshots.last().expect("the organiser's page is told").clone();
    assert_eq!(kind, "presence");
    assert_eq!(zone_count(&zones, &zone), (before.0, before.1 + 1));
    assert_eq!(zone_count(&presence(&app, &organiser, &event).await["zones"], &zone), (before.0, before.1 + 1));

    let (status, body) = mark(&app, &chief, &event, &agent, "arrivee").await;
    assert_eq!((status, body.to_string().contains("déjà pointé présent")), (422, true), "{body}");
    let (status, line) = mark(&app, &chief, &event, &agent, "depart").await;
    assert_eq!(status, 200, "{line}");
    assert!(line["status"].as_str().unwrap().starts_with("Parti à "), "{line}");
    assert_eq!(zone_count(&presence(&app, &organiser, &event).await["zones"], &zone), before);

    // Every movement is in the event's audit chain, named by who made it.
    let chain = app::store::conventions::chain_after(&app.db, &format!("pointage:{event}"), 0).await.unwrap();
    assert_eq!(chain.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), ["pointage", "pointage"]);
}

#[tokio::test]
async fn no_one_but_the_agents_own_company_marks_it_or_makes_its_link() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress_with_names(&app).await;
    let chief = app.demo_client("securite@cordon.test").await;
    let block = presence(&app, &chief, &event).await;
    let agent = block["team"][0]["agent_id"].as_str().unwrap().to_string();
    let other_company = azur(&app).await;
    assert!(
        !presence(&app, &other_company, &event).await["team"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["agent_id"] == agent),
        "another company never lists its agents"
    );
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let police = app.demo_client("commissariat@cordon.test").await;
    for (who, client) in [("azur", &other_company), ("organiser", &organiser), ("police", &police)] {
        assert_eq!(mark(&app, client, &event, &agent, "arrivee").await.0, 403, "{who}");
        assert_eq!(new_link(&app, client, &event, &agent).await.0, 403, "{who}");
    }
    let stranger = outsider(&app).await;
    assert_eq!(mark(&app, &stranger, &event, &agent, "arrivee").await.0, 404);
    let (status, body) = mark(&app, &chief, &event, &agent, "assis").await;
    assert_eq!(status, 422, "{body}");
    assert!(app::store::conventions::chain_after(&app.db, &format!("pointage:{event}"), 0).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_agent_checks_in_with_its_personal_link_which_answers_404_once_revoked_or_once_its_maker_leaves() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress_with_names(&app).await;
    let chief = app.demo_client("securite@cordon.test").await;
    let block = presence(&app, &chief, &event).await;
    let (agent, _) = on_shift_now(&app, &event, &block["team"]).await;
    let name = block["team"].as_array().unwrap().iter().find(|l| l["agent_id"] == agent.as_str()).unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, link) = new_link(&app, &chief, &event, &agent).await;
    assert_eq!(status, 200, "{link}");
    let url = link["url"].as_str().unwrap().replace("http://127.0.0.1:3000", &app.base);
    let token = url.rsplit('/').next().unwrap().to_string();
    assert_eq!(token.len(), 43, "256 random bits");
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM presence_links").fetch_all(&app.db.pool).await.unwrap();
    assert_eq!(stored, [app::service::security::hash_token(&token)], "only the hash is kept");

    // The phone: no session.
    let phone = reqwest::Client::new();
    let page = phone.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(&name) && html.contains("J’arrive") && html.contains("Non pointé"), "{html}");
    let done = phone.post(&url).form(&[("mouvement", "arrivee")]).send().await.unwrap();
    assert_eq!(done.status(), 200);
    assert!(done.url().as_str().ends_with("?fait=arrivee"), "a redirect: reloading never presses again");
    let html = done.text().await.unwrap();
    assert!(
        html.contains("Arrivée enregistrée.") && html.contains("Présent depuis") && html.contains("Je pars"),
        "{html}"
    );
    let again = phone.post(&url).form(&[("mouvement", "arrivee")]).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("Cet agent est déjà pointé présent."), "{again}");
    let line = presence(&app, &chief, &event).await["team"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["agent_id"] == agent.as_str())
        .unwrap()
        .clone();
    assert_eq!(line["present"], true, "{line}");
    assert_eq!(line["links"].as_array().unwrap().len(), 1);

    // Revoked: 404 at once, for reading and for checking out.
    let link_id = link["link_id"].as_str().unwrap();
    let (status, _, _) = app.call(&chief, "revoke_presence_link", &[("event_id", &event), ("link_id", link_id)]).await;
    assert_eq!(status, 200);
    assert_eq!(phone.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(phone.post(&url).form(&[("mouvement", "depart")]).send().await.unwrap().status(), 404);
    assert_eq!(phone.get(format!("{}/pointage/inconnu", app.base)).send().await.unwrap().status(), 404);

    // A link follows its maker: once the chief leaves the company, its links serve no more.
    let (_, second) = new_link(&app, &chief, &event, &agent).await;
    let second = second["url"].as_str().unwrap().replace("http://127.0.0.1:3000", &app.base);
    assert_eq!(phone.get(&second).send().await.unwrap().status(), 200);
    sqlx::query("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = 'securite@cordon.test')")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(phone.get(&second).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_shift_whose_agents_have_not_checked_in_raises_one_alert_to_its_company_a_quarter_of_an_hour_after_it_starts()
{
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress_with_names(&app).await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let shift = stored
        .plan
        .deployments
        .iter()
        .filter(|d| !d.agent_ids().is_empty())
        .min_by_key(|d| d.window().start())
        .unwrap();
    let start = shift.window().start();
    let zone = stored.plan.zone(shift.zone_id()).unwrap().name().to_string();
    let company = stored.plan.participant(shift.participant_id()).unwrap().name().to_string();
    let raise = |minutes: i64| {
        let state = app.state.clone();
        async move {
            let now = start.plus(app::domain::time::Span::minutes(minutes));
            app::service::presence::raise_no_shows(&state, now).await.unwrap()
        }
    };
    let about_this_shift = |alerts: &[Value]| {
        alerts
            .iter()
            .filter(|a| {
                let text = a["text"].as_str().unwrap_or_default();
                text.starts_with(&format!("{zone} : ")) && text.contains(&company)
            })
            .count()
    };
    raise(14).await;
    let chief = app.demo_client("securite@cordon.test").await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let read = |client: reqwest::Client| {
        let (app, event) = (&app, event.clone());
        async move {
            let (status, page, _) = app.call(&client, "get_operations", &[("event_id", event.as_str())]).await;
            assert_eq!(status, 200, "{page}");
            page["alerts"].as_array().unwrap().clone()
        }
    };
    assert_eq!(about_this_shift(&read(organiser.clone()).await), 0, "not before 15 minutes");
    assert!(raise(15).await >= 1);
    assert_eq!(raise(16).await, 0, "once per shift");
    let seen_by_organiser = read(organiser).await;
    assert_eq!(about_this_shift(&seen_by_organiser), 1, "the command post sees it");
    let alert =
        seen_by_organiser.iter().find(|a| a["text"].as_str().unwrap().starts_with(&format!("{zone} : "))).unwrap();
    assert!(alert["text"].as_str().unwrap().contains("15 minutes après le début de la vacation"), "{alert}");
    assert_eq!(alert["sender"], "Cordon (pointage)");
    let company_client = if company.starts_with("Azur") { azur(&app).await } else { chief };
    let theirs = read(company_client).await;
    assert_eq!(about_this_shift(&theirs), 1, "the company is told");
    assert!(theirs
        .iter()
        .any(|a| a["addressed"] == true && a["text"].as_str().unwrap().starts_with(&format!("{zone} : "))));
    let municipal = app.demo_client("police-municipale@cordon.test").await;
    assert_eq!(about_this_shift(&read(municipal).await), 0, "no one else");
}

#[tokio::test]
async fn a_shift_still_to_confirm_raises_no_alert_since_no_one_is_expected_on_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = in_progress_with_names(&app).await;
    let stored = app::store::plans::load_plan(&app.db, &event).await.unwrap().unwrap();
    let named: Vec<_> = stored.plan.deployments.iter().filter(|d| !d.agent_ids().is_empty()).collect();
    let start = named.iter().map(|d| d.window().start()).min().unwrap();
    // Every named shift back to confirm, as last year's deployments are in a new edition.
    for d in &named {
        sqlx::query("UPDATE plan_records SET to_confirm = 1 WHERE id = $1")
            .bind(d.id())
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    let now = start.plus(app::domain::time::Span::minutes(15));
    assert_eq!(app::service::presence::raise_no_shows(&app.state, now).await.unwrap(), 0);
}
