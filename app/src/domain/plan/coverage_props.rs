//! Property tests of [`compute_coverage`]: on random valid plans (1–4 zones, up to 30
//! deployments, windows on a 15-minute grid over 12 hours), the report agrees with a
//! brute-force count made minute by minute.

use std::collections::HashMap;

use proptest::prelude::*;

use super::fixtures::{festival_draft, id, july};
use super::*;
use crate::domain::time::{Instant, Span};

const SLOTS: u32 = 48; // 15-minute slots in 12 hours
const AGENTS: u32 = 8;

fn base() -> Instant {
    july((10, 12, 0), (10, 13, 0)).start()
}

fn slot(n: u32) -> Instant {
    base().plus(Span::minutes(i64::from(n) * 15))
}

fn grid_window() -> impl Strategy<Value = TimeWindow> {
    (0..SLOTS, 1..=SLOTS)
        .prop_map(|(from, length)| TimeWindow::new(slot(from), slot((from + length).min(SLOTS))).unwrap())
}

fn qualification() -> impl Strategy<Value = Option<Qualification>> {
    prop_oneof![Just(None), Just(Some(Qualification::Palpation))]
}

fn agents() -> impl Strategy<Value = Vec<Agent>> {
    let sex = prop_oneof![Just(None), Just(Some(Sex::Femme)), Just(Some(Sex::Homme))];
    prop::collection::vec((any::<bool>(), sex), AGENTS as usize).prop_map(|traits| {
        let agent = |(n, (palpation, sex)): (u32, (bool, Option<Sex>))| {
            let qualifications = if palpation { [Qualification::Palpation].into() } else { Default::default() };
            let display_name = format!("Agent {n}");
            let draft = AgentDraft {
                id: id(100 + n),
                participant_id: id(20),
                display_name,
                qualifications,
                sex,
                cnaps_card: None,
                availability: vec![],
            };
            Agent::new(draft).unwrap()
        };
        (0..AGENTS).zip(traits).map(agent).collect()
    })
}

fn post_of(zone: u32, post: Option<u32>) -> Option<String> {
    post.map(|p| id(500 + zone * 10 + p))
}

/// Zone, post, window, minimum, qualification, women and men wished (capped to the minimum).
type NeedGenes = (u32, Option<u32>, TimeWindow, u32, Option<Qualification>, u32, u32);

fn needs(zones: u32) -> impl Strategy<Value = Vec<Need>> {
    let need = (0..zones, prop::option::of(0..2_u32), grid_window(), 1..=6_u32, qualification(), 0..=3_u32, 0..=3_u32);
    prop::collection::vec(need, 0..=6).prop_map(|drafts| {
        let build = |(n, (zone, post, window, min, qualification, women, men)): (usize, NeedGenes)| {
            let (min_women, min_men) = (women.min(min), men.min(min - women.min(min)));
            let (need_id, zone_id, post_id) = (id(200 + n as u32), id(10 + zone), post_of(zone, post));
            let draft = NeedDraft {
                id: need_id,
                zone_id,
                post_id,
                window,
                qualification,
                min,
                max: None,
                priority: 1,
                min_women,
                min_men,
            };
            Need::new(draft).unwrap()
        };
        drafts.into_iter().enumerate().map(build).collect()
    })
}

fn deployments(zones: u32) -> impl Strategy<Value = Vec<Deployment>> {
    let named = prop::sample::subsequence((0..AGENTS).collect::<Vec<_>>(), 0..=4);
    let deployment = (0..zones, prop::option::of(0..2_u32), grid_window(), 0..=5_u32, named);
    prop::collection::vec(deployment, 0..=30).prop_map(|drafts| {
        let build = |(n, (zone, post, window, headcount, named)): (usize, (u32, _, _, u32, Vec<u32>))| {
            let headcount = if named.is_empty() { headcount.max(1) } else { headcount };
            let draft = DeploymentDraft {
                id: id(300 + n as u32),
                participant_id: id(20),
                zone_id: id(10 + zone),
                post_id: post_of(zone, post),
                window,
                headcount,
                agent_ids: named.iter().map(|a| id(100 + a)).collect(),
                category: MissionCategory::Surveillance,
                mission: String::new(),
                radio: None,
                visibility: Visibility::AllParticipants,
            };
            Deployment::new(draft).unwrap()
        };
        drafts.into_iter().enumerate().map(build).collect()
    })
}

fn plan() -> impl Strategy<Value = (Vec<Need>, Vec<Deployment>, Vec<Agent>)> {
    (1..=4_u32).prop_flat_map(|zones| (needs(zones), deployments(zones), agents()))
}

