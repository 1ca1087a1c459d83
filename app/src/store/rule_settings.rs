//! A department's settings of the compliance rules (the prefecture's overlay of the national
//! defaults), and the log of every version saved.

use sqlx::Row;

use super::{new_id, Db};
use crate::domain::compliance::RuleSettings;
use crate::domain::Instant;

/// The overlay of `department`, if its prefecture saved one.
pub async fn get(db: &Db, department: &str) -> Result<Option<RuleSettings>, sqlx::Error> {
    let row = sqlx::query("SELECT data FROM rule_settings WHERE department = $1")
        .bind(department)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| super::plans::decode(&r.try_get::<String, _>("data")?)).transpose()
}

/// Saves the overlay of `department` and logs it, in one transaction.
pub async fn save(
    db: &Db,
    department: &str,
    settings: &RuleSettings,
    by: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    let data = super::plans::to_json(settings)?;
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM rule_settings WHERE department = $1").bind(department).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO rule_settings (department, data, updated_by, updated_at) VALUES ($1, $2, $3, $4)")
        .bind(department)
        .bind(&data)
        .bind(by)
        .bind(now.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO rule_settings_log (id, department, data, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(department)
    .bind(&data)
    .bind(by)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    // The same change in the department's audit chain, with every reason of the overlay.
    let entry = super::conventions::NewEntry {
        chain: super::conventions::department_chain(department),
        at: now,
        actor: by.to_string(),
        kind: "rule_settings.change".into(),
        payload: serde_json::to_value(settings).map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
    };
    if super::conventions::append_in(&mut tx, &entry).await?.is_none() {
        tx.rollback().await?;
        return Err(sqlx::Error::Protocol("the department's audit chain moved during the save".into()));
    }
    tx.commit().await
}

/// How many versions of the overlay of `department` were saved.
pub async fn log_len(db: &Db, department: &str) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM rule_settings_log WHERE department = $1")
        .bind(department)
        .fetch_one(&db.pool)
        .await?;
    row.try_get("n")
}
