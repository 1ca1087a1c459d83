//! The coverage timeline as plain numbers: where each zone's row, need outline, gap and
//! deployment bar goes for a given view window. Pure and browser-free, so that it is tested
//! natively; the component only turns it into SVG elements.

use std::collections::{HashMap, HashSet};

use chrono_tz::Tz;

use super::axis::{day_marks, fits, hour_ticks, Scale, ViewWindow, CHAR_WIDTH};
use super::format::{short_date_time, sort_key};
use super::lanes::{assign_lanes, lane_count};
pub use super::shapes::{DeploymentBar, GapMark, NeedOutline, PhaseBand, TimelineLayout, ZoneRow};
use super::text;
use crate::domain::plan::{
    CoverageReport, Deployment, Gap, Need, Participant, ParticipantRole, Plan, SexGap, TimeWindow, Zone,
};
use crate::domain::time::Instant;

/// Width of the drawing, in SVG user units (the SVG scales to its container).
pub const WIDTH: f64 = 1200.0;
/// Height of the strip marking missing women or men along the bottom of a need.
pub const SEX_GAP_HEIGHT: f64 = 5.0;
/// The column of zone names on the left.
pub const LABEL_WIDTH: f64 = 190.0;
/// Room on the right so that the last tick label is not cut.
pub const RIGHT_MARGIN: f64 = 20.0;
/// The day band and the hour labels above the rows.
pub const AXIS_HEIGHT: f64 = 48.0;
/// Space above and below the lanes of a row.
pub const ROW_PADDING: f64 = 5.0;
/// Height of a row with nothing on view: room for the zone's name.
pub const MIN_ROW_HEIGHT: f64 = 34.0;
/// Vertical pitch of a lane; shapes are 3 units shorter, leaving a gap between lanes.
pub const LANE_HEIGHT: f64 = 18.0;
/// Beyond this many overlapping deployments a zone's row stops growing (see `hidden`).
pub const MAX_BAR_LANES: usize = 12;
/// Beyond this many overlapping needs a zone's row stops growing.
pub const MAX_NEED_LANES: usize = 4;

/// What every row needs to look up while it is laid out.
struct Context<'a> {
    scale: Scale,
    zone: Tz,
    participants: HashMap<&'a str, &'a Participant>,
    posts: HashMap<&'a str, &'a str>,
    outside: HashSet<&'a str>,
    double: HashSet<&'a str>,
    gaps: HashMap<&'a str, Vec<&'a Gap>>,
    sex_gaps: HashMap<&'a str, Vec<&'a SexGap>>,
    /// Deployments a compliance finding concerns.
    flagged: HashSet<&'a str>,
}

/// Lays out `plan` and its `coverage` for `view`: zones sorted by name, only the needs,
/// gaps and deployments that intersect the view, each clipped to it.
pub fn layout(plan: &Plan, coverage: &CoverageReport, view: ViewWindow) -> TimelineLayout {
    layout_flagged(plan, coverage, &[], view)
}

/// [`layout`], with the deployments of `flagged` (compliance findings) marked.
pub fn layout_flagged(plan: &Plan, coverage: &CoverageReport, flagged: &[String], view: ViewWindow) -> TimelineLayout {
    layout_reusing(plan, coverage, flagged, view, |_, _, _| None)
}

/// [`layout_flagged`] of `plan` where `before`, laid out as `drawn` for the same coverage,
/// flags and view, differs from it in its deployments only (a deployment saved on the page):
/// the rows of the zones whose deployments on view are the same are taken from `drawn`, moved
/// to their new height, and only the others are laid out again. The same layout as
/// [`layout_flagged`]'s, in a fraction of the time at city scale (a row is where the
/// timeline's time goes: each bar's French description).
pub fn relayout(
    plan: &Plan,
    coverage: &CoverageReport,
    flagged: &[String],
    view: ViewWindow,
    (before, drawn): (&Plan, &TimelineLayout),
) -> TimelineLayout {
    let same_but_deployments = before.event == plan.event
        && before.zones == plan.zones
        && before.posts == plan.posts
        && before.participants == plan.participants
        && before.agents == plan.agents
        && before.needs == plan.needs;
    if !same_but_deployments {
        return layout_flagged(plan, coverage, flagged, view);
    }
    let earlier = on_view_by_zone(before, view);
    let rows: HashMap<&str, &ZoneRow> = drawn.rows.iter().map(|row| (row.zone_id.as_str(), row)).collect();
    layout_reusing(plan, coverage, flagged, view, |zone, deployments, y| {
        let unchanged = earlier.get(zone.id()).map_or(deployments.is_empty(), |e| e.as_slice() == deployments);
        unchanged.then(|| rows.get(zone.id()).map(|row| moved(row, y))).flatten()
    })
}

