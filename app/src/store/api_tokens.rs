//! Personal API tokens, for `Authorization: Bearer …` on the JSON API. Only the SHA-256 of a
//! token is stored, as for sessions: a copy of the database does not let anyone call the API.
//! A revoked token keeps its row (`revoked_at` set) but never authenticates again.

use sqlx::Row;

use super::users::{columns_of, from_row, UserRow};
use super::{new_id, Db};
use crate::domain::Instant;

/// A token as listed to its owner: never its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRow {
    pub id: String,
    pub name: String,
    pub created_at: Instant,
    pub last_used_at: Option<Instant>,
}

/// Records a new token of `user_id`; returns its id.
pub async fn create(db: &Db, user_id: &str, name: &str, token_hash: &str, now: Instant) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(now.0)
        .execute(&db.pool)
        .await?;
    Ok(id)
}

/// The tokens of `user_id` that are not revoked, newest first.
pub async fn list_active(db: &Db, user_id: &str) -> Result<Vec<ApiTokenRow>, sqlx::Error> {
    sqlx::query(
        "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL \
         ORDER BY created_at DESC, id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(|row| {
        Ok(ApiTokenRow {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            created_at: Instant(row.try_get("created_at")?),
            last_used_at: row.try_get::<Option<i64>, _>("last_used_at")?.map(Instant),
        })
    })
    .collect()
}

/// Revokes a token of `user_id`. False when no such live token is theirs (unknown id, another
/// person's token, or already revoked): the caller answers "not found" alike.
pub async fn revoke(db: &Db, user_id: &str, id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(now.0)
            .bind(id)
            .bind(user_id)
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The active user behind a live (not revoked) token, recording its use. A disabled account's
/// tokens authenticate nobody. The use is written at most once a minute, so that a script
/// polling the API does not turn every read into a write.
pub async fn user_of(db: &Db, token_hash: &str, now: Instant) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT t.id AS token_id, t.last_used_at, {} FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL",
        columns_of("u")
    )))
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_used: Option<i64> = row.try_get("last_used_at")?;
    if last_used.is_none_or(|at| now.0 - at > 60_000) {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now.0)
            .bind(row.try_get::<String, _>("token_id")?)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(from_row(&row)?))
}
