//! Event plans. An event row keeps what lists and permissions query (organiser, department,
//! dates); each plan record is one row holding the record's JSON, validated again by the
//! domain when read. Every save carries the version it was based on: a stale save is refused.

use std::collections::{BTreeMap, BTreeSet};

use serde::{de::DeserializeOwned, Serialize};
use sqlx::Row;

use super::Db;
use crate::domain::plan::{Agent, Deployment, Event, Need, Participant, Plan, Post, Viewer, Zone};
use crate::domain::Instant;

/// The kinds of plan records, as stored in `plan_records.kind`: the domain's one list.
pub use crate::domain::plan::RecordKind;

/// A plan as stored: the plan, who organises it, and the version of every record.
#[derive(Debug, Clone)]
pub struct StoredPlan {
    pub plan: Plan,
    pub organiser_organisation_id: String,
    pub event_version: i64,
    pub versions: BTreeMap<String, i64>,
    /// The deployments a next edition took from the last one that their participant has not
    /// confirmed (nor changed) yet.
    pub to_confirm: BTreeSet<String>,
    /// What the plan was read at (the records' revision, the event row): [`memo`]'s key.
    pub stamp: PlanStamp,
}

/// What identifies the content of a plan as read: the revision of its records (the database
/// bumps it on every write of one: migration 0018) and a digest of the event row's data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanStamp {
    revision: i64,
    event: u64,
}

/// `compute`'s answer about `stored` under `key`, worked out once per revision of the plan on
/// this instance and kept with its records: for what depends only on the plan and on what
/// `key` spells out in full (the rules' findings, the changes to publish). `key` must hold
/// every other input of `compute`.
pub fn memo<T: Clone + Send + Sync + 'static>(
    db: &Db,
    stored: &StoredPlan,
    key: &str,
    compute: impl FnOnce() -> T,
) -> T {
    let key = format!("{}|{key}", stored.stamp.event);
    let event_id = stored.plan.event.id();
    if let Some(found) = db.plans.memo_of(event_id, stored.stamp.revision, &key) {
        if let Ok(found) = found.downcast::<T>() {
            return (*found).clone();
        }
    }
    let answer = compute();
    db.plans.keep_memo(event_id, stored.stamp.revision, key, std::sync::Arc::new(answer.clone()));
    answer
}

impl StoredPlan {
    /// The plan as a release publishes it: without the deployments still to confirm (last
    /// year's, which nobody has checked, never reach a calendar). The one place the page's
    /// pending changes, the publication and the command line read it from.
    pub fn to_publish(&self) -> Plan {
        let mut plan = self.plan.clone();
        plan.deployments.retain(|d| !self.to_confirm.contains(d.id()));
        plan
    }
}

/// The outcome of a save based on a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved; the record's new version.
    Done(i64),
    /// Someone saved first: the stored JSON and version, to show the newer values.
    Stale { data: String, version: i64 },
    /// The record does not exist (any more).
    Missing,
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

fn from_json<T: DeserializeOwned>(data: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(data).map_err(|e| sqlx::Error::Decode(format!("stored plan record: {e}").into()))
}

/// Creates an event with its organiser as first participant, with its audit entry.
pub async fn create_event(
    db: &Db,
    actor: &str,
    event: &Event,
    organiser_organisation_id: &str,
    organiser: &Participant,
    now: Instant,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    insert_event_in(&mut tx, event, organiser_organisation_id, now).await?;
    insert_record_in(
        &mut tx,
        event.id(),
        RecordKind::Participant,
        organiser.id(),
        None,
        Some(organiser.organisation_id()),
        &to_json(organiser)?,
        now,
    )
    .await?;
    audit_in(&mut tx, event.id(), actor, "event.create", None, event.id(), now).await?;
    tx.commit().await
}