/// `row` moved to start at `y`.
fn moved(row: &ZoneRow, y: f64) -> ZoneRow {
    let dy = y - row.y;
    let mut row = row.clone();
    if dy != 0.0 {
        row.y = y;
        row.needs.iter_mut().for_each(|n| n.y += dy);
        row.gaps.iter_mut().chain(row.sex_gaps.iter_mut()).for_each(|g| g.y += dy);
        row.bars.iter_mut().for_each(|b| b.y += dy);
    }
    row
}

/// Each zone's deployments that intersect `view`, in the plan's order.
fn on_view_by_zone(plan: &Plan, view: ViewWindow) -> HashMap<&str, Vec<&Deployment>> {
    let mut deployments: HashMap<&str, Vec<&Deployment>> = HashMap::new();
    for d in plan.deployments.iter().filter(|d| view.overlaps(d.window().start(), d.window().end())) {
        deployments.entry(d.zone_id()).or_default().push(d);
    }
    deployments
}

/// [`layout_flagged`], taking a zone's row from `reuse` (given the zone, its deployments on
/// view and the row's y) when it has one.
fn layout_reusing(
    plan: &Plan,
    coverage: &CoverageReport,
    flagged: &[String],
    view: ViewWindow,
    reuse: impl Fn(&Zone, &[&Deployment], f64) -> Option<ZoneRow>,
) -> TimelineLayout {
    let scale = Scale { view, left: LABEL_WIDTH, width: WIDTH - LABEL_WIDTH - RIGHT_MARGIN };
    let mut context = Context {
        scale,
        zone: plan.event.time_zone(),
        participants: plan.participants.iter().map(|p| (p.id(), p)).collect(),
        posts: plan.posts.iter().map(|p| (p.id(), p.name())).collect(),
        outside: coverage.outside_event.iter().map(String::as_str).collect(),
        double: coverage.double_bookings.iter().flat_map(|d| [d.first.as_str(), d.second.as_str()]).collect(),
        gaps: HashMap::new(),
        sex_gaps: HashMap::new(),
        flagged: flagged.iter().map(String::as_str).collect(),
    };
    for gap in &coverage.gaps {
        context.gaps.entry(gap.need_id.as_str()).or_default().push(gap);
    }
    for gap in &coverage.sex_gaps {
        context.sex_gaps.entry(gap.need_id.as_str()).or_default().push(gap);
    }
    let mut needs: HashMap<&str, Vec<&Need>> = HashMap::new();
    for need in plan.needs.iter().filter(|n| view.overlaps(n.window().start(), n.window().end())) {
        needs.entry(need.zone_id()).or_default().push(need);
    }
    let mut deployments = on_view_by_zone(plan, view);
    let mut zones: Vec<&Zone> = plan.zones.iter().collect();
    zones.sort_by_cached_key(|z| sort_key(z.name()));
    let mut y = AXIS_HEIGHT;
    let mut rows = Vec::with_capacity(zones.len());
    for zone in zones {
        let zone_needs = needs.remove(zone.id()).unwrap_or_default();
        let zone_deployments = deployments.remove(zone.id()).unwrap_or_default();
        let row = reuse(zone, &zone_deployments, y)
            .unwrap_or_else(|| zone_row(&context, zone, y, &zone_needs, &zone_deployments));
        y += row.height;
        rows.push(row);
    }
    TimelineLayout {
        width: WIDTH,
        height: y,
        plot_left: scale.left,
        plot_right: scale.left + scale.width,
        days: day_marks(&scale, context.zone),
        ticks: hour_ticks(&scale, context.zone),
        rows,
        phases: [(plan.event.setup(), text::SETUP), (plan.event.teardown(), text::TEARDOWN)]
            .into_iter()
            .filter_map(|(window, name)| phase_band(&context, window?, name))
            .collect(),
    }
}

