//! A French, line-by-line account of what changed between two releases, for the release
//! page and the notification e-mails. Only what the reader may read is described, as it may read it.

use crate::domain::plan::{Deployment, EventAccess, Plan};
use crate::domain::time::format_short_fr;
use crate::text;

use super::changelog::{diff, ChangeKind, Modifications};
use super::snapshot::Release;

/// One line per changed deployment, from `from` (none: everything is new) to `to`, in the
/// order of the deployments' starts. Empty when nothing the reader may read changed.
pub fn describe_changes(from: Option<&Release>, to: &Release, access: &EventAccess) -> Vec<String> {
    describe_selected(from, to, access, None)
}

/// The lines of [`describe_changes`] about the deployments of one participant: what its
/// notification e-mail lists.
pub fn describe_participant_changes(
    from: Option<&Release>,
    to: &Release,
    access: &EventAccess,
    participant_id: &str,
) -> Vec<String> {
    describe_selected(from, to, access, Some(participant_id))
}

fn describe_selected(
    from: Option<&Release>,
    to: &Release,
    access: &EventAccess,
    participant: Option<&str>,
) -> Vec<String> {
    // Each reader's own view: no restricted deployment it may not read, other companies'
    // agents reduced as on the plan page.
    let before = from.map(|r| r.plan().clone().as_read_by(access));
    let after = to.plan().clone().as_read_by(access);
    let changelog = diff(before.as_ref(), &after);
    changelog
        .changes
        .iter()
        .filter(|change| participant.is_none_or(|p| change.participant_ids.contains(p)))
        .filter_map(|change| {
            let old = find(before.as_ref(), &change.deployment_id);
            let new = find(Some(&after), &change.deployment_id);
            Some(match (&change.kind, old, new) {
                (ChangeKind::New, _, Some(new)) => {
                    format!("{} : {}", text::RELEASE_LINE_NEW, whole(&after, new))
                }
                (ChangeKind::Cancelled, Some(old), _) => {
                    format!("{} : {}", text::RELEASE_LINE_CANCELLED, headline(before.as_ref()?, old))
                }
                (ChangeKind::Modified(m), Some(old), Some(new)) => modified(m, (before.as_ref()?, old), (&after, new)),
                _ => return None,
            })
        })
        .collect()
}

fn find<'a>(plan: Option<&'a Plan>, id: &str) -> Option<&'a Deployment> {
    plan.and_then(|p| p.deployments.iter().find(|d| d.id() == id))
}

/// "Filtrage · Entrée Nord · Provence Sécurité · sam. 20/06 22:00 – dim. 21/06 06:00"
fn headline(plan: &Plan, d: &Deployment) -> String {
    let participant = plan.participant(d.participant_id()).map_or("?", |p| p.name());
    format!("{} · {} · {participant} · {}", d.category().label(), place(plan, d), window(plan, d))
}

/// The headline and the headcount.
fn whole(plan: &Plan, d: &Deployment) -> String {
    format!("{} · {}", headline(plan, d), text::agents_count(d.staffed_headcount()))
}

fn place(plan: &Plan, d: &Deployment) -> String {
    let zone = plan.zones.iter().find(|z| z.id() == d.zone_id()).map_or("?", |z| z.name());
    match d.post_id().and_then(|id| plan.posts.iter().find(|p| p.id() == id)) {
        Some(post) => format!("{zone} ({})", post.name()),
        None => zone.to_string(),
    }
}

fn window(plan: &Plan, d: &Deployment) -> String {
    let zone = plan.event.time_zone();
    format!("{} – {}", format_short_fr(d.window().start(), zone), format_short_fr(d.window().end(), zone))
}

fn agent_names<'a>(plan: &'a Plan, ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    ids.map(|id| plan.agents.iter().find(|a| a.id() == id).map_or("?", |a| a.display_name())).collect()
}

fn modified(m: &Modifications, (bp, old): (&Plan, &Deployment), (ap, new): (&Plan, &Deployment)) -> String {
    let mut parts = Vec::new();
    if m.time {
        parts.push(format!("{} : {} → {}", text::RELEASE_PART_TIME, window(bp, old), window(ap, new)));
    }
    if m.place {
        parts.push(format!("{} : {} → {}", text::RELEASE_PART_PLACE, place(bp, old), place(ap, new)));
    }
    if m.headcount {
        parts.push(format!("{} : {} → {}", text::RELEASE_PART_HEADCOUNT, old.headcount(), new.headcount()));
    }
    if m.agents {
        let added = agent_names(ap, new.agent_ids().iter().filter(|id| !old.agent_ids().contains(id)));
        let removed = agent_names(bp, old.agent_ids().iter().filter(|id| !new.agent_ids().contains(id)));
        let mut moves: Vec<String> = added.iter().map(|n| format!("+ {n}")).collect();
        moves.extend(removed.iter().map(|n| format!("− {n}")));
        parts.push(format!("{} : {}", text::RELEASE_PART_AGENTS, moves.join(", ")));
    }
    if m.details {
        parts.push(text::RELEASE_PART_DETAILS.to_string());
    }
    let label = if m.moved() { text::RELEASE_LINE_MOVED } else { text::RELEASE_LINE_MODIFIED };
    format!("{label} : {} — {}", headline(ap, new), parts.join(" ; "))
}