/// Inserts an event's row (version 1) inside a transaction: for a new event and for an import.
pub(crate) async fn insert_event_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event: &Event,
    organiser_organisation_id: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO events (id, organiser_organisation_id, name, department, starts_at, ends_at, data, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)",
    )
    .bind(event.id())
    .bind(organiser_organisation_id)
    .bind(event.name())
    .bind(event.department().as_str())
    .bind(event.window().start().0)
    .bind(event.window().end().0)
    .bind(to_json(event)?)
    .bind(now.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert_record_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    participant_id: Option<&str>,
    organisation_id: Option<&str>,
    data: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plan_records (id, event_id, kind, participant_id, organisation_id, data, version, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
    )
    .bind(id)
    .bind(event_id)
    .bind(kind.code())
    .bind(participant_id.map(str::to_string))
    .bind(organisation_id.map(str::to_string))
    .bind(data)
    .bind(now.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Adds a record to an event's plan (version 1), with its audit entry.
#[allow(clippy::too_many_arguments)]
pub async fn insert_record<T: Serialize>(
    db: &Db,
    actor: &str,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    participant_id: Option<&str>,
    organisation_id: Option<&str>,
    record: &T,
    now: Instant,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    touch_event(&mut tx, event_id, now).await?;
    insert_record_in(&mut tx, event_id, kind, id, participant_id, organisation_id, &to_json(record)?, now).await?;
    audit_in(&mut tx, event_id, actor, "insert", Some(kind), id, now).await?;
    tx.commit().await
}

/// Marks the event changed. Every write of a plan does this first: on PostgreSQL the row's lock
/// queues the concurrent writes of one plan, so that their audit entries follow one another.
async fn touch_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE events SET updated_at = $1 WHERE id = $2")
        .bind(now.0)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The audit chain of an event's plan: one entry per write, written in the write's
/// transaction (`cordon audit verify` checks it with the others).
pub fn plan_chain(event_id: &str) -> String {
    format!("plan:{event_id}")
}

/// Appends the audit entry of a write (`op`: insert, update, delete, or `event.…`) of the
/// record `id` of `kind`, by `actor` (an account id, or the command line). It names the record,
/// never its content: the trail carries no personal data.
pub(crate) async fn audit_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    actor: &str,
    op: &str,
    kind: Option<RecordKind>,
    id: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    let entry = super::conventions::NewEntry {
        chain: plan_chain(event_id),
        at: now,
        actor: actor.to_string(),
        kind: match kind {
            Some(kind) => format!("plan.{op}.{}", kind.code()),
            None => format!("plan.{op}"),
        },
        payload: serde_json::json!({ "id": id }),
    };
    match super::conventions::append_in(tx, &entry).await? {
        Some(_) => Ok(()),
        None => Err(sqlx::Error::Protocol("the plan's audit chain moved during the write".into())),
    }
}

/// Replaces a record inside `tx` if it is still at `expected_version`; whether it was.
async fn update_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    expected_version: i64,
    data: &str,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE plan_records SET data = $1, version = version + 1, updated_at = $2, to_confirm = 0 \
         WHERE id = $3 AND event_id = $4 AND version = $5 AND kind = $6",
    )
    .bind(data)
    .bind(now.0)
    .bind(id)
    .bind(event_id)
    .bind(expected_version)
    .bind(kind.code())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a record inside `tx` if it is still at `expected_version`; whether it was.
async fn delete_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    expected_version: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM plan_records WHERE id = $1 AND event_id = $2 AND version = $3 AND kind = $4")
        .bind(id)
        .bind(event_id)
        .bind(expected_version)
        .bind(kind.code())
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Why a versioned change did not apply: the record's newer state, or its absence. Ends `tx`.
async fn stale_or_missing(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    event_id: &str,
    kind: RecordKind,
    id: &str,
) -> Result<Saved, sqlx::Error> {
    let current = sqlx::query("SELECT data, version FROM plan_records WHERE id = $1 AND event_id = $2 AND kind = $3")
        .bind(id)
        .bind(event_id)
        .bind(kind.code())
        .fetch_optional(&mut *tx)
        .await?;
    tx.rollback().await?;
    Ok(match current {
        Some(row) => Saved::Stale { data: row.try_get("data")?, version: row.try_get("version")? },
        None => Saved::Missing,
    })
}

/// Replaces a record of `kind` if it is still at `expected_version` (a record of another kind
/// with that id reads as missing: a write always names what it touches).
#[allow(clippy::too_many_arguments)]
pub async fn update_record<T: Serialize>(
    db: &Db,
    actor: &str,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    expected_version: i64,
    record: &T,
    now: Instant,
) -> Result<Saved, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    touch_event(&mut tx, event_id, now).await?;
    if update_in(&mut tx, event_id, kind, id, expected_version, &to_json(record)?, now).await? {
        audit_in(&mut tx, event_id, actor, "update", Some(kind), id, now).await?;
        tx.commit().await?;
        return Ok(Saved::Done(expected_version + 1));
    }
    stale_or_missing(tx, event_id, kind, id).await
}

