//! Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
//! copy of the database does not let anyone sign in. A session ends after
//! [`SESSION_IDLE_LIFETIME`] without use and, however used, [`SESSION_ABSOLUTE_LIFETIME`] after
//! sign-in; it never authenticates a disabled account.

use sqlx::Row;

use super::users::{columns_of, from_row, UserRow};
use super::Db;
use crate::domain::session::{absolute_end, session_expiry};
pub use crate::domain::session::{SESSION_ABSOLUTE_LIFETIME, SESSION_IDLE_LIFETIME};
use crate::domain::Instant;

/// Records a new session of `user_id`, signed in at `now`.
pub async fn create(db: &Db, token_hash: &str, user_id: &str, now: Instant) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now.0)
    .bind(session_expiry(now, now).0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The active user behind a live session, sliding its idle expiry forward (never past its
/// absolute end).
pub async fn user_of(db: &Db, token_hash: &str, now: Instant) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {}, s.created_at AS session_created_at, s.last_seen_at FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL",
        columns_of("u")
    )))
    .bind(token_hash)
    .bind(now.0)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let created = Instant(row.try_get("session_created_at")?);
    // Sessions written before the absolute lifetime existed may hold a later expiry: the
    // absolute end is checked here too, not only when the expiry is written.
    if now >= absolute_end(created) {
        return Ok(None);
    }
    let last_seen: i64 = row.try_get("last_seen_at")?;
    // Touch at most once a minute: polling pages must not turn every read into a write.
    if now.0 - last_seen > 60_000 {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
            .bind(now.0)
            .bind(session_expiry(created, now).0)
            .bind(token_hash)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(from_row(&row)?))
}

/// Ends one session.
pub async fn delete(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&db.pool).await?;
    Ok(())
}

/// "Sign out everywhere": every session of the user ends at once.
pub async fn delete_all_for_user(db: &Db, user_id: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&db.pool).await?.rows_affected())
}

/// Ends every session of the user but the one whose hash is `kept` (after a password change,
/// the device that made it stays signed in).
pub async fn delete_others_for_user(db: &Db, user_id: &str, kept: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(kept)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

/// How many sessions of the user are live at `now`.
pub async fn count_for_user(db: &Db, user_id: &str, now: Instant) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id)
        .bind(now.0)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")
}
