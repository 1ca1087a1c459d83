//! Convention files (dossiers), their approved PDFs, the audit trail's chains and the registry
//! of conventions in force. Every move of a file writes its new state and its audit entry in
//! one transaction, checked against the file's version: a move based on an older state, or
//! two appends to a chain at once, write nothing and report `false`.

use std::collections::{BTreeMap, HashMap};

use base64::Engine;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::plans::{decode, to_json};
use super::{new_id, Db};
use crate::domain::convention::{append, AuditEntry, Dossier, Opinion, RegistryEntry, RiskAssessment};
use crate::domain::document::Amendment;
use crate::domain::Instant;

/// An event's file as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub dossier: Dossier,
    pub reference: String,
    /// When the organiser filed it in the current cycle (first submission).
    pub submitted_at: Option<Instant>,
    pub version: i64,
}

/// What the dashboard lists of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub status: String,
    pub submitted_at: Option<Instant>,
}

/// A new entry for a chain: who, what, the details as JSON.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub chain: String,
    pub at: Instant,
    pub actor: String,
    pub kind: String,
    pub payload: serde_json::Value,
}

/// The approved PDF of one cycle, written with the approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedPdf {
    pub cycle: u32,
    pub release_number: u32,
    pub reference: String,
    pub release_sha256: String,
    pub pdf_sha256: String,
    pub pdf: Vec<u8>,
    pub approved_by: String,
    pub approved_at: Instant,
}

/// An approved PDF as listed, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedRow {
    pub cycle: u32,
    pub release_number: u32,
    pub reference: String,
    pub pdf_sha256: String,
    pub approved_by: String,
    pub approved_at: Instant,
}

/// The chain of an event's file.
pub fn event_chain(event_id: &str) -> String {
    format!("event:{event_id}")
}

/// The chain of a department's rule settings and registry.
pub fn department_chain(department: &str) -> String {
    format!("department:{department}")
}

/// The chain of an organisation's memberships, délégations and SIRET.
pub fn organisation_chain(organisation_id: &str) -> String {
    format!("organisation:{organisation_id}")
}

/// The chain of an account's disabling and enabling.
pub fn account_chain(user_id: &str) -> String {
    format!("account:{user_id}")
}

/// Appends to `chain`, inside the write's own transaction, the entry of a change made by `by`:
/// the write and its audit entry are kept or lost together. An error when the chain moved
/// meanwhile (the transaction is then rolled back by its caller).
pub(crate) async fn record_in(
    tx: &mut Transaction<'_, Any>,
    chain: String,
    (by, kind): (&str, &str),
    payload: serde_json::Value,
    at: Instant,
) -> Result<(), sqlx::Error> {
    let entry = NewEntry { chain, at, actor: by.to_string(), kind: kind.to_string(), payload };
    match append_in(tx, &entry).await? {
        Some(_) => Ok(()),
        None => Err(sqlx::Error::Protocol(format!("the audit chain {} moved during the write", entry.chain))),
    }
}

fn file_of(row: &AnyRow) -> Result<StoredFile, sqlx::Error> {
    Ok(StoredFile {
        dossier: decode(&row.try_get::<String, _>("data")?)?,
        reference: row.try_get("reference")?,
        submitted_at: row.try_get::<Option<i64>, _>("submitted_at")?.map(Instant),
        version: row.try_get("version")?,
    })
}

/// The file of `event_id`, if one was opened.
pub async fn get_file(db: &Db, event_id: &str) -> Result<Option<StoredFile>, sqlx::Error> {
    sqlx::query("SELECT data, reference, submitted_at, version FROM convention_files WHERE event_id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(file_of)
        .transpose()
}

/// The status and filing date of the files of these events (those that have one).
pub async fn summaries(db: &Db, event_ids: &[String]) -> Result<HashMap<String, FileSummary>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in event_ids.chunks(500) {
        let list = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT event_id, status, submitted_at FROM convention_files WHERE event_id IN ({list})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(id.clone());
        }
        for row in query.fetch_all(&db.pool).await? {
            out.insert(
                row.try_get::<String, _>("event_id")?,
                FileSummary {
                    status: row.try_get("status")?,
                    submitted_at: row.try_get::<Option<i64>, _>("submitted_at")?.map(Instant),
                },
            );
        }
    }
    Ok(out)
}

/// The last entry of `chain` inside a transaction.
async fn last_entry(tx: &mut Transaction<'_, Any>, chain: &str) -> Result<Option<AuditEntry>, sqlx::Error> {
    sqlx::query(
        "SELECT seq, at, actor, kind, payload, prev_hash, hash FROM audit_entries WHERE chain = $1 \
         ORDER BY seq DESC LIMIT 1",
    )
    .bind(chain)
    .fetch_optional(&mut **tx)
    .await?
    .as_ref()
    .map(entry_of)
    .transpose()
}