/// The x of the "now" line at `at`, if `at` is on `view`.
pub fn now_x(view: ViewWindow, at: Instant) -> Option<f64> {
    let scale = Scale { view, left: LABEL_WIDTH, width: WIDTH - LABEL_WIDTH - RIGHT_MARGIN };
    (view.start() <= at && at < view.end()).then(|| scale.x(at))
}

/// The shading of the set-up or tear-down `window`, if it is on view.
fn phase_band(c: &Context, window: TimeWindow, name: &str) -> Option<PhaseBand> {
    if !c.scale.view.overlaps(window.start(), window.end()) {
        return None;
    }
    let (x, width) = span(c, window.start(), window.end());
    let from = short_date_time(window.start(), c.zone);
    let to = short_date_time(window.end(), c.zone);
    Some(PhaseBand { x, width, title: text::phase_title(name, &from, &to) })
}

/// One zone's row starting at `y`.
fn zone_row(c: &Context, zone: &Zone, y: f64, needs: &[&Need], deployments: &[&Deployment]) -> ZoneRow {
    let need_lanes = assign_lanes(&needs.iter().map(|n| n.window()).collect::<Vec<_>>(), MAX_NEED_LANES);
    let bar_lanes = assign_lanes(&deployments.iter().map(|d| d.window()).collect::<Vec<_>>(), MAX_BAR_LANES);
    let needs_top = y + ROW_PADDING;
    let bars_top = needs_top + lane_count(&need_lanes) as f64 * LANE_HEIGHT;
    let lanes_bottom = bars_top + lane_count(&bar_lanes) as f64 * LANE_HEIGHT + ROW_PADDING;
    let mut row = ZoneRow {
        zone_id: zone.id().to_string(),
        name: zone.name().to_string(),
        label: shorten(zone.name(), LABEL_WIDTH - 16.0),
        y,
        height: (lanes_bottom - y).max(MIN_ROW_HEIGHT),
        needs: Vec::new(),
        gaps: Vec::new(),
        sex_gaps: Vec::new(),
        bars: Vec::new(),
        hidden: bar_lanes.iter().filter(|lane| lane.is_none()).count(),
    };
    for (need, lane) in needs.iter().zip(&need_lanes) {
        let Some(lane) = lane else { continue };
        let mut outline = need_outline(c, need, needs_top + *lane as f64 * LANE_HEIGHT);
        let gaps: Vec<GapMark> = c
            .gaps
            .get(need.id())
            .into_iter()
            .flatten()
            .filter_map(|gap| gap_mark(c, &outline, gap.window.start(), gap.window.end(), gap.missing))
            .collect();
        place_need_text(&mut outline, &gaps);
        let sex_gaps = c.sex_gaps.get(need.id()).into_iter().flatten().filter_map(|gap| sex_gap_mark(c, &outline, gap));
        row.sex_gaps.extend(sex_gaps);
        row.needs.push(outline);
        row.gaps.extend(gaps);
    }
    for (deployment, lane) in deployments.iter().zip(&bar_lanes) {
        if let Some(lane) = lane {
            row.bars.push(deployment_bar(c, zone, deployment, *lane, bars_top + *lane as f64 * LANE_HEIGHT));
        }
    }
    row
}

/// The outline of a need whose lane starts at `y`.
fn need_outline(c: &Context, need: &Need, y: f64) -> NeedOutline {
    let (x, width) = span(c, need.window().start(), need.window().end());
    let from = short_date_time(need.window().start(), c.zone);
    let to = short_date_time(need.window().end(), c.zone);
    NeedOutline {
        need_id: need.id().to_string(),
        x,
        y,
        width,
        height: LANE_HEIGHT - 3.0,
        required: need.min(),
        text: None,
        text_x: x,
        title: text::need_title(need.min(), &from, &to),
    }
}

/// Puts "6 requis" (or "6") in the widest stretch of the outline that `gaps` (in time
/// order) leave free, if it fits there.
fn place_need_text(need: &mut NeedOutline, gaps: &[GapMark]) {
    let mut free = Vec::with_capacity(gaps.len() + 1);
    let mut from = need.x;
    for gap in gaps {
        free.push((from, gap.x - from));
        from = gap.x + gap.width;
    }
    free.push((from, need.x + need.width - from));
    let widest = free.into_iter().fold((need.x, 0.0), |best, stretch| if stretch.1 > best.1 { stretch } else { best });
    need.text = [text::required(need.required), need.required.to_string()].into_iter().find(|t| fits(t, widest.1));
    need.text_x = widest.0 + 4.0;
}