/// Removes a record of `kind` if it is still at `expected_version` (`Saved::Done(0)` when removed).
pub async fn delete_record(
    db: &Db,
    actor: &str,
    event_id: &str,
    kind: RecordKind,
    id: &str,
    expected_version: i64,
    now: Instant,
) -> Result<Saved, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    touch_event(&mut tx, event_id, now).await?;
    if delete_in(&mut tx, event_id, kind, id, expected_version).await? {
        audit_in(&mut tx, event_id, actor, "delete", Some(kind), id, now).await?;
        tx.commit().await?;
        announce_if_access_changed(db, [kind]).await;
        return Ok(Saved::Done(0));
    }
    stale_or_missing(tx, event_id, kind, id).await
}

/// A new record of a batch.
#[derive(Debug)]
pub struct NewRecord {
    pub kind: RecordKind,
    pub id: String,
    pub participant_id: Option<String>,
    pub organisation_id: Option<String>,
    pub data: String,
}

/// Records changed together, all or nothing: new records, records replaced at their
/// version, records removed at their version.
#[derive(Debug, Default)]
pub struct Batch {
    pub insert: Vec<NewRecord>,
    /// (kind, id, expected version, JSON)
    pub update: Vec<(RecordKind, String, i64, String)>,
    /// (kind, id, expected version)
    pub delete: Vec<(RecordKind, String, i64)>,
}

/// Applies a batch in one transaction; `false` (and nothing changed) when a record is no
/// longer at the version the batch was built on.
pub async fn apply_batch(
    db: &Db,
    actor: &str,
    event_id: &str,
    batch: &Batch,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    touch_event(&mut tx, event_id, now).await?;
    for (kind, id, version, data) in &batch.update {
        if !update_in(&mut tx, event_id, *kind, id, *version, data, now).await? {
            tx.rollback().await?;
            return Ok(false);
        }
        audit_in(&mut tx, event_id, actor, "update", Some(*kind), id, now).await?;
    }
    for (kind, id, version) in &batch.delete {
        if !delete_in(&mut tx, event_id, *kind, id, *version).await? {
            tx.rollback().await?;
            return Ok(false);
        }
        audit_in(&mut tx, event_id, actor, "delete", Some(*kind), id, now).await?;
    }
    for r in &batch.insert {
        let (participant, organisation) = (r.participant_id.as_deref(), r.organisation_id.as_deref());
        insert_record_in(&mut tx, event_id, r.kind, &r.id, participant, organisation, &r.data, now).await?;
        audit_in(&mut tx, event_id, actor, "insert", Some(r.kind), &r.id, now).await?;
    }
    tx.commit().await?;
    announce_if_access_changed(db, batch.delete.iter().map(|(kind, _, _)| *kind)).await;
    Ok(true)
}

/// A participant removed from an event takes its organisation's members' access with it:
/// announced (here and to every other instance), so that their calendar links and live
/// streams are checked again at once.
pub(super) async fn announce_if_access_changed(db: &Db, removed: impl IntoIterator<Item = RecordKind>) {
    if removed.into_iter().any(|kind| kind == RecordKind::Participant) {
        super::releases::announce(db).await;
    }
}

/// Replaces the event itself if it is still at `expected_version`, with its audit entry.
pub async fn update_event(
    db: &Db,
    actor: &str,
    event: &Event,
    expected_version: i64,
    now: Instant,
) -> Result<Saved, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE events SET name = $1, department = $2, starts_at = $3, ends_at = $4, data = $5, version = version + 1, \
         updated_at = $6 WHERE id = $7 AND version = $8",
    )
    .bind(event.name())
    .bind(event.department().as_str())
    .bind(event.window().start().0)
    .bind(event.window().end().0)
    .bind(to_json(event)?)
    .bind(now.0)
    .bind(event.id())
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        audit_in(&mut tx, event.id(), actor, "event.update", None, event.id(), now).await?;
        tx.commit().await?;
        return Ok(Saved::Done(expected_version + 1));
    }
    let current =
        sqlx::query("SELECT data, version FROM events WHERE id = $1").bind(event.id()).fetch_optional(&mut *tx).await?;
    tx.rollback().await?;
    Ok(match current {
        Some(row) => Saved::Stale { data: row.try_get("data")?, version: row.try_get("version")? },
        None => Saved::Missing,
    })
}

