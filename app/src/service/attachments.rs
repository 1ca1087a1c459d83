//! The attachments of a convention file, for every door (the convention page's server
//! functions, the download route). Who may do what is decided here once:
//! - whoever may read the event's file (the same check as the convention's PDF) downloads its
//!   attachments (the file's page lists them);
//! - the organiser adds and removes them while it may change the file's inputs (a draft, or
//!   corrections asked), as the risk assessment and its amendments;
//! - each addition and removal enters the file's audit chain, with the piece's SHA-256.

use super::convention::{input_change_entry, inputs_context, organiser_edits, readable};
use crate::domain::convention::attachment::{size_fr, AttachmentInput, AttachmentMeta};
use crate::domain::convention::ActorRole;
use crate::domain::Instant;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::attachments;
use crate::store::users::UserRow;
use crate::text;

/// One attachment and its content, for a reader of the file.
pub async fn download(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    id: &str,
) -> Result<(AttachmentMeta, Vec<u8>), AppError> {
    readable(state, user, event_id).await?;
    attachments::get(&state.db, event_id, id).await?.ok_or(AppError::NotFound)
}

async fn may_change(state: &AppState, user: &UserRow, event_id: &str) -> Result<(), AppError> {
    let (role, status, _) = inputs_context(state, user, event_id, None).await?;
    if role != ActorRole::Organiser {
        return Err(AppError::Refused(text::ORGANISER_ONLY.into()));
    }
    if !organiser_edits(status) {
        return Err(AppError::Refused(text::INPUTS_FROZEN.into()));
    }
    Ok(())
}

/// The change's entry in the file's chain, with the piece's digest.
async fn entry(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    kind: &str,
    (label, file_name, size, sha256): (&str, &str, u64, &str),
    at: Instant,
) -> Result<crate::store::conventions::NewEntry, AppError> {
    let line = text::attachment_line(label, file_name, &size_fr(size));
    input_change_entry(state, user, event_id, kind, format!("{line} (SHA-256 {sha256})"), at).await
}

/// The organiser attaches a piece to the file; nothing is stored when it is refused.
pub async fn add(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    input: AttachmentInput,
    now: Instant,
) -> Result<AttachmentMeta, AppError> {
    may_change(state, user, event_id).await?;
    let already = attachments::list(&state.db, event_id).await?.len();
    let valid = input.parse(already).map_err(|e| AppError::invalid(e.field, e.message))?;
    let size = valid.bytes.len() as u64;
    let shown = (valid.kind.label(), valid.file_name.as_str(), size, valid.sha256.as_str());
    let change = entry(state, user, event_id, "inputs.attachment", shown, now).await?;
    let id = attachments::add(&state.db, event_id, &valid, &user.id, &change, now).await?;
    let meta = AttachmentMeta {
        id,
        kind: valid.kind,
        file_name: valid.file_name,
        format: valid.format,
        size,
        sha256: valid.sha256,
    };
    Ok(meta)
}

/// The organiser removes a piece from the file.
pub async fn remove(state: &AppState, user: &UserRow, event_id: &str, id: &str, now: Instant) -> Result<(), AppError> {
    may_change(state, user, event_id).await?;
    let (meta, _) = attachments::get(&state.db, event_id, id).await?.ok_or(AppError::NotFound)?;
    let shown = (meta.kind.label(), meta.file_name.as_str(), meta.size, meta.sha256.as_str());
    let change = entry(state, user, event_id, "inputs.attachment_removed", shown, now).await?;
    if !attachments::remove(&state.db, event_id, id, &change).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
