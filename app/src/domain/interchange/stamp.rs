//! Instants as plan files write them: RFC 3339 in UTC with a `Z`, to the second, or to the
//! millisecond when there are milliseconds (`2026-07-10T16:00:00Z`, `2026-07-10T16:00:00.250Z`).

use chrono::{DateTime, SecondsFormat, Timelike};

use crate::domain::time::Instant;

/// The French message for a date the format cannot read.
pub(super) fn bad_instant_message(raw: &str) -> String {
    let shown: String = raw.chars().take(40).collect();
    format!("Date invalide « {shown} » : une date RFC 3339 en UTC est attendue, par exemple « 2026-07-10T16:00:00Z ».")
}

/// Writes an instant as RFC 3339 UTC. Instants outside years 0 to 9999, which RFC 3339 cannot
/// write, come out as `hors-limites:<milliseconds>` so that reading the file refuses them loudly.
pub fn format_instant(instant: Instant) -> String {
    match instant.to_chrono() {
        Some(utc) if (0..=9999).contains(&chrono::Datelike::year(&utc)) => {
            utc.to_rfc3339_opts(SecondsFormat::AutoSi, true)
        }
        _ => format!("hors-limites:{}", instant.millis()),
    }
}

/// Reads an RFC 3339 UTC instant (`T` between date and time, `Z` at the end, at most
/// millisecond precision); the error is the French message.
pub fn parse_instant(raw: &str) -> Result<Instant, String> {
    let shaped = raw.len() >= 20 && raw.as_bytes().get(10) == Some(&b'T') && raw.ends_with('Z');
    let parsed = DateTime::parse_from_rfc3339(raw).ok().filter(|_| shaped);
    match parsed {
        Some(at) if at.nanosecond().is_multiple_of(1_000_000) && at.nanosecond() < 1_000_000_000 => {
            Ok(Instant(at.timestamp_millis()))
        }
        _ => Err(bad_instant_message(raw)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_in_the_afternoon_utc_is_written_without_fraction_and_read_back() {
        let at = parse_instant("2026-07-10T16:00:00Z").unwrap();
        assert_eq!(at, Instant(1_783_699_200_000));
        assert_eq!(format_instant(at), "2026-07-10T16:00:00Z");
    }

    #[test]
    fn milliseconds_are_kept_and_written_with_three_digits() {
        let at = parse_instant("2026-07-10T16:00:00.25Z").unwrap();
        assert_eq!(at, Instant(1_783_699_200_250));
        assert_eq!(format_instant(at), "2026-07-10T16:00:00.250Z");
    }

    #[test]
    fn an_offset_a_space_a_microsecond_or_a_leap_second_is_refused() {
        for raw in [
            "2026-07-10T18:00:00+02:00",
            "2026-07-10 16:00:00Z",
            "2026-07-10T16:00:00.000001Z",
            "2026-12-31T23:59:60Z",
            "10/07/2026",
            "",
        ] {
            assert_eq!(parse_instant(raw), Err(bad_instant_message(raw)), "{raw}");
        }
    }

    #[test]
    fn an_instant_beyond_year_9999_is_written_so_that_it_cannot_be_read_back() {
        let far = Instant(300_000_000_000_000);
        assert_eq!(format_instant(far), "hors-limites:300000000000000");
        assert!(parse_instant(&format_instant(far)).is_err());
        assert_eq!(format_instant(Instant(i64::MIN)), format!("hors-limites:{}", i64::MIN));
    }
}
