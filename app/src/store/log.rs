//! The event's log (main courante) as stored: each register is an audit chain of its own
//! (`domain::operations::Register::chain`), so `cordon audit verify` checks the log with the
//! rest of the trail. An entry's number is its place in the chain; its payload holds what was
//! written, by whom, as JSON. Nothing here updates or removes an entry.

use serde::{Deserialize, Serialize};

use super::conventions::{append_in, chain_after, NewEntry};
use super::Db;
use crate::domain::convention::AuditEntry;
use crate::domain::operations::{EntryRef, LogContent, LogCursor, LogEntry, Register};
use crate::domain::Instant;

/// The kind of every entry of a log's chain.
pub const ENTRY_KIND: &str = "main_courante.entree";

/// The PostgreSQL channel on which a new entry is announced to the other instances (the
/// payload is the event's id).
pub const LOG_CHANNEL: &str = "cordon_log";

/// How often a write is tried again when another writer took the same number meanwhile.
const ATTEMPTS: usize = 8;

/// What the payload holds beside the chain's own fields (number, instant, author's id).
#[derive(Serialize, Deserialize)]
struct Payload {
    author_name: String,
    organisation_id: String,
    organisation_name: String,
    content: LogContent,
}

/// Who writes, as the entry names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub user_id: String,
    pub name: String,
    pub organisation_id: String,
    pub organisation_name: String,
}

fn entry_of(register: Register, audit: AuditEntry) -> Result<LogEntry, sqlx::Error> {
    let payload: Payload = serde_json::from_str(&audit.payload).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(LogEntry {
        reference: EntryRef { register, number: audit.seq },
        at: audit.at,
        author_id: audit.actor,
        author_name: payload.author_name,
        organisation_id: payload.organisation_id,
        organisation_name: payload.organisation_name,
        content: payload.content,
    })
}

/// Appends an entry to `register` of `event_id`'s log at `now`, taking the next number even
/// when others write at the same moment. `None` only if it lost the race [`ATTEMPTS`] times.
pub async fn append(
    db: &Db,
    event_id: &str,
    register: Register,
    author: &Author,
    content: &LogContent,
    now: Instant,
) -> Result<Option<LogEntry>, sqlx::Error> {
    let payload = Payload {
        author_name: author.name.clone(),
        organisation_id: author.organisation_id.clone(),
        organisation_name: author.organisation_name.clone(),
        content: content.clone(),
    };
    let entry = NewEntry {
        chain: register.chain(event_id),
        at: now,
        actor: author.user_id.clone(),
        kind: ENTRY_KIND.to_string(),
        payload: serde_json::to_value(&payload).map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
    };
    let Some(written) = append_alone(db, &entry).await? else { return Ok(None) };
    announce(db, event_id).await;
    entry_of(register, written).map(Some)
}

/// Appends `entry` alone to its chain, taking the next number even when others write to the
/// same chain at the same moment (the log's registers, the presence's chain). `None` only if
/// it lost the race [`ATTEMPTS`] times.
pub(crate) async fn append_alone(db: &Db, entry: &NewEntry) -> Result<Option<AuditEntry>, sqlx::Error> {
    for attempt in 0..ATTEMPTS {
        let mut tx = db.pool.begin().await?;
        let lost = match append_in(&mut tx, entry).await {
            Ok(Some(written)) => match tx.commit().await {
                Ok(()) => return Ok(Some(written)),
                Err(e) if busy(db, &e) => true,
                Err(e) => return Err(e),
            },
            Ok(None) => {
                tx.rollback().await?;
                true
            }
            Err(e) if busy(db, &e) => {
                let _ = tx.rollback().await;
                true
            }
            Err(e) => return Err(e),
        };
        if lost {
            // Let the writer that won finish before reading the last number again.
            tokio::time::sleep(std::time::Duration::from_millis(2 << attempt)).await;
        }
    }
    Ok(None)
}

/// Whether SQLite refused a write because another connection wrote first (`SQLITE_BUSY` and
/// its extended codes, `SQLITE_LOCKED`): in WAL mode a transaction that read before another
/// one's commit cannot write, and must start again.
pub(crate) fn busy(db: &Db, e: &sqlx::Error) -> bool {
    db.backend == super::Backend::Sqlite
        && e.as_database_error()
            .and_then(|d| d.code())
            .is_some_and(|code| code.parse::<i64>().is_ok_and(|c| matches!(c & 0xff, 5 | 6)))
}

/// Tells the other instances (PostgreSQL) that `event_id`'s log grew; this instance's own
/// readers are woken by the caller.
pub(crate) async fn announce(db: &Db, event_id: &str) {
    if db.backend == super::Backend::Postgres {
        if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)").bind(LOG_CHANNEL).bind(event_id).execute(&db.pool).await
        {
            tracing::error!(error = %e, "a new log entry could not be announced to the other instances");
        }
    }
}

/// The entries of the registers `registers` after `cursor`, in the order they were written.
pub async fn after(
    db: &Db,
    event_id: &str,
    registers: &[Register],
    cursor: LogCursor,
) -> Result<Vec<LogEntry>, sqlx::Error> {
    let mut entries = Vec::new();
    for &register in registers {
        let from = match register {
            Register::Shared => cursor.shared,
            Register::Restricted => cursor.restricted,
        };
        for audit in chain_after(db, &register.chain(event_id), from).await? {
            entries.push(entry_of(register, audit)?);
        }
    }
    entries.sort_by_key(|a| (a.at, a.reference));
    Ok(entries)
}

/// One entry, if its register holds that number.
pub async fn one(db: &Db, event_id: &str, reference: EntryRef) -> Result<Option<LogEntry>, sqlx::Error> {
    let before = reference.number.saturating_sub(1);
    let found = chain_after(db, &reference.register.chain(event_id), before).await?;
    found.into_iter().find(|a| a.seq == reference.number).map(|a| entry_of(reference.register, a)).transpose()
}