/// The red mark of a gap inside `need`'s outline, if the gap is on view.
fn gap_mark(c: &Context, need: &NeedOutline, start: Instant, end: Instant, missing: u32) -> Option<GapMark> {
    if !c.scale.view.overlaps(start, end) {
        return None;
    }
    let (x, width) = span(c, start, end);
    let minus = text::missing(missing);
    let from = short_date_time(start, c.zone);
    let to = short_date_time(end, c.zone);
    Some(GapMark {
        need_id: need.need_id.clone(),
        x,
        y: need.y,
        width,
        height: need.height,
        missing,
        text: fits(&minus, width).then_some(minus),
        title: text::gap_title(missing, &from, &to),
    })
}

/// The strip of missing women or men along the bottom of `need`'s outline, if on view.
fn sex_gap_mark(c: &Context, need: &NeedOutline, gap: &SexGap) -> Option<GapMark> {
    let (start, end) = (gap.window.start(), gap.window.end());
    if !c.scale.view.overlaps(start, end) {
        return None;
    }
    let (x, width) = span(c, start, end);
    let from = short_date_time(start, c.zone);
    let to = short_date_time(end, c.zone);
    Some(GapMark {
        need_id: need.need_id.clone(),
        x,
        y: need.y + need.height - SEX_GAP_HEIGHT,
        width,
        height: SEX_GAP_HEIGHT,
        missing: gap.missing,
        text: None,
        title: text::sex_gap_title(gap.missing, gap.sex, &from, &to),
    })
}

/// The bar of a deployment in `lane`, whose lane starts at `y`.
fn deployment_bar(c: &Context, zone: &Zone, d: &Deployment, lane: usize, y: f64) -> DeploymentBar {
    let (x, width) = span(c, d.window().start(), d.window().end());
    let participant = c.participants.get(d.participant_id()).copied();
    let name = participant.map_or(text::UNKNOWN_PARTICIPANT, Participant::name);
    let role = participant.map(Participant::role);
    let headcount = d.staffed_headcount();
    let mut warnings = Vec::new();
    if c.outside.contains(d.id()) {
        warnings.push(text::WARNING_OUTSIDE);
    }
    if c.double.contains(d.id()) {
        warnings.push(text::WARNING_DOUBLE);
    }
    if c.flagged.contains(d.id()) {
        warnings.push(text::WARNING_COMPLIANCE);
    }
    let (from, to) = (short_date_time(d.window().start(), c.zone), short_date_time(d.window().end(), c.zone));
    let label = text::bar_label(&text::BarDescription {
        participant: name,
        role: role.map(ParticipantRole::label),
        headcount,
        zone: zone.name(),
        post: d.post_id().map(|id| c.posts.get(id).copied().unwrap_or(text::UNKNOWN_POST)),
        from: &from,
        to: &to,
        category: d.category().label(),
        warnings: &warnings,
    });
    let candidates = text::bar_texts(name, headcount);
    DeploymentBar {
        deployment_id: d.id().to_string(),
        x,
        y,
        width,
        height: LANE_HEIGHT - 3.0,
        lane,
        role,
        headcount,
        text: candidates.into_iter().find(|t| fits(t, width)),
        label,
        warning: !warnings.is_empty(),
    }
}

/// The x and width of `[start, end)` clipped to the view; at least one unit wide so that
/// a very short deployment stays visible and clickable.
fn span(c: &Context, start: Instant, end: Instant) -> (f64, f64) {
    let x = c.scale.x(start);
    (x, (c.scale.x(end) - x).max(1.0))
}

/// `name` cut after a whole word, with an ellipsis, so that it fits in `width` units.
fn shorten(name: &str, width: f64) -> String {
    if fits(name, width) {
        return name.to_string();
    }
    let keep = ((width - 6.0) / CHAR_WIDTH) as usize;
    let cut: String = name.chars().take(keep.saturating_sub(1)).collect();
    let ends_a_word = name.chars().nth(keep.saturating_sub(1)).is_none_or(char::is_whitespace);
    let words = match cut.rfind(' ') {
        Some(space) if space > 0 && !ends_a_word => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", words.trim_end())
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