/// The agents of `deployment` counting for `need` at one minute, counted the slow way.
fn brute_count(need: &Need, deployment: &Deployment, agents: &HashMap<&str, &Agent>, sex: Option<Sex>) -> u32 {
    let same_place =
        deployment.zone_id() == need.zone_id() && need.post_id().is_none_or(|p| deployment.post_id() == Some(p));
    if !same_place {
        return 0;
    }
    if need.qualification().is_none() && sex.is_none() {
        return deployment.headcount().max(deployment.agent_ids().len() as u32);
    }
    let holds = |agent: &&&Agent| need.qualification().is_none_or(|q| agent.qualifications().contains(&q));
    let sexed = |agent: &&&Agent| sex.is_none_or(|s| agent.sex() == Some(s));
    deployment.agent_ids().iter().filter_map(|a| agents.get(a.as_str())).filter(holds).filter(sexed).count() as u32
}

/// Every minute of the need's window with its brute-force staffed count.
fn minutes(need: &Need, deployments: &[Deployment], agents: &[Agent], sex: Option<Sex>) -> Vec<(Instant, u32)> {
    let agents: HashMap<&str, &Agent> = agents.iter().map(|a| (a.id(), a)).collect();
    let total = need.window().duration().0 / 60_000;
    (0..total)
        .map(|m| need.window().start().plus(Span::minutes(m)))
        .map(|at| {
            let present = deployments.iter().filter(|d| d.window().contains(at));
            (at, present.map(|d| brute_count(need, d, &agents, sex)).sum())
        })
        .collect()
}

/// The value the windows assign to `at`, or `None` when no window holds it.
fn lookup(windows: &[(TimeWindow, u32)], at: Instant) -> Option<u32> {
    windows.iter().find(|(w, _)| w.contains(at)).map(|&(_, v)| v)
}

proptest! {
    #[test]
    fn each_needs_intervals_tile_its_window_without_equal_neighbours((needs, deployments, agents) in plan()) {
        let report = compute_coverage(&Event::new(festival_draft()).unwrap(), &needs, &deployments, &agents);
        prop_assert_eq!(report.needs.len(), needs.len());
        for coverage in &report.needs {
            let need = needs.iter().find(|n| n.id() == coverage.need_id).unwrap();
            let intervals = &coverage.intervals;
            prop_assert_eq!(intervals.first().unwrap().window.start(), need.window().start());
            prop_assert_eq!(intervals.last().unwrap().window.end(), need.window().end());
            for pair in intervals.windows(2) {
                prop_assert_eq!(pair[0].window.end(), pair[1].window.start());
                prop_assert_ne!(pair[0].staffed, pair[1].staffed);
            }
            prop_assert!(intervals.iter().all(|i| i.required == need.min()));
        }
    }

    #[test]
    fn staffed_counts_and_gaps_match_a_minute_by_minute_count((needs, deployments, agents) in plan()) {
        let report = compute_coverage(&Event::new(festival_draft()).unwrap(), &needs, &deployments, &agents);
        for need in &needs {
            let coverage = report.needs.iter().find(|c| c.need_id == need.id()).unwrap();
            let staffed: Vec<_> = coverage.intervals.iter().map(|i| (i.window, i.staffed)).collect();
            let gaps: Vec<_> = report.gaps.iter().filter(|g| g.need_id == need.id()).map(|g| (g.window, g.missing)).collect();
            for (at, count) in minutes(need, &deployments, &agents, None) {
                prop_assert_eq!(lookup(&staffed, at), Some(count));
                prop_assert_eq!(lookup(&gaps, at), need.min().checked_sub(count).filter(|&m| m > 0));
            }
        }
    }

    #[test]
    fn sex_gaps_are_exactly_the_minutes_short_of_women_or_men((needs, deployments, agents) in plan()) {
        let report = compute_coverage(&Event::new(festival_draft()).unwrap(), &needs, &deployments, &agents);
        for need in &needs {
            for (sex, required) in [(Sex::Femme, need.min_women()), (Sex::Homme, need.min_men())] {
                let gaps: Vec<_> = report.sex_gaps.iter()
                    .filter(|g| g.need_id == need.id() && g.sex == sex)
                    .map(|g| (g.window, g.missing))
                    .collect();
                for (at, count) in minutes(need, &deployments, &agents, Some(sex)) {
                    prop_assert_eq!(lookup(&gaps, at), required.checked_sub(count).filter(|&m| m > 0));
                }
            }
        }
    }

    #[test]
    fn double_bookings_are_exactly_the_overlapping_pairs_naming_an_agent((needs, deployments, agents) in plan()) {
        let report = compute_coverage(&Event::new(festival_draft()).unwrap(), &needs, &deployments, &agents);
        let mut expected = 0;
        for (i, a) in deployments.iter().enumerate() {
            for b in &deployments[i + 1..] {
                let Some(overlap) = a.window().intersection(&b.window()) else { continue };
                for agent_id in a.agent_ids().iter().filter(|x| b.agent_ids().contains(x)) {
                    expected += 1;
                    let listed = report.double_bookings.iter().any(|d| {
                        let pair = [d.first.as_str(), d.second.as_str()];
                        &d.agent_id == agent_id && d.overlap == overlap && pair.contains(&a.id()) && pair.contains(&b.id())
                    });
                    prop_assert!(listed, "{} in {} and {}", agent_id, a.id(), b.id());
                }
            }
        }
        prop_assert_eq!(report.double_bookings.len(), expected);
    }
}
