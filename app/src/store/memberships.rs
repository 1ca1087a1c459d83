//! Leaving an organisation: removing a membership without ever leaving the organisation
//! without an administrator, even when two administrators remove each other at once.

use sqlx::Row;

use super::Db;
use crate::domain::offboarding::{may_remove, RemovalRefused};
use crate::domain::MembershipRole;

/// Removes `user_id` from `organisation_id` if the domain allows it, with its entry in the
/// organisation's audit chain (`by`: who removed); `removing_oneself` says whether the person
/// asked for it themselves. The person's other memberships, sessions and
/// records are untouched: what they could reach through this organisation is computed from
/// memberships on every request, so access ends with this row.
pub async fn remove(
    db: &Db,
    user_id: &str,
    organisation_id: &str,
    removing_oneself: bool,
    (by, now): (&str, crate::domain::Instant),
) -> Result<Result<(), RemovalRefused>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    // A no-op write on the organisation's administrators first: on PostgreSQL it locks their
    // rows, on SQLite it takes the write lock, so the count below cannot change before the
    // delete and two concurrent removals cannot both take away "the other" administrator.
    sqlx::query("UPDATE memberships SET role = role WHERE organisation_id = $1 AND role = $2")
        .bind(organisation_id)
        .bind(MembershipRole::Admin.code())
        .execute(&mut *tx)
        .await?;
    let role = sqlx::query("SELECT role FROM memberships WHERE user_id = $1 AND organisation_id = $2")
        .bind(user_id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get::<String, _>("role"))
        .transpose()?
        .and_then(|code| MembershipRole::from_code(&code));
    let admins: i64 = sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE organisation_id = $1 AND role = $2")
        .bind(organisation_id)
        .bind(MembershipRole::Admin.code())
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
    if let Err(refused) = may_remove(role, admins, removing_oneself) {
        tx.rollback().await?;
        return Ok(Err(refused));
    }
    sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2")
        .bind(user_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    let payload = serde_json::json!({ "user": user_id });
    let chain = super::conventions::organisation_chain(organisation_id);
    super::conventions::record_in(&mut tx, chain, (by, "membership.remove"), payload, now).await?;
    tx.commit().await?;
    // Calendar links follow their creator: every instance checks them again at once.
    super::releases::announce(db).await;
    Ok(Ok(()))
}
