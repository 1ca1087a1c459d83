//! The coverage timeline component (the chart): draws the pure [`layout`] of the plan for
//! the window the zoom buttons choose, as SVG with presentation attributes and CSS classes
//! only (the Content-Security-Policy forbids inline styles). Each deployment bar is a
//! keyboard-focusable button that reports its deployment's id.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::axis::{DayMark, HourTick, ViewWindow};
use super::band::{Band, UNMEASURED};
use super::controls::{Legend, ZoomControls};
use super::layout::{
    layout_flagged, now_x, relayout, DeploymentBar, GapMark, NeedOutline, PhaseBand, TimelineLayout, ZoneRow,
    AXIS_HEIGHT,
};
use super::text;
use super::zoom::Zoom;
use crate::domain::plan::{CoverageReport, Plan};
use crate::read_models::presence::{NowOnPlan, ZoneNowLine};

/// The plan's coverage over time: zones as rows, the event's local time across, needs as
/// outlines, deployments as bars coloured by their participant's role, gaps in red with the
/// missing headcount. Clicking a bar, or pressing Enter or Space on it, calls `on_select`
/// with the deployment's id; without `on_select` the bars are described but not focusable, and
/// with `selectable` only those deployments are (one's own: others' bars are pictures).
///
/// `plan` may change while the timeline is on screen (a deployment saved, patched in from the
/// server's answer): only the rows whose drawing changed are drawn again.
#[component]
pub fn CoverageTimeline(
    #[prop(into)] plan: Signal<Arc<Plan>>,
    coverage: CoverageReport,
    #[prop(optional)] on_select: Option<Callback<String>>,
    /// The deployments that may be picked; `None`: every one.
    #[prop(optional, into)]
    selectable: Option<Signal<Vec<String>>>,
    /// Deployments a compliance finding concerns, drawn with the warning border.
    #[prop(optional)]
    flagged: Vec<String>,
    /// While the operations are under way: the "now" line and each zone's headcount now.
    #[prop(default = None)]
    now: Option<NowOnPlan>,
) -> impl IntoView {
    if plan.with_untracked(|p| p.zones.is_empty()) {
        return view! { <p class="fr-text--sm">{text::TIMELINE_EMPTY}</p> }.into_any();
    }
    let event = plan.with_untracked(|p| p.event.clone());
    let note = text::local_time_note(event.time_zone().name());
    let zoom = RwSignal::new(Zoom::Whole);
    let zoom_event = event.clone();
    let view_window = Memo::new(move |_| zoom.get().window(&zoom_event));
    let data = StoredValue::new((coverage, flagged));
    let now = StoredValue::new(now);
    // A plan changed in its deployments only (a save) lays out again only the rows it changed.
    let laid_out = Memo::new(move |before: Option<&LaidOut>| {
        let (plan, view) = (plan.get(), view_window.get());
        let layout = data.with_value(|(coverage, flagged)| match before {
            Some(before) if before.view == view => {
                relayout(&plan, coverage, flagged, view, (&before.plan, &before.layout))
            }
            _ => layout_flagged(&plan, coverage, flagged, view),
        });
        LaidOut { plan, view, layout }
    });
    let frame = Memo::new(move |_| laid_out.with(|l| Frame::of(&l.layout)));
    let selectable =
        selectable.map(|ids| Memo::new(move |_| ids.with(|ids| ids.iter().cloned().collect::<HashSet<_>>())));
    let now_at = Memo::new(move |_| now.with_value(|n| n.as_ref().and_then(|n| now_x(view_window.get(), n.at))));
    // Only the rows near the screen are drawn in full (issue 17, `band`); the server's page
    // and the first render in the browser draw the first rows.
    let band = RwSignal::new(UNMEASURED);
    let printing = crate::ui::components::printing();
    let drawing = NodeRef::<leptos::svg::Svg>::new();
    follow_the_screen(drawing, band, Memo::new(move |_| frame.with(|f| f.height)));
    view! {
        <section class="cordon-timeline" aria-labelledby="chronologie-titre">
            <h2 class="fr-h4" id="chronologie-titre">{text::TIMELINE_TITLE}</h2>
            <ZoomControls zoom view_window event/>
            // Narrow screens scroll the drawing sideways: without focusable bars, the
            // scrolling box itself must take the focus to be scrolled with the keyboard.
            <div class="cordon-timeline__scroll" tabindex=on_select.is_none().then_some("0")>
                {move || frame.with(|frame| {
                    now.with_value(|n| {
                        let zones = n.as_ref().map_or(&[][..], |n| n.zones.as_slice());
                        draw(frame, laid_out, (now_at.get(), zones), Picking { on_select, selectable }, (band, printing, drawing))
                    })
                })}
            </div>
            <p class="fr-text--xs cordon-timeline__note">{note}</p>
            <Legend/>
        </section>
    }
    .into_any()
}

