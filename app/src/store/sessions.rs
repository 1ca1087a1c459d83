//! Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
//! copy of the database does not let anyone sign in.

use sqlx::Row;

use super::users::UserRow;
use super::Db;
use crate::domain::time::Span;
use crate::domain::Instant;

/// How long a session lives without use.
pub const SESSION_IDLE_LIFETIME: Span = Span::days(14);

pub async fn create(db: &Db, token_hash: &str, user_id: &str, now: Instant) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now.0)
    .bind(now.plus(SESSION_IDLE_LIFETIME).0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The user behind a live session, sliding its expiry forward.
pub async fn user_of(db: &Db, token_hash: &str, now: Instant) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.name, u.password_hash, u.is_platform_admin, s.last_seen_at FROM sessions s \
         JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.0)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: i64 = row.try_get("last_seen_at")?;
    // Touch at most once a minute: polling pages must not turn every read into a write.
    if now.0 - last_seen > 60_000 {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
            .bind(now.0)
            .bind(now.plus(SESSION_IDLE_LIFETIME).0)
            .bind(token_hash)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(UserRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
        is_platform_admin: row.try_get::<i64, _>("is_platform_admin")? != 0,
    }))
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&db.pool).await?;
    Ok(())
}

/// "Sign out everywhere": every session of the user ends at once.
pub async fn delete_all_for_user(db: &Db, user_id: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&db.pool).await?.rows_affected())
}

pub async fn count_for_user(db: &Db, user_id: &str, now: Instant) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id)
        .bind(now.0)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")
}
