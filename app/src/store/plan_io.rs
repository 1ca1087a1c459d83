//! Whole plans in and out of the store, for the command line and the JSON API: every event
//! (the administrator's list), the checks a plan file must pass against the database, the
//! import of a whole plan in one transaction, and a batch of record writes applied in one
//! transaction, each existing record at the version it was read at.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use super::plans::{audit_in, EventRow, RecordKind};
use super::Db;
use crate::domain::interchange::ImportError;
use crate::domain::plan::{participation_errors, Event, Participant, ParticipantRole, Plan};
use crate::domain::Instant;
use crate::text;

/// What a write does to one plan record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOp {
    Insert,
    /// Replace the record if it is still at this version.
    Update(i64),
    /// Delete the record if it is still at this version.
    Delete(i64),
}

/// One plan record to write, with the columns lists and permissions query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordWrite {
    pub kind: RecordKind,
    pub id: String,
    /// The participant owning an agent or a deployment.
    pub participant_id: Option<String>,
    /// The organisation of a participant, or of the participant owning an agent or deployment.
    pub organisation_id: Option<String>,
    /// The record's JSON as the domain writes it.
    pub data: String,
    pub op: WriteOp,
}

/// The outcome of a batch of writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Done,
    /// Someone changed the plan since it was read: nothing was written.
    Conflict,
}

impl RecordWrite {
    /// A write of `record`, of `kind`, owned by `participant` (agents and deployments).
    pub fn new<T: Serialize>(
        kind: RecordKind,
        id: &str,
        record: &T,
        participant: Option<&Participant>,
        op: WriteOp,
    ) -> Result<Self, sqlx::Error> {
        Ok(RecordWrite {
            kind,
            id: id.to_string(),
            participant_id: participant.filter(|_| kind != RecordKind::Participant).map(|p| p.id().to_string()),
            organisation_id: participant.map(|p| p.organisation_id().to_string()),
            data: serde_json::to_string(record).map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
            op,
        })
    }
}

/// One insert per record of `plan` (the event itself excepted).
pub fn inserts_of(plan: &Plan) -> Result<Vec<RecordWrite>, sqlx::Error> {
    let owner = |id: &str| plan.participant(id);
    let mut writes = Vec::new();
    for z in &plan.zones {
        writes.push(RecordWrite::new(RecordKind::Zone, z.id(), z, None, WriteOp::Insert)?);
    }
    for p in &plan.posts {
        writes.push(RecordWrite::new(RecordKind::Post, p.id(), p, None, WriteOp::Insert)?);
    }
    for p in &plan.participants {
        writes.push(RecordWrite::new(RecordKind::Participant, p.id(), p, Some(p), WriteOp::Insert)?);
    }
    for a in &plan.agents {
        writes.push(RecordWrite::new(RecordKind::Agent, a.id(), a, owner(a.participant_id()), WriteOp::Insert)?);
    }
    for n in &plan.needs {
        writes.push(RecordWrite::new(RecordKind::Need, n.id(), n, None, WriteOp::Insert)?);
    }
    for d in &plan.deployments {
        writes.push(RecordWrite::new(RecordKind::Deployment, d.id(), d, owner(d.participant_id()), WriteOp::Insert)?);
    }
    Ok(writes)
}

/// Every event of the database, soonest first (the administrator's list).
pub async fn all_events(db: &Db) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query("SELECT id, name, department, starts_at, ends_at, data FROM events ORDER BY starts_at, id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(EventRow::from_row)
        .collect()
}

/// The JSON path of every record of a plan file, by id in the domain's spelling: `$.event`,
/// `$.zones[3]`, … A file that `import_plan` accepted always parses here.
pub fn record_paths(bytes: &[u8]) -> BTreeMap<String, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).unwrap_or(Value::Null);
    let normalise =
        |v: &Value| v.get("id").and_then(Value::as_str).and_then(|raw| uuid::Uuid::parse_str(raw.trim()).ok());
    let mut paths = BTreeMap::new();
    if let Some(id) = root.get("event").and_then(normalise) {
        paths.insert(id.hyphenated().to_string(), "$.event".to_string());
    }
    for section in ["zones", "posts", "participants", "agents", "needs", "deployments"] {
        let items = root.get(section).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        for (i, record) in items.iter().enumerate() {
            if let Some(id) = normalise(record) {
                paths.insert(id.hyphenated().to_string(), format!("$.{section}[{i}]"));
            }
        }
    }
    paths
}

/// The participant whose organisation organises the plan's event: the first (by id) whose
/// role is `organisateur`.
pub fn organiser_of(plan: &Plan) -> Option<&Participant> {
    plan.participants.iter().filter(|p| p.role() == ParticipantRole::Organisateur).min_by(|a, b| a.id().cmp(b.id()))
}

