//! The day of the event over plain HTTP, for a signed-in reader of the event:
//! - `GET /evenements/{id}/operations/flux`: the log as server-sent events. Each entry the
//!   reader may read comes once, as an event `entree` whose data is the reader's view of it
//!   (JSON) and whose id is the reader's cursor; a browser that reconnects sends that id back
//!   (`Last-Event-ID`) and gets what it missed, nothing twice. Alerts come the same way, as
//!   events `alerte` carrying the reader's view of the alert (sent, or acknowledged since), the
//!   id then naming the alerts' cursor after the log's (`12-3`). The first connection starts
//!   from `?depuis=` (the page's cursor). The stream checks that its session still reads the
//!   event every 30 s, and before sending anything after a change of rights was announced
//!   (a member removed, an account disabled, a participant changed: on any instance); it ends
//!   otherwise. With `&format=compact` (the page's own stream) each event's data is the same
//!   view in the browser's compact format, as text (`app::ui::codec::to_compact_text`).
//! - `GET /evenements/{id}/operations/main-courante.csv` and `.pdf`: the log as the reader may
//!   read it.
//!
//! Rights and views are the application layer's (`app::service::operations`); new entries
//! reach this instance's streams through its `LogHub`, and on PostgreSQL those of the other
//! instances through `LISTEN` ([`listen_for_entries`]).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use tokio::sync::watch;

use app::api::context::{caller, now, session_token};
use app::domain::alerts::StreamCursor;
use app::error::AppError;
use app::read_models::presence::ZoneNowLine;
use app::service::operations::{reader_by_session, LogReader};
use app::service::presence::zone_lines;
use app::service::security::hash_token;
use app::state::AppState;
use app::store::releases;

use crate::convention_http::{error_response, in_context};

/// How often a stream checks that its session still reads the event.
const RECHECK: Duration = Duration::from_secs(30);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evenements/{id}/operations/flux", get(stream))
        .route("/evenements/{id}/operations/main-courante.csv", get(csv))
        .route("/evenements/{id}/operations/main-courante.pdf", get(pdf))
}

#[derive(Deserialize)]
struct From {
    depuis: Option<String>,
    /// `compact`: the events' data in the browser's compact format instead of JSON.
    format: Option<String>,
}

/// One open stream.
struct Follow {
    state: AppState,
    reader: LogReader,
    token_hash: String,
    cursor: StreamCursor,
    changes: watch::Receiver<u64>,
    pending: VecDeque<Event>,
    next_check: tokio::time::Instant,
    /// The announcement epoch the reader was last checked at: a member removed, an account
    /// disabled or a participant changed is announced (`store::releases::announce`), here and
    /// on every instance, and the reader is checked again before anything more is sent.
    epoch: u64,
    /// The presence snapshot's generation and the minute the zones were last counted at.
    presence_key: Option<(u64, i64)>,
    /// The zones now as last sent.
    presence_sent: Option<Vec<ZoneNowLine>>,
    /// The events' data in the browser's compact format (`?format=compact`), else JSON.
    compact: bool,
}

impl Follow {
    /// An event's data: `value` as JSON, or in the compact format as text.
    fn data<T: serde::Serialize>(&self, value: &T) -> Result<String, AppError> {
        if self.compact {
            app::ui::codec::to_compact_text(value).map_err(|_| AppError::Internal)
        } else {
            serde_json::to_string(value).map_err(|_| AppError::Internal)
        }
    }

    /// Whether the session still reads the event (its reader, refreshed, may have changed).
    async fn still_reads(&mut self) -> bool {
        self.epoch = releases::feed_epoch();
        match reader_by_session(&self.state, &self.token_hash, &self.reader.event_id, now()).await {
            Ok(reader) => {
                self.reader = reader;
                true
            }
            Err(_) => false,
        }
    }

    /// Queues what the log and the alerts hold after the cursor for this reader.
    async fn catch_up(&mut self) -> Result<(), AppError> {
        let registers = self.reader.registers();
        let hub = &self.state.log_hub;
        let entries = hub.after(&self.state.db, &self.reader.event_id, &registers, self.cursor.log).await?;
        for entry in entries {
            if self.cursor.log.has(entry.reference) {
                continue;
            }
            self.cursor.log = self.cursor.log.after(entry.reference);
            let Some(line) = self.reader.line(&entry) else { continue };
            let data = self.data(&line)?;
            self.pending.push_back(Event::default().event("entree").id(self.reader.stream_id(self.cursor)).data(data));
        }
        let alerts = hub.alerts_after(&self.state.db, &self.reader.event_id, &registers, self.cursor.alerts).await?;
        for (reference, alert) in alerts {
            if self.cursor.alerts.has(reference) {
                continue;
            }
            self.cursor.alerts = self.cursor.alerts.after(reference);
            let Some(line) = app::service::alerts::line(&self.reader, &alert) else { continue };
            let data = self.data(&line)?;
            self.pending.push_back(Event::default().event("alerte").id(self.reader.stream_id(self.cursor)).data(data));
        }
        self.count_zones().await
    }

