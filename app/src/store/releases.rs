//! Published releases of an event's plan, and the calendar feed tokens that read them. A
//! release row is written once and never changed; numbers follow each other per event (the
//! primary key refuses a second v3 published at the same moment by someone else).

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::Row;

use super::{new_id, Db};
use crate::domain::release::Release;
use crate::domain::Instant;

/// A release as listed: its number, comment, date and author, without the frozen plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRow {
    pub number: u32,
    pub comment: String,
    pub published_at: Instant,
    pub published_by: String,
}

/// Grows on every publication and revocation made by this process and, on PostgreSQL, each
/// time the server hears that another instance (or the command line) made one: feed lookups
/// remembered under an older value are read again from the database.
static FEED_EPOCH: AtomicU64 = AtomicU64::new(0);

/// The PostgreSQL channel on which publications and revocations are announced.
pub const FEED_CHANNEL: &str = "cordon_feeds";

/// The current feed epoch.
pub fn feed_epoch() -> u64 {
    FEED_EPOCH.load(Ordering::Acquire)
}

/// Marks every remembered feed lookup of this process as stale.
pub fn feeds_changed() {
    FEED_EPOCH.fetch_add(1, Ordering::AcqRel);
}

/// Says that a feed changed: here at once, and to every other instance on PostgreSQL.
pub async fn announce(db: &Db) {
    feeds_changed();
    if db.backend == super::Backend::Postgres {
        if let Err(e) = sqlx::query("SELECT pg_notify($1, '')").bind(FEED_CHANNEL).execute(&db.pool).await {
            tracing::error!(error = %e, "feed change could not be announced to the other instances");
        }
    }
}

