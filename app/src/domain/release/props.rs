//! Property tests of releases: on random chains of plan versions (up to six deployments that
//! appear, move, change and vanish), each release's changelog names exactly the deployments
//! that differ from the previous version, and the histories keep their invariants.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::fixtures::*;
use super::*;
use crate::domain::plan::{Deployment, DeploymentDraft, MissionCategory, Plan};
use crate::domain::time::{Instant, Span};

/// One deployment of one version: (window choice, in the PC zone, headcount, names Nadia).
type Version = Option<(u8, bool, u32, bool)>;

fn version() -> impl Strategy<Value = Version> {
    prop::option::of((0u8..3, any::<bool>(), 1u32..3, any::<bool>()))
}

fn plan_of(versions: &[Version]) -> Plan {
    let mut plan = saint_jean();
    plan.deployments = versions
        .iter()
        .enumerate()
        .filter_map(|(n, v)| v.map(|v| (n as u32, v)))
        .map(|(n, (w, pc, headcount, nadia))| {
            let window = [june((20, 18), (20, 23)), june((20, 19), (20, 23)), june((20, 18), (21, 1))][w as usize];
            let zone = if pc { PC_ZONE } else { NORTH };
            let draft = DeploymentDraft {
                headcount,
                agent_ids: if nadia { vec![id(NADIA)] } else { Vec::new() },
                ..draft(200 + n, COMPANY, zone, window, MissionCategory::Surveillance)
            };
            Deployment::new(draft).unwrap()
        })
        .collect();
    plan
}

fn published(i: usize) -> Instant {
    at(chrono_tz::Europe::Paris, (2026, 6, 1), (9, 0)).plus(Span::hours(i as i64))
}

proptest! {
    #[test]
    fn changelogs_name_exactly_what_changed_and_histories_stay_consistent(
        chain in prop::collection::vec(prop::collection::vec(version(), 6), 1..6)
    ) {
        let mut previous: Option<Release> = None;
        for (i, versions) in chain.iter().enumerate() {
            let plan = plan_of(versions);
            let release = Release::publish(previous.as_ref(), plan.clone(), "", published(i)).unwrap();
            prop_assert_eq!(release.number().get() as usize, i + 1);
            let before: Vec<Version> = if i == 0 { vec![None; 6] } else { chain[i - 1].clone() };
            for (n, (old, new)) in before.iter().zip(versions).enumerate() {
                let deployment_id = id(200 + n as u32);
                let change = release.changelog().change_of(&deployment_id);
                prop_assert_eq!(change.is_some(), old != new, "{} {:?} → {:?}", n, old, new);
                let history = release.history(&deployment_id);
                match new {
                    Some(_) => prop_assert!(history.is_some_and(|h| h.cancelled.is_none())),
                    None if old.is_some() || history.is_some() => {
                        prop_assert!(history.is_some_and(|h| h.cancelled.is_some()))
                    }
                    None => prop_assert!(history.is_none()),
                }
                if let Some(h) = history {
                    prop_assert_eq!(h.last_changed == release.published_at(), change.is_some());
                    prop_assert!(h.created <= h.last_changed);
                    let earlier = previous.as_ref().and_then(|p| p.history(&deployment_id)).map_or(0, |h| h.sequence);
                    let moved = match change.map(|c| &c.kind) {
                        Some(ChangeKind::Modified(m)) => m.moved(),
                        Some(ChangeKind::Cancelled) => true,
                        Some(ChangeKind::New) => old.is_none() && earlier_cancelled(previous.as_ref(), &deployment_id),
                        None => false,
                    };
                    prop_assert_eq!(h.sequence, earlier + u32::from(moved));
                }
            }
            let affected: BTreeSet<&str> = release.changelog().affected_participants();
            prop_assert_eq!(affected.is_empty(), release.changelog().is_empty());
            previous = Some(release);
        }
    }
}

fn earlier_cancelled(previous: Option<&Release>, deployment_id: &str) -> bool {
    previous.and_then(|p| p.history(deployment_id)).is_some_and(|h| h.cancelled.is_some())
}
