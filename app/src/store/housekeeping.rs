//! Housekeeping: what has expired is removed, so that the tables of sessions, invitations,
//! password-reset links and sign-in failures do not only grow. Idempotent: several instances
//! may run it at the same time.

use super::Db;
use crate::domain::rate_limit;
use crate::domain::time::Span;
use crate::domain::Instant;

/// How long an expired invitation or reset link is kept, so that following it still says
/// « expiré » (with what to do) rather than « n'existe pas ».
pub const KEPT_AFTER_EXPIRY: Span = Span::days(30);

/// How many rows one pass removed, per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub sessions: u64,
    pub invitations: u64,
    pub password_resets: u64,
    pub sign_in_failures: u64,
}

/// Removes, as of `now`: expired sessions; invitations and reset links expired for more than
/// [`KEPT_AFTER_EXPIRY`] (used or not: an expired one can never serve again); sign-in failures
/// older than the throttle's window.
pub async fn remove_expired(db: &Db, now: Instant) -> Result<Removed, sqlx::Error> {
    let mut removed = Removed::default();
    let long_expired = now.minus(KEPT_AFTER_EXPIRY);
    for (table, before, count) in [
        ("sessions", now, &mut removed.sessions),
        ("invitations", long_expired, &mut removed.invitations),
        ("password_resets", long_expired, &mut removed.password_resets),
    ] {
        let sql = format!("DELETE FROM {table} WHERE expires_at <= $1");
        *count = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(before.0).execute(&db.pool).await?.rows_affected();
    }
    removed.sign_in_failures = sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1")
        .bind(now.minus(rate_limit::WINDOW).0)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(removed)
}
