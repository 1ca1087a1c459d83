//! Property tests of [`working_time`] on random windows (up to 12, on a 15-minute grid over ten
//! days of June 2026 in Paris): the shifts are the exact union of the windows, the result does
//! not depend on the order of the windows, and short shifts and long working periods are
//! reported exactly when a brute-force reading of the shifts says so.

use proptest::prelude::*;

use super::working_time::{merge_shifts, working_time, WorkingTimeBreach, WorkingTimeLimits};
use crate::domain::plan::fixtures::paris;
use crate::domain::plan::TimeWindow;
use crate::domain::time::{Instant, Span};

const SLOTS: u32 = 960; // 15-minute slots in ten days

fn slot(n: u32) -> Instant {
    paris(2026, 6, 15, 0, 0).plus(Span::minutes(i64::from(n) * 15))
}

fn windows() -> impl Strategy<Value = Vec<TimeWindow>> {
    let window = (0..SLOTS, 1..=64u32)
        .prop_map(|(from, length)| TimeWindow::new(slot(from), slot((from + length).min(SLOTS + 1))).unwrap());
    prop::collection::vec(window, 0..12)
}

fn covered(windows: &[TimeWindow], n: u32) -> bool {
    windows.iter().any(|w| w.contains(slot(n)))
}

fn check(windows: &[TimeWindow]) -> Vec<WorkingTimeBreach> {
    working_time(windows, &WorkingTimeLimits::default(), chrono_tz::Europe::Paris)
}

proptest! {
    #[test]
    fn shifts_are_sorted_apart_and_cover_exactly_the_windows(windows in windows()) {
        let shifts = merge_shifts(&windows);
        for pair in shifts.windows(2) {
            prop_assert!(pair[0].end() < pair[1].start(), "{pair:?}");
        }
        for n in 0..=SLOTS {
            prop_assert_eq!(covered(&shifts, n), covered(&windows, n), "slot {}", n);
        }
    }

    #[test]
    fn the_order_of_the_windows_does_not_change_the_breaches(windows in windows()) {
        let mut reversed = windows.clone();
        reversed.reverse();
        prop_assert_eq!(check(&reversed), check(&windows));
    }

    #[test]
    fn short_shifts_and_long_single_shifts_are_reported_exactly(windows in windows()) {
        let shifts = merge_shifts(&windows);
        let breaches = check(&windows);
        // Shifts closer than two hours are one (CCN art. 7.12): joined by brute force here.
        let mut joined: Vec<TimeWindow> = Vec::new();
        for shift in &shifts {
            match joined.last_mut() {
                Some(last) if shift.start().minus(Span::hours(2)) <= last.end() => {
                    *last = TimeWindow::new(last.start(), shift.end()).unwrap();
                }
                _ => joined.push(*shift),
            }
        }
        let short: Vec<TimeWindow> = joined.iter().copied().filter(|s| s.duration() < Span::hours(4)).collect();
        let reported: Vec<TimeWindow> = breaches
            .iter()
            .filter_map(|b| match b { WorkingTimeBreach::ShortShift { shift } => Some(*shift), _ => None })
            .collect();
        prop_assert_eq!(reported, short);
        for shift in shifts.iter().filter(|s| s.duration() > Span::hours(12)) {
            let in_a_long_period = breaches.iter().any(|b| {
                matches!(b, WorkingTimeBreach::DailyWork { period, worked } if period.contains_window(shift) && *worked > Span::hours(12))
            });
            prop_assert!(in_a_long_period, "{shift:?} in {breaches:?}");
        }
    }
}
