//! The day of the event: its log (main courante). The one place every door of the log goes
//! through — the page's server functions, the live stream, the CSV export: it reads the event
//! with the person's access, decides with the domain's rules
//! ([`crate::domain::operations::may_write`], [`Register::read_by`], [`shows_author`]) and
//! gives each reader its own view of every entry.

use chrono_tz::Tz;

use super::plan_edits::open;
use crate::domain::alerts::export::{alert_rows, export_time, register_label};
use crate::domain::alerts::{may_send, AlertReading, StreamCursor};
use crate::domain::operations::{is_open, may_write, shows_author, LogCursor, LogEntry, LogForm, LogRow, Register};
use crate::domain::plan::{Audience, EventAccess};
use crate::domain::time::{format_long_fr, format_short_fr};
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::operations::{LogLine, OperationsPage};
use crate::state::AppState;
use crate::store::log::Author;
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;
use crate::{store, text};

/// One person reading one event's log: what it may read and how it reads it.
#[derive(Debug, Clone)]
pub struct LogReader {
    pub event_id: String,
    pub audience: Audience,
    organisation_ids: Vec<String>,
    zone: Tz,
    /// The reader is the command post (`domain::alerts::may_send`): it reads every alert of
    /// the registers it reads, with who has acknowledged it.
    command_post: bool,
    /// The reader's account (the sender of an alert withdraws it).
    user_id: String,
}

impl LogReader {
    /// The registers this reader reads.
    pub fn registers(&self) -> Vec<Register> {
        [Register::Shared, Register::Restricted].into_iter().filter(|r| r.read_by(self.audience)).collect()
    }

    /// Reads a `Last-Event-ID` (or the page's cursor) for this reader.
    pub fn cursor(&self, raw: &str) -> LogCursor {
        LogCursor::parse(raw, self.audience)
    }

    /// The id of the stream's message that brings this reader to `cursor`.
    pub fn cursor_id(&self, cursor: LogCursor) -> String {
        cursor.id(self.audience)
    }

    /// Reads a `Last-Event-ID` (or the page's cursor) of the whole stream: log and alerts.
    pub fn stream_cursor(&self, raw: &str) -> StreamCursor {
        StreamCursor::parse(raw, self.audience)
    }

    /// The id of the stream's message that brings this reader to `cursor`.
    pub fn stream_id(&self, cursor: StreamCursor) -> String {
        cursor.id(self.audience)
    }

    /// What this reader may read of the alerts (the domain's one rule).
    pub fn alert_reading(&self) -> AlertReading {
        AlertReading {
            audience: self.audience,
            command_post: self.command_post,
            organisation_ids: self.organisation_ids.clone(),
            user_id: self.user_id.clone(),
        }
    }

    /// The event's time zone, in which this reader reads every time.
    pub fn time_zone(&self) -> Tz {
        self.zone
    }

    /// `entry` as this reader reads it; `None` when it may not read it at all.
    pub fn line(&self, entry: &LogEntry) -> Option<LogLine> {
        if !entry.reference.register.read_by(self.audience) {
            return None;
        }
        let content = &entry.content;
        Some(LogLine {
            reference: entry.reference.label(),
            code: entry.reference.code(),
            at: format_short_fr(entry.at, self.zone),
            author: shows_author(self.audience, &self.organisation_ids, entry).then(|| entry.author_name.clone()),
            organisation: entry.organisation_name.clone(),
            zone_id: content.zone_id.clone().unwrap_or_default(),
            zone: content.zone_name.clone().unwrap_or_default(),
            category: content.category.label().to_string(),
            severity_code: content.severity.code().to_string(),
            text: content.text.clone(),
            corrects: content.corrects.map(|r| r.label()),
        })
    }
}

pub(super) async fn reader_of(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
) -> Result<(StoredPlan, EventAccess, LogReader), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let viewer = store::plans::viewer_of(&state.db, &user.id).await?;
    let reader = LogReader {
        event_id: event_id.to_string(),
        audience: access.audience,
        organisation_ids: viewer.organisation_ids,
        zone: stored.plan.event.time_zone(),
        command_post: may_send(&access),
        user_id: user.id.clone(),
    };
    Ok((stored, access, reader))
}

