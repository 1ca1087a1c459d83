//! Tests of the timeline component rendered to HTML on the server: what reaches the page.

use super::*;
use crate::ui::timeline::fixtures::festival;

/// The timeline of the festival as the server sends it, with bars selectable or not.
/// The drawing's HTML without the hydration markers (`<!>`) the erased components add.
fn rendered(selectable: bool) -> String {
    let plan = festival();
    let coverage = plan.coverage();
    let html = Owner::new().with(|| {
        if selectable {
            let on_select = Callback::new(|_: String| ());
            view! { <CoverageTimeline plan=std::sync::Arc::new(plan) coverage on_select/> }.to_html()
        } else {
            view! { <CoverageTimeline plan=std::sync::Arc::new(plan) coverage/> }.to_html()
        }
    });
    html.replace("<!>", "")
}

#[test]
fn the_timeline_uses_no_inline_style_at_all() {
    let html = rendered(false);
    assert!(!html.contains("style="), "{html}");
    assert!(!html.contains("<style"), "{html}");
}

#[test]
fn each_deployment_is_a_focusable_button_described_in_french() {
    let html = rendered(true);
    assert_eq!(html.matches("role=\"button\"").count(), 3);
    assert_eq!(html.matches("tabindex=\"0\"").count(), 3);
    let label = "aria-label=\"Sécurité Sud, 4 agents (Sécurité privée), Entrée Nord, de ven. 10/07 18:00 à ven. 10/07 23:30, Filtrage\"";
    assert!(html.contains(label), "{html}");
}

#[test]
fn only_the_readers_own_deployments_are_buttons_the_others_are_pictures() {
    let plan = festival();
    let coverage = plan.coverage();
    let own = vec![plan.deployments[0].id().to_string()];
    let html = Owner::new().with(|| {
        let on_select = Callback::new(|_: String| ());
        view! { <CoverageTimeline plan=std::sync::Arc::new(plan) coverage on_select selectable=Signal::stored(own)/> }
            .to_html()
    });
    assert_eq!(html.matches("role=\"button\"").count(), 1);
    assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
    assert!(html.matches("role=\"img\" aria-label=\"").count() >= 2, "the others' bars are pictures");
}

#[test]
fn without_a_selection_callback_only_the_scrolling_box_takes_the_focus() {
    let html = rendered(false);
    assert_eq!(html.matches("role=\"button\"").count(), 0);
    assert_eq!(html.matches("role=\"img\" aria-label=\"Sécurité Sud").count(), 1);
    assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
}

#[test]
fn the_drawing_shows_the_gaps_the_zoom_buttons_and_the_window_in_words() {
    let html = rendered(false);
    assert!(html.contains("viewBox=\"0 0 1200 146\""), "{html}");
    assert_eq!(html.matches(">−2</text>").count(), 2);
    for button in ["Tout l’événement", "ven. 10 juil.", "sam. 11 juil.", "6 h"] {
        assert!(html.contains(&format!(">{button}</button>")), "{button} in {html}");
    }
    assert!(html.contains("Du ven. 10/07 18:00 au sam. 11/07 02:00"), "{html}");
}

#[test]
fn coordinates_are_written_with_at_most_two_decimals() {
    assert_eq!(
        (n(190.0), n(437.5), n(1056.25), n(61.875_1)),
        ("190".into(), "437.5".into(), "1056.25".into(), "61.88".into())
    );
}

#[test]
fn during_the_operations_a_now_line_crosses_the_rows_and_each_zone_says_who_is_present() {
    let plan = festival();
    let coverage = plan.coverage();
    let entrance = plan.deployments[0].zone_id().to_string();
    let at = plan.deployments[0].window().start().plus(crate::domain::time::Span::minutes(30));
    let now = NowOnPlan {
        at,
        zones: vec![ZoneNowLine { zone_id: entrance, zone: "Entrée Nord".into(), planned: 4, named: 2, present: 1 }],
    };
    let html = Owner::new()
        .with(|| view! { <CoverageTimeline plan=std::sync::Arc::new(plan) coverage now=Some(now)/> }.to_html())
        .replace("<!>", "");
    assert_eq!(html.matches("id=\"chronologie-maintenant\"").count(), 1, "{html}");
    assert!(html.contains(">Maintenant</text>"), "{html}");
    assert!(html.contains("Présents 1/2 · prévus 4"), "{html}");
    assert!(html.contains("cordon-tl__present--short"), "one named agent is missing: {html}");
    assert!(!rendered(false).contains("chronologie-maintenant"), "no line outside the operations");
}

#[test]
fn a_city_festival_sends_only_the_rows_near_the_first_screen_and_every_zone_s_name() {
    let plan = crate::domain::plan::synthetic_plan(40, 2_000, 48, 1);
    let coverage = plan.coverage();
    let html = Owner::new().with(|| view! { <CoverageTimeline plan=std::sync::Arc::new(plan) coverage/> }.to_html());
    let bars = html.matches("data-deployment=").count();
    assert!(bars > 0, "the first rows are drawn");
    assert!(bars < 500, "the rows far below the first screen are not drawn: {bars} bars sent");
    assert_eq!(html.matches("class=\"cordon-tl__zone\"").count(), 40, "every zone's name shows");
}
