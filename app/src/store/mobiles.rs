//! Accounts' mobile numbers (optional, set by their holder) and the contacts the day's alerts
//! are sent to: every active member of a recipient organisation, by e-mail and, when it gave
//! one, by SMS. Setting a number is an entry of the account's audit chain (never the number
//! itself: the trail outlives the data, `docs/personal-data.md`).

use sqlx::Row;

use super::Db;
use crate::domain::mobile::MobileNumber;
use crate::domain::Instant;

/// Someone an alert goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub user_id: String,
    pub email: String,
    pub mobile: Option<MobileNumber>,
}

/// The mobile number of `user_id`, if it gave one.
pub async fn mobile(db: &Db, user_id: &str) -> Result<Option<MobileNumber>, sqlx::Error> {
    let found: Option<Option<String>> =
        sqlx::query_scalar("SELECT mobile FROM users WHERE id = $1").bind(user_id).fetch_optional(&db.pool).await?;
    Ok(found.flatten().filter(|m| !m.is_empty()).map(MobileNumber::from_stored))
}

/// Sets (or, with `None`, removes) the mobile number of `user_id`, with its audit entry in the
/// same transaction. False when nothing changed.
pub async fn set_mobile(
    db: &Db,
    user_id: &str,
    mobile: Option<&MobileNumber>,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("UPDATE users SET mobile = $1 WHERE id = $2 AND COALESCE(mobile, '') <> COALESCE($3, '')")
        .bind(mobile.map(|m| m.as_str().to_string()))
        .bind(user_id)
        .bind(mobile.map(|m| m.as_str().to_string()))
        .execute(&mut *tx)
        .await?;
    let changed = done.rows_affected() == 1;
    if changed {
        let chain = super::conventions::account_chain(user_id);
        let kind = if mobile.is_some() { "account.mobile_set" } else { "account.mobile_removed" };
        super::conventions::record_in(&mut tx, chain, (user_id, kind), serde_json::json!({}), now).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// The active members of `organisation_id`: their e-mail and mobile number.
pub async fn contacts(db: &Db, organisation_id: &str) -> Result<Vec<Contact>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.email, u.mobile FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND u.disabled_at IS NULL ORDER BY u.email",
    )
    .bind(organisation_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|row| {
        Ok(Contact {
            user_id: row.try_get("id")?,
            email: row.try_get("email")?,
            mobile: row
                .try_get::<Option<String>, _>("mobile")?
                .filter(|m| !m.is_empty())
                .map(MobileNumber::from_stored),
        })
    })
    .collect()
}
