//! Around the timeline's drawing: the zoom buttons (whole event, each day, six hours moved
//! back and forth) and the legend of colours.

use leptos::prelude::*;

use super::axis::ViewWindow;
use super::format::{day_label, short_date_time};
use super::text;
use super::zoom::{event_days, Zoom};
use crate::domain::plan::{Event, ParticipantRole};

/// The zoom buttons, which set `zoom` (the drawing follows without reload), and the window
/// on view in words, announced politely when it changes.
#[component]
pub fn ZoomControls(zoom: RwSignal<Zoom>, view_window: Memo<ViewWindow>, event: Event) -> impl IntoView {
    let zone = event.time_zone();
    let days = event_days(&event);
    let event = StoredValue::new(event);
    let six_hours = move || zoom.set(event.with_value(|e| Zoom::six_hours_from(view_window.get_untracked(), e)));
    let step = move |forward: bool| zoom.update(|z| *z = event.with_value(|e| z.stepped(forward, e)));
    let can_step = move |forward: bool| event.with_value(|e| zoom.get().can_step(forward, e));
    let day_buttons = days
        .into_iter()
        .map(|day| {
            let pressed = move || zoom.get() == Zoom::Day(day);
            view! { <li><ZoomButton label=day_label(day) pressed=Signal::derive(pressed) on_click=move || zoom.set(Zoom::Day(day))/></li> }
        })
        .collect_view();
    view! {
        <div class="cordon-timeline__controls" role="group" aria-label=text::ZOOM_LABEL>
            <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                <li><ZoomButton label=text::ZOOM_WHOLE.to_string() pressed=Signal::derive(move || zoom.get() == Zoom::Whole) on_click=move || zoom.set(Zoom::Whole)/></li>
                {day_buttons}
                <li><ZoomButton label=text::ZOOM_SIX_HOURS.to_string() pressed=Signal::derive(move || matches!(zoom.get(), Zoom::Hours(_))) on_click=six_hours/></li>
                {move || matches!(zoom.get(), Zoom::Hours(_)).then(|| view! {
                    <li>
                        <button type="button" class="fr-btn fr-btn--tertiary fr-icon-arrow-left-line fr-btn--icon-left"
                            disabled=move || !can_step(false) on:click=move |_| step(false)>{text::ZOOM_PREVIOUS}</button>
                    </li>
                    <li>
                        <button type="button" class="fr-btn fr-btn--tertiary fr-icon-arrow-right-line fr-btn--icon-right"
                            disabled=move || !can_step(true) on:click=move |_| step(true)>{text::ZOOM_NEXT}</button>
                    </li>
                })}
            </ul>
        </div>
        <p class="fr-text--sm fr-mb-1w" aria-live="polite">
            {move || {
                let view = view_window.get();
                text::view_range(&short_date_time(view.start(), zone), &short_date_time(view.end(), zone))
            }}
        </p>
    }
}

/// A toggle button of the zoom group: primary and `aria-pressed="true"` when selected.
#[component]
fn ZoomButton(label: String, pressed: Signal<bool>, on_click: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="fr-btn"
            class:fr-btn--secondary=move || !pressed.get()
            aria-pressed=move || if pressed.get() { "true" } else { "false" }
            on:click=move |_| on_click()>
            {label}
        </button>
    }
}

/// The colours of the timeline: one per participant role, the need outline, the gap and the
/// warning border.
#[component]
pub fn Legend() -> impl IntoView {
    let roles = ParticipantRole::ALL
        .iter()
        .map(|role| {
            let swatch = format!("cordon-tl-swatch cordon-role--{}", role.code());
            view! { <li><span class=swatch aria-hidden="true"></span>{role.label()}</li> }
        })
        .collect_view();
    view! {
        <div class="cordon-tl-legend">
            <p class="fr-text--sm fr-text--bold fr-mb-1v" id="chronologie-legende">{text::LEGEND_TITLE}</p>
            <ul class="cordon-tl-legend__list" aria-labelledby="chronologie-legende">
                {roles}
                <li><span class="cordon-tl-swatch cordon-tl-swatch--need" aria-hidden="true"></span>{text::LEGEND_NEED}</li>
                <li><span class="cordon-tl-swatch cordon-tl-swatch--gap" aria-hidden="true"></span>{text::LEGEND_GAP}</li>
                <li><span class="cordon-tl-swatch cordon-tl-swatch--sex-gap" aria-hidden="true"></span>{text::LEGEND_SEX_GAP}</li>
                <li><span class="cordon-tl-swatch cordon-tl-swatch--phase" aria-hidden="true"></span>{text::LEGEND_PHASE}</li>
                <li><span class="cordon-tl-swatch cordon-tl-swatch--warning" aria-hidden="true"></span>{text::LEGEND_WARNING}</li>
            </ul>
        </div>
    }
}
