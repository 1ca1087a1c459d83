//! The timeline's time axis: the window on view, the mapping of instants to x positions in
//! proportion to real elapsed time, hour ticks labelled with the local clock (so the October
//! night shows 02:00 twice and the March night none) and the local days.

use chrono_tz::Tz;

use super::format::{clock, day_label, day_start, local, local_date};
use crate::domain::time::{Instant, Span};

/// Estimated width of one character of the timeline's 12-unit font, for fitting labels.
pub const CHAR_WIDTH: f64 = 7.0;

/// Whether `text` fits in `width` units with a little margin.
pub fn fits(text: &str, width: f64) -> bool {
    text.chars().count() as f64 * CHAR_WIDTH + 6.0 <= width
}

/// The stretch of time on view: `[start, end)`, never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewWindow {
    start: Instant,
    end: Instant,
}

impl ViewWindow {
    /// A window from `start` to `end`; `None` unless `end` is after `start`.
    pub fn new(start: Instant, end: Instant) -> Option<Self> {
        (end > start).then_some(ViewWindow { start, end })
    }
    /// The first instant on view.
    pub fn start(&self) -> Instant {
        self.start
    }
    /// The first instant after the view.
    pub fn end(&self) -> Instant {
        self.end
    }
    /// Whether `[start, end)` shares at least one instant with the view.
    pub fn overlaps(&self, start: Instant, end: Instant) -> bool {
        start < self.end && self.start < end
    }
}

/// Maps instants of the view to x positions between `left` and `left + width`.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub view: ViewWindow,
    pub left: f64,
    pub width: f64,
}

impl Scale {
    /// The x of `instant`, clamped to the view: proportional to real (UTC) elapsed time.
    pub fn x(&self, instant: Instant) -> f64 {
        let clamped = instant.max(self.view.start).min(self.view.end);
        let elapsed = (clamped.millis() - self.view.start.millis()) as f64;
        let span = (self.view.end.millis() - self.view.start.millis()) as f64;
        self.left + self.width * elapsed / span
    }
    /// How many units one real hour takes.
    pub fn hour_width(&self) -> f64 {
        let span = (self.view.end.millis() - self.view.start.millis()) as f64;
        self.width * Span::hours(1).0 as f64 / span
    }
}

/// A tick on each local hour; `label` is the local clock time on every `step`-th hour.
#[derive(Debug, Clone, PartialEq)]
pub struct HourTick {
    pub x: f64,
    pub label: Option<String>,
    /// Local midnight: a day boundary, drawn across the rows.
    pub midnight: bool,
}

/// A local day on view, from `x` over `width` units; its label when it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct DayMark {
    pub x: f64,
    pub width: f64,
    pub label: Option<String>,
}

/// The smallest labelling step (in hours) that keeps labels at least 48 units apart.
fn label_step(hour_width: f64) -> u32 {
    [1, 2, 3, 6, 12].into_iter().find(|&step| f64::from(step) * hour_width >= 48.0).unwrap_or(24)
}

/// Ticks on every local hour from the view's start to its end, both included. Hours are
/// counted in real time from the first local hour boundary: every French zone changes its
/// offset by whole hours, so stepping one real hour lands on the next local hour boundary
/// (02:00 comes twice in October; 02:00 never comes in March).
pub fn hour_ticks(scale: &Scale, zone: Tz) -> Vec<HourTick> {
    let view = scale.view;
    let step = label_step(scale.hour_width());
    let mut tick = first_hour_boundary(view.start(), zone);
    let mut ticks = Vec::new();
    while tick <= view.end() {
        let hour = local(tick, zone).map_or(0, |t| chrono::Timelike::hour(&t));
        let label = hour.is_multiple_of(step).then(|| clock(tick, zone));
        ticks.push(HourTick { x: scale.x(tick), label, midnight: hour == 0 });
        tick = tick.plus(Span::hours(1));
    }
    ticks
}

/// The first instant at or after `start` when the local clock shows a whole hour.
fn first_hour_boundary(start: Instant, zone: Tz) -> Instant {
    let floor = hour_floor(start, zone);
    if floor < start {
        floor.plus(Span::hours(1))
    } else {
        floor
    }
}

/// The last instant at or before `instant` when the local clock shows a whole hour.
pub fn hour_floor(instant: Instant, zone: Tz) -> Instant {
    use chrono::Timelike;
    let Some(t) = local(instant, zone) else { return instant };
    let past_hour = i64::from(t.minute()) * 60_000 + i64::from(t.second()) * 1_000 + instant.millis().rem_euclid(1_000);
    Instant(instant.millis() - past_hour)
}

