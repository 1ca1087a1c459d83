//! A plan copied whole under new ids: as it is (a plan file imported a second time), or as
//! next year's edition of the same event at a new date. Pure: the caller passes the ids.
//!
//! The next edition keeps the same **local wall-clock times** in the event's zone: a fête
//! from 18:00 to 02:00 stays 18:00–02:00 whatever the summer-time changes in between, so its
//! length in hours may differ by the hour the clocks moved. A wall-clock time that does not
//! exist on the new date (skipped when clocks go forward) becomes the first instant after the
//! gap (02:30 → 03:00 on the last Sunday of March in Paris); one that happens twice (clocks
//! go back) designates its first occurrence, as everywhere in Cordon.
//!
//! What belonged to the old edition only is not carried over: the prefect's orders (an order
//! covers one event), the date the declaration was filed, the municipal police's L512-3
//! orders, and the agents' availabilities. Everything else — zones, posts, needs, participants
//! and their roles, agents, deployments — is copied; the new event has no release, so nothing
//! reaches any actor's calendar before the organiser has checked the draft and published it.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, TimeDelta, TimeZone};
use chrono_tz::Tz;

use super::{
    Agent, AgentDraft, Deployment, DeploymentDraft, Event, EventDraft, Need, NeedDraft, Participant, ParticipantDraft,
    Plan, PlanError, Post, PostDraft, PrefectOrder, PrefectOrderFields, TimeWindow, Zone, ZoneDraft,
};
use crate::domain::time::Instant;

/// The ids of a plan mapped to fresh ones, each made once by `new_id`.
struct Renamed<'a> {
    ids: BTreeMap<String, String>,
    new_id: &'a mut dyn FnMut() -> String,
}

impl Renamed<'_> {
    fn of(&mut self, old: &str) -> String {
        if let Some(id) = self.ids.get(old) {
            return id.clone();
        }
        let id = (self.new_id)();
        self.ids.insert(old.to_string(), id.clone());
        id
    }
}

/// The same plan under new ids (references followed), nothing else changed: importing a plan
/// file into the database it came from, as a copy.
pub fn copy_plan(plan: &Plan, new_id: &mut dyn FnMut() -> String) -> Result<Plan, PlanError> {
    renew(plan, new_id, &|instant| Ok(instant), false)
}

/// Next year's edition of `plan`, starting at `start` (a wall-clock time in the event's
/// zone): every window moved so that its local times of day stay the same, under new ids,
/// without what belonged to the old edition only (see the module's documentation).
/// A start that does not exist in the zone (skipped by summer time) is refused.
pub fn next_edition(plan: &Plan, start: NaiveDateTime, new_id: &mut dyn FnMut() -> String) -> Result<Plan, PlanError> {
    let zone = plan.event.time_zone();
    super::local_instant(zone, start)?;
    let old_start = wall_clock(zone, plan.event.window().start());
    let shift = start - old_start;
    let moved = move |instant: Instant| -> Result<Instant, PlanError> { moved_by(zone, instant, shift) };
    let mut copy = renew(plan, new_id, &moved, true)?;
    let mut event = EventDraft::from(copy.event.clone());
    event.name = renamed_for(&event.name, old_start.date(), start.date());
    copy.event = Event::new(event)?;
    Ok(copy)
}

/// A plan file as a person with `access` may bring it into a new event: the agents of its own
/// participants only (others' agents are theirs to name: each deployment of another
/// participant keeps its headcount but no longer names them), and no restricted deployment
/// unless it reads them.
pub fn as_brought_by(plan: Plan, access: &super::EventAccess) -> Result<Plan, PlanError> {
    let Plan { event, zones, posts, participants, mut agents, needs, deployments } = plan;
    agents.retain(|a| access.edits_participant(a.participant_id()));
    let mut kept = Vec::new();
    for deployment in deployments.into_iter().filter(|d| access.reads_deployment(d)) {
        if access.edits_participant(deployment.participant_id()) || deployment.agent_ids().is_empty() {
            kept.push(deployment);
            continue;
        }
        let staffed = deployment.staffed_headcount();
        let mut draft = DeploymentDraft::from(deployment);
        draft.agent_ids.clear();
        draft.headcount = staffed;
        kept.push(Deployment::new(draft)?);
    }
    Ok(Plan { event, zones, posts, participants, agents, needs, deployments: kept })
}

/// The wall-clock time of `instant` in `zone`.
fn wall_clock(zone: Tz, instant: Instant) -> NaiveDateTime {
    zone.timestamp_millis_opt(instant.0).single().map_or_else(
        || chrono::DateTime::from_timestamp_millis(instant.0).unwrap_or_default().naive_utc(),
        |local| local.naive_local(),
    )
}

/// The instant whose wall-clock time in `zone` is that of `instant` moved by `shift`; a time
/// skipped by summer time becomes the first instant after the gap.
fn moved_by(zone: Tz, instant: Instant, shift: TimeDelta) -> Result<Instant, PlanError> {
    let target = wall_clock(zone, instant) + shift;
    if let Some(found) = zone.from_local_datetime(&target).earliest() {
        return Ok(Instant(found.timestamp_millis()));
    }
    // Inside a gap: the first wall-clock minute after it (gaps last an hour or two).
    (1..=6 * 60)
        .map(|minutes| target + TimeDelta::minutes(minutes))
        .find_map(|probe| zone.from_local_datetime(&probe).earliest())
        .map(|found| Instant(found.timestamp_millis()))
        .ok_or(PlanError::LocalTimeSkipped)
}

