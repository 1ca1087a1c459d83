//! An event's times on its own local clock, written the French way: "ven. 10 juil." for a
//! day, "ven. 10/07 18:00" for a time in a table, "02:00" on the timeline's axis.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Timelike};
use chrono_tz::Tz;

use super::text;
use crate::domain::time::Instant;

/// The instant on the event's clock (`None` only for instants chrono cannot represent).
pub fn local(instant: Instant, zone: Tz) -> Option<DateTime<Tz>> {
    instant.to_chrono().map(|utc| utc.with_timezone(&zone))
}

/// The local calendar day of the instant.
pub fn local_date(instant: Instant, zone: Tz) -> NaiveDate {
    local(instant, zone).map_or(NaiveDate::MIN, |t| t.date_naive())
}

/// "ven. 10 juil.": a day as the zoom buttons and the axis name it.
pub fn day_label(date: NaiveDate) -> String {
    let weekday = text::WEEKDAYS_SHORT[date.weekday().num_days_from_monday() as usize];
    let month = text::MONTHS_SHORT[date.month0() as usize];
    format!("{weekday} {} {month}", date.day())
}

/// "02:00": the local clock time, without the day.
pub fn clock(instant: Instant, zone: Tz) -> String {
    local(instant, zone).map_or_else(String::new, |t| format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// "ven. 10/07 18:00". When the clock shows that time twice (the October change), the UTC
/// offset follows, "dim. 25/10 02:30 (UTC+1)", so that the two occurrences read apart.
pub fn short_date_time(instant: Instant, zone: Tz) -> String {
    let Some(t) = local(instant, zone) else { return String::new() };
    let weekday = text::WEEKDAYS_SHORT[t.weekday().num_days_from_monday() as usize];
    let written = format!("{weekday} {:02}/{:02} {:02}:{:02}", t.day(), t.month(), t.hour(), t.minute());
    let repeated = matches!(zone.from_local_datetime(&t.naive_local()), chrono::LocalResult::Ambiguous(_, _));
    if repeated {
        text::with_offset(&written, &utc_offset(t.offset().fix().local_minus_utc()))
    } else {
        written
    }
}

/// "UTC+2", "UTC−9:30".
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{}", minutes / 60),
        rest => format!("UTC{sign}{}:{rest:02}", minutes / 60),
    }
}

/// The first instant of the local day `date`: its midnight, or, where a clock change skips
/// midnight, the first local time that exists after it.
pub fn day_start(zone: Tz, date: NaiveDate) -> Instant {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    (0..=8)
        .map(|half_hours| midnight + chrono::Duration::minutes(30 * half_hours))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map_or(Instant(midnight.and_utc().timestamp_millis()), |t| Instant(t.timestamp_millis()))
}

/// A key that sorts French text the way a reader expects: case and accents ignored
/// ("Écluse" between "Digue" and "Fontaine"), then the text itself to break ties.
pub fn sort_key(text: &str) -> (String, String) {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' => folded.push('a'),
            'ç' => folded.push('c'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' => folded.push('i'),
            'ô' | 'ö' => folded.push('o'),
            'ù' | 'û' | 'ü' => folded.push('u'),
            'ÿ' => folded.push('y'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            other => folded.push(other),
        }
    }
    (folded, text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::paris;
    use chrono_tz::Europe::Paris;

    #[test]
    fn the_tenth_of_july_2026_reads_as_a_friday_in_july() {
        assert_eq!(day_label(NaiveDate::from_ymd_opt(2026, 7, 10).unwrap()), "ven. 10 juil.");
        assert_eq!(day_label(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()), "dim. 1 févr.");
    }

    #[test]
    fn a_summer_evening_in_paris_reads_with_its_day_and_month() {
        assert_eq!(short_date_time(paris(2026, 7, 10, 18, 0), Paris), "ven. 10/07 18:00");
        assert_eq!(clock(paris(2026, 7, 11, 2, 5), Paris), "02:05");
    }

    #[test]
    fn the_two_occurrences_of_half_past_two_in_october_read_with_their_offsets() {
        let first = paris(2026, 10, 25, 2, 30);
        let second = first.plus(crate::domain::time::Span::hours(1));
        assert_eq!(short_date_time(first, Paris), "dim. 25/10 02:30 (UTC+2)");
        assert_eq!(short_date_time(second, Paris), "dim. 25/10 02:30 (UTC+1)");
        assert_eq!(short_date_time(paris(2026, 10, 25, 4, 0), Paris), "dim. 25/10 04:00");
    }

    #[test]
    fn the_day_of_the_october_change_starts_at_midnight_summer_time() {
        let start = day_start(Paris, NaiveDate::from_ymd_opt(2026, 10, 25).unwrap());
        assert_eq!(start, paris(2026, 10, 25, 0, 0));
        assert_eq!(local_date(start, Paris), NaiveDate::from_ymd_opt(2026, 10, 25).unwrap());
    }

    #[test]
    fn accented_and_capital_letters_sort_with_their_plain_letters() {
        let mut names = vec!["Fontaine", "Écluse", "digue", "Entrée Nord"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["digue", "Écluse", "Entrée Nord", "Fontaine"]);
    }

    #[test]
    fn an_offset_of_minus_nine_and_a_half_hours_reads_with_its_minutes() {
        assert_eq!(utc_offset(-(9 * 3600 + 1800)), "UTC−9:30");
        assert_eq!(utc_offset(7200), "UTC+2");
    }
}
