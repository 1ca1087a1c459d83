//! Small French formatting helpers of the convention: dates, windows, counts, paragraphs.

use chrono::Datelike;
use chrono_tz::Tz;

use crate::domain::plan::TimeWindow;
use crate::domain::time::{format_long_fr, format_short_fr, Instant};
use crate::text;

/// "du samedi 20 juin 2026 à 18:00 au dimanche 21 juin 2026 à 02:00".
pub fn window_long(window: TimeWindow, zone: Tz) -> String {
    format!("du {} au {}", format_long_fr(window.start(), zone), format_long_fr(window.end(), zone))
}

/// "sam. 20/06 18:00 – 23:00", or with both days when the window crosses midnight.
pub fn window_short(window: TimeWindow, zone: Tz) -> String {
    let start = format_short_fr(window.start(), zone);
    let end = format_short_fr(window.end(), zone);
    let same_day = day_of(window.start(), zone).is_some() && day_of(window.start(), zone) == day_of(window.end(), zone);
    match end.rsplit_once(' ') {
        Some((_, time)) if same_day => format!("{start} – {time}"),
        _ => format!("{start} – {end}"),
    }
}

fn day_of(instant: Instant, zone: Tz) -> Option<chrono::NaiveDate> {
    instant.to_chrono().map(|utc| utc.with_timezone(&zone).date_naive())
}

/// "5 juillet 2026": the day of `instant` in `zone`.
pub fn day_long(instant: Instant, zone: Tz) -> String {
    let Some(day) = day_of(instant, zone) else { return String::new() };
    let month = text::MONTHS.get(day.month0() as usize).copied().unwrap_or_default();
    let number = if day.day() == 1 { "1er".to_string() } else { day.day().to_string() };
    format!("{number} {month} {}", day.year())
}

pub use crate::text::thousands as count;

/// "1 agent", "3 agents".
pub fn plural(n: u64, singular: &str, plural: &str) -> String {
    format!("{} {}", count(n), if n > 1 { plural } else { singular })
}

/// The non-blank lines of a free text, trimmed: each becomes a paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_string).collect()
}

/// `text` with its first letter upper-cased ("le maire…" → "Le maire…").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `text` with its first letter lower-cased ("Préfecture…" → "préfecture…").
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A free text made safe to print: control characters other than line breaks become spaces.
pub fn clean(text: &str) -> String {
    text.trim().chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::release::fixtures::june;

    #[test]
    fn a_window_within_one_day_names_the_day_once() {
        assert_eq!(window_short(june((20, 18), (20, 23)), chrono_tz::Europe::Paris), "sam. 20/06 18:00 – 23:00");
    }

    #[test]
    fn a_window_across_midnight_names_both_days() {
        assert_eq!(
            window_short(june((20, 20), (21, 2)), chrono_tz::Europe::Paris),
            "sam. 20/06 20:00 – dim. 21/06 02:00"
        );
    }

    #[test]
    fn a_count_reads_with_its_noun_in_the_singular_or_the_plural() {
        assert_eq!(plural(1, "agent", "agents"), "1 agent");
        assert_eq!(plural(8_000, "agent", "agents"), "8\u{202f}000 agents");
    }

    #[test]
    fn the_first_of_a_month_reads_premier() {
        let first = june((20, 18), (20, 23)).start().plus(crate::domain::time::Span::days(11));
        assert_eq!(day_long(first, chrono_tz::Europe::Paris), "1er juillet 2026");
    }

    #[test]
    fn blank_lines_and_control_characters_do_not_reach_the_document() {
        assert_eq!(paragraphs(" Un \n\n  Deux  \r\n"), vec!["Un".to_string(), "Deux".to_string()]);
        assert_eq!(clean("a\u{0007}b\nc"), "a b\nc");
    }
}
