//! Time windows: a start and an end instant, the end strictly after the start, at most
//! 31 days apart (the longest an L226-1 protection perimeter lasts before renewal).

use serde::{Deserialize, Serialize};

use super::error::PlanError;
use crate::domain::time::{Instant, Span};

/// The longest window the planner accepts.
pub const MAX_WINDOW: Span = Span::days(31);

/// A half-open interval of time `[start, end)`: an instant equal to `end` is outside, so two
/// shifts 18:00–23:00 and 23:00–04:00 touch without overlapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "TimeWindowFields")]
pub struct TimeWindow {
    start: Instant,
    end: Instant,
}

/// The unchecked shape of a window as it arrives from a form or a file.
#[derive(Debug, Clone, Copy, Deserialize)]
struct TimeWindowFields {
    start: Instant,
    end: Instant,
}

impl TryFrom<TimeWindowFields> for TimeWindow {
    type Error = PlanError;
    fn try_from(fields: TimeWindowFields) -> Result<Self, PlanError> {
        TimeWindow::new(fields.start, fields.end)
    }
}

impl TimeWindow {
    /// A window from `start` to `end`; refuses `end <= start` and windows over 31 days.
    pub fn new(start: Instant, end: Instant) -> Result<Self, PlanError> {
        if end <= start {
            return Err(PlanError::WindowEndNotAfterStart);
        }
        if end.millis().saturating_sub(start.millis()) > MAX_WINDOW.0 {
            return Err(PlanError::WindowTooLong);
        }
        Ok(TimeWindow { start, end })
    }

    /// The first instant inside the window.
    pub fn start(&self) -> Instant {
        self.start
    }

    /// The first instant after the window.
    pub fn end(&self) -> Instant {
        self.end
    }

    /// How long the window lasts, in real (UTC) time: a night across a DST change counts the
    /// hour gained or lost.
    pub fn duration(&self) -> Span {
        Span(self.end.millis() - self.start.millis())
    }

    /// Whether the two windows share at least one instant (touching ends do not).
    pub fn overlaps(&self, other: &TimeWindow) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether the instant lies inside the window (`start` included, `end` excluded).
    pub fn contains(&self, instant: Instant) -> bool {
        self.start <= instant && instant < self.end
    }

    /// Whether `other` lies entirely inside this window.
    pub fn contains_window(&self, other: &TimeWindow) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The common part of the two windows, if they overlap.
    pub fn intersection(&self, other: &TimeWindow) -> Option<TimeWindow> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        TimeWindow::new(start, end).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    fn window(start_h: i64, end_h: i64) -> TimeWindow {
        TimeWindow::new(Instant(start_h * H), Instant(end_h * H)).unwrap()
    }

    #[test]
    fn a_window_ending_before_or_when_it_starts_is_refused() {
        assert_eq!(TimeWindow::new(Instant(10), Instant(10)), Err(PlanError::WindowEndNotAfterStart));
        assert_eq!(TimeWindow::new(Instant(10), Instant(9)), Err(PlanError::WindowEndNotAfterStart));
    }

    #[test]
    fn a_window_of_exactly_31_days_is_accepted_and_one_millisecond_more_is_refused() {
        let start = Instant(0);
        assert!(TimeWindow::new(start, start.plus(MAX_WINDOW)).is_ok());
        assert_eq!(TimeWindow::new(start, Instant(MAX_WINDOW.0 + 1)), Err(PlanError::WindowTooLong));
    }

    #[test]
    fn a_window_spanning_the_whole_range_of_instants_is_refused_without_overflow() {
        assert_eq!(TimeWindow::new(Instant(i64::MIN), Instant(i64::MAX)), Err(PlanError::WindowTooLong));
    }

    #[test]
    fn a_window_from_18_to_23_30_lasts_five_and_a_half_hours() {
        let w = TimeWindow::new(Instant(18 * H), Instant(23 * H + 30 * 60_000)).unwrap();
        assert_eq!(w.duration(), Span::minutes(330));
    }

    #[test]
    fn touching_windows_do_not_overlap_and_have_no_intersection() {
        assert!(!window(18, 23).overlaps(&window(23, 28)));
        assert_eq!(window(18, 23).intersection(&window(23, 28)), None);
    }

    #[test]
    fn overlapping_windows_intersect_on_their_common_part() {
        assert!(window(18, 23).overlaps(&window(20, 28)));
        assert_eq!(window(18, 23).intersection(&window(20, 28)), Some(window(20, 23)));
    }

    #[test]
    fn a_window_contains_its_start_but_not_its_end() {
        assert!(window(18, 23).contains(Instant(18 * H)));
        assert!(!window(18, 23).contains(Instant(23 * H)));
        assert!(window(18, 23).contains_window(&window(18, 23)));
        assert!(!window(18, 23).contains_window(&window(17, 23)));
    }

    #[test]
    fn a_window_read_from_json_with_its_end_first_is_refused() {
        let refused = serde_json::from_str::<TimeWindow>(r#"{"start": 5000, "end": 1000}"#);
        assert!(refused.unwrap_err().to_string().contains("La fin doit être postérieure au début."));
        let read: TimeWindow = serde_json::from_str(r#"{"start": 1000, "end": 5000}"#).unwrap();
        assert_eq!(read, TimeWindow::new(Instant(1000), Instant(5000)).unwrap());
    }
}
