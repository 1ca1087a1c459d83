//! Presence on the day (issue 18, part 4): each named agent checks in (« J'arrive ») and out
//! (« Je pars ») on a phone page reached by a personal link, or a member of its participant —
//! its chief — does it for the team on the page « Opérations ». Every movement is an entry of
//! the event's audit chain `pointage:{event}`, never changed.
//!
//! The rules live here once: who marks an agent ([`may_mark`]), when a movement is accepted
//! ([`check_movement`]), what each zone has now against its plan ([`coverage_now`]: only the
//! deployments the reader may read), and which shifts are missing agents a quarter of an hour
//! after their start ([`no_shows`]). Pure: the caller passes `now`.
//!
//! What "present" means: the agent's last movement is an arrival. An agent counted by a
//! deployment without being named cannot be checked in; the zones show how many of their
//! planned agents are named, so that a zone staffed by counts only is not read as empty.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::alerts::AlertTarget;
use crate::domain::operations::{is_open, Severity};
use crate::domain::plan::{Agent, Audience, Deployment, EventAccess, Plan, Visibility};
use crate::domain::time::{format_short_fr, Span};
use crate::domain::Instant;
use crate::text;

/// How long after a shift's start its agents may still be missing before an alert is raised.
pub const NO_SHOW_AFTER: Span = Span::minutes(15);

/// The audit chain of `event_id`'s check-ins and check-outs.
pub fn presence_chain(event_id: &str) -> String {
    format!("pointage:{event_id}")
}

/// A check-in or a check-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Movement {
    Arrival,
    Departure,
}

impl Movement {
    /// The form's value.
    pub fn code(self) -> &'static str {
        match self {
            Movement::Arrival => "arrivee",
            Movement::Departure => "depart",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Movement::Arrival, Movement::Departure].into_iter().find(|m| m.code() == code.trim())
    }
}

/// Who recorded a movement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkedBy {
    /// The agent, through its personal link.
    Agent,
    /// A member of the agent's participant, named.
    Chief { name: String },
}

/// One movement as the chain keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceMark {
    /// Its place in the event's chain (1, 2, 3…).
    pub number: u64,
    pub at: Instant,
    pub agent_id: String,
    pub movement: Movement,
    pub by: MarkedBy,
}

/// Each agent's last movement, from the marks read in chain order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presence {
    last: BTreeMap<String, (Movement, Instant)>,
    number: u64,
}

impl Presence {
    pub fn from_marks<'a>(marks: impl IntoIterator<Item = &'a PresenceMark>) -> Self {
        let mut presence = Presence::default();
        for mark in marks {
            presence.add(mark);
        }
        presence
    }

    /// Takes in a mark read after those already taken (an older one changes nothing).
    pub fn add(&mut self, mark: &PresenceMark) {
        if mark.number > self.number {
            self.number = mark.number;
            self.last.insert(mark.agent_id.clone(), (mark.movement, mark.at));
        }
    }

    /// The number of the last mark taken in: the chain's cursor.
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Since when the agent is present, if its last movement is an arrival.
    pub fn present_since(&self, agent_id: &str) -> Option<Instant> {
        match self.last.get(agent_id) {
            Some((Movement::Arrival, at)) => Some(*at),
            _ => None,
        }
    }

    /// The agent's last movement.
    pub fn last(&self, agent_id: &str) -> Option<(Movement, Instant)> {
        self.last.get(agent_id).copied()
    }
}

/// Whether a reader with `access` marks `agent` on the page « Opérations »: a member of the
/// agent's own participant (its chief), decided from its memberships like every write of an
/// agent. The organiser, the State forces and the prefecture read the counts, not mark others.
pub fn may_mark(access: &EventAccess, agent: &Agent) -> bool {
    access.edits_participant(agent.participant_id())
}

/// Every refusal of a movement, in a fixed order: the phone page's redirect names one by its
/// place here (`?refus=1`), so that a reload after a press never sends it again.
pub const REFUSALS: [&str; 4] =
    [text::PRESENCE_CLOSED, text::PRESENCE_ALREADY_IN, text::PRESENCE_NOT_IN, text::PRESENCE_MOVEMENT_INVALID];

