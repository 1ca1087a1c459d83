//! Wall-clock time in the event's zone, as the rules read it: the local date of an instant,
//! the instant of a local time (DST changes included) and formatting for messages.

use chrono::{Days, NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::domain::plan::TimeWindow;
use crate::domain::time::{Instant, Span};

/// The local date of `instant` in `zone`.
pub fn local_date(instant: Instant, zone: Tz) -> NaiveDate {
    instant.to_chrono().map_or(NaiveDate::MIN, |utc| utc.with_timezone(&zone).date_naive())
}

/// The instant `minutes` after the local midnight starting `date` in `zone`, read on the
/// wall clock: 23:00 is 23:00 even on the day of a DST change. A local time skipped by a
/// change (02:30 on the last Sunday of March in Paris) is read one hour later.
pub fn local_time(date: NaiveDate, minutes: u32, zone: Tz) -> Instant {
    let naive = date.and_time(chrono::NaiveTime::MIN) + chrono::Duration::minutes(i64::from(minutes));
    match zone.from_local_datetime(&naive).earliest() {
        Some(local) => Instant::from(local.with_timezone(&chrono::Utc)),
        None => {
            let later = naive + chrono::Duration::hours(1);
            zone.from_local_datetime(&later)
                .earliest()
                .map_or(Instant(0), |local| Instant::from(local.with_timezone(&chrono::Utc)))
        }
    }
}

/// The instant of local midnight starting `date`.
pub fn start_of_local_day(date: NaiveDate, zone: Tz) -> Instant {
    local_time(date, 0, zone)
}

/// The part of `window` that falls in a nightly interval from `from_minutes` to `to_minutes`
/// after local midnight (the night may pass midnight: 23:00 to 06:00), the first one found.
pub fn night_overlap(window: TimeWindow, from_minutes: u32, to_minutes: u32, zone: Tz) -> Option<TimeWindow> {
    let first = local_date(window.start(), zone) - Days::new(1);
    let last = local_date(window.end(), zone);
    let mut day = first;
    while day <= last {
        let start = local_time(day, from_minutes, zone);
        let end_day = if to_minutes <= from_minutes { day + Days::new(1) } else { day };
        let end = local_time(end_day, to_minutes, zone);
        if let Some(part) = TimeWindow::new(start, end).ok().and_then(|night| night.intersection(&window)) {
            return Some(part);
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else { break };
        day = next;
    }
    None
}

/// "20/06/2026" in `zone`.
pub fn short_date(instant: Instant, zone: Tz) -> String {
    local_date(instant, zone).format("%d/%m/%Y").to_string()
}

/// "20/06/2026 23:00" in `zone`.
pub fn date_time(instant: Instant, zone: Tz) -> String {
    instant.to_chrono().map(|utc| utc.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string()).unwrap_or_default()
}

/// A length of time as "13 h" or "12 h 30".
pub fn hours(span: Span) -> String {
    let minutes = span.0 / 60_000;
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// A number with a decimal comma and at most two decimals: 10.8 → "10,8", 0.25 → "0,25".
pub fn decimal(value: f64) -> String {
    crate::domain::number::two_decimals(value).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::fixtures::paris;

    fn paris_window(from: (u32, u32), to: (u32, u32, u32)) -> TimeWindow {
        TimeWindow::new(paris(2026, 6, from.0, from.1, 0), paris(2026, 6, to.0, to.1, to.2)).unwrap()
    }

    #[test]
    fn an_evening_until_half_past_ten_does_not_reach_the_night() {
        assert_eq!(
            night_overlap(paris_window((20, 18), (20, 22, 30)), 23 * 60, 6 * 60, chrono_tz::Europe::Paris),
            None
        );
    }

    #[test]
    fn an_evening_until_half_past_eleven_has_thirty_minutes_of_night() {
        let part = night_overlap(paris_window((20, 18), (20, 23, 30)), 23 * 60, 6 * 60, chrono_tz::Europe::Paris);
        assert_eq!(part, Some(paris_window((20, 23), (20, 23, 30))));
    }

    #[test]
    fn an_early_morning_before_six_is_night_too() {
        let window = TimeWindow::new(paris(2026, 6, 21, 5, 0), paris(2026, 6, 21, 9, 0)).unwrap();
        let part = night_overlap(window, 23 * 60, 6 * 60, chrono_tz::Europe::Paris).unwrap();
        assert_eq!((part.start(), part.end()), (paris(2026, 6, 21, 5, 0), paris(2026, 6, 21, 6, 0)));
    }

    #[test]
    fn numbers_read_with_a_decimal_comma_and_lengths_in_hours() {
        assert_eq!((decimal(10.8), decimal(0.25), decimal(12.0)), ("10,8".into(), "0,25".into(), "12".into()));
        assert_eq!((hours(Span::hours(13)), hours(Span::minutes(750))), ("13 h".into(), "12 h 30".into()));
    }
}
