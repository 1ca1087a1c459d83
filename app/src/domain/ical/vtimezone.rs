//! The VTIMEZONE of an event's zone, generated from chrono-tz's data for the years a feed
//! spans: the offset in force on 1 January of the first year, then one STANDARD or DAYLIGHT
//! component per change of offset until the end of the last year. The changes are found by
//! probing the offset every day and bisecting each day where it differs to the second.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::content::Lines;
use super::datetime::{naive_utc, write_naive};

const DAY: i64 = 86_400;

/// What a zone's clock says at some instant: total offset from UTC in seconds, whether it
/// is summer time, and its abbreviation ("CEST", "+04").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalOffset {
    pub seconds: i32,
    pub daylight: bool,
    pub name: Option<String>,
}

/// One observance: from `start` (UTC seconds) the offset `to` replaces `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    pub start: i64,
    pub from: LocalOffset,
    pub to: LocalOffset,
}

/// The offset of `zone` at `seconds` since the epoch (UTC).
pub fn offset_at(zone: Tz, seconds: i64) -> LocalOffset {
    let offset = zone.offset_from_utc_datetime(&naive_utc(seconds));
    LocalOffset {
        seconds: offset.fix().local_minus_utc(),
        daylight: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().map(str::to_string),
    }
}

/// What probing compares, without allocating: total offset, summer time, and the
/// abbreviation's first 8 bytes (abbreviations are at most 6 letters long).
type Probe = (i32, bool, [u8; 8]);

fn probe(zone: Tz, seconds: i64) -> Probe {
    let offset = zone.offset_from_utc_datetime(&naive_utc(seconds));
    let mut name = [0u8; 8];
    for (slot, byte) in name.iter_mut().zip(offset.abbreviation().unwrap_or_default().bytes()) {
        *slot = byte;
    }
    (offset.fix().local_minus_utc(), !offset.dst_offset().is_zero(), name)
}

/// The observances of `zone` from 1 January of `first_year` to 1 January of `last_year + 1`
/// (local time): the first has `from == to` and starts on that 1 January; each next one is
/// a change of offset.
pub fn observances(zone: Tz, first_year: i32, last_year: i32) -> Vec<Observance> {
    let start = new_year(zone, first_year);
    let end = new_year(zone, last_year.max(first_year) + 1);
    let initial = offset_at(zone, start);
    let mut list = vec![Observance { start, from: initial.clone(), to: initial }];
    let mut t = start;
    let mut current = probe(zone, t);
    while t < end {
        let next_t = (t + DAY).min(end);
        if probe(zone, next_t) != current {
            let change = bisect(zone, t, next_t, current);
            let from = list.last().map(|o| o.to.clone()).unwrap_or_else(|| offset_at(zone, t));
            list.push(Observance { start: change, from, to: offset_at(zone, change) });
            // Resume from the change: another one may follow within the same day.
            t = change;
            current = probe(zone, t);
        } else {
            t = next_t;
        }
    }
    list
}

/// The first second after `low` whose offset differs from `before` (known to differ at `high`).
fn bisect(zone: Tz, mut low: i64, mut high: i64, before: Probe) -> i64 {
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if probe(zone, mid) == before {
            low = mid;
        } else {
            high = mid;
        }
    }
    high
}

/// The instant of 00:00 on 1 January of `year` in `zone` (UTC midnight if that is skipped).
fn new_year(zone: Tz, year: i32) -> i64 {
    let midnight = NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default();
    zone.from_local_datetime(&midnight).earliest().map_or(midnight.and_utc().timestamp(), |t| t.timestamp())
}

/// The years (local) from `first` to `last` (UTC seconds) in `zone`.
pub fn years_spanned(zone: Tz, first: i64, last: i64) -> (i32, i32) {
    let year = |s: i64| zone.from_utc_datetime(&naive_utc(s)).year();
    (year(first), year(last.max(first)))
}

/// Writes the VTIMEZONE of `zone` for those observances.
pub fn write_vtimezone(lines: &mut Lines, zone: Tz, observances: &[Observance]) {
    lines.raw("BEGIN", "VTIMEZONE");
    lines.raw("TZID", zone.name());
    for o in observances {
        let kind = if o.to.daylight { "DAYLIGHT" } else { "STANDARD" };
        lines.raw("BEGIN", kind);
        // DTSTART is the local time of the change as the clocks read just before it.
        let local = naive_at(o.start, o.from.seconds);
        let mut value = String::with_capacity(15);
        write_naive(&mut value, &local);
        lines.raw("DTSTART", &value);
        lines.raw("TZOFFSETFROM", &utc_offset(o.from.seconds));
        lines.raw("TZOFFSETTO", &utc_offset(o.to.seconds));
        if let Some(name) = &o.to.name {
            lines.text("TZNAME", name);
        }
        lines.raw("END", kind);
    }
    lines.raw("END", "VTIMEZONE");
}

fn naive_at(seconds: i64, offset: i32) -> NaiveDateTime {
    naive_utc(seconds + i64::from(offset))
}

/// `+0200`, `-0300`, `+053730` (RFC 5545 UTC-OFFSET, seconds only when not zero).
pub fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
#[path = "vtimezone_tests.rs"]
mod tests;