/// Records `release` of `event_id`. False when that number already exists (someone published
/// meanwhile): nothing is written.
pub async fn insert(db: &Db, event_id: &str, release: &Release, published_by: &str) -> Result<bool, sqlx::Error> {
    let data = super::plans::to_json(release)?;
    let done = sqlx::query(
        "INSERT INTO releases (event_id, number, comment, published_at, published_by, data) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event_id)
    .bind(i64::from(release.number().get()))
    .bind(release.comment())
    .bind(release.published_at().0)
    .bind(published_by)
    .bind(data)
    .execute(&db.pool)
    .await;
    match done {
        Ok(_) => {
            announce(db).await;
            Ok(true)
        }
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The latest release of `event_id`, if any was published.
pub async fn latest(db: &Db, event_id: &str) -> Result<Option<Release>, sqlx::Error> {
    let row = sqlx::query("SELECT data FROM releases WHERE event_id = $1 ORDER BY number DESC LIMIT 1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| super::plans::decode(&r.try_get::<String, _>("data")?)).transpose()
}

/// The number of the latest release of `event_id`, without reading it.
pub async fn latest_number(db: &Db, event_id: &str) -> Result<Option<u32>, sqlx::Error> {
    let row = sqlx::query("SELECT MAX(number) AS number FROM releases WHERE event_id = $1")
        .bind(event_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<Option<i64>, _>("number")?.and_then(|n| u32::try_from(n).ok()))
}

/// One release of `event_id` by number.
pub async fn get(db: &Db, event_id: &str, number: u32) -> Result<Option<Release>, sqlx::Error> {
    let row = sqlx::query("SELECT data FROM releases WHERE event_id = $1 AND number = $2")
        .bind(event_id)
        .bind(i64::from(number))
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| super::plans::decode(&r.try_get::<String, _>("data")?)).transpose()
}

/// Every release of `event_id`, newest first.
pub async fn list(db: &Db, event_id: &str) -> Result<Vec<ReleaseRow>, sqlx::Error> {
    sqlx::query(
        "SELECT number, comment, published_at, published_by FROM releases WHERE event_id = $1 ORDER BY number DESC",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(|row| {
        Ok(ReleaseRow {
            number: u32::try_from(row.try_get::<i64, _>("number")?).unwrap_or(0),
            comment: row.try_get("comment")?,
            published_at: Instant(row.try_get("published_at")?),
            published_by: row.try_get("published_by")?,
        })
    })
    .collect()
}

/// What a feed token reads: `scope_kind` is `participant`, `agent`, `zone` or `event`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedTokenRow {
    pub id: String,
    pub event_id: String,
    pub scope_kind: String,
    pub scope_id: String,
    pub label: String,
    /// Whether the feed may show restricted deployments (created by a State force or the
    /// prefecture).
    pub restricted: bool,
    pub created_by: String,
    pub created_at: Instant,
    pub last_used_at: Option<Instant>,
}

const TOKEN_COLUMNS: &str =
    "id, event_id, scope_kind, scope_id, label, restricted, created_by, created_at, last_used_at";

fn token_row(row: &sqlx::any::AnyRow) -> Result<FeedTokenRow, sqlx::Error> {
    Ok(FeedTokenRow {
        id: row.try_get("id")?,
        event_id: row.try_get("event_id")?,
        scope_kind: row.try_get("scope_kind")?,
        scope_id: row.try_get("scope_id")?,
        label: row.try_get("label")?,
        restricted: row.try_get::<i64, _>("restricted")? != 0,
        created_by: row.try_get("created_by")?,
        created_at: Instant(row.try_get("created_at")?),
        last_used_at: row.try_get::<Option<i64>, _>("last_used_at")?.map(Instant),
    })
}

/// Who a link made by the command line (`cordon feed token`) names as its creator. Such a link
/// belongs to the platform's operator, not to a person: it serves as it was made until revoked.
pub const COMMAND_LINE_CREATOR: &str = "cli";

/// Records a new feed token; returns its id.
#[allow(clippy::too_many_arguments)]
pub async fn create_token(
    db: &Db,
    event_id: &str,
    (scope_kind, scope_id): (&str, &str),
    label: &str,
    restricted: bool,
    token_hash: &str,
    created_by: &str,
    now: Instant,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO feed_tokens (id, event_id, scope_kind, scope_id, label, restricted, token_hash, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(event_id)
    .bind(scope_kind)
    .bind(scope_id)
    .bind(label)
    .bind(i64::from(restricted))
    .bind(token_hash)
    .bind(created_by)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// The live token whose hash is `token_hash` and the number of its event's latest release
/// (`None` before the first), in one query: what every poll of a feed needs.
pub async fn find_feed(db: &Db, token_hash: &str) -> Result<Option<(FeedTokenRow, Option<u32>)>, sqlx::Error> {
    let sql = format!(
        "SELECT {TOKEN_COLUMNS}, (SELECT MAX(r.number) FROM releases r WHERE r.event_id = feed_tokens.event_id) \
         AS latest FROM feed_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
    );
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(token_hash).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let latest = row.try_get::<Option<i64>, _>("latest")?.and_then(|n| u32::try_from(n).ok());
    Ok(Some((token_row(&row)?, latest)))
}

/// Notes a use of the token, at most once a minute (a feed is polled often).
pub async fn touch_token(db: &Db, id: &str, now: Instant) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE feed_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(now.0)
    .bind(id)
    .bind(now.0 - 60_000)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The live tokens of `event_id`, newest first.
pub async fn list_tokens(db: &Db, event_id: &str) -> Result<Vec<FeedTokenRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {TOKEN_COLUMNS} FROM feed_tokens WHERE event_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql)).bind(event_id).fetch_all(&db.pool).await?.iter().map(token_row).collect()
}

/// The live tokens of `event_id` that `user_id` manages, newest first, each with its
/// creator's name: those `user_id` created and those created by a member of an organisation
/// in which `user_id` is an administrator.
pub async fn tokens_managed_by(
    db: &Db,
    event_id: &str,
    user_id: &str,
) -> Result<Vec<(FeedTokenRow, String)>, sqlx::Error> {
    let columns = TOKEN_COLUMNS.split(", ").map(|c| format!("t.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {columns}, u.name AS creator_name FROM feed_tokens t JOIN users u ON u.id = t.created_by \
         WHERE t.event_id = $1 AND t.revoked_at IS NULL AND (t.created_by = $2 OR t.created_by IN \
         (SELECT m2.user_id FROM memberships m1 JOIN memberships m2 ON m2.organisation_id = m1.organisation_id \
          WHERE m1.user_id = $2 AND m1.role = 'admin')) ORDER BY t.created_at DESC, t.id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(event_id).bind(user_id).fetch_all(&db.pool).await?;
    rows.iter().map(|row| Ok((token_row(row)?, row.try_get("creator_name")?))).collect()
}

/// Revokes a live token of `event_id`; false when there is none with that id.
pub async fn revoke_token(db: &Db, event_id: &str, id: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE feed_tokens SET revoked_at = $1 WHERE id = $2 AND event_id = $3 AND revoked_at IS NULL")
            .bind(now.0)
            .bind(id)
            .bind(event_id)
            .execute(&db.pool)
            .await?;
    let revoked = done.rows_affected() == 1;
    if revoked {
        announce(db).await;
    }
    Ok(revoked)
}
