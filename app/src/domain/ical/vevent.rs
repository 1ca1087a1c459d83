//! One deployment as a VEVENT: stable UID, DTSTAMP and LAST-MODIFIED at the release in which
//! it last changed, SEQUENCE, local times with the event's TZID, a summary that reads on a
//! lock screen, the place, the details, and a reminder an hour before.

use crate::domain::plan::{Agent, Plan, Visibility};
use crate::domain::release::Release;
use crate::text;

use super::content::{escape_text_into, Lines};
use super::datetime::{write_utc, LocalClock};
use super::place::{centroid, CommandPosts};
use super::select::Entry;

/// What every VEVENT of one feed shares.
pub struct Context<'a> {
    pub release: &'a Release,
    pub plan: &'a Plan,
    pub host: &'a str,
    pub names_agents: bool,
    pub convention_reference: Option<&'a str>,
    pub command_posts: CommandPosts<'a>,
    /// The plan's agents sorted by id, for lookups (empty when no agent is named).
    pub agents: Vec<&'a Agent>,
    /// Local times as the feed's VTIMEZONE gives them.
    pub clock: LocalClock<'a>,
    /// Whether the event's address already names its commune.
    pub event_address_names_commune: bool,
}

/// Text buffers reused from one VEVENT to the next.
#[derive(Default)]
pub struct Buffers {
    summary: String,
    text: String,
}

/// Writes the VEVENT of `entry`.
pub fn write_vevent(lines: &mut Lines, ctx: &Context<'_>, entry: &Entry<'_>, buffers: &mut Buffers) {
    let d = entry.deployment;
    lines.raw("BEGIN", "VEVENT");
    lines.with(|line| {
        line.push_str("UID:");
        escape_text_into(line, d.id());
        line.push('@');
        escape_text_into(line, ctx.host);
    });
    let stamp = entry.history.map_or(ctx.release.published_at(), |h| h.last_changed);
    for name in ["DTSTAMP:", "LAST-MODIFIED:"] {
        lines.with(|line| {
            line.push_str(name);
            write_utc(line, stamp);
        });
    }
    if let Some(history) = entry.history {
        lines.with(|line| {
            line.push_str("CREATED:");
            write_utc(line, history.created);
        });
    }
    lines.formatted("SEQUENCE", format_args!("{}", entry.history.map_or(0, |h| h.sequence)));
    for (name, instant) in [("DTSTART", d.window().start()), ("DTEND", d.window().end())] {
        lines.with(|line| ctx.clock.write_property(line, name, instant));
    }
    let Buffers { summary: title, text: scratch } = buffers;
    summary(title, ctx, entry);
    lines.text("SUMMARY", title);
    location(scratch, ctx, entry);
    lines.text("LOCATION", scratch);
    if let Some(polygon) = entry.zone.and_then(|z| z.polygon()) {
        let (lat, lon) = centroid(polygon);
        lines.formatted("GEO", format_args!("{lat:.6};{lon:.6}"));
    }
    description(scratch, ctx, entry);
    lines.text("DESCRIPTION", scratch);
    lines.text("CATEGORIES", d.category().label());
    lines.raw("STATUS", if entry.cancelled { "CANCELLED" } else { "CONFIRMED" });
    lines.raw("TRANSP", "OPAQUE");
    if d.visibility() == Visibility::Restricted {
        lines.raw("CLASS", "CONFIDENTIAL");
    }
    if !entry.cancelled {
        lines.raw("BEGIN", "VALARM");
        lines.raw("ACTION", "DISPLAY");
        lines.raw("TRIGGER", "-PT1H");
        lines.text("DESCRIPTION", title);
        lines.raw("END", "VALARM");
    }
    lines.raw("END", "VEVENT");
}

/// "Filtrage · Entrée Nord · Fête de la Saint-Jean", "Annulé · …" when cancelled.
fn summary(out: &mut String, ctx: &Context<'_>, entry: &Entry<'_>) {
    out.clear();
    if entry.cancelled {
        out.push_str(text::FEED_CANCELLED);
        out.push_str(" · ");
    }
    out.push_str(entry.deployment.category().label());
    out.push_str(" · ");
    place_name(out, entry);
    out.push_str(" · ");
    out.push_str(ctx.plan.event.name());
}

fn place_name(out: &mut String, entry: &Entry<'_>) {
    out.push_str(entry.zone.map_or("?", |z| z.name()));
    if let Some(post) = entry.post {
        out.push_str(" (");
        out.push_str(post.name());
        out.push(')');
    }
}

/// "Entrée Nord (Portique 3) — 12 quai Brescon, Martigues": the zone, then its address or
/// the event's, with the commune unless the address already names it.
fn location(out: &mut String, ctx: &Context<'_>, entry: &Entry<'_>) {
    out.clear();
    place_name(out, entry);
    out.push_str(" — ");
    let event = &ctx.plan.event;
    let names_commune = match entry.zone.and_then(|z| z.address()) {
        Some(address) => {
            out.push_str(address);
            names_commune(address, event.commune_name())
        }
        None => {
            out.push_str(event.address());
            ctx.event_address_names_commune
        }
    };
    if !names_commune {
        out.push_str(", ");
        out.push_str(event.commune_name());
    }
}

/// Whether `address` already names the commune (letter case aside).
pub fn names_commune(address: &str, commune: &str) -> bool {
    address.to_lowercase().contains(&commune.to_lowercase())
}

fn description(out: &mut String, ctx: &Context<'_>, entry: &Entry<'_>) {
    let d = entry.deployment;
    out.clear();
    let mut line = |label: &str, value: &str| {
        out.push_str(label);
        out.push_str(" : ");
        out.push_str(value);
        out.push('\n');
    };
    if !d.mission().is_empty() {
        line(text::FEED_MISSION, d.mission());
    }
    if let Some(p) = ctx.plan.participant(d.participant_id()) {
        line(text::FEED_PARTICIPANT, p.name());
    }
    line(text::FEED_HEADCOUNT, &text::agents_count(d.staffed_headcount()));
    if ctx.names_agents && !d.agent_ids().is_empty() {
        let names: Vec<&str> = d.agent_ids().iter().filter_map(|id| agent_name(ctx, id)).collect();
        line(text::FEED_AGENTS, &names.join(", "));
    }
    if let Some(radio) = d.radio() {
        line(text::FEED_RADIO, radio);
    }
    if let Some((phone, who)) = ctx.command_posts.phone_at(d.window().start()) {
        line(text::FEED_COMMAND_POST, &format!("{phone} ({who})"));
    }
    if let Some(reference) = ctx.convention_reference {
        line(text::FEED_CONVENTION, reference);
    }
    if d.visibility() == Visibility::Restricted {
        out.push_str(text::FEED_RESTRICTED);
        out.push('\n');
    }
    match entry.history.and_then(|h| h.cancelled.as_ref()) {
        Some(c) if entry.cancelled => out.push_str(&text::feed_cancelled_in(&c.release.to_string())),
        _ => {
            let changed = entry.history.map_or(ctx.release.number(), |h| h.last_changed_in);
            out.push_str(&text::feed_version(&ctx.release.number().to_string(), &changed.to_string()));
        }
    }
}

fn agent_name<'a>(ctx: &Context<'a>, id: &str) -> Option<&'a str> {
    let i = ctx.agents.binary_search_by(|a| a.id().cmp(id)).ok()?;
    Some(ctx.agents[i].display_name())
}
