use std::collections::BTreeSet;

use super::fixtures::*;
use super::*;
use crate::domain::plan::{AgentDetail, Audience, DeploymentDraft, EventAccess, MissionCategory};
use crate::domain::time::{Instant, Span};

fn publish_at(hours_after: i64) -> Instant {
    at(chrono_tz::Europe::Paris, (2026, 6, 1), (9, 0)).plus(Span::hours(hours_after))
}

/// The organiser (for `Others`) or a State force (for `StateAndPrefecture`): both read names.
fn reader(audience: Audience) -> EventAccess {
    EventAccess {
        audience,
        agents: AgentDetail::Names,
        organiser: audience == Audience::Others,
        own_participant_ids: vec![],
        restricting_participant_ids: vec![],
    }
}

fn v1() -> Release {
    Release::publish(None, saint_jean(), "Première diffusion", publish_at(0)).unwrap()
}

fn kinds(changelog: &Changelog) -> Vec<(String, ChangeKind)> {
    changelog.changes.iter().map(|c| (c.deployment_id.clone(), c.kind.clone())).collect()
}

#[test]
fn the_first_release_is_v1_and_every_deployment_in_it_is_new() {
    let release = v1();
    assert_eq!(release.number().to_string(), "v1");
    assert_eq!(release.comment(), "Première diffusion");
    // Ordered by start: the command post at 16:00, the filtering at 18:00, the patrol at 20:00.
    assert_eq!(
        kinds(release.changelog()),
        vec![(id(PC_SHIFT), ChangeKind::New), (id(FILTERING), ChangeKind::New), (id(PATROL), ChangeKind::New)]
    );
    let history = release.history(&id(FILTERING)).unwrap();
    assert_eq!((history.sequence, history.last_changed, history.created), (0, publish_at(0), publish_at(0)));
}

#[test]
fn a_later_start_is_a_move_that_increments_the_sequence_and_the_last_change() {
    let first = v1();
    let moved = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { window: june((20, 19), (20, 23)), ..d });
    let second = Release::publish(Some(&first), moved, "", publish_at(24)).unwrap();
    assert_eq!(second.number().to_string(), "v2");
    let expected = Modifications { time: true, ..Modifications::default() };
    assert_eq!(kinds(second.changelog()), vec![(id(FILTERING), ChangeKind::Modified(expected))]);
    let history = second.history(&id(FILTERING)).unwrap();
    assert_eq!((history.sequence, history.last_changed, history.created), (1, publish_at(24), publish_at(0)));
    assert_eq!(history.last_changed_in, ReleaseNumber::new(2).unwrap());
    // The others did not change: their last change stays in v1.
    assert_eq!(second.history(&id(PATROL)).unwrap().last_changed, publish_at(0));
}

#[test]
fn a_changed_headcount_or_mission_updates_the_last_change_but_not_the_sequence() {
    let first = v1();
    let plan =
        with_deployment(saint_jean(), PATROL, |d| DeploymentDraft { headcount: 4, mission: "Autre".into(), ..d });
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    let expected = Modifications { headcount: true, details: true, ..Modifications::default() };
    assert_eq!(kinds(second.changelog()), vec![(id(PATROL), ChangeKind::Modified(expected))]);
    let history = second.history(&id(PATROL)).unwrap();
    assert_eq!((history.sequence, history.last_changed), (0, publish_at(1)));
}

#[test]
fn naming_the_same_agents_in_another_order_is_no_change() {
    let first = v1();
    let plan =
        with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { agent_ids: vec![id(KARIM), id(NADIA)], ..d });
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    assert!(second.changelog().is_empty());
}

#[test]
fn a_removed_deployment_is_cancelled_and_kept_with_its_last_published_form() {
    let first = v1();
    let second =
        Release::publish(Some(&first), without_deployment(saint_jean(), FILTERING), "", publish_at(2)).unwrap();
    assert_eq!(kinds(second.changelog()), vec![(id(FILTERING), ChangeKind::Cancelled)]);
    let history = second.history(&id(FILTERING)).unwrap();
    let cancellation = history.cancelled.as_ref().unwrap();
    assert_eq!((cancellation.release.get(), cancellation.at), (2, publish_at(2)));
    assert_eq!(cancellation.deployment.agent_ids(), &[id(NADIA), id(KARIM)]);
    assert_eq!(cancellation.zone.as_ref().unwrap().name(), "Entrée Nord");
    assert_eq!(history.sequence, 1);
    // A third release without it keeps the cancellation of v2.
    let third =
        Release::publish(Some(&second), without_deployment(saint_jean(), FILTERING), "", publish_at(3)).unwrap();
    assert_eq!(third.history(&id(FILTERING)).unwrap().cancelled.as_ref().unwrap().release.get(), 2);
}

#[test]
fn a_cancelled_deployment_that_comes_back_is_new_again_with_a_higher_sequence() {
    let first = v1();
    let second =
        Release::publish(Some(&first), without_deployment(saint_jean(), FILTERING), "", publish_at(2)).unwrap();
    let third = Release::publish(Some(&second), saint_jean(), "", publish_at(3)).unwrap();
    assert_eq!(kinds(third.changelog()), vec![(id(FILTERING), ChangeKind::New)]);
    let history = third.history(&id(FILTERING)).unwrap();
    assert_eq!((history.sequence, history.cancelled.is_none(), history.created), (2, true, publish_at(0)));
}

