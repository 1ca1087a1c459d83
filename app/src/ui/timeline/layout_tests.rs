//! Tests of [`super::layout`] on real-looking plans: positions, lanes, gaps, clipping to the
//! view, the October clock change, and a plan the size of a large town festival.

use super::*;
use crate::domain::plan::ParticipantRole;
use crate::domain::time::Span;
use crate::ui::timeline::fixtures::{
    deployment, event, festival, id, july, october_night, paris, participant, window, zone, MUNICIPAL, NORTH, PRIVATE,
};

/// Festival hours are 990 / 8 = 123.75 units wide on the whole-event view.
fn whole(plan: &Plan) -> TimelineLayout {
    let view = ViewWindow::new(plan.event.operations_start(), plan.event.operations_end()).unwrap();
    layout(plan, &plan.coverage(), view)
}

fn view(start: Instant, end: Instant) -> ViewWindow {
    ViewWindow::new(start, end).unwrap()
}

#[test]
fn zones_are_rows_sorted_by_name_below_the_axis() {
    let drawn = whole(&festival());
    let rows: Vec<(&str, f64, f64)> = drawn.rows.iter().map(|r| (r.label.as_str(), r.y, r.height)).collect();
    // Entrée Nord: one need lane and two deployment lanes; Parking Sud: one short lane.
    assert_eq!(rows, vec![("Entrée Nord", 48.0, 64.0), ("Parking Sud", 112.0, 34.0)]);
    assert_eq!((drawn.width, drawn.height, drawn.plot_left, drawn.plot_right), (1200.0, 146.0, 190.0, 1180.0));
}

#[test]
fn overlapping_deployments_of_a_zone_stack_into_lanes_at_their_times() {
    let drawn = whole(&festival());
    let bars: Vec<(String, usize, f64, f64, f64)> =
        drawn.rows[0].bars.iter().map(|b| (b.deployment_id.clone(), b.lane, b.x, b.y, b.width)).collect();
    assert_eq!(bars, vec![(id(100), 0, 190.0, 71.0, 680.625), (id(101), 1, 437.5, 89.0, 371.25)]);
    assert_eq!(drawn.rows[0].bars[0].role, Some(ParticipantRole::SecuritePrivee));
    assert_eq!(drawn.rows[0].bars[1].text.as_deref(), Some("Police municipale de Marseille, 2 agents"));
}

#[test]
fn a_need_is_an_outline_and_its_gaps_read_minus_two_in_place() {
    let drawn = whole(&festival());
    let need = &drawn.rows[0].needs[0];
    assert_eq!((need.x, need.y, need.width, need.height), (190.0, 53.0, 680.625, 15.0));
    // "6 requis" goes between the two gaps, 20:00 to 23:00.
    assert_eq!((need.required, need.text.as_deref(), need.text_x), (6, Some("6 requis"), 441.5));
    let gaps: Vec<(f64, f64, u32, Option<&str>)> =
        drawn.rows[0].gaps.iter().map(|g| (g.x, g.width, g.missing, g.text.as_deref())).collect();
    assert_eq!(gaps, vec![(190.0, 247.5, 2, Some("−2")), (808.75, 61.875, 2, Some("−2"))]);
    assert_eq!(drawn.rows[0].gaps[0].title, "Manque 2 agents de ven. 10/07 18:00 à ven. 10/07 20:00");
}

#[test]
fn a_bar_describes_its_participant_role_headcount_and_local_times_in_french() {
    let drawn = whole(&festival());
    assert_eq!(
        drawn.rows[0].bars[0].label,
        "Sécurité Sud, 4 agents (Sécurité privée), Entrée Nord, de ven. 10/07 18:00 à ven. 10/07 23:30, Filtrage"
    );
    assert!(!drawn.rows[0].bars[0].warning);
}

#[test]
fn an_hour_view_keeps_only_what_intersects_it_clipped_to_its_edges() {
    let plan = festival();
    let drawn = layout(&plan, &plan.coverage(), view(paris(2026, 7, 10, 21, 0), paris(2026, 7, 10, 22, 0)));
    let north = &drawn.rows[0];
    assert_eq!((north.needs.len(), north.gaps.len(), north.bars.len()), (1, 0, 2));
    assert_eq!((north.needs[0].x, north.needs[0].width), (190.0, 990.0));
    let late = layout(&plan, &plan.coverage(), view(paris(2026, 7, 10, 23, 45), paris(2026, 7, 11, 2, 0)));
    let north = &late.rows[0];
    assert_eq!((north.needs.len(), north.bars.len(), north.height), (0, 0, MIN_ROW_HEIGHT));
    assert_eq!(late.rows[1].bars[0].deployment_id, id(102));
}