/// The ids among `ids` already used by an event or by a record of an event, other than
/// `except_event` and its records (ids are unique across the whole database).
pub async fn ids_taken(db: &Db, ids: &[&str], except_event: Option<&str>) -> Result<Vec<String>, sqlx::Error> {
    let mut taken = existing(db, "SELECT id FROM events WHERE", except_event.map(|e| ("id", e)), ids).await?;
    taken.extend(existing(db, "SELECT id FROM plan_records WHERE", except_event.map(|e| ("event_id", e)), ids).await?);
    Ok(ids.iter().filter(|id| taken.contains(**id)).map(|id| id.to_string()).collect())
}

/// The values of column `id` of `select_where … id IN (ids)` (and `column <> value` when
/// `except` is given), queried in chunks.
async fn existing(
    db: &Db,
    select_where: &'static str,
    except: Option<(&'static str, &str)>,
    ids: &[&str],
) -> Result<BTreeSet<String>, sqlx::Error> {
    let mut found = BTreeSet::new();
    let first = if except.is_some() { 2 } else { 1 };
    for chunk in ids.chunks(500) {
        let placeholders = (first..first + chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let condition = except.map(|(column, _)| format!("{column} <> $1 AND ")).unwrap_or_default();
        let sql = format!("{select_where} {condition}id IN ({placeholders})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        if let Some((_, value)) = except {
            query = query.bind(value.to_string());
        }
        for id in chunk {
            query = query.bind(id.to_string());
        }
        for row in query.fetch_all(&db.pool).await? {
            found.insert(row.try_get::<String, _>("id")?);
        }
    }
    Ok(found)
}

/// What keeps a valid plan file out of this database: an event of the same id, a record id
/// used elsewhere, an organisation the database lacks, no organiser. Each error carries the
/// JSON path of the value at fault (`paths` from [`record_paths`]).
///
/// With `fresh_ids` (the plan is to be written under new ids: a copy), the ids are not checked.
pub async fn import_problems(
    db: &Db,
    plan: &Plan,
    paths: &BTreeMap<String, String>,
    fresh_ids: bool,
) -> Result<Vec<ImportError>, sqlx::Error> {
    let path_of = |id: &str| paths.get(id).cloned().unwrap_or_else(|| "$".into());
    let error = |path: String, message: &str| ImportError { path, message: message.to_string() };
    let mut errors = Vec::new();
    let event_id = plan.event.id();
    let mut all_ids = vec![event_id];
    all_ids.extend(record_ids(plan));
    let taken = if fresh_ids { Vec::new() } else { ids_taken(db, &all_ids, None).await? };
    for id in taken {
        let message = if id == event_id { text::IMPORT_EVENT_EXISTS } else { text::IMPORT_ID_TAKEN };
        errors.push(error(format!("{}.id", path_of(&id)), message));
    }
    match organiser_of(plan) {
        None => errors.push(error("$.participants".into(), text::IMPORT_NO_ORGANISER)),
        Some(organiser) => {
            let organiser = organiser.organisation_id().to_string();
            errors.extend(participant_errors(db, &plan.participants, &[], &organiser, paths).await?);
        }
    }
    Ok(errors)
}

/// An error at `$.participants[i].organisation_id` (or `.role`) for each of `participants`
/// that may not stand in the event organised by `organiser_organisation_id`: an organisation
/// the database lacks, a role its kind does not allow, an organisation taking part twice, a
/// participant moved to another organisation than in `before` (the domain's one rule:
/// [`participation_errors`]).
pub async fn participant_errors(
    db: &Db,
    participants: &[Participant],
    before: &[Participant],
    organiser_organisation_id: &str,
    paths: &BTreeMap<String, String>,
) -> Result<Vec<ImportError>, sqlx::Error> {
    let organisations: Vec<&str> = participants.iter().map(|p| p.organisation_id()).collect();
    let kinds = super::organisations::kinds_of(db, &organisations).await?;
    Ok(participation_errors(participants, before, &kinds, organiser_organisation_id)
        .into_iter()
        .map(|(p, error)| ImportError {
            path: format!("{}.{}", paths.get(p.id()).map_or("$.participants", String::as_str), error.field()),
            message: error.message(),
        })
        .collect())
}

/// The ids of every record of `plan` (the event's excepted).
fn record_ids(plan: &Plan) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(plan.zones.iter().map(|r| r.id()));
    ids.extend(plan.posts.iter().map(|r| r.id()));
    ids.extend(plan.participants.iter().map(|r| r.id()));
    ids.extend(plan.agents.iter().map(|r| r.id()));
    ids.extend(plan.needs.iter().map(|r| r.id()));
    ids.extend(plan.deployments.iter().map(|r| r.id()));
    ids
}

/// Creates the event of `plan` and every one of its records, in one transaction: all of it
/// or, on any failure, none of it. Every record starts at version 1. `copied_from` is the
/// event it is the next edition of, which the audit trail records; its deployments are then
/// to confirm (see [`super::plans::StoredPlan::to_publish`]).
pub async fn import_plan_records(
    db: &Db,
    actor: &str,
    plan: &Plan,
    organiser_organisation_id: &str,
    copied_from: Option<&str>,
    now: Instant,
) -> Result<(), sqlx::Error> {
    let writes = inserts_of(plan)?;
    let event = &plan.event;
    let mut tx = db.pool.begin().await?;
    super::plans::insert_event_in(&mut tx, event, organiser_organisation_id, now).await?;
    for write in &writes {
        write_in(&mut tx, event.id(), write, now).await?;
    }
    match copied_from {
        None => audit_in(&mut tx, event.id(), actor, "event.import", None, event.id(), now).await?,
        Some(source) => {
            sqlx::query("UPDATE events SET copied_from = $1 WHERE id = $2")
                .bind(source)
                .bind(event.id())
                .execute(&mut *tx)
                .await?;
            // Last edition's deployments: a draft each participant confirms.
            sqlx::query("UPDATE plan_records SET to_confirm = 1 WHERE event_id = $1 AND kind = $2")
                .bind(event.id())
                .bind(RecordKind::Deployment.code())
                .execute(&mut *tx)
                .await?;
            audit_in(&mut tx, event.id(), actor, "event.copy", None, source, now).await?
        }
    }
    tx.commit().await
}

/// The name of the event `event_id` was made from as its next edition, if any.
pub async fn edition_source(db: &Db, event_id: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT s.name FROM events e JOIN events s ON s.id = e.copied_from WHERE e.id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| row.try_get::<String, _>("name")).transpose()
}

