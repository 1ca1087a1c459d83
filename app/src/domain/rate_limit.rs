//! Sign-in throttling: how many recent failures an account or an address may have before
//! further attempts are refused without even checking the password.

use super::time::Span;

/// The window over which failures count.
pub const WINDOW: Span = Span::minutes(15);
/// Failures allowed per account in the window (protects one person's account).
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failures allowed per client address in the window (protects against spraying many accounts).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

/// Whether a sign-in attempt may go on to the password check.
pub fn may_attempt(recent_account_failures: i64, recent_address_failures: i64) -> bool {
    recent_account_failures < MAX_FAILURES_PER_ACCOUNT && recent_address_failures < MAX_FAILURES_PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_on_one_account_is_refused() {
        assert!(may_attempt(4, 0));
        assert!(!may_attempt(5, 0));
    }

    #[test]
    fn twenty_failures_from_one_address_block_it_whatever_the_account() {
        assert!(may_attempt(0, 19));
        assert!(!may_attempt(0, 20));
    }
}