    /// Queues the zones now (planned against present, as this reader counts them) as an event
    /// `presence`, when an agent checked in or out, the plan changed or the minute turned, and
    /// only if the counts differ from those last sent. It carries no id: a snapshot, not an
    /// entry to catch up on (a page that reconnects reads the zones with the page).
    async fn count_zones(&mut self) -> Result<(), AppError> {
        let hub = &self.state.log_hub;
        let Some(snapshot) = hub.presence(&self.state.db, &self.reader.event_id).await? else { return Ok(()) };
        let now = now();
        let key = (snapshot.generation, now.0 / 60_000);
        if self.presence_key == Some(key) {
            return Ok(());
        }
        self.presence_key = Some(key);
        let zones = zone_lines(&snapshot.plan, self.reader.audience, &snapshot.presence, now);
        if self.presence_sent.as_ref() != Some(&zones) {
            let data = self.data(&zones)?;
            self.pending.push_back(Event::default().event("presence").data(data));
            self.presence_sent = Some(zones);
        }
        Ok(())
    }

    /// The next event, waiting for the log to grow; `None` when the stream ends.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            tokio::select! {
                changed = self.changes.changed() => {
                    if changed.is_err() {
                        return None;
                    }
                }
                () = tokio::time::sleep_until(self.next_check) => {
                    self.next_check += RECHECK;
                    if !self.still_reads().await {
                        return None;
                    }
                    // The minute may have turned: the zones now are counted again.
                    if let Err(e) = self.count_zones().await {
                        tracing::warn!(error = %e, event = %self.reader.event_id, "a log stream could not count the zones");
                        return None;
                    }
                    continue;
                }
            }
            if releases::feed_epoch() != self.epoch && !self.still_reads().await {
                return None;
            }
            if let Err(e) = self.catch_up().await {
                tracing::warn!(error = %e, event = %self.reader.event_id, "a log stream could not read the new entries");
                return None;
            }
        }
    }
}

async fn stream(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(from): Query<From>,
    req: Request<Body>,
) -> Response {
    let (parts, _) = req.into_parts();
    let last = parts
        .headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or(from.depuis.clone())
        .unwrap_or_default();
    let opened = in_context(state.clone(), parts, {
        let state = state.clone();
        async move {
            let token_hash = hash_token(&session_token().ok_or(AppError::NotSignedIn)?);
            let reader = reader_by_session(&state, &token_hash, &id, now()).await?;
            Ok::<_, AppError>((reader, token_hash))
        }
    })
    .await;
    let (reader, token_hash) = match opened {
        Ok(opened) => opened,
        Err(e) => return error_response(&e),
    };
    let mut follow = Follow {
        changes: state.log_hub.follow(&reader.event_id),
        cursor: reader.stream_cursor(&last),
        state,
        reader,
        token_hash,
        pending: VecDeque::new(),
        next_check: tokio::time::Instant::now() + RECHECK,
        epoch: releases::feed_epoch(),
        presence_key: None,
        presence_sent: None,
        compact: from.format.as_deref() == Some("compact"),
    };
    if let Err(e) = follow.catch_up().await {
        return error_response(&e);
    }
    let events = futures::stream::unfold(follow, |mut follow| async move {
        let event = follow.next().await?;
        Some((Ok::<_, Infallible>(event), follow))
    });
    let mut response = Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A proxy in front (nginx) passes each event on at once.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

async fn csv(State(state): State<AppState>, Path(id): Path<String>, req: Request<Body>) -> Response {
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        app::service::operations::csv(&state, &user, &id).await
    })
    .await;
    download(result.map(|(name, body)| (name, body.into_bytes())), "text/csv; charset=utf-8")
}

async fn pdf(State(state): State<AppState>, Path(id): Path<String>, req: Request<Body>) -> Response {
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        app::service::operations::pdf(&state, &user, &id, now()).await
    })
    .await;
    download(result, "application/pdf")
}

/// An export of the log as a download named `name`, never cached; an error as every page's.
fn download(result: Result<(String, Vec<u8>), AppError>, content_type: &'static str) -> Response {
    match result {
        Ok((name, body)) => {
            let mut response = (StatusCode::OK, body).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(e) => error_response(&e),
    }
}

/// On PostgreSQL, listens to the new entries written on the other instances (and by this one)
/// and wakes this instance's streams of that event; wakes them all when announcements may have
/// been missed. Runs until the server stops.
pub async fn listen_for_entries(state: AppState) {
    let url = state.db.pool.connect_options().database_url.to_string();
    let hub = state.log_hub.clone();
    crate::announcements::listen(url, app::store::log::LOG_CHANNEL, |event_id| hub.grew(event_id), || hub.all_grew())
        .await;
}