#[test]
fn the_participants_and_agents_of_changed_deployments_are_the_ones_affected() {
    let first = v1();
    let plan = with_deployment(without_deployment(saint_jean(), PATROL), FILTERING, |d| DeploymentDraft {
        agent_ids: vec![id(NADIA)],
        ..d
    });
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    let (participants, agents) = ([id(POLICE), id(COMPANY)], [id(NADIA), id(KARIM)]);
    assert_eq!(
        second.changelog().affected_participants(),
        participants.iter().map(String::as_str).collect::<BTreeSet<_>>()
    );
    assert_eq!(second.changelog().affected_agents(), agents.iter().map(String::as_str).collect::<BTreeSet<_>>());
}

#[test]
fn a_release_not_after_the_previous_one_or_of_another_event_is_refused() {
    let first = v1();
    assert_eq!(Release::publish(Some(&first), saint_jean(), "", publish_at(0)), Err(ReleaseError::NotAfterPrevious));
    let mut other = saint_jean();
    let draft: crate::domain::plan::EventDraft = other.event.clone().into();
    other.event = crate::domain::plan::Event::new(crate::domain::plan::EventDraft { id: id(2), ..draft }).unwrap();
    assert_eq!(Release::publish(Some(&first), other, "", publish_at(1)).map(|_| ()), Err(ReleaseError::OtherEvent));
    let long = "é".repeat(MAX_COMMENT + 1);
    assert_eq!(Release::publish(None, saint_jean(), &long, publish_at(0)), Err(ReleaseError::CommentTooLong));
}

#[test]
fn a_release_read_back_from_json_is_the_same_release() {
    let first = v1();
    let second =
        Release::publish(Some(&first), without_deployment(saint_jean(), FILTERING), "v2", publish_at(2)).unwrap();
    let json = serde_json::to_string(&second).unwrap();
    assert_eq!(serde_json::from_str::<Release>(&json).unwrap(), second);
    assert!(json.contains(r#""number":2"#), "{json}");
}

#[test]
fn the_french_diff_names_what_moved_was_added_and_was_cancelled() {
    let first = v1();
    let plan = with_deployment(without_deployment(saint_jean(), PC_SHIFT), FILTERING, |d| DeploymentDraft {
        window: june((20, 19), (21, 0)),
        agent_ids: vec![id(NADIA)],
        ..d
    });
    let plan = {
        let mut plan = plan;
        let extra = draft(103, COMPANY, NORTH, june((21, 0), (21, 2)), MissionCategory::Surveillance);
        plan.deployments.push(crate::domain::plan::Deployment::new(extra).unwrap());
        plan
    };
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    assert_eq!(
        describe_changes(Some(&first), &second, &reader(Audience::Others)),
        vec![
            "Annulé : Poste de commandement · PC sécurité · Comité des fêtes · sam. 20/06 16:00 – dim. 21/06 03:00",
            "Déplacé : Filtrage · Entrée Nord · Provence Sécurité Événements · sam. 20/06 19:00 – dim. 21/06 00:00 — \
             horaires : sam. 20/06 18:00 – sam. 20/06 23:00 → sam. 20/06 19:00 – dim. 21/06 00:00 ; agents : − Karim T.",
            "Nouveau : Surveillance · Entrée Nord · Provence Sécurité Événements · dim. 21/06 00:00 – dim. 21/06 02:00 · 2 agents",
        ]
    );
}

#[test]
fn another_company_reads_the_release_history_without_the_names_of_a_competitors_agents() {
    let first = v1();
    let plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { agent_ids: vec![id(NADIA)], ..d });
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    let competitor = EventAccess {
        audience: Audience::Others,
        agents: AgentDetail::Withheld,
        organiser: false,
        own_participant_ids: vec![],
        restricting_participant_ids: vec![],
    };
    let lines = describe_changes(Some(&first), &second, &competitor).join("\n");
    assert!(lines.contains("agents"), "{lines}");
    assert!(!lines.contains("Karim T."), "{lines}");
    assert!(!lines.contains("Nadia"), "{lines}");
}

#[test]
fn the_french_diff_hides_restricted_deployments_from_those_who_may_not_read_them() {
    let first = v1();
    let plan = with_deployment(saint_jean(), PATROL, |d| DeploymentDraft { headcount: 6, ..d });
    let second = Release::publish(Some(&first), plan, "", publish_at(1)).unwrap();
    assert!(describe_changes(Some(&first), &second, &reader(Audience::Others)).is_empty());
    assert_eq!(
        describe_changes(Some(&first), &second, &reader(Audience::StateAndPrefecture)),
        vec!["Modifié : Patrouille · Entrée Nord · Commissariat de Martigues · sam. 20/06 20:00 – dim. 21/06 02:00 — effectif : 2 → 6"]
    );
}

#[test]
fn the_french_account_of_a_first_release_lists_every_readable_deployment_as_new() {
    let lines = describe_changes(None, &v1(), &reader(Audience::Others));
    assert_eq!(
        lines,
        vec![
            "Nouveau : Poste de commandement · PC sécurité · Comité des fêtes · sam. 20/06 16:00 – dim. 21/06 03:00 · 2 agents",
            "Nouveau : Filtrage · Entrée Nord · Provence Sécurité Événements · sam. 20/06 18:00 – sam. 20/06 23:00 · 2 agents",
        ]
    );
}