#[test]
fn across_the_october_change_positions_follow_real_time_and_two_oclock_comes_twice() {
    let mut plan = october_night();
    // 01:00 to 04:00 on the clock, but four real hours.
    let across = window(paris(2026, 10, 25, 1, 0), paris(2026, 10, 25, 4, 0));
    plan.deployments.push(deployment(101, PRIVATE, NORTH, across, 1));
    let drawn = whole(&plan);
    let two_oclock: Vec<f64> =
        drawn.ticks.iter().filter(|t| t.label.as_deref() == Some("02:00")).map(|t| t.x).collect();
    assert_eq!(two_oclock, vec![630.0, 740.0]);
    let bar = drawn.rows[0].bars.iter().find(|b| b.deployment_id == id(101)).unwrap();
    assert_eq!((bar.x, bar.width), (520.0, 440.0));
    assert!(bar.label.ends_with("de dim. 25/10 01:00 à dim. 25/10 04:00, Filtrage"), "{}", bar.label);
}

#[test]
fn a_deployment_outside_the_event_is_flagged_and_says_so() {
    let mut plan = festival();
    let after = window(paris(2026, 7, 11, 1, 0), paris(2026, 7, 11, 3, 0));
    plan.deployments.push(deployment(103, MUNICIPAL, NORTH, after, 2));
    let drawn = whole(&plan);
    let bar = drawn.rows[0].bars.iter().find(|b| b.deployment_id == id(103)).unwrap();
    assert!(bar.warning);
    assert!(bar.label.ends_with("; attention : hors de la période de l’événement"), "{}", bar.label);
    // Clipped at the event's end, 02:00.
    assert_eq!((bar.x, bar.width), (1056.25, 123.75));
}

#[test]
fn a_zone_with_fourteen_simultaneous_deployments_shows_twelve_and_counts_two_hidden() {
    let mut plan = festival();
    let evening = window(paris(2026, 7, 10, 19, 0), paris(2026, 7, 10, 21, 0));
    plan.deployments = (0..14).map(|n| deployment(300 + n, PRIVATE, NORTH, evening, 1)).collect();
    let north = &whole(&plan).rows[0];
    assert_eq!((north.bars.len(), north.hidden), (12, 2));
    assert_eq!(north.height, ROW_PADDING * 2.0 + LANE_HEIGHT * 13.0);
}

#[test]
fn a_long_zone_name_is_shortened_with_an_ellipsis_to_fit_the_label_column() {
    let mut plan = festival();
    plan.zones[0] = zone(11, "Parking Sud et abords du boulevard Michelet");
    let row = &whole(&plan).rows[1];
    assert_eq!(row.label, "Parking Sud et abords…");
    assert_eq!(row.name, "Parking Sud et abords du boulevard Michelet");
}

#[test]
fn forty_zones_and_two_thousand_deployments_over_two_days_fit_in_seven_lanes_each() {
    let start = paris(2026, 7, 10, 8, 0);
    let plan = Plan {
        event: event("Grande fête", window(start, start.plus(Span::hours(51)))),
        zones: (0..40).map(|z| zone(1_000 + z, &format!("Zone {z:02}"))).collect(),
        posts: vec![],
        participants: vec![participant(PRIVATE, "Sécurité Sud", ParticipantRole::SecuritePrivee)],
        agents: vec![],
        needs: vec![],
        deployments: (0..2_000)
            .map(|n| {
                // Every 55 minutes a new six-hour shift starts: at most seven overlap.
                let from = start.plus(Span::minutes(55 * i64::from(n % 50)));
                deployment(10_000 + n, PRIVATE, 1_000 + n / 50, window(from, from.plus(Span::hours(6))), 2)
            })
            .collect(),
    };
    let drawn = whole(&plan);
    assert_eq!(drawn.rows.iter().map(|r| r.bars.len()).sum::<usize>(), 2_000);
    assert!(drawn.rows.iter().all(|r| r.hidden == 0 && r.bars.iter().map(|b| b.lane).max() == Some(6)));
    assert_eq!(drawn.height, AXIS_HEIGHT + 40.0 * (ROW_PADDING * 2.0 + 7.0 * LANE_HEIGHT));
}

#[test]
fn the_text_inside_every_bar_is_part_of_its_spoken_label() {
    let mut plan = festival();
    // Twenty minutes: 41.25 units, room for "1" only.
    plan.deployments.push(deployment(
        104,
        PRIVATE,
        NORTH,
        window(paris(2026, 7, 10, 23, 40), paris(2026, 7, 11, 0, 0)),
        1,
    ));
    let bars: Vec<DeploymentBar> = whole(&plan).rows.into_iter().flat_map(|r| r.bars).collect();
    let texts: Vec<Option<&str>> = bars.iter().map(|b| b.text.as_deref()).collect();
    assert_eq!(
        texts,
        [
            Some("Sécurité Sud, 4 agents"),
            Some("Police municipale de Marseille, 2 agents"),
            Some("1"),
            Some("Gendarmerie, 3 agents")
        ]
    );
    assert!(bars.iter().all(|b| b.label.contains(b.text.as_deref().unwrap())));
}

#[test]
fn a_deployment_of_a_participant_missing_from_the_plan_reads_as_unknown() {
    let mut plan = festival();
    plan.deployments.push(deployment(105, 99, NORTH, july((10, 23, 30), (11, 1, 0)), 1));
    let bar = whole(&plan).rows[0].bars.iter().find(|b| b.deployment_id == id(105)).cloned().unwrap();
    assert_eq!(bar.role, None);
    assert!(bar.label.starts_with("Participant inconnu, 1 agent, Entrée Nord, de ven. 10/07 23:30"), "{}", bar.label);
}

