//! What releases remember of each deployment ever published, carried from one release to the
//! next: its `SEQUENCE` and its last change for the calendar feeds, and its last published
//! form once cancelled, so that feeds can still show it as cancelled.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::changelog::{ChangeKind, Changelog};
use super::number::ReleaseNumber;
use crate::domain::plan::{Deployment, Plan, Post, Zone};
use crate::domain::time::Instant;

/// One deployment's publication history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentHistory {
    /// Starts at 0; incremented when its time or place changes, when it is cancelled and when
    /// a cancelled deployment comes back (RFC 5545 `SEQUENCE`).
    pub sequence: u32,
    /// When it was first published.
    pub created: Instant,
    /// The instant of the release in which it last changed (`DTSTAMP`, `LAST-MODIFIED`).
    pub last_changed: Instant,
    /// That release's number.
    pub last_changed_in: ReleaseNumber,
    /// Set while the deployment is cancelled (absent from the plan).
    pub cancelled: Option<Cancellation>,
}

/// A cancelled deployment as it was last published, with its zone and post of then (they
/// may be gone from the plan too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cancellation {
    /// The release that cancelled it.
    pub release: ReleaseNumber,
    /// That release's instant.
    pub at: Instant,
    pub deployment: Deployment,
    pub zone: Option<Zone>,
    pub post: Option<Post>,
}

/// The histories after a release numbered `number`, published `at`, that records `changelog`
/// from `previous_plan` (with `previous` histories) to the new plan.
pub(super) fn advance(
    previous: Option<(&BTreeMap<String, DeploymentHistory>, &Plan)>,
    changelog: &Changelog,
    number: ReleaseNumber,
    at: Instant,
) -> BTreeMap<String, DeploymentHistory> {
    let mut histories = previous.map(|(h, _)| h.clone()).unwrap_or_default();
    for change in &changelog.changes {
        let history = histories.entry(change.deployment_id.clone()).or_insert_with(|| DeploymentHistory {
            sequence: 0,
            created: at,
            last_changed: at,
            last_changed_in: number,
            cancelled: None,
        });
        let bump = match &change.kind {
            ChangeKind::New => std::mem::take(&mut history.cancelled).is_some(),
            ChangeKind::Modified(m) => m.moved(),
            ChangeKind::Cancelled => {
                history.cancelled =
                    previous.and_then(|(_, plan)| cancellation(plan, &change.deployment_id, number, at));
                true
            }
        };
        history.sequence += u32::from(bump);
        history.last_changed = at;
        history.last_changed_in = number;
    }
    histories
}

fn cancellation(plan: &Plan, deployment_id: &str, release: ReleaseNumber, at: Instant) -> Option<Cancellation> {
    let deployment = plan.deployments.iter().find(|d| d.id() == deployment_id)?.clone();
    let zone = plan.zones.iter().find(|z| z.id() == deployment.zone_id()).cloned();
    let post = deployment.post_id().and_then(|p| plan.posts.iter().find(|post| post.id() == p)).cloned();
    Some(Cancellation { release, at, deployment, zone, post })
}
