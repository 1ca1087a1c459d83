//! The day's alerts as stored: the alert, its recipients and their acknowledgements. Every
//! send and every acknowledgement is also an entry of the event's alert chain
//! (`domain::alerts::alert_chain`), written in the same transaction, so that `cordon audit
//! verify` checks them and the live stream reads "what changed after number n" of a chain
//! committed in order, as the log's. An acknowledgement is given once: a second one writes
//! nothing and answers the first.

use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::conventions::{append_in, chain_after, NewEntry};
use super::log::{announce, busy, Author};
use super::{new_id, Db};
use crate::domain::alerts::{
    alert_chain, Acknowledgement, Alert, AlertRecipient, AlertTarget, Closing, ClosingKind, Recipient,
};
use crate::domain::operations::{EntryRef, Register, Severity};
use crate::domain::Instant;

/// The kinds of the alert chains' entries.
pub const SENT: &str = "alerte.envoi";
pub const ACKNOWLEDGED: &str = "alerte.accuse";
pub const CLOSED: &str = "alerte.cloture";
pub const WITHDRAWN: &str = "alerte.retrait";

/// How often a write is tried again when another writer took the same number meanwhile.
const ATTEMPTS: usize = 8;

/// What an alert holds beside its columns.
#[derive(Serialize, Deserialize)]
struct Data {
    sender_name: String,
    sender_organisation_id: String,
    sender_organisation_name: String,
    target: AlertTarget,
    target_label: String,
    severity: Severity,
    text: String,
}

/// An alert to send.
#[derive(Debug, Clone)]
pub struct NewAlert {
    pub event_id: String,
    pub sender: Author,
    pub target: AlertTarget,
    pub target_label: String,
    pub severity: Severity,
    pub text: String,
    pub recipients: Vec<Recipient>,
}

/// What an acknowledgement did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acknowledged {
    /// Given now, for these organisations.
    Now(Alert),
    /// Given before: nothing was written.
    Already(Alert),
    /// The alert does not exist, or none of these organisations receives it.
    NotAddressed,
}

