//! Events' evaluations (RETEX): the evaluation's row (deadline, assessments, closing) and one
//! part per participant. Every write checks the version it was based on and adds its entry to
//! the event's audit chain, in one transaction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sqlx::Row;

use super::plans::{audit_in, decode, to_json};
use super::Db;
use crate::domain::evaluation::EvaluationPart;
use crate::domain::Instant;

/// An event's evaluation as stored; absent until someone writes in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredEvaluation {
    pub deadline: Option<NaiveDate>,
    pub organiser_assessment: String,
    pub prefecture_assessment: String,
    pub closed_at: Option<Instant>,
    pub closed_by: Option<String>,
    pub reminded_at: Option<Instant>,
    /// 0 when there is no row yet.
    pub version: i64,
}

/// A participant's part as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPart {
    pub participant_id: String,
    pub part: EvaluationPart,
    pub updated_by: String,
    pub updated_at: Instant,
    pub version: i64,
}

/// What a write changes in the evaluation's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    OrganiserAssessment(&'a str),
    PrefectureAssessment(&'a str),
    Deadline(NaiveDate),
    Close,
}

impl Change<'_> {
    fn audit_kind(&self) -> &'static str {
        match self {
            Change::OrganiserAssessment(_) => "evaluation.organiser",
            Change::PrefectureAssessment(_) => "evaluation.prefecture",
            Change::Deadline(_) => "evaluation.deadline",
            Change::Close => "evaluation.close",
        }
    }
}

fn stored(row: &sqlx::any::AnyRow) -> Result<StoredEvaluation, sqlx::Error> {
    let deadline: Option<String> = row.try_get("deadline")?;
    Ok(StoredEvaluation {
        deadline: deadline.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        organiser_assessment: row.try_get("organiser_assessment")?,
        prefecture_assessment: row.try_get("prefecture_assessment")?,
        closed_at: row.try_get::<Option<i64>, _>("closed_at")?.map(Instant),
        closed_by: row.try_get("closed_by")?,
        reminded_at: row.try_get::<Option<i64>, _>("reminded_at")?.map(Instant),
        version: row.try_get("version")?,
    })
}

const COLUMNS: &str =
    "event_id, deadline, organiser_assessment, prefecture_assessment, closed_at, closed_by, reminded_at, version";

/// The evaluation of `event_id` (the default, version 0, when nothing was written yet).
pub async fn get(db: &Db, event_id: &str) -> Result<StoredEvaluation, sqlx::Error> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM evaluations WHERE event_id = $1")))
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(stored).transpose().map(Option::unwrap_or_default)
}

/// The evaluations of `event_ids` that hold a row, by event.
pub async fn of_events(db: &Db, event_ids: &[&str]) -> Result<BTreeMap<String, StoredEvaluation>, sqlx::Error> {
    let mut found = BTreeMap::new();
    for chunk in event_ids.chunks(500) {
        let placeholders = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {COLUMNS} FROM evaluations WHERE event_id IN ({placeholders})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(id.to_string());
        }
        for row in query.fetch_all(&db.pool).await? {
            found.insert(row.try_get::<String, _>("event_id")?, stored(&row)?);
        }
    }
    Ok(found)
}

/// Every part written for `event_id`.
pub async fn parts(db: &Db, event_id: &str) -> Result<Vec<StoredPart>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT participant_id, data, updated_by, updated_at, version FROM evaluation_parts WHERE event_id = $1 \
         ORDER BY participant_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredPart {
                participant_id: row.try_get("participant_id")?,
                part: decode(&row.try_get::<String, _>("data")?)?,
                updated_by: row.try_get("updated_by")?,
                updated_at: Instant(row.try_get("updated_at")?),
                version: row.try_get("version")?,
            })
        })
        .collect()
}

/// Writes the part of `participant_id` if it is still at `based_on` (0: none yet). False when
/// someone wrote it meanwhile (nothing written).
pub async fn save_part(
    db: &Db,
    event_id: &str,
    participant_id: &str,
    part: &EvaluationPart,
    by: &str,
    based_on: i64,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let data = to_json(part)?;
    let done = if based_on == 0 {
        sqlx::query(
            "INSERT INTO evaluation_parts (event_id, participant_id, data, updated_by, version, updated_at) \
             VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (event_id, participant_id) DO NOTHING",
        )
        .bind(event_id)
        .bind(participant_id)
        .bind(&data)
        .bind(by)
        .bind(now.0)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query(
            "UPDATE evaluation_parts SET data = $1, updated_by = $2, version = version + 1, updated_at = $3 \
             WHERE event_id = $4 AND participant_id = $5 AND version = $6",
        )
        .bind(&data)
        .bind(by)
        .bind(now.0)
        .bind(event_id)
        .bind(participant_id)
        .bind(based_on)
        .execute(&mut *tx)
        .await?
    };
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    audit_in(&mut tx, event_id, by, "evaluation.part", None, participant_id, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Applies `change` to the evaluation's row if it is still at `based_on` (0: no row yet; `None`
/// for a change that needs no version: the deadline, the closing). False when it moved
/// meanwhile or, for the closing, when it was already closed.
pub async fn change(
    db: &Db,
    event_id: &str,
    change: Change<'_>,
    by: &str,
    based_on: Option<i64>,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO evaluations (event_id, version, updated_at) VALUES ($1, 0, $2) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    let (set, value): (&str, Option<String>) = match &change {
        Change::OrganiserAssessment(text) => ("organiser_assessment = $1", Some(text.to_string())),
        Change::PrefectureAssessment(text) => ("prefecture_assessment = $1", Some(text.to_string())),
        Change::Deadline(day) => ("deadline = $1", Some(day.format("%Y-%m-%d").to_string())),
        Change::Close => ("closed_by = $1, closed_at = $2", Some(by.to_string())),
    };
    let condition = match based_on {
        Some(version) => format!("AND version = {version}"),
        None => String::new(),
    };
    let sql = format!(
        "UPDATE evaluations SET {set}, version = version + 1, updated_at = $2 WHERE event_id = $3 AND closed_at IS NULL \
         {condition}"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(value).bind(now.0).bind(event_id).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    audit_in(&mut tx, event_id, by, change.audit_kind(), None, event_id, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Records that the reminders of `event_id` were sent (once).
pub async fn mark_reminded(db: &Db, event_id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO evaluations (event_id, version, updated_at) VALUES ($1, 0, $2) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    let done = sqlx::query("UPDATE evaluations SET reminded_at = $1 WHERE event_id = $2 AND reminded_at IS NULL")
        .bind(now.0)
        .bind(event_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The events that ended between `from` and `to` (their window's end), for the reminders.
pub async fn ended_between(db: &Db, from: Instant, to: Instant) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query("SELECT id FROM events WHERE ends_at >= $1 AND ends_at <= $2 ORDER BY ends_at, id")
        .bind(from.0)
        .bind(to.0)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|row| row.try_get::<String, _>("id")).collect()
}
