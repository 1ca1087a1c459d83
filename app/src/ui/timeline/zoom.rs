//! Zooming the timeline: the whole event, one local day, or six hours moved back and forth.
//! Each zoom level names a view window of the event's operations (set-up to tear-down).

use chrono::NaiveDate;

use super::axis::{hour_floor, ViewWindow};
use super::format::{day_start, local_date};
use crate::domain::plan::Event;
use crate::domain::time::{Instant, Span};

/// How much time the shortest zoom shows.
pub const ZOOM_SPAN: Span = Span::hours(6);

/// What the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// From the set-up's start to the tear-down's end.
    #[default]
    Whole,
    /// One local calendar day, midnight to midnight (23 or 25 real hours on a change day).
    Day(NaiveDate),
    /// Six real hours from this instant.
    Hours(Instant),
}

/// The event's operations, set-up to tear-down.
pub fn whole_event(event: &Event) -> ViewWindow {
    let (start, end) = (event.operations_start(), event.operations_end());
    // An event's window always ends after it starts; the fallback only guards the type.
    ViewWindow::new(start, end).unwrap_or_else(|| ViewWindow::new(start, start.plus(ZOOM_SPAN)).expect("6 h"))
}

/// The local days the operations touch, in order.
pub fn event_days(event: &Event) -> Vec<NaiveDate> {
    let view = whole_event(event);
    let zone = event.time_zone();
    let first = local_date(view.start(), zone);
    let last = local_date(Instant(view.end().millis() - 1), zone);
    first.iter_days().take_while(|day| *day <= last).collect()
}

impl Zoom {
    /// The view window this zoom shows for `event`.
    pub fn window(self, event: &Event) -> ViewWindow {
        let zone = event.time_zone();
        let window = match self {
            Zoom::Whole => None,
            Zoom::Day(day) => {
                day.succ_opt().and_then(|next| ViewWindow::new(day_start(zone, day), day_start(zone, next)))
            }
            Zoom::Hours(start) => ViewWindow::new(start, start.plus(ZOOM_SPAN)),
        };
        window.unwrap_or_else(|| whole_event(event))
    }

    /// Six hours from the local hour at or before the start of `current`, kept inside the
    /// event's operations.
    pub fn six_hours_from(current: ViewWindow, event: &Event) -> Zoom {
        Zoom::Hours(clamp(hour_floor(current.start(), event.time_zone()), event))
    }

    /// The six hours before (`forward == false`) or after these; other zooms stay as they are.
    pub fn stepped(self, forward: bool, event: &Event) -> Zoom {
        match self {
            Zoom::Hours(start) if forward => Zoom::Hours(clamp(start.plus(ZOOM_SPAN), event)),
            Zoom::Hours(start) => Zoom::Hours(clamp(start.minus(ZOOM_SPAN), event)),
            other => other,
        }
    }

    /// Whether stepping that way shows something new.
    pub fn can_step(self, forward: bool, event: &Event) -> bool {
        self.stepped(forward, event) != self
    }
}

/// `start` moved so that six hours from it stay within the operations, as far as they can.
fn clamp(start: Instant, event: &Event) -> Instant {
    let whole = whole_event(event);
    let earliest = hour_floor(whole.start(), event.time_zone());
    let latest = whole.end().minus(ZOOM_SPAN).max(earliest);
    start.max(earliest).min(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::{event, festival, october_night, paris, window};

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    #[test]
    fn the_whole_festival_runs_from_friday_evening_to_saturday_night() {
        let plan = festival();
        let view = Zoom::Whole.window(&plan.event);
        assert_eq!((view.start(), view.end()), (paris(2026, 7, 10, 18, 0), paris(2026, 7, 11, 2, 0)));
        assert_eq!(event_days(&plan.event), vec![day(7, 10), day(7, 11)]);
    }

    #[test]
    fn an_event_ending_at_midnight_does_not_touch_the_next_day() {
        let evening = event("Bal", window(paris(2026, 7, 14, 20, 0), paris(2026, 7, 15, 0, 0)));
        assert_eq!(event_days(&evening), vec![day(7, 14)]);
    }

    #[test]
    fn the_day_of_the_october_change_lasts_twenty_five_hours() {
        let plan = october_night();
        let sunday = Zoom::Day(day(10, 25)).window(&plan.event);
        assert_eq!(sunday.end().millis() - sunday.start().millis(), Span::hours(25).0);
        assert_eq!(sunday.start(), paris(2026, 10, 25, 0, 0));
    }

    #[test]
    fn six_hours_start_on_the_hour_and_step_within_the_event() {
        let plan = festival();
        let from_the_whole = Zoom::six_hours_from(Zoom::Whole.window(&plan.event), &plan.event);
        assert_eq!(from_the_whole, Zoom::Hours(paris(2026, 7, 10, 18, 0)));
        assert!(!from_the_whole.can_step(false, &plan.event));
        // The festival ends at 02:00, so the last six hours start at 20:00.
        let later = from_the_whole.stepped(true, &plan.event);
        assert_eq!(later, Zoom::Hours(paris(2026, 7, 10, 20, 0)));
        assert!(!later.can_step(true, &plan.event));
        assert_eq!(later.stepped(false, &plan.event), from_the_whole);
    }

    #[test]
    fn six_hours_from_a_view_starting_at_twenty_past_seven_start_at_seven() {
        let plan = festival();
        let view = ViewWindow::new(paris(2026, 7, 10, 19, 20), paris(2026, 7, 10, 22, 0)).unwrap();
        assert_eq!(Zoom::six_hours_from(view, &plan.event), Zoom::Hours(paris(2026, 7, 10, 19, 0)));
    }
}
