//! Which deployments a feed shows: those of its scope that its audience may read, current
//! ones and, until 30 days after the event, cancelled ones.

use crate::domain::plan::{Audience, Deployment, Post, Visibility, Zone};
use crate::domain::release::{DeploymentHistory, Release};
use crate::domain::time::{Instant, Span};

use super::FeedScope;

/// How long after the event's operations end cancelled deployments stay in feeds.
pub const CANCELLED_KEPT_FOR: Span = Span::days(30);

/// A deployment to render, with what its VEVENT needs.
pub struct Entry<'a> {
    pub deployment: &'a Deployment,
    pub zone: Option<&'a Zone>,
    pub post: Option<&'a Post>,
    pub history: Option<&'a DeploymentHistory>,
    pub cancelled: bool,
}

/// The entries of the feed, ordered by start then id.
pub fn entries<'a>(release: &'a Release, scope: &FeedScope, audience: Audience, now: Instant) -> Vec<Entry<'a>> {
    let plan = release.plan();
    let readable =
        |d: &Deployment| audience == Audience::StateAndPrefecture || d.visibility() != Visibility::Restricted;
    let wanted = |d: &Deployment| readable(d) && in_scope(scope, d);
    let mut zones: Vec<&Zone> = plan.zones.iter().collect();
    zones.sort_by(|a, b| a.id().cmp(b.id()));
    let find_zone = |id: &str| zones.binary_search_by(|z| z.id().cmp(id)).ok().map(|i| zones[i]);
    let mut list: Vec<Entry<'a>> = plan
        .deployments
        .iter()
        .filter(|d| wanted(d))
        .map(|d| Entry {
            deployment: d,
            zone: find_zone(d.zone_id()),
            post: d.post_id().and_then(|id| plan.posts.iter().find(|p| p.id() == id)),
            history: release.history(d.id()),
            cancelled: false,
        })
        .collect();
    if now <= plan.event.operations_end().plus(CANCELLED_KEPT_FOR) {
        let cancelled = release.histories().values().filter_map(|h| Some((h, h.cancelled.as_ref()?)));
        list.extend(cancelled.filter(|(_, c)| wanted(&c.deployment)).map(|(h, c)| Entry {
            deployment: &c.deployment,
            zone: c.zone.as_ref(),
            post: c.post.as_ref(),
            history: Some(h),
            cancelled: true,
        }));
    }
    list.sort_by(|a, b| {
        (a.deployment.window().start(), a.deployment.id()).cmp(&(b.deployment.window().start(), b.deployment.id()))
    });
    list
}

fn in_scope(scope: &FeedScope, d: &Deployment) -> bool {
    match scope {
        FeedScope::Participant(id) => d.participant_id() == id,
        FeedScope::Agent(id) => d.agent_ids().iter().any(|a| a == id),
        FeedScope::Zone(id) => d.zone_id() == id,
        FeedScope::Event => true,
    }
}
