//! A department's model of the event convention: its sizing coefficients and its clauses.

use std::collections::BTreeMap;

use sqlx::Row;

use super::conventions::{append_in, department_chain, NewEntry};
use super::plans::{decode, to_json};
use super::Db;
use crate::domain::convention::SizingParameters;
use crate::domain::document::ArticleId;
use crate::domain::Instant;

/// What a department's prefecture saved; the national model when it saved nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DepartmentModel {
    pub sizing: SizingParameters,
    pub clauses: BTreeMap<ArticleId, String>,
    /// When and by whom it was last saved.
    pub updated: Option<(Instant, String)>,
}

/// The model of `department`.
pub async fn get(db: &Db, department: &str) -> Result<DepartmentModel, sqlx::Error> {
    let row =
        sqlx::query("SELECT sizing, clauses, updated_by, updated_at FROM department_convention WHERE department = $1")
            .bind(department)
            .fetch_optional(&db.pool)
            .await?;
    let Some(row) = row else { return Ok(DepartmentModel::default()) };
    Ok(DepartmentModel {
        sizing: decode(&row.try_get::<String, _>("sizing")?)?,
        clauses: decode(&row.try_get::<String, _>("clauses")?)?,
        updated: Some((Instant(row.try_get("updated_at")?), row.try_get("updated_by")?)),
    })
}

/// Saves the model of `department` and appends `kind` with `payload` to the department's
/// audit chain, in one transaction.
pub async fn save(
    db: &Db,
    department: &str,
    model: &DepartmentModel,
    by: &str,
    now: Instant,
    kind: &str,
    payload: serde_json::Value,
) -> Result<(), sqlx::Error> {
    let (sizing, clauses) = (to_json(&model.sizing)?, to_json(&model.clauses)?);
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM department_convention WHERE department = $1").bind(department).execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO department_convention (department, sizing, clauses, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(department)
    .bind(&sizing)
    .bind(&clauses)
    .bind(by)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    let entry =
        NewEntry { chain: department_chain(department), at: now, actor: by.to_string(), kind: kind.into(), payload };
    if append_in(&mut tx, &entry).await?.is_none() {
        tx.rollback().await?;
        return Err(sqlx::Error::Protocol("the department's audit chain moved during the save".into()));
    }
    tx.commit().await
}
