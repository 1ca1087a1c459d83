//! Tests of [`super::compute_coverage`] on real-looking plans.

use super::*;
use crate::domain::plan::actors::{AgentDraft, Qualification};
use crate::domain::plan::deployment::{DeploymentDraft, MissionCategory, Visibility};
use crate::domain::plan::event::EventDraft;
use crate::domain::plan::fixtures::{festival_draft, id, july};
use crate::domain::plan::need::NeedDraft;

const NORTH: u32 = 10;
const GATE_3: u32 = 11;
const SECURITAS: u32 = 20;

fn festival() -> Event {
    Event::new(festival_draft()).unwrap()
}

fn agent(n: u32, sex: Sex, qualifications: &[Qualification]) -> Agent {
    Agent::new(AgentDraft {
        id: id(n),
        participant_id: id(SECURITAS),
        display_name: format!("Agent {n}"),
        qualifications: qualifications.iter().copied().collect(),
        sex: Some(sex),
        cnaps_card: None,
        availability: vec![],
    })
    .unwrap()
}

/// "Entrée Nord, 18:00–23:30, 6 agents palpation dont 2 femmes" on 10 July.
fn north_pat_downs() -> NeedDraft {
    NeedDraft {
        id: id(200),
        zone_id: id(NORTH),
        post_id: None,
        window: july((10, 18, 0), (10, 23, 30)),
        qualification: Some(Qualification::Palpation),
        min: 6,
        max: None,
        priority: 1,
        min_women: 2,
        min_men: 0,
    }
}

fn deployment(n: u32, window: TimeWindow, headcount: u32, agents: &[u32]) -> DeploymentDraft {
    DeploymentDraft {
        id: id(n),
        participant_id: id(SECURITAS),
        zone_id: id(NORTH),
        post_id: None,
        window,
        headcount,
        agent_ids: agents.iter().map(|&a| id(a)).collect(),
        category: MissionCategory::Filtrage,
        mission: "Palpations et contrôle visuel des sacs".into(),
        radio: Some("Canal 1".into()),
        visibility: Visibility::AllParticipants,
    }
}

fn team() -> Vec<Agent> {
    let palpation = [Qualification::CqpAps, Qualification::Palpation];
    vec![
        agent(100, Sex::Femme, &palpation),
        agent(101, Sex::Homme, &palpation),
        agent(102, Sex::Homme, &palpation),
        agent(103, Sex::Homme, &palpation),
        agent(104, Sex::Homme, &[Qualification::CqpAps]),
    ]
}

#[test]
fn four_pat_down_agents_at_the_north_entrance_leave_a_gap_of_two_from_18_00_to_23_30() {
    let shift = Deployment::new(deployment(300, july((10, 18, 0), (10, 23, 30)), 0, &[100, 101, 102, 103])).unwrap();
    let report = compute_coverage(&festival(), &[Need::new(north_pat_downs()).unwrap()], &[shift], &team());
    assert_eq!(report.gaps, vec![Gap { need_id: id(200), window: july((10, 18, 0), (10, 23, 30)), missing: 2 }]);
    let interval = CoverageInterval { window: july((10, 18, 0), (10, 23, 30)), staffed: 4, required: 6 };
    assert_eq!(report.needs[0].intervals, vec![interval]);
    let women = SexGap { need_id: id(200), sex: Sex::Femme, window: july((10, 18, 0), (10, 23, 30)), missing: 1 };
    assert_eq!(report.sex_gaps, vec![women]);
    assert!(report.double_bookings.is_empty() && report.outside_event.is_empty());
}

#[test]
fn an_agent_without_the_palpation_qualification_or_an_anonymous_headcount_does_not_count() {
    let named = Deployment::new(deployment(300, july((10, 18, 0), (10, 23, 30)), 0, &[100, 104])).unwrap();
    let counted = Deployment::new(deployment(301, july((10, 18, 0), (10, 23, 30)), 12, &[])).unwrap();
    let report = compute_coverage(&festival(), &[Need::new(north_pat_downs()).unwrap()], &[named, counted], &team());
    assert_eq!(report.gaps, vec![Gap { need_id: id(200), window: july((10, 18, 0), (10, 23, 30)), missing: 5 }]);
}

#[test]
fn without_a_qualification_a_deployment_counts_its_headcount_or_its_named_agents() {
    let need = Need::new(NeedDraft { qualification: None, min_women: 0, ..north_pat_downs() }).unwrap();
    let counted = Deployment::new(deployment(300, july((10, 18, 0), (10, 21, 0)), 3, &[104])).unwrap();
    let named = Deployment::new(deployment(301, july((10, 20, 0), (10, 23, 30)), 0, &[100, 101])).unwrap();
    let report = compute_coverage(&festival(), &[need], &[counted, named], &team());
    let staffed: Vec<u32> = report.needs[0].intervals.iter().map(|i| i.staffed).collect();
    assert_eq!(staffed, vec![3, 5, 2]);
    assert_eq!(
        report.gaps,
        vec![
            Gap { need_id: id(200), window: july((10, 18, 0), (10, 20, 0)), missing: 3 },
            Gap { need_id: id(200), window: july((10, 20, 0), (10, 21, 0)), missing: 1 },
            Gap { need_id: id(200), window: july((10, 21, 0), (10, 23, 30)), missing: 4 },
        ]
    );
}

