//! Sign-in failures, counted in the database so that every instance behind a load balancer
//! sees the same count.

use sqlx::Row;

use super::Db;
use crate::domain::Instant;

pub async fn record_failure(db: &Db, key: &str, now: Instant) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sign_in_failures (throttle_key, failed_at) VALUES ($1, $2)")
        .bind(key)
        .bind(now.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn failures_since(db: &Db, key: &str, since: Instant) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE throttle_key = $1 AND failed_at > $2")
        .bind(key)
        .bind(since.0)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")
}

/// Forgets an account's failures after a successful sign-in.
pub async fn clear(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE throttle_key = $1").bind(key).execute(&db.pool).await?;
    Ok(())
}

/// Drops failures older than `before` (housekeeping).
pub async fn prune(db: &Db, before: Instant) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1").bind(before.0).execute(&db.pool).await?;
    Ok(())
}