/// Loads a whole plan, every list ordered by id.
///
/// The records are decoded again only when the plan's revision moved (the database bumps it on
/// every write of a record: migration 0018): otherwise they are this instance's last decoding
/// of that revision. The event row is always read.
pub async fn load_plan(db: &Db, event_id: &str) -> Result<Option<StoredPlan>, sqlx::Error> {
    let Some(event_row) = event_row(db, event_id).await? else {
        return Ok(None);
    };
    let event_data: String = event_row.try_get("data")?;
    let event: Event = from_json(&event_data)?;
    let revision: i64 = event_row.try_get("revision")?;
    let stamp = PlanStamp { revision, event: digest(&event_data) };
    let records = match db.plans.get(event_id, revision) {
        Some(records) => records,
        None => {
            let records = std::sync::Arc::new(load_records(db, event_id).await?);
            // Kept only if no write came between the two reads of the revision: then the
            // records are those of that revision.
            if let Some(row) = event_row_again(db, event_id).await? {
                if row.try_get::<i64, _>("revision")? == revision {
                    db.plans.keep(event_id, revision, records.clone());
                }
            }
            records
        }
    };
    let Records { zones, posts, participants, agents, needs, deployments, versions, to_confirm } = (*records).clone();
    Ok(Some(StoredPlan {
        plan: Plan { event, zones, posts, participants, agents, needs, deployments },
        organiser_organisation_id: event_row.try_get("organiser_organisation_id")?,
        event_version: event_row.try_get("version")?,
        versions,
        to_confirm,
        stamp,
    }))
}

/// A digest of a stored text (memos are per instance: it only has to be stable in one).
fn digest(data: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    hasher.finish()
}

async fn event_row(db: &Db, event_id: &str) -> Result<Option<sqlx::any::AnyRow>, sqlx::Error> {
    sqlx::query("SELECT organiser_organisation_id, data, version, revision FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await
}

async fn event_row_again(db: &Db, event_id: &str) -> Result<Option<sqlx::any::AnyRow>, sqlx::Error> {
    sqlx::query("SELECT revision FROM events WHERE id = $1").bind(event_id).fetch_optional(&db.pool).await
}

/// A plan's records as decoded, with their versions.
#[derive(Debug, Clone, Default)]
pub(crate) struct Records {
    zones: Vec<Zone>,
    posts: Vec<Post>,
    participants: Vec<Participant>,
    agents: Vec<Agent>,
    needs: Vec<Need>,
    deployments: Vec<Deployment>,
    versions: BTreeMap<String, i64>,
    to_confirm: BTreeSet<String>,
}

async fn load_records(db: &Db, event_id: &str) -> Result<Records, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, kind, data, version, to_confirm FROM plan_records WHERE event_id = $1 ORDER BY id")
            .bind(event_id)
            .fetch_all(&db.pool)
            .await?;
    let mut records = Records::default();
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let data: String = row.try_get("data")?;
        let id: String = row.try_get("id")?;
        if row.try_get::<i64, _>("to_confirm")? != 0 {
            records.to_confirm.insert(id.clone());
        }
        records.versions.insert(id, row.try_get::<i64, _>("version")?);
        match kind.as_str() {
            "zone" => records.zones.push(from_json::<Zone>(&data)?),
            "post" => records.posts.push(from_json::<Post>(&data)?),
            "participant" => records.participants.push(from_json::<Participant>(&data)?),
            "agent" => records.agents.push(from_json::<Agent>(&data)?),
            "need" => records.needs.push(from_json::<Need>(&data)?),
            "deployment" => records.deployments.push(from_json::<Deployment>(&data)?),
            other => return Err(sqlx::Error::Decode(format!("unknown plan record kind {other}").into())),
        }
    }
    Ok(records)
}

/// The plans this instance decoded last, each with the revision it was read at (a handful of
/// events are open at a time; the least recently read goes first past [`PlanCache::KEPT`]).
#[derive(Default)]
pub(crate) struct PlanCache {
    entries: std::sync::Mutex<Vec<Kept>>,
}

/// One plan kept: its event, revision, records, and what was worked out of them ([`memo`]).
struct Kept {
    event_id: String,
    revision: i64,
    records: std::sync::Arc<Records>,
    memos: Vec<(String, std::sync::Arc<dyn std::any::Any + Send + Sync>)>,
}

impl std::fmt::Debug for PlanCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.entries.lock().map(|e| e.len()).unwrap_or_default();
        f.debug_struct("PlanCache").field("kept", &kept).finish()
    }
}

impl PlanCache {
    const KEPT: usize = 16;

    /// The records of `event_id` at `revision`, if this instance decoded them; the most
    /// recently read first.
    /// A memo holds at most this many answers per plan (one per rule set and context, per
    /// reader of the changes to publish): the oldest goes first.
    const MEMOS: usize = 32;