/// The reader of the session whose token hashes to `token_hash`, at `now`: what the live
/// stream asks when it opens and again from time to time, so that a stream stops when its
/// session ends or its person loses the event.
pub async fn reader_by_session(
    state: &AppState,
    token_hash: &str,
    event_id: &str,
    now: Instant,
) -> Result<LogReader, AppError> {
    let user = store::sessions::user_of(&state.db, token_hash, now).await?.ok_or(AppError::NotSignedIn)?;
    Ok(reader_of(state, &user, event_id).await?.2)
}

/// The « Opérations » page as `user` may read it.
pub async fn page(state: &AppState, user: &UserRow, event_id: &str, now: Instant) -> Result<OperationsPage, AppError> {
    let (stored, _, reader) = reader_of(state, user, event_id).await?;
    let event = &stored.plan.event;
    let zone = event.time_zone();
    let entries = store::log::after(&state.db, event_id, &reader.registers(), LogCursor::default()).await?;
    let cursor = entries.iter().fold(LogCursor::default(), |c, e| c.after(e.reference));
    let (alerts, alerts_cursor) = super::alerts::lines(state, &reader).await?;
    let cursor = StreamCursor { log: cursor, alerts: alerts_cursor };
    let open = is_open(event, now);
    let status = if open {
        String::new()
    } else if now < event.operations_start() {
        text::log_opens(&format_long_fr(event.operations_start(), zone))
    } else {
        text::log_closed_since(&format_long_fr(event.operations_end(), zone))
    };
    Ok(OperationsPage {
        event_id: event_id.to_string(),
        event_name: event.name().to_string(),
        open,
        status,
        zones: stored.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect(),
        writes_restricted: Register::Restricted.read_by(reader.audience),
        lines: entries.iter().filter_map(|e| reader.line(e)).collect(),
        cursor: reader.stream_id(cursor),
        alert_targets: if reader.command_post && open {
            super::alerts::targets(&stored.plan, reader.audience)
        } else {
            Vec::new()
        },
        alerts,
    })
}

/// The organisation in whose name `user` writes: its participant in the event, else the
/// organiser, else the department's prefecture it belongs to.
pub(super) async fn writing_as(
    state: &AppState,
    user: &UserRow,
    stored: &StoredPlan,
    access: &EventAccess,
) -> Result<(String, String), AppError> {
    if let Some(participant) = access.own_participant_ids.first().and_then(|id| stored.plan.participant(id)) {
        return Ok((participant.organisation_id().to_string(), participant.name().to_string()));
    }
    let viewer = store::plans::viewer_of(&state.db, &user.id).await?;
    let candidates: Vec<String> = if access.organiser {
        vec![stored.organiser_organisation_id.clone()]
    } else {
        let department = stored.plan.event.department().as_str().to_string();
        store::organisations::prefectures_of(&state.db, &department).await?.into_iter().map(|p| p.id).collect()
    };
    for id in candidates.iter().filter(|id| viewer.organisation_ids.contains(id)) {
        if let Some(organisation) = store::organisations::get(&state.db, id).await? {
            return Ok((organisation.id, organisation.name));
        }
    }
    Err(AppError::NotFound)
}

/// Writes an entry in the log as `user`, at the server's instant `now`; the entry as its
/// writer reads it.
pub async fn write(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    form: &LogForm,
    now: Instant,
) -> Result<LogLine, AppError> {
    let (stored, access, reader) = reader_of(state, user, event_id).await?;
    let (register, content) = form.parse(&stored.plan.zones)?;
    let corrected = match content.corrects {
        Some(reference) if reference.register.read_by(reader.audience) => {
            store::log::one(&state.db, event_id, reference).await?
        }
        _ => None,
    };
    may_write(&stored.plan.event, reader.audience, register, &content, corrected.as_ref(), now)?;
    let (organisation_id, organisation_name) = writing_as(state, user, &stored, &access).await?;
    let author = Author { user_id: user.id.clone(), name: user.name.clone(), organisation_id, organisation_name };
    let written = store::log::append(&state.db, event_id, register, &author, &content, now)
        .await?
        .ok_or_else(|| AppError::Refused(text::LOG_BUSY.into()))?;
    state.log_hub.grew(event_id);
    reader.line(&written).ok_or(AppError::Internal)
}

