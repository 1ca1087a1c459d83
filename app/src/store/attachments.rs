//! The attachments of convention files (table `convention_attachments`): the listing without
//! the content, one content at a time, added and removed by id. Who may do what is decided in
//! `service::convention`; this module only reads and writes.

use base64::Engine;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{new_id, Db};
use crate::domain::convention::attachment::{AttachmentFormat, AttachmentKind, AttachmentMeta, ValidAttachment};
use crate::domain::Instant;

fn meta(row: &AnyRow) -> Result<AttachmentMeta, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let content_type: String = row.try_get("content_type")?;
    let corrupt = |what: &str| sqlx::Error::Decode(format!("convention_attachments: unknown {what}").into());
    Ok(AttachmentMeta {
        id: row.try_get("id")?,
        kind: AttachmentKind::from_code(&kind).ok_or_else(|| corrupt("kind"))?,
        file_name: row.try_get("file_name")?,
        format: AttachmentFormat::from_content_type(&content_type).ok_or_else(|| corrupt("content type"))?,
        size: row.try_get::<i64, _>("size")?.max(0) as u64,
        sha256: row.try_get("sha256")?,
    })
}

/// The attachments of `event_id`, in the order they were added.
pub async fn list(db: &Db, event_id: &str) -> Result<Vec<AttachmentMeta>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, kind, file_name, content_type, size, sha256 FROM convention_attachments \
         WHERE event_id = $1 ORDER BY added_at, id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(meta).collect()
}

/// One attachment of `event_id` with its content.
pub async fn get(db: &Db, event_id: &str, id: &str) -> Result<Option<(AttachmentMeta, Vec<u8>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, kind, file_name, content_type, size, sha256, content FROM convention_attachments \
         WHERE event_id = $1 AND id = $2",
    )
    .bind(event_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let content: String = row.try_get("content")?;
    let bytes =
        base64::engine::general_purpose::STANDARD.decode(content).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Some((meta(&row)?, bytes)))
}

/// Stores `attachment` for `event_id`; returns its id.
pub async fn add(
    db: &Db,
    event_id: &str,
    attachment: &ValidAttachment,
    by: &str,
    entry: &super::conventions::NewEntry,
    now: Instant,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO convention_attachments \
         (id, event_id, kind, file_name, content_type, size, sha256, content, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(event_id)
    .bind(attachment.kind.code())
    .bind(&attachment.file_name)
    .bind(attachment.format.content_type())
    .bind(attachment.bytes.len() as i64)
    .bind(&attachment.sha256)
    .bind(base64::engine::general_purpose::STANDARD.encode(&attachment.bytes))
    .bind(by)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    append_entry_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes one attachment of `event_id`; false when there was none.
pub async fn remove(
    db: &Db,
    event_id: &str,
    id: &str,
    entry: &super::conventions::NewEntry,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("DELETE FROM convention_attachments WHERE event_id = $1 AND id = $2")
        .bind(event_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    append_entry_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// The change's entry in the file's chain, in the change's transaction: kept or lost together.
async fn append_entry_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    entry: &super::conventions::NewEntry,
) -> Result<(), sqlx::Error> {
    let payload = entry.payload.clone();
    super::conventions::record_in(tx, entry.chain.clone(), (&entry.actor, &entry.kind), payload, entry.at).await
}