#[test]
fn women_missing_for_pat_downs_show_as_a_strip_under_the_need_with_their_number() {
    let mut plan = festival();
    let mut draft = crate::domain::plan::NeedDraft::from(plan.needs[0].clone());
    draft.min_women = 2;
    plan.needs[0] = crate::domain::plan::Need::new(draft).unwrap();
    let drawn = whole(&plan);
    let strips: Vec<(f64, f64, f64, &str)> =
        drawn.rows[0].sex_gaps.iter().map(|g| (g.x, g.y, g.height, g.title.as_str())).collect();
    // No named woman at all: the whole need, along the bottom of its 15-unit outline at y 53.
    assert_eq!(strips, vec![(190.0, 63.0, 5.0, "Palpations : manque 2 femmes de ven. 10/07 18:00 à ven. 10/07 23:30")]);
    assert!(whole(&festival()).rows[0].sex_gaps.is_empty());
}

#[test]
fn set_up_and_tear_down_are_shaded_where_they_fall_and_named_in_their_titles() {
    let mut plan = festival();
    let mut draft = crate::domain::plan::EventDraft::from(plan.event.clone());
    draft.setup = Some(july((10, 16, 0), (10, 18, 0)));
    draft.teardown = Some(july((11, 2, 0), (11, 4, 0)));
    plan.event = crate::domain::plan::Event::new(draft).unwrap();
    // Whole view: 16:00 to 04:00, 12 hours of 82.5 units.
    let drawn = whole(&plan);
    let bands: Vec<(f64, f64, &str)> = drawn.phases.iter().map(|p| (p.x, p.width, p.title.as_str())).collect();
    assert_eq!(
        bands,
        vec![
            (190.0, 165.0, "Montage : de ven. 10/07 16:00 à ven. 10/07 18:00"),
            (1015.0, 165.0, "Démontage : de sam. 11/07 02:00 à sam. 11/07 04:00"),
        ]
    );
    // Zoomed on the show itself, neither is on view.
    let show = whole(&festival());
    assert!(show.phases.is_empty());
    assert!(layout(&plan, &plan.coverage(), view(paris(2026, 7, 10, 19, 0), paris(2026, 7, 10, 23, 0)))
        .phases
        .is_empty());
}

#[test]
fn a_deployment_a_compliance_finding_concerns_is_marked_and_says_why() {
    let plan = festival();
    let flagged = vec![id(101)];
    let view = ViewWindow::new(plan.event.operations_start(), plan.event.operations_end()).unwrap();
    let drawn = layout_flagged(&plan, &plan.coverage(), &flagged, view);
    let bars: Vec<(&str, bool)> = drawn.rows[0].bars.iter().map(|b| (b.deployment_id.as_str(), b.warning)).collect();
    assert_eq!(bars, vec![(id(100).as_str(), false), (id(101).as_str(), true)]);
    assert!(
        drawn.rows[0].bars[1].label.ends_with("non conforme (voir « Conformité du plan »)"),
        "{}",
        drawn.rows[0].bars[1].label
    );
}

#[test]
fn a_saved_deployment_lays_out_its_rows_again_and_the_rest_as_before() {
    use crate::domain::plan::{DeploymentDraft, TimeWindow};
    let before = crate::domain::plan::synthetic_plan(12, 300, 48, 7);
    let coverage = before.coverage();
    let flagged = vec![before.deployments[3].id().to_string()];
    let view = crate::ui::timeline::whole_event(&before.event);
    let drawn = layout_flagged(&before, &coverage, &flagged, view);
    // One deployment ends an hour later and moves to another zone (its row and the other
    // change height), one more is added.
    let mut after = before.clone();
    let moved = after.deployments[10].clone();
    let other_zone = after.zones.iter().find(|z| z.id() != moved.zone_id()).unwrap().id().to_string();
    let w = moved.window();
    let longer = TimeWindow::new(w.start(), w.end().plus(Span::minutes(60))).unwrap();
    let draft = DeploymentDraft { zone_id: other_zone, window: longer, ..moved.into() };
    after.deployments[10] = crate::domain::plan::Deployment::new(draft).unwrap();
    let added = DeploymentDraft { id: id(9_999), ..after.deployments[20].clone().into() };
    after.deployments.push(crate::domain::plan::Deployment::new(added).unwrap());
    let whole = layout_flagged(&after, &coverage, &flagged, view);
    assert_ne!(whole, drawn);
    assert_eq!(relayout(&after, &coverage, &flagged, view, (&before, &drawn)), whole);
    // Anything but the deployments changed: laid out whole, the same.
    let mut renamed = after.clone();
    renamed.zones.reverse();
    assert_eq!(
        relayout(&renamed, &coverage, &flagged, view, (&before, &drawn)),
        layout_flagged(&renamed, &coverage, &flagged, view)
    );
}
