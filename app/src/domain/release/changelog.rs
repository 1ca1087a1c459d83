//! What changed in the deployments between two versions of a plan: the pure `diff` a release
//! records, and from which notifications learn who is affected.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::plan::{Deployment, Plan};

/// How one deployment changed between two versions of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    /// Absent before, present now.
    New,
    /// Present in both versions, with at least one of these differences.
    Modified(Modifications),
    /// Present before, absent now.
    Cancelled,
}

/// What differs in a deployment present in both versions. At least one flag is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Modifications {
    /// Its time window moved.
    pub time: bool,
    /// Its zone or post changed.
    pub place: bool,
    /// Its stated headcount changed.
    pub headcount: bool,
    /// Its named agents changed (the order they are listed in does not count).
    pub agents: bool,
    /// Anything else a reader sees: mission, category, radio, visibility, participant.
    pub details: bool,
}

impl Modifications {
    /// Whether the time or the place changed: what increments a deployment's `SEQUENCE`.
    pub fn moved(&self) -> bool {
        self.time || self.place
    }

    fn any(&self) -> bool {
        self.time || self.place || self.headcount || self.agents || self.details
    }
}

/// One changed deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentChange {
    pub deployment_id: String,
    pub kind: ChangeKind,
    /// The participants concerned: the deployment's participant, before and after if it changed.
    pub participant_ids: BTreeSet<String>,
    /// The agents named before or after the change.
    pub agent_ids: BTreeSet<String>,
}

/// Every deployment that changed, ordered by start (the new start, or the old one when
/// cancelled), then by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changelog {
    pub changes: Vec<DeploymentChange>,
}

impl Changelog {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The participants whose deployments changed: whom to notify.
    pub fn affected_participants(&self) -> BTreeSet<&str> {
        self.changes.iter().flat_map(|c| c.participant_ids.iter().map(String::as_str)).collect()
    }

    /// The named agents of the changed deployments (before or after the change).
    pub fn affected_agents(&self) -> BTreeSet<&str> {
        self.changes.iter().flat_map(|c| c.agent_ids.iter().map(String::as_str)).collect()
    }

    /// The change recorded for this deployment, if any.
    pub fn change_of(&self, deployment_id: &str) -> Option<&DeploymentChange> {
        self.changes.iter().find(|c| c.deployment_id == deployment_id)
    }
}

/// The changes of the deployments from `previous` (none for a first release) to `next`.
pub fn diff(previous: Option<&Plan>, next: &Plan) -> Changelog {
    let before: BTreeMap<&str, &Deployment> =
        previous.map(|p| p.deployments.iter().map(|d| (d.id(), d)).collect()).unwrap_or_default();
    let mut keyed = Vec::new();
    for now in &next.deployments {
        let change = match before.get(now.id()) {
            None => Some(record(now, None, ChangeKind::New)),
            Some(old) => {
                let m = modifications(old, now);
                m.any().then(|| record(now, Some(old), ChangeKind::Modified(m)))
            }
        };
        keyed.extend(change.map(|c| (now.window().start(), c)));
    }
    let present: BTreeSet<&str> = next.deployments.iter().map(Deployment::id).collect();
    for old in before.values().filter(|old| !present.contains(old.id())) {
        keyed.push((old.window().start(), record(old, None, ChangeKind::Cancelled)));
    }
    keyed.sort_by(|a, b| (a.0, &a.1.deployment_id).cmp(&(b.0, &b.1.deployment_id)));
    Changelog { changes: keyed.into_iter().map(|(_, c)| c).collect() }
}

fn record(deployment: &Deployment, old: Option<&Deployment>, kind: ChangeKind) -> DeploymentChange {
    let both = || std::iter::once(deployment).chain(old);
    DeploymentChange {
        deployment_id: deployment.id().to_string(),
        kind,
        participant_ids: both().map(|d| d.participant_id().to_string()).collect(),
        agent_ids: both().flat_map(|d| d.agent_ids().iter().cloned()).collect(),
    }
}

fn modifications(old: &Deployment, new: &Deployment) -> Modifications {
    Modifications {
        time: old.window() != new.window(),
        place: old.zone_id() != new.zone_id() || old.post_id() != new.post_id(),
        headcount: old.headcount() != new.headcount(),
        agents: agent_set(old) != agent_set(new),
        details: old.mission() != new.mission()
            || old.category() != new.category()
            || old.radio() != new.radio()
            || old.visibility() != new.visibility()
            || old.participant_id() != new.participant_id(),
    }
}

fn agent_set(d: &Deployment) -> BTreeSet<&str> {
    d.agent_ids().iter().map(String::as_str).collect()
}
