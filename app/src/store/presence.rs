//! Presence as stored: every check-in and check-out is an entry of the event's audit chain
//! `pointage:{event}` (`domain::presence::presence_chain`), checked by `cordon audit verify`
//! with the rest of the trail and never changed; the personal links (only their hash) and the
//! no-show alerts already raised have tables of their own (migration 0016).

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::conventions::{chain_after, NewEntry};
use super::log::{announce, append_alone};
use super::{new_id, Db};
use crate::domain::convention::AuditEntry;
use crate::domain::presence::{presence_chain, MarkedBy, Movement, PresenceMark};
use crate::domain::time::Span;
use crate::domain::Instant;

/// The kind of every entry of a presence chain.
pub const ENTRY_KIND: &str = "pointage";

/// What the payload holds beside the chain's own fields (number, instant, actor's id).
#[derive(Serialize, Deserialize)]
struct Payload {
    agent_id: String,
    movement: Movement,
    by: MarkedBy,
}

fn mark_of(audit: AuditEntry) -> Result<PresenceMark, sqlx::Error> {
    let payload: Payload = serde_json::from_str(&audit.payload).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(PresenceMark {
        number: audit.seq,
        at: audit.at,
        agent_id: payload.agent_id,
        movement: payload.movement,
        by: payload.by,
    })
}

/// Records `movement` of `agent_id` at `now`, by `actor` (a person's id, or `lien:{link id}`
/// for the agent's own link), and tells the other instances. `None` only when other writers
/// kept taking the chain's next number.
pub async fn mark(
    db: &Db,
    event_id: &str,
    agent_id: &str,
    movement: Movement,
    by: &MarkedBy,
    actor: &str,
    now: Instant,
) -> Result<Option<PresenceMark>, sqlx::Error> {
    let payload = Payload { agent_id: agent_id.to_string(), movement, by: by.clone() };
    let entry = NewEntry {
        chain: presence_chain(event_id),
        at: now,
        actor: actor.to_string(),
        kind: ENTRY_KIND.to_string(),
        payload: serde_json::to_value(&payload).map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
    };
    let Some(written) = append_alone(db, &entry).await? else { return Ok(None) };
    // The same announcement as a log entry's: the other instances' live pages wake up.
    announce(db, event_id).await;
    mark_of(written).map(Some)
}

/// The event's movements after number `after`, in chain order.
pub async fn marks_after(db: &Db, event_id: &str, after: u64) -> Result<Vec<PresenceMark>, sqlx::Error> {
    chain_after(db, &presence_chain(event_id), after).await?.into_iter().map(mark_of).collect()
}

/// A personal link as listed to the agent's chief: never its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceLinkRow {
    pub id: String,
    pub event_id: String,
    pub agent_id: String,
    pub created_by: String,
    pub created_at: Instant,
    pub last_used_at: Option<Instant>,
}

fn link_of(row: &sqlx::any::AnyRow) -> Result<PresenceLinkRow, sqlx::Error> {
    Ok(PresenceLinkRow {
        id: row.try_get("id")?,
        event_id: row.try_get("event_id")?,
        agent_id: row.try_get("agent_id")?,
        created_by: row.try_get("created_by")?,
        created_at: Instant(row.try_get("created_at")?),
        last_used_at: row.try_get::<Option<i64>, _>("last_used_at")?.map(Instant),
    })
}

const LINK_COLUMNS: &str = "id, event_id, agent_id, created_by, created_at, last_used_at";

/// Records a new link of `agent_id` made by `created_by`; returns its id.
pub async fn create_link(
    db: &Db,
    event_id: &str,
    agent_id: &str,
    token_hash: &str,
    created_by: &str,
    now: Instant,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO presence_links (id, event_id, agent_id, token_hash, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(event_id)
    .bind(agent_id)
    .bind(token_hash)
    .bind(created_by)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// The event's links that are not revoked, oldest first.
pub async fn active_links(db: &Db, event_id: &str) -> Result<Vec<PresenceLinkRow>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_COLUMNS} FROM presence_links WHERE event_id = $1 AND revoked_at IS NULL ORDER BY created_at, id"
    )))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(link_of)
    .collect()
}

/// The live link whose token hashes to `token_hash`, recording its use (at most once a
/// minute). A revoked link is unknown.
pub async fn link_by_token(db: &Db, token_hash: &str, now: Instant) -> Result<Option<PresenceLinkRow>, sqlx::Error> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_COLUMNS} FROM presence_links WHERE token_hash = $1 AND revoked_at IS NULL"
    )))
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(link) = row.as_ref().map(link_of).transpose()? else { return Ok(None) };
    if link.last_used_at.is_none_or(|used| used.plus(Span::minutes(1)) <= now) {
        sqlx::query("UPDATE presence_links SET last_used_at = $1 WHERE id = $2")
            .bind(now.0)
            .bind(&link.id)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(link))
}

/// Revokes a live link of `event_id`; false when there is none of that id.
pub async fn revoke_link(db: &Db, event_id: &str, id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE presence_links SET revoked_at = $1 WHERE id = $2 AND event_id = $3 AND revoked_at IS NULL")
            .bind(now.0)
            .bind(id)
            .bind(event_id)
            .execute(&db.pool)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims the no-show alert of `deployment_id`: true for the first caller only, on any
/// instance, so that a shift raises one alert at most.
pub async fn claim_no_show(db: &Db, event_id: &str, deployment_id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO no_show_alerts (event_id, deployment_id, raised_at) VALUES ($1, $2, $3) \
         ON CONFLICT (event_id, deployment_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(deployment_id)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The events that may be under way at `now`: those whose opening and closing are within a
/// week of it (set-up and tear-down included); the caller checks each one's operations.
pub async fn events_near(db: &Db, now: Instant) -> Result<Vec<String>, sqlx::Error> {
    let week = Span::days(7);
    sqlx::query("SELECT id FROM events WHERE starts_at <= $1 AND ends_at >= $2 ORDER BY id")
        .bind(now.plus(week).0)
        .bind(now.minus(week).0)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| row.try_get("id"))
        .collect()
}
