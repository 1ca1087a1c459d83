//! Instants as the domain sees them: milliseconds since the Unix epoch, in UTC.
//! Storage keeps them as integers so that SQLite and PostgreSQL read the same value.

use serde::{Deserialize, Serialize};

/// A point in time, UTC, millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Instant(pub i64);

/// A length of time in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span(pub i64);

impl Span {
    pub const fn minutes(m: i64) -> Self {
        Span(m * 60_000)
    }
    pub const fn hours(h: i64) -> Self {
        Span(h * 3_600_000)
    }
    pub const fn days(d: i64) -> Self {
        Span(d * 86_400_000)
    }
}

impl Instant {
    pub fn millis(self) -> i64 {
        self.0
    }
    /// `self + span`, saturating rather than overflowing on absurd values.
    pub fn plus(self, span: Span) -> Instant {
        Instant(self.0.saturating_add(span.0))
    }
    pub fn minus(self, span: Span) -> Instant {
        Instant(self.0.saturating_sub(span.0))
    }
    pub fn to_chrono(self) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::from_timestamp_millis(self.0)
    }
}

impl From<chrono::DateTime<chrono::Utc>> for Instant {
    fn from(value: chrono::DateTime<chrono::Utc>) -> Self {
        Instant(value.timestamp_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_a_week_moves_an_instant_by_seven_days_of_milliseconds() {
        assert_eq!(Instant(0).plus(Span::days(7)), Instant(604_800_000));
    }

    #[test]
    fn adding_to_the_largest_instant_saturates_instead_of_overflowing() {
        assert_eq!(Instant(i64::MAX).plus(Span::hours(1)), Instant(i64::MAX));
    }
}

/// "vendredi 4 décembre 2026 à 22:05", in the given IANA zone (French long format).
pub fn format_long_fr(instant: Instant, zone: chrono_tz::Tz) -> String {
    use chrono::{Datelike, Timelike};
    let Some(utc) = instant.to_chrono() else { return String::new() };
    let local = utc.with_timezone(&zone);
    let weekday = crate::text::WEEKDAYS[local.weekday().num_days_from_monday() as usize];
    let month = crate::text::MONTHS[local.month0() as usize];
    let day = if local.day() == 1 { "1er".to_string() } else { local.day().to_string() };
    format!("{weekday} {day} {month} {} à {:02}:{:02}", local.year(), local.hour(), local.minute())
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn an_instant_reads_in_french_in_the_zone_of_paris_in_summer_time() {
        // 2026-06-21T18:30:00Z is 20:30 in Paris (UTC+2).
        let t = Instant(1_782_066_600_000);
        assert_eq!(format_long_fr(t, chrono_tz::Europe::Paris), "dimanche 21 juin 2026 à 20:30");
    }

    #[test]
    fn the_same_instant_reads_four_hours_later_in_reunion_than_in_utc() {
        let t = Instant(1_782_066_600_000);
        assert_eq!(format_long_fr(t, chrono_tz::Indian::Reunion), "dimanche 21 juin 2026 à 22:30");
    }

    #[test]
    fn the_first_of_the_month_reads_premier() {
        // 2026-11-01T10:00:00Z, 11:00 in Paris (winter time).
        assert_eq!(
            format_long_fr(Instant(1_793_527_200_000), chrono_tz::Europe::Paris),
            "dimanche 1er novembre 2026 à 11:00"
        );
    }
}

/// The value of a `datetime-local` input for `instant` in `zone` ("2026-07-10T18:00").
pub fn format_input_local(instant: Instant, zone: chrono_tz::Tz) -> String {
    instant.to_chrono().map(|utc| utc.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
}

/// The day (`2029-04-12`, for a date input) that ends at `end` in `zone`: a CNAPS card valid
/// through 12 April expires at the first instant of the 13th.
pub fn format_date_input(end: Instant, zone: chrono_tz::Tz) -> String {
    Instant(end.0 - 1)
        .to_chrono()
        .map(|utc| utc.with_timezone(&zone).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The same last day in French order: "12/04/2029".
pub fn format_last_day_fr(end: Instant, zone: chrono_tz::Tz) -> String {
    format_day_fr(Instant(end.0 - 1), zone)
}

/// The day of `instant` in `zone`, in French order: "27/06/2026".
pub fn format_day_fr(instant: Instant, zone: chrono_tz::Tz) -> String {
    instant.to_chrono().map(|utc| utc.with_timezone(&zone).format("%d/%m/%Y").to_string()).unwrap_or_default()
}

/// "ven. 10/07 18:00" in `zone`: compact, for tables and lists.
pub fn format_short_fr(instant: Instant, zone: chrono_tz::Tz) -> String {
    use chrono::Datelike;
    let Some(utc) = instant.to_chrono() else { return String::new() };
    let local = utc.with_timezone(&zone);
    let weekday = crate::text::WEEKDAYS[local.weekday().num_days_from_monday() as usize];
    format!(
        "{}. {}",
        &weekday[..weekday.char_indices().nth(3).map(|(i, _)| i).unwrap_or(weekday.len())],
        local.format("%d/%m %H:%M")
    )
}

#[cfg(test)]
mod input_tests {
    use super::*;

    #[test]
    fn a_summer_evening_in_paris_fills_a_datetime_input_with_local_time() {
        assert_eq!(format_input_local(Instant(1_782_066_600_000), chrono_tz::Europe::Paris), "2026-06-21T20:30");
        assert_eq!(format_short_fr(Instant(1_782_066_600_000), chrono_tz::Europe::Paris), "dim. 21/06 20:30");
    }
}
