//! Users: who may sign in.

use sqlx::Row;

use super::{new_id, Db};
use crate::api::types::CurrentUser;
use crate::domain::{Email, Instant, PersonName};

/// A user as stored, password hash included: never sent to the browser.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub is_platform_admin: bool,
}

impl From<UserRow> for CurrentUser {
    fn from(row: UserRow) -> Self {
        CurrentUser { id: row.id, email: row.email, name: row.name, is_platform_admin: row.is_platform_admin }
    }
}

const COLUMNS: &str = "id, email, name, password_hash, is_platform_admin";

fn from_row(row: sqlx::any::AnyRow) -> Result<UserRow, sqlx::Error> {
    Ok(UserRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
        is_platform_admin: row.try_get::<i64, _>("is_platform_admin")? != 0,
    })
}

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

pub async fn find_by_email(db: &Db, email: &Email) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE email = $1")))
        .bind(email.as_str())
        .fetch_optional(&db.pool)
        .await?
        .map(from_row)
        .transpose()
}

pub async fn find_by_id(db: &Db, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE id = $1")))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(from_row)
        .transpose()
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM users").fetch_one(&db.pool).await?.try_get("n")
}
