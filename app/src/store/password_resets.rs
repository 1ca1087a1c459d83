//! Password-reset links: single-use tokens, stored hashed, valid one hour
//! ([`crate::domain::offboarding::PASSWORD_RESET_VALIDITY`]).

use sqlx::Row;

use super::{new_id, Db};
use crate::domain::offboarding::reset_expiry_of;
use crate::domain::Instant;

/// A reset link as stored: never its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordResetRow {
    pub id: String,
    pub user_id: String,
    pub expires_at: Instant,
    pub used_at: Option<Instant>,
}

/// Records a reset link of `user_id` asked for at `now`; returns its id.
pub async fn create(db: &Db, token_hash: &str, user_id: &str, now: Instant) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO password_resets (id, token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(token_hash)
    .bind(user_id)
    .bind(now.0)
    .bind(reset_expiry_of(now).0)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// The link whose token hashes to `token_hash`, used or expired ones included.
pub async fn find_by_token_hash(db: &Db, token_hash: &str) -> Result<Option<PasswordResetRow>, sqlx::Error> {
    let row = sqlx::query("SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| {
        Ok(PasswordResetRow {
            id: row.try_get("id")?,
            user_id: row.try_get("user_id")?,
            expires_at: Instant(row.try_get("expires_at")?),
            used_at: row.try_get::<Option<i64>, _>("used_at")?.map(Instant),
        })
    })
    .transpose()
}

/// Marks the link used. False when it was used meanwhile: of two simultaneous uses, one wins.
pub async fn mark_used(db: &Db, id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE password_resets SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks every unused link of the user used (their password just changed another way, so an
/// older link must not change it again).
pub async fn void_all_for_user(db: &Db, user_id: &str, now: Instant) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now.0)
        .bind(user_id)
        .execute(&db.pool)
        .await?
        .rows_affected())
}
