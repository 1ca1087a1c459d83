//! How long a session lives: it ends after a while without use (idle lifetime) and, used or
//! not, a fixed time after sign-in (absolute lifetime), so that a stolen cookie kept alive by a
//! script still dies.

use super::time::{Instant, Span};

/// How long a session lives without use.
pub const SESSION_IDLE_LIFETIME: Span = Span::days(14);

/// How long a session lives after sign-in, however often it is used.
pub const SESSION_ABSOLUTE_LIFETIME: Span = Span::days(30);

/// When a session created at `created_at` and last used at `used_at` ends: the idle expiry
/// slides with use but never past the absolute one.
pub fn session_expiry(created_at: Instant, used_at: Instant) -> Instant {
    used_at.plus(SESSION_IDLE_LIFETIME).min(absolute_end(created_at))
}

/// The instant a session created at `created_at` ends whatever its use.
pub fn absolute_end(created_at: Instant) -> Instant {
    created_at.plus(SESSION_ABSOLUTE_LIFETIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Instant = Instant(1_790_000_000_000);

    #[test]
    fn a_fresh_session_ends_after_fourteen_idle_days() {
        assert_eq!(session_expiry(T0, T0), T0.plus(Span::days(14)));
    }

    #[test]
    fn use_on_day_twenty_five_cannot_push_the_end_past_day_thirty() {
        assert_eq!(session_expiry(T0, T0.plus(Span::days(25))), T0.plus(Span::days(30)));
    }
}
