//! Invitations: single-use tokens (stored hashed) to join an organisation.

use sqlx::Row;

use super::{new_id, Db};
use crate::domain::invitation::expiry_of;
use crate::domain::{Email, Instant, MembershipRole};

#[derive(Debug, Clone)]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub organisation_id: String,
    pub role: MembershipRole,
    pub expires_at: Instant,
    pub used_at: Option<Instant>,
}

fn from_row(row: &sqlx::any::AnyRow) -> Result<InvitationRow, sqlx::Error> {
    let role: String = row.try_get("role")?;
    Ok(InvitationRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        organisation_id: row.try_get("organisation_id")?,
        role: MembershipRole::from_code(&role).ok_or_else(|| sqlx::Error::Decode("unknown role".into()))?,
        expires_at: Instant(row.try_get("expires_at")?),
        used_at: row.try_get::<Option<i64>, _>("used_at")?.map(Instant),
    })
}

const COLUMNS: &str = "id, email, organisation_id, role, expires_at, used_at";

pub async fn create(
    db: &Db,
    token_hash: &str,
    email: &Email,
    organisation_id: &str,
    role: MembershipRole,
    invited_by: &str,
    now: Instant,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO invitations (id, token_hash, email, organisation_id, role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(token_hash)
    .bind(email.as_str())
    .bind(organisation_id)
    .bind(role.code())
    .bind(invited_by)
    .bind(now.0)
    .bind(expiry_of(now).0)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

pub async fn find_by_token_hash(db: &Db, token_hash: &str) -> Result<Option<InvitationRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM invitations WHERE token_hash = $1")))
        .bind(token_hash)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Marks the invitation used. Returns false when it was used meanwhile: exactly one
/// acceptance wins even if two arrive at once.
pub async fn mark_used(db: &Db, id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Invitations of an organisation neither used nor expired, newest first.
pub async fn pending(db: &Db, organisation_id: &str, now: Instant) -> Result<Vec<InvitationRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM invitations WHERE organisation_id = $1 AND used_at IS NULL AND expires_at > $2 \
         ORDER BY expires_at DESC, id"
    )))
    .bind(organisation_id)
    .bind(now.0)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(from_row)
    .collect()
}