/// Sends `alert` at `now`: the alert, its recipients and its chain entry in one transaction,
/// taking the chain's next number even when others write at the same moment. `None` only if
/// it lost the race [`ATTEMPTS`] times.
pub async fn send(db: &Db, alert: &NewAlert, now: Instant) -> Result<Option<Alert>, sqlx::Error> {
    let id = new_id();
    let register = alert.target.register();
    let data = Data {
        sender_name: alert.sender.name.clone(),
        sender_organisation_id: alert.sender.organisation_id.clone(),
        sender_organisation_name: alert.sender.organisation_name.clone(),
        target: alert.target.clone(),
        target_label: alert.target_label.clone(),
        severity: alert.severity,
        text: alert.text.clone(),
    };
    let json = serde_json::to_string(&data).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let recipients: Vec<&str> = alert.recipients.iter().map(|r| r.name.as_str()).collect();
    let entry = NewEntry {
        chain: alert_chain(register, &alert.event_id),
        at: now,
        actor: alert.sender.user_id.clone(),
        kind: SENT.to_string(),
        payload: serde_json::json!({
            "alerte": id,
            "organisation": alert.sender.organisation_name,
            "destinataires": recipients,
            "cible": alert.target_label,
            "gravite": alert.severity.code(),
            "texte": alert.text,
        }),
    };
    for attempt in 0..ATTEMPTS {
        let mut tx = db.pool.begin().await?;
        let written = match append_in(&mut tx, &entry).await {
            Ok(Some(written)) => written,
            Ok(None) => {
                let _ = tx.rollback().await;
                pause(attempt).await;
                continue;
            }
            Err(e) if busy(db, &e) => {
                let _ = tx.rollback().await;
                pause(attempt).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        let inserted = insert(&mut tx, &id, alert, register, written.seq, &json, now).await;
        match inserted {
            Ok(()) => {}
            Err(e) if busy(db, &e) => {
                let _ = tx.rollback().await;
                pause(attempt).await;
                continue;
            }
            Err(e) => return Err(e),
        }
        match tx.commit().await {
            Ok(()) => {
                announce(db, &alert.event_id).await;
                return one(db, &id).await;
            }
            Err(e) if busy(db, &e) => pause(attempt).await,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    alert: &NewAlert,
    register: Register,
    seq: u64,
    json: &str,
    now: Instant,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO alerts (id, event_id, register, seq, at, sender_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(&alert.event_id)
    .bind(register.code())
    .bind(i64::try_from(seq).unwrap_or(i64::MAX))
    .bind(now.0)
    .bind(&alert.sender.user_id)
    .bind(json)
    .execute(&mut **tx)
    .await?;
    for recipient in &alert.recipients {
        sqlx::query(
            "INSERT INTO alert_recipients (alert_id, organisation_id, participant_id, name, hidden, version) \
             VALUES ($1, $2, $3, $4, $5, 1)",
        )
        .bind(id)
        .bind(&recipient.organisation_id)
        .bind(&recipient.participant_id)
        .bind(&recipient.name)
        .bind(i64::from(recipient.hidden))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Let the writer that won finish before reading the last number again.
async fn pause(attempt: usize) {
    tokio::time::sleep(std::time::Duration::from_millis(2 << attempt)).await;
}

/// Acknowledges `alert_id` for those of `organisation_ids` that receive it and have not
/// acknowledged it yet, as `by` (id, name), at `now`, with its chain entry in the same
/// transaction.
pub async fn acknowledge(
    db: &Db,
    alert_id: &str,
    organisation_ids: &[String],
    by: (&str, &str),
    now: Instant,
) -> Result<Acknowledged, sqlx::Error> {
    let Some(alert) = one(db, alert_id).await? else { return Ok(Acknowledged::NotAddressed) };
    let mine: Vec<&AlertRecipient> =
        alert.recipients.iter().filter(|r| organisation_ids.contains(&r.recipient.organisation_id)).collect();
    if mine.is_empty() {
        return Ok(Acknowledged::NotAddressed);
    }
    let waiting: Vec<String> =
        mine.iter().filter(|r| r.acknowledged.is_none()).map(|r| r.recipient.organisation_id.clone()).collect();
    if waiting.is_empty() {
        return Ok(Acknowledged::Already(alert));
    }
    for attempt in 0..ATTEMPTS {
        let mut tx = db.pool.begin().await?;
        let mut done: Vec<String> = Vec::new();
        let mut failed = None;
        for organisation in &waiting {
            let updated = sqlx::query(
                "UPDATE alert_recipients SET acknowledged_at = $1, acknowledged_by = $2, acknowledged_by_name = $3, \
                 version = version + 1 WHERE alert_id = $4 AND organisation_id = $5 AND acknowledged_at IS NULL \
                 AND alert_id IN (SELECT id FROM alerts WHERE id = $4 AND closing IS NULL)",
            )
            .bind(now.0)
            .bind(by.0)
            .bind(by.1)
            .bind(alert_id)
            .bind(organisation)
            .execute(&mut *tx)
            .await;
            match updated {
                Ok(r) if r.rows_affected() == 1 => done.push(organisation.clone()),
                Ok(_) => {}
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = failed {
            let _ = tx.rollback().await;
            if busy(db, &e) {
                pause(attempt).await;
                continue;
            }
            return Err(e);
        }
        if done.is_empty() {
            // Someone of the same organisation acknowledged meanwhile.
            let _ = tx.rollback().await;
            let alert = one(db, alert_id).await?;
            return Ok(alert.map_or(Acknowledged::NotAddressed, Acknowledged::Already));
        }
        let names: Vec<&str> = alert
            .recipients
            .iter()
            .filter(|r| done.contains(&r.recipient.organisation_id))
            .map(|r| r.recipient.name.as_str())
            .collect();
        let entry = NewEntry {
            chain: alert_chain(alert.reference.register, &alert.event_id),
            at: now,
            actor: by.0.to_string(),
            kind: ACKNOWLEDGED.to_string(),
            payload: serde_json::json!({ "alerte": alert_id, "organisations": names }),
        };
        match append_in(&mut tx, &entry).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                let _ = tx.rollback().await;
                pause(attempt).await;
                continue;
            }
            Err(e) if busy(db, &e) => {
                let _ = tx.rollback().await;
                pause(attempt).await;
                continue;
            }
            Err(e) => return Err(e),
        }
        match tx.commit().await {
            Ok(()) => {
                announce(db, &alert.event_id).await;
                let alert = one(db, alert_id).await?;
                return Ok(alert.map_or(Acknowledged::NotAddressed, Acknowledged::Now));
            }
            Err(e) if busy(db, &e) => pause(attempt).await,
            Err(e) => return Err(e),
        }
    }
    Err(sqlx::Error::Protocol("the alert chain kept moving during the acknowledgement".into()))
}

/// What a closing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closed {
    /// Closed or withdrawn now.
    Now(Alert),
    /// Closed or withdrawn before (by someone else meanwhile): nothing was written.
    Already(Alert),
    /// No such alert.
    NotFound,
}

/// Closes or withdraws `alert` as `closing` says, with its entry in the alert's chain in the
/// same transaction; only once (`closing IS NULL`): a second closing writes nothing and
/// answers the first.
pub async fn close(db: &Db, alert: &Alert, closing: &Closing) -> Result<Closed, sqlx::Error> {
    let json = serde_json::to_string(closing).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let entry = NewEntry {
        chain: alert_chain(alert.reference.register, &alert.event_id),
        at: closing.at,
        actor: closing.by.user_id.clone(),
        kind: match closing.kind {
            ClosingKind::Closed => CLOSED,
            ClosingKind::Withdrawn => WITHDRAWN,
        }
        .to_string(),
        payload: serde_json::json!({ "alerte": alert.id, "organisation": closing.by.organisation_name }),
    };
    for attempt in 0..ATTEMPTS {
        let mut tx = db.pool.begin().await?;
        let updated = sqlx::query("UPDATE alerts SET closing = $1 WHERE id = $2 AND closing IS NULL")
            .bind(&json)
            .bind(&alert.id)
            .execute(&mut *tx)
            .await;
        let appended = match updated {
            Ok(r) if r.rows_affected() == 0 => {
                let _ = tx.rollback().await;
                return Ok(one(db, &alert.id).await?.map_or(Closed::NotFound, Closed::Already));
            }
            Ok(_) => append_in(&mut tx, &entry).await,
            Err(e) => Err(e),
        };
        match appended {
            Ok(Some(_)) => match tx.commit().await {
                Ok(()) => {
                    announce(db, &alert.event_id).await;
                    return Ok(one(db, &alert.id).await?.map_or(Closed::NotFound, Closed::Now));
                }
                Err(e) if !busy(db, &e) => return Err(e),
                Err(_) => {}
            },
            Err(e) if !busy(db, &e) => return Err(e),
            // Another writer took the chain's next number, or the database was busy: again.
            Ok(None) | Err(_) => {
                let _ = tx.rollback().await;
            }
        }
        pause(attempt).await;
    }
    Err(sqlx::Error::Protocol("the alert chain kept moving during the closing".into()))
}

fn alert_of(row: &AnyRow, recipients: Vec<AlertRecipient>) -> Result<Alert, sqlx::Error> {
    let data: Data =
        serde_json::from_str(&row.try_get::<String, _>("data")?).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let register = Register::from_code(&row.try_get::<String, _>("register")?)
        .ok_or_else(|| sqlx::Error::Decode("unknown alert register".into()))?;
    let closing: Option<Closing> = match row.try_get::<Option<String>, _>("closing")? {
        Some(json) => Some(serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e)))?),
        None => None,
    };
    Ok(Alert {
        id: row.try_get("id")?,
        event_id: row.try_get("event_id")?,
        reference: EntryRef { register, number: u64::try_from(row.try_get::<i64, _>("seq")?).unwrap_or(0) },
        at: Instant(row.try_get("at")?),
        sender_id: row.try_get("sender_id")?,
        sender_name: data.sender_name,
        sender_organisation_id: data.sender_organisation_id,
        sender_organisation_name: data.sender_organisation_name,
        target: data.target,
        target_label: data.target_label,
        severity: data.severity,
        text: data.text,
        recipients,
        closing,
    })
}

fn recipient_of(row: &AnyRow) -> Result<(String, AlertRecipient), sqlx::Error> {
    let acknowledged = match row.try_get::<Option<i64>, _>("acknowledged_at")? {
        Some(at) => Some(Acknowledgement {
            at: Instant(at),
            by_id: row.try_get::<Option<String>, _>("acknowledged_by")?.unwrap_or_default(),
            by_name: row.try_get::<Option<String>, _>("acknowledged_by_name")?.unwrap_or_default(),
        }),
        None => None,
    };
    let recipient = Recipient {
        participant_id: row.try_get("participant_id")?,
        organisation_id: row.try_get("organisation_id")?,
        name: row.try_get("name")?,
        hidden: row.try_get::<i64, _>("hidden")? != 0,
    };
    Ok((row.try_get("alert_id")?, AlertRecipient { recipient, acknowledged }))
}

const RECIPIENTS: &str = "SELECT alert_id, organisation_id, participant_id, name, hidden, acknowledged_at, \
                          acknowledged_by, acknowledged_by_name FROM alert_recipients";

/// One alert with its recipients.
pub async fn one(db: &Db, alert_id: &str) -> Result<Option<Alert>, sqlx::Error> {
    let Some(row) =
        sqlx::query("SELECT id, event_id, register, seq, at, sender_id, data, closing FROM alerts WHERE id = $1")
            .bind(alert_id)
            .fetch_optional(&db.pool)
            .await?
    else {
        return Ok(None);
    };
    let recipients =
        sqlx::query(sqlx::AssertSqlSafe(format!("{RECIPIENTS} WHERE alert_id = $1 ORDER BY name, organisation_id")))
            .bind(alert_id)
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| recipient_of(r).map(|(_, r)| r))
            .collect::<Result<Vec<_>, _>>()?;
    alert_of(&row, recipients).map(Some)
}

/// Every alert of `event_id` in `registers`, oldest first.
pub async fn of_event(db: &Db, event_id: &str, registers: &[Register]) -> Result<Vec<Alert>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, event_id, register, seq, at, sender_id, data, closing FROM alerts WHERE event_id = $1 ORDER BY at, seq, id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mut recipients: Vec<(String, AlertRecipient)> = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{RECIPIENTS} WHERE alert_id IN (SELECT id FROM alerts WHERE event_id = $1) ORDER BY name, organisation_id"
    )))
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(recipient_of)
    .collect::<Result<_, _>>()?;
    let mut alerts = Vec::new();
    for row in &rows {
        let register: String = row.try_get("register")?;
        if !registers.iter().any(|r| r.code() == register) {
            continue;
        }
        let id: String = row.try_get("id")?;
        let (theirs, rest): (Vec<_>, Vec<_>) = recipients.into_iter().partition(|(a, _)| *a == id);
        recipients = rest;
        alerts.push(alert_of(row, theirs.into_iter().map(|(_, r)| r).collect())?);
    }
    Ok(alerts)
}

/// The changes of `register`'s alerts of `event_id` after number `after`: (number, alert id),
/// in order — a sending or an acknowledgement each.
pub async fn changes_after(
    db: &Db,
    event_id: &str,
    register: Register,
    after: u64,
) -> Result<Vec<(EntryRef, String)>, sqlx::Error> {
    let entries = chain_after(db, &alert_chain(register, event_id), after).await?;
    Ok(entries
        .into_iter()
        .filter_map(|entry| {
            let payload: serde_json::Value = serde_json::from_str(&entry.payload).ok()?;
            let id = payload.get("alerte")?.as_str()?.to_string();
            Some((EntryRef { register, number: entry.seq }, id))
        })
        .collect())
}

/// The last number of `register`'s alert chain of `event_id` (0 when empty): where a page's
/// live stream takes over.
pub async fn last_number(db: &Db, event_id: &str, register: Register) -> Result<u64, sqlx::Error> {
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM audit_entries WHERE chain = $1")
        .bind(alert_chain(register, event_id))
        .fetch_one(&db.pool)
        .await?;
    Ok(last.and_then(|n| u64::try_from(n).ok()).unwrap_or(0))
}
