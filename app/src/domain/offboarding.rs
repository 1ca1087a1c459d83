//! Offboarding rules: removing a member from an organisation without leaving it without an
//! administrator, and how long a link to reset a forgotten password stays usable.

use super::time::{Instant, Span};
use super::MembershipRole;
use crate::text;

/// How long a password-reset link stays usable after it was asked for.
pub const PASSWORD_RESET_VALIDITY: Span = Span::hours(1);

/// When a reset link asked for at `created_at` stops being usable. A used or expired link is
/// told apart as invitations are, by [`super::InvitationState`].
pub fn reset_expiry_of(created_at: Instant) -> Instant {
    created_at.plus(PASSWORD_RESET_VALIDITY)
}

/// Why a member may not be removed from an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalRefused {
    /// The person is not (or no longer) a member.
    NotAMember,
    /// The person is the organisation's only administrator and asks to leave.
    LastAdminThemselves,
    /// Someone else asks to remove the organisation's only administrator.
    LastAdmin,
}

impl RemovalRefused {
    /// The French explanation shown to whoever asked.
    pub fn message(self) -> &'static str {
        match self {
            Self::NotAMember => text::MEMBER_NOT_FOUND,
            Self::LastAdminThemselves => text::MEMBER_LAST_ADMIN_SELF,
            Self::LastAdmin => text::MEMBER_LAST_ADMIN,
        }
    }
}

/// Whether the member holding `role` (none: not a member) may leave an organisation that has
/// `admins` administrators. An organisation always keeps at least one administrator: whoever
/// asks, its last one is not removed (another is invited first).
pub fn may_remove(role: Option<MembershipRole>, admins: i64, removing_oneself: bool) -> Result<(), RemovalRefused> {
    match role {
        None => Err(RemovalRefused::NotAMember),
        Some(MembershipRole::Admin) if admins <= 1 && removing_oneself => Err(RemovalRefused::LastAdminThemselves),
        Some(MembershipRole::Admin) if admins <= 1 => Err(RemovalRefused::LastAdmin),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_member_may_always_be_removed() {
        assert_eq!(may_remove(Some(MembershipRole::Member), 1, false), Ok(()));
        assert_eq!(may_remove(Some(MembershipRole::Member), 1, true), Ok(()));
    }

    #[test]
    fn the_last_administrator_cannot_leave_but_one_of_two_can() {
        assert_eq!(may_remove(Some(MembershipRole::Admin), 1, true), Err(RemovalRefused::LastAdminThemselves));
        assert_eq!(may_remove(Some(MembershipRole::Admin), 1, false), Err(RemovalRefused::LastAdmin));
        assert_eq!(may_remove(Some(MembershipRole::Admin), 2, true), Ok(()));
    }

    #[test]
    fn someone_outside_the_organisation_is_not_removed() {
        assert_eq!(may_remove(None, 3, false), Err(RemovalRefused::NotAMember));
    }

    #[test]
    fn a_reset_link_lasts_one_hour() {
        assert_eq!(reset_expiry_of(Instant(0)), Instant(3_600_000));
    }
}