/// The log as a CSV file for `user` (its own view: the registers it reads, the authors it may
/// know): the file's name and its text.
pub async fn csv(state: &AppState, user: &UserRow, event_id: &str) -> Result<(String, String), AppError> {
    let (_, rows) = export_rows(state, user, event_id).await?;
    Ok((format!("main-courante-{event_id}.csv"), crate::domain::operations::log_csv(&rows)))
}

/// The log as a PDF, in the reader's view (the same rows as the CSV), printed for the reader's
/// name and organisation at `now`.
pub async fn pdf(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    now: Instant,
) -> Result<(String, Vec<u8>), AppError> {
    let (stored, rows) = export_rows(state, user, event_id).await?;
    let event = &stored.plan.event;
    let reader = super::convention::author(&state.db, user).await?;
    let source =
        crate::domain::operations::log_typst(event.name(), &reader, &format_long_fr(now, event.time_zone()), &rows);
    let ident = format!("main-courante-{event_id}");
    let bytes = tokio::task::spawn_blocking(move || crate::pdf::compile_pdf(source, &ident))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "log PDF task failed");
            AppError::Internal
        })?
        .map_err(|e| {
            tracing::error!(error = %e, event = %event_id, "log PDF failed");
            AppError::Refused(text::LOG_PDF_FAILED.into())
        })?;
    Ok((format!("main-courante-{event_id}.pdf"), bytes))
}

/// Every entry of the log `user` reads (both registers for the State forces and the
/// prefecture), oldest first: what the evaluation proposes its incidents from.
pub(super) async fn readable_entries(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
) -> Result<Vec<LogEntry>, AppError> {
    let (_, _, reader) = reader_of(state, user, event_id).await?;
    Ok(store::log::after(&state.db, event_id, &reader.registers(), LogCursor::default()).await?)
}

/// Every entry `user` reads and the alerts it reads (sent, acknowledged, closed), as the
/// exports print them (CSV and PDF alike), in time order: each alert reduced for the reader
/// by the page's own rule (`domain::alerts::export::alert_rows`).
async fn export_rows(state: &AppState, user: &UserRow, event_id: &str) -> Result<(StoredPlan, Vec<LogRow>), AppError> {
    let (stored, _, reader) = reader_of(state, user, event_id).await?;
    let registers = reader.registers();
    let entries = store::log::after(&state.db, event_id, &registers, LogCursor::default()).await?;
    let zone = stored.plan.event.time_zone();
    let mut rows: Vec<(Instant, LogRow)> = entries
        .iter()
        .filter_map(|entry| {
            let line = reader.line(entry)?;
            let row = LogRow {
                reference: line.reference,
                at: export_time(entry.at, zone),
                author: line.author.unwrap_or_default(),
                organisation: line.organisation,
                zone: line.zone,
                category: line.category,
                severity: entry.content.severity.label().to_string(),
                register: register_label(entry.reference.register).to_string(),
                text: line.text,
                corrects: line.corrects.unwrap_or_default(),
            };
            Some((entry.at, row))
        })
        .collect();
    let reading = reader.alert_reading();
    for alert in store::alerts::of_event(&state.db, event_id, &registers).await? {
        rows.extend(alert_rows(&reading, &alert, zone));
    }
    // Stable: at the same instant, the log's entries first, then each alert's rows in order.
    rows.sort_by_key(|(at, _)| *at);
    Ok((stored, rows.into_iter().map(|(_, row)| row).collect()))
}
