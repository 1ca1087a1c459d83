use chrono::NaiveDate;

use super::*;

fn utc_seconds(y: i32, mo: u32, d: u32, h: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, 0, 0).unwrap().and_utc().timestamp()
}

fn rendered(zone: Tz, first: i32, last: i32) -> String {
    let mut lines = Lines::default();
    write_vtimezone(&mut lines, zone, &observances(zone, first, last));
    lines.finish()
}

#[test]
fn paris_in_2026_changes_to_summer_time_on_29_march_and_back_on_25_october_at_one_utc() {
    let list = observances(chrono_tz::Europe::Paris, 2026, 2026);
    let changes: Vec<(i64, i32, i32, bool)> =
        list.iter().map(|o| (o.start, o.from.seconds, o.to.seconds, o.to.daylight)).collect();
    assert_eq!(
        changes,
        vec![
            (utc_seconds(2025, 12, 31, 23), 3600, 3600, false),
            (utc_seconds(2026, 3, 29, 1), 3600, 7200, true),
            (utc_seconds(2026, 10, 25, 1), 7200, 3600, false),
        ]
    );
}

#[test]
fn the_paris_vtimezone_gives_each_change_in_the_local_time_of_before_it() {
    let text = rendered(chrono_tz::Europe::Paris, 2026, 2026);
    assert_eq!(
        text,
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n\
         BEGIN:STANDARD\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n\
         BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n\
         BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n\
         END:VTIMEZONE\r\n"
    );
}

#[test]
fn a_span_over_new_year_covers_both_years_changes() {
    let list = observances(chrono_tz::Europe::Paris, 2026, 2027);
    assert_eq!(list.len(), 5);
    assert_eq!(list[4].start, utc_seconds(2027, 10, 31, 1));
}

#[test]
fn reunion_has_a_single_standard_component_at_plus_four() {
    let text = rendered(chrono_tz::Indian::Reunion, 2026, 2026);
    assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    assert!(!text.contains("DAYLIGHT"));
    assert!(text.contains("TZOFFSETFROM:+0400\r\nTZOFFSETTO:+0400\r\n"), "{text}");
}

#[test]
fn cayenne_has_a_single_standard_component_at_minus_three() {
    let text = rendered(chrono_tz::America::Cayenne, 2026, 2027);
    assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    assert!(!text.contains("DAYLIGHT"));
    assert!(text.contains("DTSTART:20260101T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\n"), "{text}");
}

#[test]
fn utc_offsets_are_written_with_sign_hours_minutes_and_seconds_only_when_needed() {
    assert_eq!(utc_offset(7200), "+0200");
    assert_eq!(utc_offset(-10_800), "-0300");
    assert_eq!(utc_offset(0), "+0000");
    assert_eq!(utc_offset(-(9 * 3600 + 30 * 60)), "-0930");
    assert_eq!(utc_offset(561), "+000921");
}
