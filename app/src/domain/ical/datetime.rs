//! DATE-TIME values: local time with the event's TZID, read from the same observances as
//! the feed's VTIMEZONE (so the two cannot disagree), or UTC with a `Z` when the local time
//! would be ambiguous (the repeated hour when clocks go back designates its first occurrence
//! only, RFC 5545 §3.3.5).

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

use super::vtimezone::Observance;
use crate::domain::time::Instant;

/// Appends `YYYYMMDDTHHMMSS`.
pub fn write_naive(out: &mut String, t: &NaiveDateTime) {
    let digits = |out: &mut String, n: u32, width: usize| {
        let mut buf = [b'0'; 4];
        let mut n = n;
        for slot in buf[..width].iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend(buf[..width].iter().map(|&b| b as char));
    };
    digits(out, t.year().clamp(0, 9999) as u32, 4);
    digits(out, t.month(), 2);
    digits(out, t.day(), 2);
    out.push('T');
    digits(out, t.hour(), 2);
    digits(out, t.minute(), 2);
    digits(out, t.second(), 2);
}

/// The UTC date and time of `seconds` since the epoch, read as a naive date-time.
pub fn naive_utc(seconds: i64) -> NaiveDateTime {
    DateTime::<Utc>::from_timestamp(seconds, 0).unwrap_or_default().naive_utc()
}

/// Appends the UTC form `YYYYMMDDTHHMMSSZ`.
pub fn write_utc(out: &mut String, instant: Instant) {
    write_naive(out, &naive_utc(instant.millis().div_euclid(1000)));
    out.push('Z');
}

/// The event zone's clock over the feed's span, as its VTIMEZONE describes it.
pub struct LocalClock<'a> {
    tzid: &'a str,
    observances: &'a [Observance],
}

impl<'a> LocalClock<'a> {
    /// `observances` as `vtimezone::observances` lists them (at least one).
    pub fn new(tzid: &'a str, observances: &'a [Observance]) -> Self {
        LocalClock { tzid, observances }
    }

    /// The local time of `seconds`, or `None` when that local time also designates an
    /// earlier instant (the repeated hour's second occurrence).
    pub fn local(&self, seconds: i64) -> Option<NaiveDateTime> {
        let i = self.observances.partition_point(|o| o.start <= seconds);
        let Some(o) = self.observances.get(i.saturating_sub(1)) else { return Some(naive_utc(seconds)) };
        let offset = if i == 0 { o.from.seconds } else { o.to.seconds };
        let repeated = i64::from(o.from.seconds - o.to.seconds);
        if i > 0 && repeated > 0 && seconds < o.start + repeated {
            return None;
        }
        Some(naive_utc(seconds + i64::from(offset)))
    }

    /// Appends the property line's name and value for `instant`: `NAME;TZID=zone:local`,
    /// or `NAME:utcZ` when the local time is ambiguous.
    pub fn write_property(&self, out: &mut String, name: &str, instant: Instant) {
        out.push_str(name);
        match self.local(instant.millis().div_euclid(1000)) {
            Some(local) => {
                out.push_str(";TZID=");
                out.push_str(self.tzid);
                out.push(':');
                write_naive(out, &local);
            }
            None => {
                out.push(':');
                write_utc(out, instant);
            }
        }
    }
}