#[test]
fn a_deployment_at_a_post_counts_for_its_zone_but_a_zone_deployment_not_for_a_post() {
    let zone_need = Need::new(NeedDraft { qualification: None, min_women: 0, min: 2, ..north_pat_downs() }).unwrap();
    let post_need = Need::new(NeedDraft { id: id(201), post_id: Some(id(GATE_3)), ..zone_need.clone().into() });
    let at_gate = DeploymentDraft { post_id: Some(id(GATE_3)), ..deployment(300, zone_need.window(), 2, &[]) };
    let in_zone = deployment(301, zone_need.window(), 5, &[]);
    let deployments = [Deployment::new(at_gate).unwrap(), Deployment::new(in_zone).unwrap()];
    let report = compute_coverage(&festival(), &[zone_need, post_need.unwrap()], &deployments, &[]);
    assert_eq!(report.needs[0].intervals[0].staffed, 7);
    assert_eq!(report.needs[1].intervals[0].staffed, 2);
    assert!(report.gaps.is_empty());
}

#[test]
fn a_deployment_in_another_zone_does_not_count() {
    let elsewhere = DeploymentDraft { zone_id: id(12), ..deployment(300, july((10, 18, 0), (10, 23, 30)), 0, &[100]) };
    let report = compute_coverage(
        &festival(),
        &[Need::new(north_pat_downs()).unwrap()],
        &[Deployment::new(elsewhere).unwrap()],
        &team(),
    );
    assert_eq!(report.gaps[0].missing, 6);
}

#[test]
fn an_agent_in_two_overlapping_deployments_is_double_booked_over_the_overlap() {
    let north = Deployment::new(deployment(300, july((10, 18, 0), (10, 23, 30)), 0, &[100, 101])).unwrap();
    let stage = DeploymentDraft { zone_id: id(13), ..deployment(301, july((10, 22, 0), (11, 2, 0)), 0, &[101]) };
    let relay = deployment(302, july((10, 23, 30), (11, 2, 0)), 0, &[100]);
    let deployments = [Deployment::new(stage).unwrap(), north, Deployment::new(relay).unwrap()];
    let report = compute_coverage(&festival(), &[], &deployments, &team());
    let expected =
        DoubleBooking { agent_id: id(101), first: id(300), second: id(301), overlap: july((10, 22, 0), (10, 23, 30)) };
    assert_eq!(report.double_bookings, vec![expected]);
}

#[test]
fn deployments_before_the_set_up_or_after_the_tear_down_are_outside_the_event() {
    let early = Deployment::new(deployment(302, july((9, 7, 0), (9, 12, 0)), 2, &[])).unwrap();
    let setup = Deployment::new(deployment(300, july((9, 8, 0), (9, 12, 0)), 2, &[])).unwrap();
    let late = Deployment::new(deployment(301, july((12, 10, 0), (12, 13, 0)), 2, &[])).unwrap();
    let report = compute_coverage(&festival(), &[], &[late, setup, early], &[]);
    assert_eq!(report.outside_event, vec![id(301), id(302)]);
}

#[test]
fn without_set_up_a_deployment_before_the_opening_is_outside_the_event() {
    let event = Event::new(EventDraft { setup: None, ..festival_draft() }).unwrap();
    let before = Deployment::new(deployment(300, july((10, 17, 0), (10, 19, 0)), 2, &[])).unwrap();
    assert_eq!(compute_coverage(&event, &[], &[before], &[]).outside_event, vec![id(300)]);
}

#[test]
fn the_report_does_not_depend_on_the_order_of_the_inputs() {
    let needs =
        [Need::new(north_pat_downs()).unwrap(), Need::new(NeedDraft { id: id(199), ..north_pat_downs() }).unwrap()];
    let deployments: Vec<Deployment> = (0..4)
        .map(|k| {
            Deployment::new(deployment(300 + k, july((10, 17 + k, 0), (10, 20 + k, 0)), 0, &[100 + k % 4])).unwrap()
        })
        .collect();
    let forward = compute_coverage(&festival(), &needs, &deployments, &team());
    let (mut needs_back, mut deployments_back, mut team_back) = (needs.to_vec(), deployments.clone(), team());
    needs_back.reverse();
    deployments_back.reverse();
    team_back.reverse();
    assert_eq!(compute_coverage(&festival(), &needs_back, &deployments_back, &team_back), forward);
    assert_eq!(forward.needs[0].need_id, id(199));
}

#[test]
fn two_thousand_deployments_over_forty_zones_and_48_hours_are_all_accounted_for() {
    let zone = |z: u32| id(1_000 + z);
    let needs: Vec<Need> = (0..40)
        .map(|z| {
            let window = july((10, 12, 0), (12, 12, 0));
            Need::new(NeedDraft {
                id: id(2_000 + z),
                zone_id: zone(z),
                window,
                qualification: None,
                min_women: 0,
                ..north_pat_downs()
            })
            .unwrap()
        })
        .collect();
    let deployments: Vec<Deployment> = (0..2_000)
        .map(|k| {
            let start =
                july((10, 12, 0), (10, 13, 0)).start().plus(crate::domain::time::Span::minutes(i64::from(k % 44) * 60));
            let window = TimeWindow::new(start, start.plus(crate::domain::time::Span::hours(4))).unwrap();
            Deployment::new(DeploymentDraft { zone_id: zone(k % 40), ..deployment(10_000 + k, window, 1, &[]) })
                .unwrap()
        })
        .collect();
    let report = compute_coverage(&festival(), &needs, &deployments, &[]);
    assert_eq!(report.needs.len(), 40);
    for coverage in &report.needs {
        let staffed_hours: i64 = coverage.intervals.iter().map(|i| i64::from(i.staffed) * i.window.duration().0).sum();
        // Each zone holds 50 one-agent deployments of 4 hours, all inside the need's window.
        assert_eq!(staffed_hours, 50 * 4 * 3_600_000, "{}", coverage.need_id);
    }
}