/// Applies `writes` (and the event's new values, at the version they were read at) in one
/// transaction. If any record or the event changed since it was read, nothing is written.
pub async fn apply_writes(
    db: &Db,
    actor: &str,
    event_id: &str,
    event: Option<(&Event, i64)>,
    writes: &[RecordWrite],
    now: Instant,
) -> Result<Applied, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if let Some((event, version)) = event {
        let done = sqlx::query(
            "UPDATE events SET name = $1, department = $2, starts_at = $3, ends_at = $4, data = $5, \
             version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8",
        )
        .bind(event.name())
        .bind(event.department().as_str())
        .bind(event.window().start().0)
        .bind(event.window().end().0)
        .bind(super::plans::to_json(event)?)
        .bind(now.0)
        .bind(event_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(Applied::Conflict);
        }
        audit_in(&mut tx, event_id, actor, "event.update", None, event_id, now).await?;
    } else if !writes.is_empty() {
        // First, so that the event's row queues the concurrent writes of this plan.
        sqlx::query("UPDATE events SET updated_at = $1 WHERE id = $2")
            .bind(now.0)
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
    }
    for write in writes {
        match write_in(&mut tx, event_id, write, now).await {
            Ok(true) => {
                let op = match write.op {
                    WriteOp::Insert => "insert",
                    WriteOp::Update(_) => "update",
                    WriteOp::Delete(_) => "delete",
                };
                audit_in(&mut tx, event_id, actor, op, Some(write.kind), &write.id, now).await?;
            }
            Ok(false) => {
                tx.rollback().await?;
                return Ok(Applied::Conflict);
            }
            Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
                tx.rollback().await?;
                return Ok(Applied::Conflict);
            }
            Err(e) => return Err(e),
        }
    }
    tx.commit().await?;
    let removed = writes.iter().filter(|w| matches!(w.op, WriteOp::Delete(_))).map(|w| w.kind);
    super::plans::announce_if_access_changed(db, removed).await;
    Ok(Applied::Done)
}

/// One write inside a transaction; false when the record was not at the expected version.
async fn write_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    write: &RecordWrite,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let done =
        match write.op {
            WriteOp::Insert => {
                sqlx::query(
                    "INSERT INTO plan_records (id, event_id, kind, participant_id, organisation_id, data, version, \
                 updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
                )
                .bind(&write.id)
                .bind(event_id)
                .bind(write.kind.code())
                .bind(write.participant_id.clone())
                .bind(write.organisation_id.clone())
                .bind(&write.data)
                .bind(now.0)
                .execute(&mut **tx)
                .await?
            }
            WriteOp::Update(version) => sqlx::query(
                "UPDATE plan_records SET participant_id = $1, organisation_id = $2, data = $3, version = version + 1, \
                 updated_at = $4, to_confirm = 0 WHERE id = $5 AND event_id = $6 AND kind = $7 AND version = $8",
            )
            .bind(write.participant_id.clone())
            .bind(write.organisation_id.clone())
            .bind(&write.data)
            .bind(now.0)
            .bind(&write.id)
            .bind(event_id)
            .bind(write.kind.code())
            .bind(version)
            .execute(&mut **tx)
            .await?,
            WriteOp::Delete(version) => {
                sqlx::query("DELETE FROM plan_records WHERE id = $1 AND event_id = $2 AND kind = $3 AND version = $4")
                    .bind(&write.id)
                    .bind(event_id)
                    .bind(write.kind.code())
                    .bind(version)
                    .execute(&mut **tx)
                    .await?
            }
        };
    Ok(done.rows_affected() == 1)
}
