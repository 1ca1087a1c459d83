//! Invitations to join an organisation: single use, valid seven days.

use super::time::{Instant, Span};

/// How long an invitation link stays valid.
pub const INVITATION_VALIDITY: Span = Span::days(7);

/// Where an invitation stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Usable,
    Expired,
    Used,
}

impl InvitationState {
    /// Decides from the stored facts; `used_at` wins over expiry so the message says "already used".
    pub fn at(now: Instant, expires_at: Instant, used_at: Option<Instant>) -> Self {
        match used_at {
            Some(_) => Self::Used,
            None if now >= expires_at => Self::Expired,
            None => Self::Usable,
        }
    }
}

/// When an invitation created at `created_at` stops being usable.
pub fn expiry_of(created_at: Instant) -> Instant {
    created_at.plus(INVITATION_VALIDITY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_is_usable_until_the_last_millisecond_of_its_seventh_day() {
        let created = Instant(1_000);
        let expires = expiry_of(created);
        assert_eq!(InvitationState::at(Instant(expires.0 - 1), expires, None), InvitationState::Usable);
        assert_eq!(InvitationState::at(expires, expires, None), InvitationState::Expired);
    }

    #[test]
    fn a_used_invitation_reads_as_used_even_after_expiry() {
        let expires = expiry_of(Instant(0));
        assert_eq!(InvitationState::at(Instant(i64::MAX), expires, Some(Instant(5))), InvitationState::Used);
    }
}
