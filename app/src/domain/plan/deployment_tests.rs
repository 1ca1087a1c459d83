//! Tests of [`super::Deployment`].

use super::*;
use crate::domain::plan::fixtures::{id, paris};
use crate::domain::time::Span;

/// A night patrol by the municipal police across the October 2026 change to winter time.
fn night_patrol() -> DeploymentDraft {
    DeploymentDraft {
        id: id(300),
        participant_id: id(21),
        zone_id: id(12),
        post_id: None,
        window: TimeWindow::new(paris(2026, 10, 24, 22, 0), paris(2026, 10, 25, 6, 0)).unwrap(),
        headcount: 4,
        agent_ids: vec![],
        category: MissionCategory::Patrouille,
        mission: "Patrouille pédestre rue de la République".into(),
        radio: Some(" Canal 2 ".into()),
        visibility: Visibility::AllParticipants,
    }
}

#[test]
fn a_deployment_across_the_october_dst_change_lasts_nine_hours() {
    let deployment = Deployment::new(night_patrol()).unwrap();
    assert_eq!(deployment.window().duration(), Span::hours(9));
    assert_eq!(deployment.radio(), Some("Canal 2"));
}

#[test]
fn a_deployment_across_the_march_dst_change_lasts_seven_hours() {
    let window = TimeWindow::new(paris(2026, 3, 28, 22, 0), paris(2026, 3, 29, 6, 0)).unwrap();
    let deployment = Deployment::new(DeploymentDraft { window, ..night_patrol() }).unwrap();
    assert_eq!(deployment.window().duration(), Span::hours(7));
}

#[test]
fn the_staffed_headcount_is_the_larger_of_the_count_and_the_named_agents() {
    let two_named = DeploymentDraft { agent_ids: vec![id(100), id(101)], ..night_patrol() };
    assert_eq!(Deployment::new(two_named.clone()).unwrap().staffed_headcount(), 4);
    let only_named = DeploymentDraft { headcount: 0, ..two_named.clone() };
    assert_eq!(Deployment::new(only_named).unwrap().staffed_headcount(), 2);
    let five_named = DeploymentDraft { agent_ids: (100..105).map(id).collect(), ..two_named };
    assert_eq!(Deployment::new(five_named).unwrap().staffed_headcount(), 5);
}

#[test]
fn a_deployment_of_nobody_is_refused() {
    let draft = DeploymentDraft { headcount: 0, agent_ids: vec![], ..night_patrol() };
    assert_eq!(Deployment::new(draft), Err(PlanError::EmptyDeployment));
}

#[test]
fn a_headcount_of_a_billion_is_refused() {
    let draft = DeploymentDraft { headcount: 1_000_000_000, ..night_patrol() };
    assert_eq!(Deployment::new(draft), Err(PlanError::HeadcountOutOfRange));
}

#[test]
fn an_agent_named_twice_even_in_different_case_is_refused() {
    let agent = "67e55044-10b1-426f-9247-bb680e5fe0c8";
    let twice = vec![agent.to_string(), agent.to_uppercase()];
    let draft = DeploymentDraft { agent_ids: twice, ..night_patrol() };
    assert_eq!(Deployment::new(draft), Err(PlanError::DuplicateAgent));
}

#[test]
fn a_deployment_survives_a_json_round_trip_with_stable_codes() {
    let deployment = Deployment::new(night_patrol()).unwrap();
    let json = serde_json::to_string(&deployment).unwrap();
    assert!(json.contains(r#""category":"patrouille""#), "{json}");
    assert!(json.contains(r#""visibility":"all_participants""#), "{json}");
    assert_eq!(serde_json::from_str::<Deployment>(&json).unwrap(), deployment);
}

#[test]
fn mission_categories_read_in_french() {
    assert_eq!(MissionCategory::Pc.label(), "Poste de commandement");
    assert_eq!(Visibility::Restricted.code(), "restricted");
}