/// Whether `movement` of `agent_id` is accepted at `now`: while the day's log is open, an
/// arrival of an agent not present, a departure of one present. The message says why not.
pub fn check_movement(
    plan: &Plan,
    presence: &Presence,
    agent_id: &str,
    movement: Movement,
    now: Instant,
) -> Result<(), &'static str> {
    if !is_open(&plan.event, now) {
        return Err(text::PRESENCE_CLOSED);
    }
    match (movement, presence.present_since(agent_id).is_some()) {
        (Movement::Arrival, true) => Err(text::PRESENCE_ALREADY_IN),
        (Movement::Departure, false) => Err(text::PRESENCE_NOT_IN),
        _ => Ok(()),
    }
}

/// The agent's shift under way at `now`, else its next one: what its phone page shows.
pub fn shift_now_or_next<'a>(plan: &'a Plan, agent_id: &str, now: Instant) -> Option<&'a Deployment> {
    plan.deployments
        .iter()
        .filter(|d| d.window().end() > now && d.agent_ids().iter().any(|a| a == agent_id))
        .min_by_key(|d| (d.window().start(), d.id()))
}

/// One zone now, for one reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneNow {
    pub zone_id: String,
    /// The headcount of the deployments under way the reader may read.
    pub planned: u32,
    /// How many of them are named agents (who can check in).
    pub named: u32,
    /// How many of those named agents are checked in.
    pub present: u32,
}

/// Each zone of the plan, in its order, now: planned against present, counting only the
/// deployments `audience` reads (a restricted deployment never shows in a company's count).
pub fn coverage_now(plan: &Plan, audience: Audience, presence: &Presence, now: Instant) -> Vec<ZoneNow> {
    let mut zones: Vec<ZoneNow> =
        plan.zones.iter().map(|z| ZoneNow { zone_id: z.id().to_string(), planned: 0, named: 0, present: 0 }).collect();
    for deployment in plan.deployments.iter().filter(|d| audience.reads(d) && d.window().contains(now)) {
        let Some(zone) = zones.iter_mut().find(|z| z.zone_id == deployment.zone_id()) else { continue };
        zone.planned += deployment.staffed_headcount();
        for agent_id in deployment.agent_ids() {
            zone.named += 1;
            if presence.present_since(agent_id).is_some() {
                zone.present += 1;
            }
        }
    }
    zones
}

/// A shift under way whose named agents are not all checked in [`NO_SHOW_AFTER`] its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoShow {
    pub deployment_id: String,
    pub participant_id: String,
    pub zone_id: String,
    pub start: Instant,
    pub named: u32,
    pub missing: u32,
    /// The deployment is restricted to the State forces.
    pub restricted: bool,
}

/// The shifts missing agents at `now`. Raising each one alert at most is the caller's part
/// (it keeps those raised).
pub fn no_shows(plan: &Plan, presence: &Presence, now: Instant) -> Vec<NoShow> {
    if !is_open(&plan.event, now) {
        return Vec::new();
    }
    plan.deployments
        .iter()
        .filter(|d| !d.agent_ids().is_empty())
        .filter(|d| d.window().start().plus(NO_SHOW_AFTER) <= now && now < d.window().end())
        .filter_map(|d| {
            let missing = d.agent_ids().iter().filter(|a| presence.present_since(a).is_none()).count();
            (missing > 0).then(|| NoShow {
                deployment_id: d.id().to_string(),
                participant_id: d.participant_id().to_string(),
                zone_id: d.zone_id().to_string(),
                start: d.window().start(),
                named: u32::try_from(d.agent_ids().len()).unwrap_or(u32::MAX),
                missing: u32::try_from(missing).unwrap_or(u32::MAX),
                restricted: d.visibility() == Visibility::Restricted,
            })
        })
        .collect()
}

/// The alert a no-show raises: to the participant whose agents are missing, or, for a
/// restricted deployment, to the State forces only (so that it stays in their register). It
/// names the zone, the participant, the shift's start and how many are missing, never an agent.
pub fn no_show_alert(plan: &Plan, no_show: &NoShow) -> (AlertTarget, Severity, String) {
    let target = if no_show.restricted {
        AlertTarget::StateForces
    } else {
        AlertTarget::Participant(no_show.participant_id.clone())
    };
    let zone = plan.zone(&no_show.zone_id).map_or("", |z| z.name());
    let participant = plan.participant(&no_show.participant_id).map_or("", |p| p.name());
    let start = format_short_fr(no_show.start, plan.event.time_zone());
    (target, Severity::High, text::no_show_alert(zone, participant, &start, no_show.missing, no_show.named))
}

#[cfg(test)]
#[path = "presence_tests.rs"]
mod tests;