/// The local days the view touches, each clipped to the view.
pub fn day_marks(scale: &Scale, zone: Tz) -> Vec<DayMark> {
    let view = scale.view;
    let last = local_date(Instant(view.end().millis() - 1), zone);
    let mut date = local_date(view.start(), zone);
    let mut marks = Vec::new();
    while date <= last {
        let Some(next) = date.succ_opt() else { break };
        let from = scale.x(day_start(zone, date));
        let width = scale.x(day_start(zone, next)) - from;
        let label = day_label(date);
        marks.push(DayMark { x: from, width, label: fits(&label, width).then_some(label) });
        date = next;
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::paris;
    use chrono_tz::Europe::Paris;

    fn scale(start: Instant, end: Instant, width: f64) -> Scale {
        Scale { view: ViewWindow::new(start, end).unwrap(), left: 0.0, width }
    }

    fn labels(ticks: &[HourTick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_deref().unwrap_or("")).collect()
    }

    #[test]
    fn the_october_night_has_nine_evenly_spaced_hours_and_shows_two_oclock_twice() {
        let night = scale(paris(2026, 10, 24, 22, 0), paris(2026, 10, 25, 6, 0), 900.0);
        let ticks = hour_ticks(&night, Paris);
        let expected = ["22:00", "23:00", "00:00", "01:00", "02:00", "02:00", "03:00", "04:00", "05:00", "06:00"];
        assert_eq!(labels(&ticks), expected);
        let xs: Vec<f64> = ticks.iter().map(|t| t.x).collect();
        assert_eq!(xs, vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0]);
        assert_eq!(ticks.iter().position(|t| t.midnight), Some(2));
    }

    #[test]
    fn the_march_night_has_seven_hours_and_no_two_oclock() {
        let night = scale(paris(2026, 3, 28, 22, 0), paris(2026, 3, 29, 6, 0), 700.0);
        let ticks = hour_ticks(&night, Paris);
        assert_eq!(labels(&ticks), ["22:00", "23:00", "00:00", "01:00", "03:00", "04:00", "05:00", "06:00"]);
        assert_eq!(ticks[4].x, 400.0);
    }

    #[test]
    fn a_view_starting_at_twenty_past_six_has_its_first_tick_at_seven() {
        let evening = scale(paris(2026, 7, 10, 18, 20), paris(2026, 7, 10, 21, 20), 180.0);
        let ticks = hour_ticks(&evening, Paris);
        assert_eq!(labels(&ticks), ["19:00", "20:00", "21:00"]);
        assert_eq!(ticks[0].x, 40.0);
    }

    #[test]
    fn two_days_on_a_thousand_units_label_every_third_hour() {
        let two_days = scale(paris(2026, 7, 10, 0, 0), paris(2026, 7, 12, 0, 0), 1000.0);
        let ticks = hour_ticks(&two_days, Paris);
        assert_eq!(ticks.len(), 49);
        assert_eq!(ticks.iter().filter(|t| t.label.is_some()).count(), 17);
        assert_eq!(ticks[3].label.as_deref(), Some("03:00"));
        assert_eq!(ticks[4].label, None);
    }

    #[test]
    fn a_view_from_friday_evening_to_sunday_night_touches_three_days() {
        let festival = scale(paris(2026, 7, 10, 18, 0), paris(2026, 7, 12, 2, 0), 3200.0);
        let marks = day_marks(&festival, Paris);
        let expected = [
            DayMark { x: 0.0, width: 600.0, label: Some("ven. 10 juil.".into()) },
            DayMark { x: 600.0, width: 2400.0, label: Some("sam. 11 juil.".into()) },
            DayMark { x: 3000.0, width: 200.0, label: Some("dim. 12 juil.".into()) },
        ];
        assert_eq!(marks, expected);
    }

    #[test]
    fn a_day_too_narrow_for_its_label_keeps_its_mark_without_label() {
        let late = scale(paris(2026, 7, 10, 23, 0), paris(2026, 7, 11, 4, 0), 250.0);
        let marks = day_marks(&late, Paris);
        assert_eq!(marks[0], DayMark { x: 0.0, width: 50.0, label: None });
        assert_eq!(marks[1].label.as_deref(), Some("sam. 11 juil."));
    }
}