/// A layout and what it was laid out from.
struct LaidOut {
    plan: Arc<Plan>,
    view: ViewWindow,
    layout: TimelineLayout,
}

impl PartialEq for LaidOut {
    /// Laid out again only when the plan or the view changed: always anew (what changed in
    /// the drawing, the memos below it tell).
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// What the drawing is made of but the rows' shapes: redrawn whole when it changes (a zoom, a
/// row growing a lane), while a row whose shapes alone change is redrawn by itself.
#[derive(Clone, PartialEq)]
struct Frame {
    width: f64,
    height: f64,
    days: Vec<DayMark>,
    ticks: Vec<HourTick>,
    phases: Vec<PhaseBand>,
    /// Each row's y, height and zone.
    rows: Vec<(f64, f64, String)>,
}

impl Frame {
    fn of(layout: &TimelineLayout) -> Frame {
        Frame {
            width: layout.width,
            height: layout.height,
            days: layout.days.clone(),
            ticks: layout.ticks.clone(),
            phases: layout.phases.clone(),
            rows: layout.rows.iter().map(|row| (row.y, row.height, row.zone_id.clone())).collect(),
        }
    }
}

/// Keeps `band` on the part of the drawing the window shows, as the page scrolls, the window
/// is resized or the drawing redrawn (a zoom changes its height).
fn follow_the_screen(drawing: NodeRef<leptos::svg::Svg>, band: RwSignal<Band>, height: Memo<f64>) {
    #[cfg(feature = "hydrate")]
    {
        let measure = move || {
            let (Some(svg), Some(window)) = (drawing.get_untracked(), web_sys::window()) else { return };
            let rect = svg.get_bounding_client_rect();
            let window_px = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            let on_screen = Band::on_screen(rect.top(), rect.height(), window_px, height.get_untracked());
            if band.get_untracked() != on_screen {
                band.set(on_screen);
            }
        };
        Effect::new(move |_| {
            height.track();
            drawing.track();
            measure();
        });
        let listeners = [
            window_event_listener(leptos::ev::scroll, move |_| measure()),
            window_event_listener(leptos::ev::resize, move |_| measure()),
        ];
        on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (drawing, band, height);
}

/// Which bars may be picked, and what picking one does.
#[derive(Clone, Copy)]
struct Picking {
    on_select: Option<Callback<String>>,
    /// The deployments that may be picked; `None`: every one.
    selectable: Option<Memo<HashSet<String>>>,
}

/// The whole SVG for one layout: row stripes, then the time grid, then the rows' shapes, so
/// that the grid shows across the rows and behind the bars. A row is drawn in full while it is
/// near the screen (`band`) or printed, else only its zone's name shows.
fn draw(
    frame: &Frame,
    laid_out: Memo<LaidOut>,
    (now_x, zones_now): (Option<f64>, &[ZoneNowLine]),
    picking: Picking,
    (band, printing, drawing): (RwSignal<Band>, ReadSignal<bool>, NodeRef<leptos::svg::Svg>),
) -> impl IntoView {
    let view_box = format!("0 0 {} {}", n(frame.width), n(frame.height));
    let stripes =
        frame.rows.iter().enumerate().map(|(i, &(y, height, _))| row_stripe(i, y, height, frame.width)).collect_view();
    let days = frame.days.iter().enumerate().map(|(i, day)| day_band(i, day)).collect_view();
    let ticks = frame.ticks.iter().map(|tick| hour_tick(tick, frame.height)).collect_view();
    let rows = frame
        .rows
        .iter()
        .enumerate()
        .map(|(i, &(y, height, ref zone_id))| {
            let shown = Memo::new(move |_| printing.get() || band.with(|band| band.shows(y, height)));
            // The row's own shapes: a save redraws the rows it changed, not the others.
            let row = Memo::new(move |_| laid_out.with(|l| l.layout.rows.get(i).cloned()));
            let now = zones_now.iter().find(|z| z.zone_id == *zone_id).cloned();
            move || {
                row.with(|row| {
                    let row = row.as_ref()?;
                    Some(if shown.get() {
                        let row = |selectable: Option<&HashSet<String>>| {
                            zone_row(row, now.as_ref(), picking.on_select, selectable).into_any()
                        };
                        match picking.selectable {
                            Some(ids) => ids.with(|ids| row(Some(ids))),
                            None => row(None),
                        }
                    } else {
                        zone_name(row).into_any()
                    })
                })
            }
        })
        .collect_view();
    let now_line = now_x.map(|x| {
        view! {
            <g class="cordon-tl__now" id="chronologie-maintenant" aria-hidden="true">
                <line x1=n(x) x2=n(x) y1=n(AXIS_HEIGHT - 6.0) y2=n(frame.height)/>
                <text x=n(x + 3.0) y=n(AXIS_HEIGHT - 1.0)>{text::NOW}</text>
            </g>
        }
    });
    let phases = frame.phases.iter().map(|phase| phase_band(phase, frame.height)).collect_view();
    view! {
        <svg class="cordon-timeline__svg" xmlns="http://www.w3.org/2000/svg" viewBox=view_box node_ref=drawing
            width=n(frame.width) height=n(frame.height) role="group" aria-label=text::TIMELINE_LABEL>
            <g aria-hidden="true">{stripes}</g>
            <g class="cordon-tl__phases">{phases}</g>
            <g class="cordon-tl__axis" aria-hidden="true">{days}{ticks}</g>
            <g class="cordon-tl__rows">{rows}</g>
            {now_line}
        </svg>
    }
}

/// A row's background, alternately striped.
fn row_stripe(index: usize, y: f64, height: f64, width: f64) -> impl IntoView {
    let class = if index.is_multiple_of(2) { "cordon-tl__row" } else { "cordon-tl__row cordon-tl__row--alt" };
    view! { <rect class=class x="0" y=n(y) width=n(width) height=n(height)/> }
}

/// The set-up or tear-down, hatched from the hours down across every row.
fn phase_band(phase: &PhaseBand, bottom: f64) -> impl IntoView {
    view! {
        <rect class="cordon-tl__phase" x=n(phase.x) y=n(AXIS_HEIGHT - 6.0) width=n(phase.width) height=n(bottom - AXIS_HEIGHT + 6.0)
            role="img" aria-label=phase.title.clone()>
            <title>{phase.title.clone()}</title>
        </rect>
    }
}

/// A local day's band above the hours, with its name when it fits.
fn day_band(index: usize, day: &DayMark) -> impl IntoView {
    let class = if index.is_multiple_of(2) { "cordon-tl__day" } else { "cordon-tl__day cordon-tl__day--alt" };
    view! {
        <g>
            <rect class=class x=n(day.x) y="0" width=n(day.width) height="20"/>
            {day.label.clone().map(|label| view! {
                <text class="cordon-tl__day-label" x=n(day.x + 4.0) y="14">{label}</text>
            })}
        </g>
    }
}

/// An hour's grid line across the rows and its label when it has one.
fn hour_tick(tick: &HourTick, bottom: f64) -> impl IntoView {
    let class = if tick.midnight { "cordon-tl__tick cordon-tl__tick--midnight" } else { "cordon-tl__tick" };
    view! {
        <g>
            <line class=class x1=n(tick.x) x2=n(tick.x) y1=n(AXIS_HEIGHT - 6.0) y2=n(bottom)/>
            {tick.label.clone().map(|label| view! {
                <text class="cordon-tl__tick-label" x=n(tick.x) y="36" text-anchor="middle">{label}</text>
            })}
        </g>
    }
}

/// A zone's row: its name, its needs, gaps and bars.
fn zone_row(
    row: &ZoneRow,
    now: Option<&ZoneNowLine>,
    on_select: Option<Callback<String>>,
    selectable: Option<&HashSet<String>>,
) -> impl IntoView {
    let needs = row.needs.iter().map(need_outline).collect_view();
    let gaps = row.gaps.iter().map(gap_mark).collect_view();
    let sex_gaps = row.sex_gaps.iter().map(sex_gap_mark).collect_view();
    let bars = row
        .bars
        .iter()
        .map(|bar| {
            let picked = selectable.is_none_or(|s| s.contains(&bar.deployment_id));
            deployment_bar(bar, on_select.filter(|_| picked))
        })
        .collect_view();
    let hidden = (row.hidden > 0).then(|| {
        view! { <text class="cordon-tl__hidden" x="8" y=n(row.y + 30.0)>{text::hidden(row.hidden)}</text> }
    });
    // The headcount now, on the second line unless the hidden count takes it.
    let present = now.filter(|_| row.hidden == 0).map(|z| {
        let class = match (z.named, z.present < z.named) {
            (0, _) => "cordon-tl__present--none",
            (_, true) => "cordon-tl__present cordon-tl__present--short",
            _ => "cordon-tl__present",
        };
        view! { <text class=class x="8" y=n(row.y + 30.0)>{text::present_now(z.present, z.named, z.planned)}</text> }
    });
    view! {
        <g role="group" aria-label=row.name.clone()>
            {zone_label(row)}
            {hidden}
            {present}
            {needs}
            {gaps}
            {sex_gaps}
            {bars}
        </g>
    }
}

/// A row away from the screen: its zone's name only, drawn in full when the page scrolls near.
fn zone_name(row: &ZoneRow) -> impl IntoView {
    view! { <g role="group" aria-label=row.name.clone()>{zone_label(row)}</g> }
}

/// A row's zone name in the label column, its full name on hover.
fn zone_label(row: &ZoneRow) -> impl IntoView {
    view! {
        <text class="cordon-tl__zone" x="8" y=n(row.y + 16.0)>
            <title>{row.name.clone()}</title>
            {row.label.clone()}
        </text>
    }
}

/// A need's dashed outline with its required headcount.
fn need_outline(need: &NeedOutline) -> impl IntoView {
    view! {
        <g class="cordon-tl__need" role="img" aria-label=need.title.clone()>
            <title>{need.title.clone()}</title>
            <rect x=n(need.x) y=n(need.y) width=n(need.width) height=n(need.height) rx="2"/>
            {need.text.clone().map(|t| view! { <text x=n(need.text_x) y=n(need.y + 11.5)>{t}</text> })}
        </g>
    }
}

/// A gap in red with "−2".
fn gap_mark(gap: &GapMark) -> impl IntoView {
    view! {
        <g class="cordon-tl__gap" role="img" aria-label=gap.title.clone()>
            <title>{gap.title.clone()}</title>
            <rect x=n(gap.x) y=n(gap.y) width=n(gap.width) height=n(gap.height) rx="2"/>
            {gap.text.clone().map(|t| view! {
                <text x=n(gap.x + gap.width / 2.0) y=n(gap.y + 11.5) text-anchor="middle">{t}</text>
            })}
        </g>
    }
}

/// Missing women or men: a strip along the bottom of the need.
fn sex_gap_mark(gap: &GapMark) -> impl IntoView {
    view! {
        <rect class="cordon-tl__sex-gap" x=n(gap.x) y=n(gap.y) width=n(gap.width) height=n(gap.height)
            role="img" aria-label=gap.title.clone()>
            <title>{gap.title.clone()}</title>
        </rect>
    }
}

/// A deployment's bar, a button when the timeline has an `on_select`.
fn deployment_bar(bar: &DeploymentBar, on_select: Option<Callback<String>>) -> impl IntoView {
    let role = bar.role.map_or("autre", |role| role.code());
    let warning = if bar.warning { " cordon-tl__bar--warning" } else { "" };
    let class = format!("cordon-tl__bar cordon-role--{role}{warning}");
    let (clicked, pressed) = (bar.deployment_id.clone(), bar.deployment_id.clone());
    let select = move |id: String| {
        if let Some(callback) = on_select {
            callback.run(id);
        }
    };
    view! {
        <g class=class data-deployment=bar.deployment_id.clone()
            role=if on_select.is_some() { "button" } else { "img" }
            tabindex=on_select.map(|_| "0")
            aria-label=bar.label.clone()
            on:click=move |_| select(clicked.clone())
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    select(pressed.clone());
                }
            }>
            <title>{bar.label.clone()}</title>
            <rect x=n(bar.x) y=n(bar.y) width=n(bar.width) height=n(bar.height) rx="2"/>
            {bar.text.clone().map(|t| view! { <text x=n(bar.x + 4.0) y=n(bar.y + 11.5)>{t}</text> })}
        </g>
    }
}

/// A coordinate with at most two decimals and no trailing zeros: small pages even with
/// thousands of bars.
/// A coordinate to two decimals, without trailing zeros.
fn n(value: f64) -> String {
    crate::domain::number::two_decimals(value)
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