    fn get(&self, event_id: &str, revision: i64) -> Option<std::sync::Arc<Records>> {
        let mut entries = self.entries.lock().ok()?;
        let at = entries.iter().position(|k| k.event_id == event_id && k.revision == revision)?;
        let entry = entries.remove(at);
        let records = entry.records.clone();
        entries.insert(0, entry);
        Some(records)
    }

    fn keep(&self, event_id: &str, revision: i64, records: std::sync::Arc<Records>) {
        let Ok(mut entries) = self.entries.lock() else { return };
        entries.retain(|k| k.event_id != event_id);
        entries.insert(0, Kept { event_id: event_id.to_string(), revision, records, memos: Vec::new() });
        entries.truncate(Self::KEPT);
    }

    fn memo_of(
        &self,
        event_id: &str,
        revision: i64,
        key: &str,
    ) -> Option<std::sync::Arc<dyn std::any::Any + Send + Sync>> {
        let entries = self.entries.lock().ok()?;
        let kept = entries.iter().find(|k| k.event_id == event_id && k.revision == revision)?;
        kept.memos.iter().find(|(k, _)| k == key).map(|(_, answer)| answer.clone())
    }

    /// Keeps `answer` with the plan's records if they are still those of `revision` here.
    fn keep_memo(
        &self,
        event_id: &str,
        revision: i64,
        key: String,
        answer: std::sync::Arc<dyn std::any::Any + Send + Sync>,
    ) {
        let Ok(mut entries) = self.entries.lock() else { return };
        let Some(kept) = entries.iter_mut().find(|k| k.event_id == event_id && k.revision == revision) else { return };
        kept.memos.retain(|(k, _)| *k != key);
        kept.memos.insert(0, (key, answer));
        kept.memos.truncate(Self::MEMOS);
    }
}

/// An event as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: String,
    pub name: String,
    pub department: String,
    pub starts_at: Instant,
    pub ends_at: Instant,
    pub data: String,
}

impl EventRow {
    /// Reads the columns `id, name, department, starts_at, ends_at, data` of `events`.
    pub fn from_row(row: &sqlx::any::AnyRow) -> Result<EventRow, sqlx::Error> {
        Ok(EventRow {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            department: row.try_get("department")?,
            starts_at: Instant(row.try_get("starts_at")?),
            ends_at: Instant(row.try_get("ends_at")?),
            data: row.try_get("data")?,
        })
    }
}

/// Events the viewer may see: those its organisations organise or take part in, and for a
/// prefecture those of its departments; soonest first.
pub async fn list_events(db: &Db, viewer: &Viewer) -> Result<Vec<EventRow>, sqlx::Error> {
    let orgs = viewer.organisation_ids.len();
    let depts = viewer.prefecture_departments.len();
    if orgs + depts == 0 {
        return Ok(Vec::new());
    }
    let placeholders = |from: usize, n: usize| (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let mut conditions = Vec::new();
    if orgs > 0 {
        let list = placeholders(1, orgs);
        conditions.push(format!("e.organiser_organisation_id IN ({list})"));
        conditions.push(format!(
            "e.id IN (SELECT r.event_id FROM plan_records r WHERE r.kind = 'participant' AND r.organisation_id IN ({list}))"
        ));
    }
    if depts > 0 {
        conditions.push(format!("e.department IN ({})", placeholders(orgs + 1, depts)));
    }
    let sql = format!(
        "SELECT e.id, e.name, e.department, e.starts_at, e.ends_at, e.data FROM events e WHERE {} ORDER BY e.starts_at, e.id",
        conditions.join(" OR ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in viewer.organisation_ids.iter().chain(viewer.prefecture_departments.iter()) {
        query = query.bind(value.clone());
    }
    query.fetch_all(&db.pool).await?.iter().map(EventRow::from_row).collect()
}

/// The organisations and prefecture departments of a user.
pub async fn viewer_of(db: &Db, user_id: &str) -> Result<Viewer, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.kind, o.department FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 ORDER BY o.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let mut organisations = Vec::new();
    for row in rows {
        let code: String = row.try_get("kind")?;
        let kind = crate::domain::OrganisationKind::from_code(&code)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown organisation kind {code}").into()))?;
        organisations.push((row.try_get("id")?, kind, row.try_get::<Option<String>, _>("department")?));
    }
    Ok(Viewer::from_organisations(organisations))
}

/// Decodes a stored record (for the newer values of a stale save).
pub fn decode<T: DeserializeOwned>(data: &str) -> Result<T, sqlx::Error> {
    from_json(data)
}
