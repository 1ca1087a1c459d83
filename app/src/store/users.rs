//! Users: who may sign in. A disabled account (`disabled_at` set) keeps its row, its
//! memberships and its history, but no session or API token of it authenticates.

use sqlx::Row;

use super::{new_id, Db};
use crate::domain::{Email, Instant, PersonName};
use crate::read_models::CurrentUser;

/// A user as stored, password hash included: never sent to the browser.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub is_platform_admin: bool,
    /// When a platform administrator disabled the account; `None` for an active account.
    pub disabled_at: Option<Instant>,
}

impl From<UserRow> for CurrentUser {
    fn from(row: UserRow) -> Self {
        CurrentUser { id: row.id, email: row.email, name: row.name, is_platform_admin: row.is_platform_admin }
    }
}

const COLUMNS: &str = "id, email, name, password_hash, is_platform_admin, disabled_at";

/// The user columns a query selects, prefixed by `alias.` (for the sessions' and tokens' joins).
pub(crate) fn columns_of(alias: &str) -> String {
    COLUMNS.split(", ").map(|c| format!("{alias}.{c}")).collect::<Vec<_>>().join(", ")
}

/// A user from a row holding the user columns under their own names.
pub(crate) fn from_row(row: &sqlx::any::AnyRow) -> Result<UserRow, sqlx::Error> {
    Ok(UserRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
        is_platform_admin: row.try_get::<i64, _>("is_platform_admin")? != 0,
        disabled_at: row.try_get::<Option<i64>, _>("disabled_at")?.map(Instant),
    })
}

/// Records a new, active account; returns its id.
pub async fn create(
    db: &Db,
    email: &Email,
    name: &PersonName,
    password_hash: &str,
    is_platform_admin: bool,
    now: Instant,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query("INSERT INTO users (id, email, name, password_hash, is_platform_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id)
        .bind(email.as_str())
        .bind(name.as_str())
        .bind(password_hash)
        .bind(is_platform_admin as i64)
        .bind(now.0)
        .execute(&db.pool)
        .await?;
    Ok(id)
}

/// The account of an e-mail address (already normalised by [`Email`]).
pub async fn find_by_email(db: &Db, email: &Email) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE email = $1")))
        .bind(email.as_str())
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// The account of an id.
pub async fn find_by_id(db: &Db, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// How many accounts exist, disabled ones included.
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM users").fetch_one(&db.pool).await?.try_get("n")
}

/// Every account, by name, disabled ones included (platform administration).
pub async fn list_all(db: &Db) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users ORDER BY name, email")))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// True when `user_id` names an account that is not disabled; false for a disabled or unknown
/// one. Whatever authenticates a person on their own (a calendar link, say) asks this.
pub async fn is_active(db: &Db, user_id: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT disabled_at FROM users WHERE id = $1").bind(user_id).fetch_optional(&db.pool).await?;
    Ok(match row {
        Some(row) => row.try_get::<Option<i64>, _>("disabled_at")?.is_none(),
        None => false,
    })
}

/// Disables an active account. False when it is unknown or already disabled.
/// `by` (who disabled it) goes with the entry of the account's audit chain.
pub async fn disable(db: &Db, user_id: &str, by: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL")
        .bind(now.0)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let changed = done.rows_affected() == 1;
    if changed {
        let chain = super::conventions::account_chain(user_id);
        super::conventions::record_in(&mut tx, chain, (by, "account.disable"), serde_json::json!({}), now).await?;
    }
    tx.commit().await?;
    // The person's calendar links stop at once, on every instance.
    super::releases::announce(db).await;
    Ok(changed)
}

/// Enables a disabled account again, with its audit entry. False when it is unknown or already
/// active.
pub async fn enable(db: &Db, user_id: &str, by: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let changed = done.rows_affected() == 1;
    if changed {
        let chain = super::conventions::account_chain(user_id);
        super::conventions::record_in(&mut tx, chain, (by, "account.enable"), serde_json::json!({}), now).await?;
    }
    tx.commit().await?;
    super::releases::announce(db).await;
    Ok(changed)
}

/// Replaces the password hash of an account.
pub async fn set_password_hash(db: &Db, user_id: &str, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
