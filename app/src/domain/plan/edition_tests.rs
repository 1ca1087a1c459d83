use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::compliance::fixtures::{self as f, Edit};
use crate::domain::plan::{local_instant, OrderKind, PrefectOrder, PrefectOrderFields};

/// Ids handed out in order: `a0000000-…-000000000001`, `…02`, …
fn counter() -> impl FnMut() -> String {
    let mut n = 0u32;
    move || {
        n += 1;
        format!("a0000000-0000-4000-8000-{n:012}")
    }
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

/// A window's start and end as wall-clock times in `zone`.
fn local(zone: Tz, window: TimeWindow) -> (String, String) {
    let show = |i: Instant| wall_clock(zone, i).format("%Y-%m-%dT%H:%M").to_string();
    (show(window.start()), show(window.end()))
}

fn hours(window: TimeWindow) -> f64 {
    window.duration().0 as f64 / 3_600_000.0
}

fn ids_of(plan: &Plan) -> BTreeSet<String> {
    let mut ids = BTreeSet::from([plan.event.id().to_string()]);
    ids.extend(plan.zones.iter().map(|r| r.id().to_string()));
    ids.extend(plan.posts.iter().map(|r| r.id().to_string()));
    ids.extend(plan.participants.iter().map(|r| r.id().to_string()));
    ids.extend(plan.agents.iter().map(|r| r.id().to_string()));
    ids.extend(plan.needs.iter().map(|r| r.id().to_string()));
    ids.extend(plan.deployments.iter().map(|r| r.id().to_string()));
    ids
}

/// Every reference of `plan` points at one of its records.
fn references_hold(plan: &Plan) {
    let zones: BTreeSet<&str> = plan.zones.iter().map(|z| z.id()).collect();
    let posts: BTreeSet<&str> = plan.posts.iter().map(|p| p.id()).collect();
    let participants: BTreeSet<&str> = plan.participants.iter().map(|p| p.id()).collect();
    for post in &plan.posts {
        assert!(zones.contains(post.zone_id()));
    }
    for agent in &plan.agents {
        assert!(participants.contains(agent.participant_id()));
    }
    for need in &plan.needs {
        assert!(zones.contains(need.zone_id()));
        assert!(need.post_id().is_none_or(|p| posts.contains(p)));
    }
    for d in &plan.deployments {
        assert!(participants.contains(d.participant_id()) && zones.contains(d.zone_id()));
        for agent in d.agent_ids() {
            let agent = plan.agents.iter().find(|a| a.id() == agent).expect("a named agent of the plan");
            assert_eq!(agent.participant_id(), d.participant_id());
        }
    }
}

/// The fête with its evening moved to `start`–`end` (Paris wall-clock times) and one
/// deployment of the municipal police over `traffic`.
fn fete_at(start: &str, end: &str, traffic: (&str, &str)) -> Plan {
    let paris = chrono_tz::Europe::Paris;
    let window = |a: &str, b: &str| {
        TimeWindow::new(local_instant(paris, at(a)).unwrap(), local_instant(paris, at(b)).unwrap()).unwrap()
    };
    let evening = window(start, end);
    let traffic = window(traffic.0, traffic.1);
    let mut plan = Edit::compliant().event(|e| e.window = evening).0;
    for d in &mut plan.deployments {
        let mut draft = DeploymentDraft::from(d.clone());
        draft.window = if draft.id == f::id(f::TRAFFIC) { traffic } else { evening };
        *d = Deployment::new(draft).unwrap();
    }
    for n in &mut plan.needs {
        let mut draft = NeedDraft::from(n.clone());
        draft.window = evening;
        *n = Need::new(draft).unwrap();
    }
    plan
}

#[test]
fn next_years_edition_keeps_every_local_time_of_day_under_new_ids() {
    let old = f::compliant_plan();
    let new = next_edition(&old, at("2027-06-19T18:00"), &mut counter()).unwrap();
    let paris = chrono_tz::Europe::Paris;
    assert_eq!(local(paris, new.event.window()), ("2027-06-19T18:00".into(), "2027-06-19T23:00".into()));
    let traffic = new.deployments.iter().find(|d| d.category() == super::super::MissionCategory::Circulation).unwrap();
    assert_eq!(local(paris, traffic.window()), ("2027-06-19T18:00".into(), "2027-06-19T22:30".into()));
    assert_eq!(local(paris, new.needs[0].window()), ("2027-06-19T18:00".into(), "2027-06-19T23:00".into()));
    assert!(ids_of(&old).is_disjoint(&ids_of(&new)), "no id of the old edition is reused");
    assert_eq!(ids_of(&new).len(), ids_of(&old).len());
    references_hold(&new);
    assert_eq!(new.event.name(), "Fête de la Saint-Jean");
    let roles =
        |p: &Plan| p.participants.iter().map(|p| (p.organisation_id().to_string(), p.role())).collect::<Vec<_>>();
    let (mut before, mut after) = (roles(&old), roles(&new));
    before.sort();
    after.sort();
    assert_eq!(before, after, "the same organisations, in the same roles");
    assert_eq!(new.deployments.len(), 4);
    assert_eq!(new.zones.len(), 4);
    assert_eq!(new.posts.len(), 1);
}

#[test]
fn across_the_spring_change_the_wall_clock_stays_and_the_night_is_an_hour_shorter() {
    // 2026: clocks go forward on 29 March; 2027: on 28 March at 02:00.
    let old = fete_at("2026-03-21T20:00", "2026-03-22T04:00", ("2026-03-22T01:00", "2026-03-22T03:00"));
    let new = next_edition(&old, at("2027-03-27T20:00"), &mut counter()).unwrap();
    let paris = chrono_tz::Europe::Paris;
    assert_eq!(local(paris, new.event.window()), ("2027-03-27T20:00".into(), "2027-03-28T04:00".into()));
    assert_eq!((hours(old.event.window()), hours(new.event.window())), (8.0, 7.0));
    let traffic = new.deployments.iter().find(|d| d.window() != new.event.window()).unwrap();
    assert_eq!(local(paris, traffic.window()), ("2027-03-28T01:00".into(), "2027-03-28T03:00".into()));
    assert_eq!(hours(traffic.window()), 1.0);
}

#[test]
fn a_time_the_spring_change_skips_becomes_the_first_minute_after_the_gap() {
    let old = fete_at("2026-03-21T20:00", "2026-03-22T04:00", ("2026-03-22T02:30", "2026-03-22T05:00"));
    let new = next_edition(&old, at("2027-03-27T20:00"), &mut counter()).unwrap();
    let traffic = new.deployments.iter().find(|d| d.window() != new.event.window()).unwrap();
    let paris = chrono_tz::Europe::Paris;
    assert_eq!(local(paris, traffic.window()), ("2027-03-28T03:00".into(), "2027-03-28T05:00".into()));
}

#[test]
fn a_window_wholly_inside_the_skipped_hour_keeps_its_length() {
    let old = fete_at("2026-03-21T20:00", "2026-03-22T04:00", ("2026-03-22T02:15", "2026-03-22T02:45"));
    let new = next_edition(&old, at("2027-03-27T20:00"), &mut counter()).unwrap();
    let traffic = new.deployments.iter().find(|d| d.window() != new.event.window()).unwrap();
    assert_eq!(local(chrono_tz::Europe::Paris, traffic.window()).0, "2027-03-28T03:00");
    assert_eq!(hours(traffic.window()), 0.5);
}

#[test]
fn a_new_start_in_the_skipped_hour_is_refused() {
    let old = f::compliant_plan();
    assert_eq!(next_edition(&old, at("2027-03-28T02:30"), &mut counter()).unwrap_err(), PlanError::LocalTimeSkipped);
}

#[test]
fn across_the_autumn_change_the_wall_clock_stays_and_the_doubled_hour_is_its_first_occurrence() {
    // 2026: clocks go back on 25 October at 03:00; 2027: on 31 October.
    let old = fete_at("2026-10-24T20:00", "2026-10-25T04:00", ("2026-10-25T01:00", "2026-10-25T03:30"));
    assert_eq!(hours(old.event.window()), 9.0);
    let new = next_edition(&old, at("2027-10-23T20:00"), &mut counter()).unwrap();
    let paris = chrono_tz::Europe::Paris;
    assert_eq!(local(paris, new.event.window()), ("2027-10-23T20:00".into(), "2027-10-24T04:00".into()));
    assert_eq!(hours(new.event.window()), 8.0);
    let traffic = new.deployments.iter().find(|d| d.window() != new.event.window()).unwrap();
    assert_eq!(hours(traffic.window()), 2.5);
    // And back into the night with the doubled hour: 02:30 is its first occurrence (summer time).
    let back = fete_at("2027-10-30T20:00", "2027-10-31T04:00", ("2027-10-31T02:30", "2027-10-31T04:00"));
    let new = next_edition(&back, at("2026-10-24T20:00"), &mut counter()).unwrap();
    let traffic = new.deployments.iter().find(|d| d.window() != new.event.window()).unwrap();
    let expected = local_instant(paris, at("2026-10-25T02:30")).unwrap();
    assert_eq!(traffic.window().start(), expected);
    assert_eq!(hours(traffic.window()), 2.5, "02:30 summer time to 04:00 winter time");
}

#[test]
fn an_overseas_event_moves_in_its_own_zone() {
    // Saint-Denis de La Réunion: UTC+4 all year.
    let old = Edit::compliant()
        .event(|e| {
            e.commune_code = "97411".into();
            e.commune_name = "Saint-Denis".into();
            e.time_zone = Some("Indian/Reunion".into());
        })
        .0;
    let reunion = chrono_tz::Indian::Reunion;
    let (start, _) = local(reunion, old.event.window());
    assert_eq!(start, "2026-06-20T20:00", "18:00 in Paris is 20:00 in Réunion");
    let new = next_edition(&old, at("2027-06-19T20:00"), &mut counter()).unwrap();
    assert_eq!(new.event.time_zone(), reunion);
    assert_eq!(local(reunion, new.event.window()), ("2027-06-19T20:00".into(), "2027-06-20T01:00".into()));
    assert_eq!(hours(new.event.window()), hours(old.event.window()));
}

#[test]
fn what_belonged_to_last_years_edition_only_is_left_behind() {
    let entrance = f::id(f::ENTRANCE);
    let old = Edit::compliant()
        .event(|e| {
            e.legal.orders = vec![PrefectOrder::new(PrefectOrderFields {
                kind: OrderKind::PalpationL613_2,
                number: "13-2026-06-0412".into(),
                signed_on: NaiveDate::from_ymd_opt(2026, 6, 1),
                valid: None,
                zone_ids: vec![entrance.clone()],
            })
            .unwrap()];
            e.legal.declaration_deposee_le = NaiveDate::from_ymd_opt(2026, 4, 2);
        })
        .participant(f::MUNICIPAL, |p| p.arrete_l512_3 = Some("Arrêté 2026-118".into()))
        .agent(f::NADIA, |a| a.availability = vec![f::evening()])
        .0;
    let new = next_edition(&old, at("2027-06-19T18:00"), &mut counter()).unwrap();
    assert!(new.event.legal().orders.is_empty(), "an order covers one edition");
    assert_eq!(new.event.legal().declaration_deposee_le, None);
    assert!(new.event.legal().palpations_sous_controle_opj, "the standing facts stay");
    assert!(new.participants.iter().all(|p| p.arrete_l512_3().is_none()));
    assert!(new.agents.iter().all(|a| a.availability().is_empty()));
    let nadia = new.agents.iter().find(|a| a.display_name() == "Nadia B.").unwrap();
    assert_eq!(nadia.cnaps_card().map(|c| c.number()), Some("CAR-013-2029-100"), "the card is kept, checked again");
    // A copy of the same edition keeps them all, the order's zone followed to its new id.
    let copy = copy_plan(&old, &mut counter()).unwrap();
    assert_eq!(copy.event.window(), old.event.window());
    let order = &copy.event.legal().orders[0];
    let new_entrance = copy.zones.iter().find(|z| z.name() == "Entrée Quai Brescon").unwrap().id();
    assert_eq!(order.zone_ids(), [new_entrance.to_string()]);
    assert_eq!(copy.agents.iter().map(|a| a.availability().len()).sum::<usize>(), 1);
    assert!(ids_of(&old).is_disjoint(&ids_of(&copy)));
    references_hold(&copy);
}

#[test]
fn the_year_in_the_events_name_follows_the_new_date() {
    let day = |y| NaiveDate::from_ymd_opt(y, 6, 20).unwrap();
    assert_eq!(renamed_for("Fête de la Saint-Jean 2026", day(2026), day(2027)), "Fête de la Saint-Jean 2027");
    assert_eq!(renamed_for("Édition 2026 – 2026", day(2026), day(2028)), "Édition 2028 – 2028");
    assert_eq!(renamed_for("Salle 20265", day(2026), day(2027)), "Salle 20265");
    assert_eq!(renamed_for("Fête 2026", day(2026), day(2026)), "Fête 2026");
}

#[test]
fn an_organiser_brings_in_its_own_agents_and_no_restricted_deployment_it_cannot_read() {
    use crate::domain::plan::{AgentDetail, Audience, EventAccess, Visibility};
    let plan = Edit::compliant().deployment(f::COMMAND, |d| d.visibility = Visibility::Restricted).0;
    let organiser = EventAccess {
        audience: Audience::Others,
        agents: AgentDetail::Names,
        organiser: true,
        own_participant_ids: vec![f::id(f::ORGANISER)],
        restricting_participant_ids: vec![],
    };
    let brought = as_brought_by(plan.clone(), &organiser).unwrap();
    assert!(brought.agents.is_empty(), "the company's agents are the company's to name");
    let filtering = brought.deployments.iter().find(|d| d.id() == f::id(f::FILTERING)).unwrap();
    assert_eq!((filtering.agent_ids().len(), filtering.staffed_headcount()), (0, 4), "the same headcount, unnamed");
    assert!(brought.deployments.iter().all(|d| d.id() != f::id(f::COMMAND)), "the police's restricted one");
    assert_eq!(brought.deployments.len(), plan.deployments.len() - 1);
    let company = EventAccess { own_participant_ids: vec![f::id(f::COMPANY)], ..organiser };
    assert_eq!(as_brought_by(plan, &company).unwrap().agents.len(), 2, "its own agents, whole");
}