pub(crate) fn entry_of(row: &AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        seq: u64::try_from(row.try_get::<i64, _>("seq")?).unwrap_or(0),
        at: Instant(row.try_get("at")?),
        actor: row.try_get("actor")?,
        kind: row.try_get("kind")?,
        payload: row.try_get("payload")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

fn conflict(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| d.is_unique_violation())
}

/// Appends `entry` to its chain inside `tx`. `Ok(None)` when someone appended the same number
/// meanwhile (the caller rolls back and reports a conflict).
pub(crate) async fn append_in(
    tx: &mut Transaction<'_, Any>,
    entry: &NewEntry,
) -> Result<Option<AuditEntry>, sqlx::Error> {
    let previous = last_entry(tx, &entry.chain).await?;
    let next = append(previous.as_ref(), entry.at, &entry.actor, &entry.kind, &entry.payload);
    let done = sqlx::query(
        "INSERT INTO audit_entries (chain, seq, at, actor, kind, payload, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&entry.chain)
    .bind(i64::try_from(next.seq).unwrap_or(i64::MAX))
    .bind(next.at.0)
    .bind(&next.actor)
    .bind(&next.kind)
    .bind(&next.payload)
    .bind(&next.prev_hash)
    .bind(&next.hash)
    .execute(&mut **tx)
    .await;
    match done {
        Ok(_) => Ok(Some(next)),
        Err(e) if conflict(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Appends one entry on its own (a message, a rule change). False on a concurrent append.
pub async fn append_entry(db: &Db, entry: &NewEntry) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    if append_in(&mut tx, entry).await?.is_none() {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}

/// A move of a file: its new state, the version it was read at (`None`: the file is new), its
/// filing date, the audit entry, and the approved PDF when the move approves.
pub struct Move<'a> {
    pub event_id: &'a str,
    pub expected_version: Option<i64>,
    pub dossier: &'a Dossier,
    pub reference: &'a str,
    pub submitted_at: Option<Instant>,
    pub entry: NewEntry,
    pub approved: Option<ApprovedPdf>,
    /// The registry entry an approval adds (kind « événement »), written in the same
    /// transaction: the census counts the convention from the moment it is approved.
    pub registered: Option<RegistryEntry>,
}

/// Writes a move in one transaction. False (nothing written) when the file changed since it
/// was read, or was created meanwhile, or the chain moved on.
pub async fn apply_move(db: &Db, change: &Move<'_>) -> Result<bool, sqlx::Error> {
    let data = to_json(change.dossier)?;
    let status = change.dossier.state.status().code();
    let mut tx = db.pool.begin().await?;
    let written = match change.expected_version {
        Some(version) => sqlx::query(
            "UPDATE convention_files SET status = $1, data = $2, reference = $3, submitted_at = $4, \
             version = version + 1, updated_at = $5 WHERE event_id = $6 AND version = $7",
        )
        .bind(status)
        .bind(&data)
        .bind(change.reference)
        .bind(change.submitted_at.map(|i| i.0))
        .bind(change.entry.at.0)
        .bind(change.event_id)
        .bind(version)
        .execute(&mut *tx)
        .await
        .map(|done| done.rows_affected() == 1),
        None => sqlx::query(
            "INSERT INTO convention_files (event_id, status, data, reference, submitted_at, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 1, $6)",
        )
        .bind(change.event_id)
        .bind(status)
        .bind(&data)
        .bind(change.reference)
        .bind(change.submitted_at.map(|i| i.0))
        .bind(change.entry.at.0)
        .execute(&mut *tx)
        .await
        .map(|_| true)
        .or_else(|e| if conflict(&e) { Ok(false) } else { Err(e) }),
    }?;
    if !written || append_in(&mut tx, &change.entry).await?.is_none() {
        tx.rollback().await?;
        return Ok(false);
    }
    if let Some(pdf) = &change.approved {
        let inserted = sqlx::query(
            "INSERT INTO approved_conventions (event_id, cycle, release_number, reference, release_sha256, \
             pdf_sha256, pdf, approved_by, approved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(change.event_id)
        .bind(i64::from(pdf.cycle))
        .bind(i64::from(pdf.release_number))
        .bind(&pdf.reference)
        .bind(&pdf.release_sha256)
        .bind(&pdf.pdf_sha256)
        .bind(base64::engine::general_purpose::STANDARD.encode(&pdf.pdf))
        .bind(&pdf.approved_by)
        .bind(pdf.approved_at.0)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(e) if conflict(&e) => {
                tx.rollback().await?;
                return Ok(false);
            }
            Err(e) => return Err(e),
        }
    }
    if let Some(entry) = &change.registered {
        sqlx::query(
            "INSERT INTO conventions_in_force (id, department, commune_code, data, created_by, created_at, event_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(entry.department().as_str())
        .bind(entry.commune().as_str())
        .bind(to_json(entry)?)
        .bind(&change.entry.actor)
        .bind(change.entry.at.0)
        .bind(change.event_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Every entry of `chain`, in order.
pub async fn chain(db: &Db, chain: &str) -> Result<Vec<AuditEntry>, sqlx::Error> {
    chain_after(db, chain, 0).await
}

/// The entries of `chain` after number `after`, in order.
pub async fn chain_after(db: &Db, chain: &str, after: u64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query(
        "SELECT seq, at, actor, kind, payload, prev_hash, hash FROM audit_entries WHERE chain = $1 AND seq > $2 \
         ORDER BY seq",
    )
    .bind(chain)
    .bind(i64::try_from(after).unwrap_or(i64::MAX))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(entry_of)
    .collect()
}

/// The names of every chain, sorted.
pub async fn chains(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT DISTINCT chain FROM audit_entries ORDER BY chain")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| row.try_get("chain"))
        .collect()
}

/// The approved PDFs of `event_id`, latest cycle first, without their bytes.
pub async fn approved(db: &Db, event_id: &str) -> Result<Vec<ApprovedRow>, sqlx::Error> {
    sqlx::query(
        "SELECT cycle, release_number, reference, pdf_sha256, approved_by, approved_at FROM approved_conventions \
         WHERE event_id = $1 ORDER BY cycle DESC",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|row| {
        Ok(ApprovedRow {
            cycle: u32::try_from(row.try_get::<i64, _>("cycle")?).unwrap_or(0),
            release_number: u32::try_from(row.try_get::<i64, _>("release_number")?).unwrap_or(0),
            reference: row.try_get("reference")?,
            pdf_sha256: row.try_get("pdf_sha256")?,
            approved_by: row.try_get("approved_by")?,
            approved_at: Instant(row.try_get("approved_at")?),
        })
    })
    .collect()
}

/// The bytes of the approved PDF of one cycle.
pub async fn approved_pdf(db: &Db, event_id: &str, cycle: u32) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let row = sqlx::query("SELECT pdf FROM approved_conventions WHERE event_id = $1 AND cycle = $2")
        .bind(event_id)
        .bind(i64::from(cycle))
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        let text: String = r.try_get("pdf")?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map_err(|e| sqlx::Error::Decode(format!("approved PDF: {e}").into()))
    })
    .transpose()
}

/// Adds a convention in force to the registry of its department.
pub async fn add_in_force(db: &Db, entry: &RegistryEntry, by: &str, now: Instant) -> Result<String, sqlx::Error> {
    let id = new_id();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO conventions_in_force (id, department, commune_code, data, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(entry.department().as_str())
    .bind(entry.commune().as_str())
    .bind(to_json(entry)?)
    .bind(by)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    let payload = serde_json::json!({ "id": id, "reference": entry.reference(), "kind": entry.kind().code() });
    record_in(&mut tx, department_chain(entry.department().as_str()), (by, "registry.add"), payload, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The registry of a department, with each entry's id, oldest signature first.
pub async fn in_force(db: &Db, department: &str) -> Result<Vec<(String, RegistryEntry)>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, data FROM conventions_in_force WHERE department = $1 ORDER BY created_at, id")
        .bind(department)
        .fetch_all(&db.pool)
        .await?;
    let mut entries = rows
        .iter()
        .map(|row| Ok((row.try_get::<String, _>("id")?, decode::<RegistryEntry>(&row.try_get::<String, _>("data")?)?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    entries.sort_by(|a, b| a.1.signed().cmp(&b.1.signed()).then_with(|| a.0.cmp(&b.0)));
    Ok(entries)
}

/// The event of each entry of a department's registry that is an event's convention (by
/// entry id).
pub async fn events_of_entries(db: &Db, department: &str) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, event_id FROM conventions_in_force WHERE department = $1 AND event_id IS NOT NULL")
            .bind(department)
            .fetch_all(&db.pool)
            .await?;
    rows.iter().map(|row| Ok((row.try_get::<String, _>("id")?, row.try_get::<String, _>("event_id")?))).collect()
}

/// Removes an entry of a department's registry. False when there is none with that id there.
pub async fn remove_in_force(db: &Db, department: &str, id: &str, by: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("DELETE FROM conventions_in_force WHERE id = $1 AND department = $2")
        .bind(id)
        .bind(department)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    record_in(&mut tx, department_chain(department), (by, "registry.remove"), serde_json::json!({ "id": id }), now)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// An opinion as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOpinion {
    pub id: String,
    pub participant_id: Option<String>,
    pub opinion: Opinion,
    pub version: i64,
}

/// Records a request for an opinion and its audit entry, in one transaction. False when the
/// chain moved meanwhile.
pub async fn ask_opinion(
    db: &Db,
    event_id: &str,
    participant_id: Option<&str>,
    opinion: &Opinion,
    entry: &NewEntry,
) -> Result<Option<String>, sqlx::Error> {
    let id = new_id();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO opinions (id, event_id, participant_id, data, version, created_at) VALUES ($1, $2, $3, $4, 1, $5)",
    )
    .bind(&id)
    .bind(event_id)
    .bind(participant_id)
    .bind(to_json(opinion)?)
    .bind(entry.at.0)
    .execute(&mut *tx)
    .await?;
    let mut entry = entry.clone();
    if let Some(object) = entry.payload.as_object_mut() {
        object.insert("opinion".into(), serde_json::Value::String(id.clone()));
    }
    if append_in(&mut tx, &entry).await?.is_none() {
        tx.rollback().await?;
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(id))
}

/// Records an answer (the opinion as answered) and its audit entry, checked against the version
/// read. False when the opinion or the chain changed meanwhile.
pub async fn answer_opinion(
    db: &Db,
    event_id: &str,
    stored: &StoredOpinion,
    answered: &Opinion,
    entry: &NewEntry,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE opinions SET data = $1, version = version + 1 WHERE id = $2 AND event_id = $3 AND version = $4",
    )
    .bind(to_json(answered)?)
    .bind(&stored.id)
    .bind(event_id)
    .bind(stored.version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 || append_in(&mut tx, entry).await?.is_none() {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}

/// The opinions asked on the file of `event_id`, oldest first.
pub async fn opinions(db: &Db, event_id: &str) -> Result<Vec<StoredOpinion>, sqlx::Error> {
    sqlx::query("SELECT id, participant_id, data, version FROM opinions WHERE event_id = $1 ORDER BY created_at, id")
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(StoredOpinion {
                id: row.try_get("id")?,
                participant_id: row.try_get("participant_id")?,
                opinion: decode(&row.try_get::<String, _>("data")?)?,
                version: row.try_get("version")?,
            })
        })
        .collect()
}

/// The risk assessment and the amendments of an event's convention.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoredInputs {
    pub risk: Option<RiskAssessment>,
    pub amendments: Vec<Amendment>,
    /// 0 when nothing was saved yet.
    pub version: i64,
}

/// The inputs of `event_id` (empty ones when nothing was saved).
pub async fn inputs(db: &Db, event_id: &str) -> Result<StoredInputs, sqlx::Error> {
    let row = sqlx::query("SELECT risk, amendments, version FROM convention_inputs WHERE event_id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(StoredInputs::default()) };
    Ok(StoredInputs {
        risk: row.try_get::<Option<String>, _>("risk")?.map(|r| decode(&r)).transpose()?,
        amendments: decode(&row.try_get::<String, _>("amendments")?)?,
        version: row.try_get("version")?,
    })
}

/// Saves the inputs read at `inputs.version` with the entry of the file's chain that records
/// the change, in one transaction. False (nothing written) when someone saved meanwhile or the
/// chain moved on.
pub async fn save_inputs(
    db: &Db,
    event_id: &str,
    inputs: &StoredInputs,
    by: &str,
    entry: &NewEntry,
    now: Instant,
) -> Result<bool, sqlx::Error> {
    let risk = inputs.risk.as_ref().map(to_json).transpose()?;
    let amendments = to_json(&inputs.amendments)?;
    let mut tx = db.pool.begin().await?;
    let saved = if inputs.version == 0 {
        let done = sqlx::query(
            "INSERT INTO convention_inputs (event_id, risk, amendments, version, updated_by, updated_at) \
             VALUES ($1, $2, $3, 1, $4, $5)",
        )
        .bind(event_id)
        .bind(risk)
        .bind(amendments)
        .bind(by)
        .bind(now.0)
        .execute(&mut *tx)
        .await;
        match done {
            Ok(_) => true,
            Err(e) if conflict(&e) => false,
            Err(e) => return Err(e),
        }
    } else {
        let done = sqlx::query(
            "UPDATE convention_inputs SET risk = $1, amendments = $2, version = version + 1, updated_by = $3, \
             updated_at = $4 WHERE event_id = $5 AND version = $6",
        )
        .bind(risk)
        .bind(amendments)
        .bind(by)
        .bind(now.0)
        .bind(event_id)
        .bind(inputs.version)
        .execute(&mut *tx)
        .await?;
        done.rows_affected() == 1
    };
    if !saved || append_in(&mut tx, entry).await?.is_none() {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}