/// A window moved by `moved`. A window the move would empty (all of it inside a skipped
/// hour) keeps its length from its new start.
fn window(window: TimeWindow, moved: &dyn Fn(Instant) -> Result<Instant, PlanError>) -> Result<TimeWindow, PlanError> {
    let start = moved(window.start())?;
    let end = moved(window.end())?;
    if end > start {
        TimeWindow::new(start, end)
    } else {
        TimeWindow::new(start, start.plus(window.duration()))
    }
}

/// The event's name with the old edition's year, where it stands as a word, replaced by the
/// new one's: « Fête de la Saint-Pierre 2026 » → « Fête de la Saint-Pierre 2027 ».
fn renamed_for(name: &str, old: chrono::NaiveDate, new: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (old_year, new_year) = (old.year().to_string(), new.year().to_string());
    if old_year == new_year {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find(&old_year) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + old_year.len()..].chars().next();
        let word = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if word { &new_year } else { &old_year });
        rest = &rest[at + old_year.len()..];
    }
    out.push_str(rest);
    out
}

/// Every record of `plan` under a new id, its windows moved by `moved`; `next` also drops
/// what belonged to the old edition only.
fn renew(
    plan: &Plan,
    new_id: &mut dyn FnMut() -> String,
    moved: &dyn Fn(Instant) -> Result<Instant, PlanError>,
    next: bool,
) -> Result<Plan, PlanError> {
    let mut ids = Renamed { ids: BTreeMap::new(), new_id };
    let mut event = EventDraft::from(plan.event.clone());
    event.id = ids.of(&event.id);
    event.window = window(event.window, moved)?;
    event.setup = event.setup.map(|w| window(w, moved)).transpose()?;
    event.teardown = event.teardown.map(|w| window(w, moved)).transpose()?;
    if next {
        event.legal.orders.clear();
        event.legal.declaration_deposee_le = None;
    } else {
        let mut orders = Vec::new();
        for order in &event.legal.orders {
            orders.push(PrefectOrder::new(PrefectOrderFields {
                kind: order.kind(),
                number: order.number().to_string(),
                signed_on: order.signed_on(),
                valid: order.valid().map(|w| window(w, moved)).transpose()?,
                zone_ids: order.zone_ids().iter().map(|z| ids.of(z)).collect(),
            })?);
        }
        event.legal.orders = orders;
    }
    let event = Event::new(event)?;
    let mut zones = Vec::new();
    for zone in &plan.zones {
        let mut draft = ZoneDraft::from(zone.clone());
        draft.id = ids.of(&draft.id);
        zones.push(Zone::new(draft)?);
    }
    let mut posts = Vec::new();
    for post in &plan.posts {
        let mut draft = PostDraft::from(post.clone());
        draft.id = ids.of(&draft.id);
        draft.zone_id = ids.of(&draft.zone_id);
        posts.push(Post::new(draft)?);
    }
    let mut participants = Vec::new();
    for participant in &plan.participants {
        let mut draft = ParticipantDraft::from(participant.clone());
        draft.id = ids.of(&draft.id);
        if next {
            draft.arrete_l512_3 = None;
        }
        participants.push(Participant::new(draft)?);
    }
    let mut agents = Vec::new();
    for agent in &plan.agents {
        let mut draft = AgentDraft::from(agent.clone());
        draft.id = ids.of(&draft.id);
        draft.participant_id = ids.of(&draft.participant_id);
        draft.availability = if next {
            Vec::new()
        } else {
            draft.availability.into_iter().map(|w| window(w, moved)).collect::<Result<_, _>>()?
        };
        agents.push(Agent::new(draft)?);
    }
    let mut needs = Vec::new();
    for need in &plan.needs {
        let mut draft = NeedDraft::from(need.clone());
        draft.id = ids.of(&draft.id);
        draft.zone_id = ids.of(&draft.zone_id);
        draft.post_id = draft.post_id.map(|p| ids.of(&p));
        draft.window = window(draft.window, moved)?;
        needs.push(Need::new(draft)?);
    }
    let mut deployments = Vec::new();
    for deployment in &plan.deployments {
        let mut draft = DeploymentDraft::from(deployment.clone());
        draft.id = ids.of(&draft.id);
        draft.participant_id = ids.of(&draft.participant_id);
        draft.zone_id = ids.of(&draft.zone_id);
        draft.post_id = draft.post_id.map(|p| ids.of(&p));
        draft.agent_ids = draft.agent_ids.iter().map(|a| ids.of(a)).collect();
        draft.window = window(draft.window, moved)?;
        deployments.push(Deployment::new(draft)?);
    }
    let mut copy = Plan { event, zones, posts, participants, agents, needs, deployments };
    copy.zones.sort_by(|a, b| a.id().cmp(b.id()));
    copy.posts.sort_by(|a, b| a.id().cmp(b.id()));
    copy.participants.sort_by(|a, b| a.id().cmp(b.id()));
    copy.agents.sort_by(|a, b| a.id().cmp(b.id()));
    copy.needs.sort_by(|a, b| a.id().cmp(b.id()));
    copy.deployments.sort_by(|a, b| a.id().cmp(b.id()));
    Ok(copy)
}

#[cfg(test)]
#[path = "edition_tests.rs"]
mod tests;
