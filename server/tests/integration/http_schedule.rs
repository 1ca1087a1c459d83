//! HTTP tests of "Proposer un planning": a security company gets a proposal for its own agents
//! on the demo festival, accepts it and the gaps shrink; nobody else may ask or accept for it;
//! a proposal the plan has moved past is refused.

use crate::common::{spawn_app, Backend, TestApp};
use serde_json::Value;

async fn plan(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_plan", &[("event_id", event)]).await;
    assert_eq!(status, 200);
    page
}

fn participant(page: &Value, name: &str) -> String {
    let all = page["plan"]["participants"].as_array().unwrap();
    all.iter().find(|p| p["name"] == name).unwrap()["id"].as_str().unwrap().to_string()
}

/// Agent-minutes missing over every gap of the coverage.
fn missing_minutes(page: &Value) -> i64 {
    page["coverage"]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (g["window"]["end"].as_i64().unwrap() - g["window"]["start"].as_i64().unwrap()) / 60_000
                * g["missing"].as_i64().unwrap()
        })
        .sum()
}

fn changed_agents(proposal: &Value) -> Vec<String> {
    proposal["proposal"]["agents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] != "Unchanged")
        .map(|a| a["agent_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_company_accepts_the_proposed_planning_and_the_festival_lacks_fewer_agent_hours() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let before = plan(&app, &company, &event).await;
    let provence = participant(&before, "Provence Sécurité Événements");
    let (status, proposal, _) =
        app.call(&company, "propose_schedule", &[("event_id", &event), ("participant_id", &provence)]).await;
    assert_eq!(status, 200, "{proposal}");
    let covered = proposal["proposal"]["covered_minutes"].as_i64().unwrap();
    assert!(covered > 0, "the company's 24 agents cover part of what is missing: {proposal}");
    // What stays uncovered says why.
    let gaps = proposal["proposal"]["gaps"].as_array().unwrap();
    assert!(gaps.iter().all(|g| !g["explanation"].as_str().unwrap().is_empty()), "{proposal}");
    let agents = changed_agents(&proposal);
    assert!(!agents.is_empty());

    let fingerprint = proposal["fingerprint"].as_str().unwrap().to_string();
    let steps = proposal["steps"].as_u64().unwrap().to_string();
    let mut form: Vec<(&str, &str)> =
        vec![("event_id", &event), ("participant_id", &provence), ("fingerprint", &fingerprint), ("steps", &steps)];
    form.extend(agents.iter().map(|a| ("agent_ids[]", a.as_str())));
    let (status, counts, _) = app.call(&company, "accept_schedule", &form).await;
    assert_eq!(status, 200, "{counts}");
    assert!(counts["created"].as_u64().unwrap() > 0);

    let after = plan(&app, &company, &event).await;
    assert!(
        missing_minutes(&after) < missing_minutes(&before),
        "{} → {}",
        missing_minutes(&before),
        missing_minutes(&after)
    );
    let provence_agents: Vec<&str> = after["plan"]["agents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["participant_id"] == provence.as_str())
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let double_booked = after["coverage"]["double_bookings"].as_array().unwrap();
    assert!(
        double_booked.iter().all(|d| !provence_agents.contains(&d["agent_id"].as_str().unwrap())),
        "{double_booked:?}"
    );

    // The same proposal cannot be accepted twice: the plan has moved on.
    let (status, body, _) = app.call(&company, "accept_schedule", &form).await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::PROPOSAL_STALE)));
    app.stop().await;
}

#[tokio::test]
async fn only_the_company_itself_may_ask_for_or_accept_its_planning() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let page = plan(&app, &company, &event).await;
    let provence = participant(&page, "Provence Sécurité Événements");
    let azur = participant(&page, "Azur Protection Services");
    let ask = [("event_id", event.as_str()), ("participant_id", provence.as_str())];
    for email in ["organisateur@cordon.test", "commissariat@cordon.test", "prefecture@cordon.test"] {
        let other = app.demo_client(email).await;
        let (status, body, _) = app.call(&other, "propose_schedule", &ask).await;
        assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::PARTICIPANT_NOT_YOURS)), "{email}");
        let accept = [
            ("event_id", event.as_str()),
            ("participant_id", provence.as_str()),
            ("fingerprint", "x"),
            ("steps", "1"),
            ("agent_ids[]", "y"),
        ];
        let (status, _, _) = app.call(&other, "accept_schedule", &accept).await;
        assert_eq!(status, 422, "{email}");
    }
    // Nor for another company of the same event.
    let (status, _, _) = app
        .call(&company, "propose_schedule", &[("event_id", event.as_str()), ("participant_id", azur.as_str())])
        .await;
    assert_eq!(status, 422);
    let anonymous = app.client();
    let (status, _, _) = app.call(&anonymous, "propose_schedule", &ask).await;
    assert_eq!(status, 401);
    app.stop().await;
}

#[tokio::test]
async fn accepting_nothing_or_an_outdated_proposal_changes_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let before = plan(&app, &company, &event).await;
    let provence = participant(&before, "Provence Sécurité Événements");
    let (_, proposal, _) =
        app.call(&company, "propose_schedule", &[("event_id", &event), ("participant_id", &provence)]).await;
    let fingerprint = proposal["fingerprint"].as_str().unwrap();
    let steps = proposal["steps"].as_u64().unwrap().to_string();
    let (status, body, _) = app
        .call(
            &company,
            "accept_schedule",
            &[("event_id", &event), ("participant_id", &provence), ("fingerprint", fingerprint), ("steps", &steps)],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["Invalid"]["field"], "agent_ids");
    let agent = changed_agents(&proposal)[0].clone();
    let outdated = "0".repeat(64);
    let (status, body, _) = app
        .call(
            &company,
            "accept_schedule",
            &[
                ("event_id", &event),
                ("participant_id", &provence),
                ("fingerprint", &outdated),
                ("steps", &steps),
                ("agent_ids[]", &agent),
            ],
        )
        .await;
    assert_eq!((status, body["Refused"].as_str()), (422, Some(app::text::PROPOSAL_STALE)));
    let after = plan(&app, &company, &event).await;
    assert_eq!(after["plan"]["deployments"], before["plan"]["deployments"]);
    app.stop().await;
}
