//! Calendar feeds of a published plan, written by hand to RFC 5545: one participant's
//! deployments, one named agent's, one zone's, or the whole event's, each deployment a
//! VEVENT in the event's local time with a VTIMEZONE generated from chrono-tz's data.
//! Pure: the release and the present instant come in, the feed's text goes out. The format
//! decisions are in `docs/ical.md`.

mod content;
mod datetime;
mod place;
mod select;
mod vevent;
mod vtimezone;

use thiserror::Error;

use crate::domain::plan::Audience;
use crate::domain::release::Release;
use crate::domain::time::Instant;
use crate::text;

pub use content::{escape_text_into, fold_into, MAX_LINE_OCTETS};
pub use place::centroid;
pub use select::CANCELLED_KEPT_FOR;
pub use vtimezone::{observances, offset_at, LocalOffset, Observance};

/// Whose deployments a feed holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedScope {
    /// One participant's deployments, with the names of its agents.
    Participant(String),
    /// The deployments naming this agent, with the names of the agent's teammates.
    Agent(String),
    /// Every deployment in this zone; no agent named.
    Zone(String),
    /// Every deployment of the event; no agent named.
    Event,
}

/// How to render a feed.
#[derive(Debug, Clone, Copy)]
pub struct FeedOptions<'a> {
    /// The host name after `@` in every UID, e.g. `cordon.example.fr`.
    pub host: &'a str,
    /// Who reads the feed: restricted deployments appear only for the State forces and the
    /// prefecture.
    pub audience: Audience,
    /// The reference of the cooperation convention, if there is one yet.
    pub convention_reference: Option<&'a str>,
    /// The present: cancelled deployments leave the feed 30 days after the event.
    pub now: Instant,
}

/// Why a feed cannot be rendered: its scope names something the release does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeedError {
    #[error("{}", text::FEED_UNKNOWN_PARTICIPANT)]
    UnknownParticipant,
    #[error("{}", text::FEED_UNKNOWN_AGENT)]
    UnknownAgent,
    #[error("{}", text::FEED_UNKNOWN_ZONE)]
    UnknownZone,
}

/// The feed of `scope` in `release`, as the text of a `text/calendar` response (CRLF lines).
pub fn render_feed(release: &Release, scope: &FeedScope, options: &FeedOptions<'_>) -> Result<String, FeedError> {
    let plan = release.plan();
    let scope_name = match scope {
        FeedScope::Participant(id) => Some(plan.participant(id).ok_or(FeedError::UnknownParticipant)?.name()),
        FeedScope::Agent(id) => {
            Some(plan.agents.iter().find(|a| a.id() == id).ok_or(FeedError::UnknownAgent)?.display_name())
        }
        FeedScope::Zone(id) => Some(plan.zones.iter().find(|z| z.id() == id).ok_or(FeedError::UnknownZone)?.name()),
        FeedScope::Event => None,
    };
    let entries = select::entries(release, scope, options.audience, options.now);
    let zone = plan.event.time_zone();
    let first = entries.iter().map(|e| e.deployment.window().start()).min().unwrap_or(plan.event.window().start());
    let last = entries.iter().map(|e| e.deployment.window().end()).max().unwrap_or(plan.event.window().end());
    let (first_year, last_year) = vtimezone::years_spanned(zone, first.millis() / 1000, last.millis() / 1000);
    let observances = vtimezone::observances(zone, first_year, last_year);
    let names_agents = matches!(scope, FeedScope::Participant(_) | FeedScope::Agent(_));
    let mut agents: Vec<_> = if names_agents { plan.agents.iter().collect() } else { Vec::new() };
    agents.sort_by(|a, b| a.id().cmp(b.id()));
    let ctx = vevent::Context {
        release,
        plan,
        host: options.host,
        names_agents,
        convention_reference: options.convention_reference,
        command_posts: place::CommandPosts::new(plan, options.audience),
        agents,
        clock: datetime::LocalClock::new(zone.name(), &observances),
        event_address_names_commune: vevent::names_commune(plan.event.address(), plan.event.commune_name()),
    };
    let mut lines = content::Lines::with_capacity(1_024 + 1_200 * entries.len());
    write_calendar_head(&mut lines, release, scope_name);
    vtimezone::write_vtimezone(&mut lines, zone, &observances);
    let mut buffers = vevent::Buffers::default();
    for entry in &entries {
        vevent::write_vevent(&mut lines, &ctx, entry, &mut buffers);
    }
    lines.raw("END", "VCALENDAR");
    Ok(lines.finish())
}

/// "Fête de la Saint-Jean — Provence Sécurité Événements", or the event's name alone.
fn write_calendar_head(lines: &mut content::Lines, release: &Release, scope_name: Option<&str>) {
    let event = &release.plan().event;
    let name = match scope_name {
        Some(scope) => format!("{} — {scope}", event.name()),
        None => event.name().to_string(),
    };
    let about = text::feed_description(event.name(), &release.number().to_string());
    lines.raw("BEGIN", "VCALENDAR");
    lines.raw("VERSION", "2.0");
    lines.raw("PRODID", "-//Cordon//Plan de sécurité//FR");
    lines.raw("CALSCALE", "GREGORIAN");
    lines.raw("METHOD", "PUBLISH");
    lines.text("NAME", &name);
    lines.text("X-WR-CALNAME", &name);
    lines.text("DESCRIPTION", &about);
    lines.text("X-WR-CALDESC", &about);
    lines.raw("X-WR-TIMEZONE", event.time_zone().name());
    lines.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
    lines.raw("X-PUBLISHED-TTL", "PT1H");
}

#[cfg(test)]
mod cross_parsers_tests;
#[cfg(test)]
mod tests;
