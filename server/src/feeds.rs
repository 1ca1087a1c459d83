//! `GET /flux/{token}.ics`: the calendar feed a subscription link reads. The token names one
//! feed (a participant's, a named agent's, a zone's or the whole event's) of the latest
//! published release, for the audience of whoever created it. A feed is rendered once per
//! release, scope, audience and day, then served from memory with an ETag and Last-Modified
//! (304 when the calendar already has it). An unknown or revoked token answers 404 at once.
//!
//! A poll reads no database when this instance already knows the token: what a token reads
//! and the event's latest release are remembered for a few seconds, and forgotten at once
//! when this instance publishes or revokes, or when another instance announces it on
//! PostgreSQL's `cordon_feeds` channel (see `listen_for_changes`). The few seconds bound what a
//! missed announcement or a publication by another process on SQLite can cost.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sha2::{Digest, Sha256};

use app::domain::document::lower_hex;
use app::domain::ical::{render_feed, FeedOptions, FeedScope};
use app::domain::plan::Audience;
use app::domain::Instant;
use app::service::security::hash_token;
use app::state::AppState;
use app::store::releases;
use app::text;

/// `GET|HEAD /flux/{token}`, compressed when the client accepts it. Only safe methods, so no
/// same-origin check; a calendar is no page, so a fixed CSP that allows nothing at all.
pub fn routes() -> Router<AppState> {
    Router::new().route("/flux/{token}", get(feed)).layer(tower_http::compression::CompressionLayer::new())
}

/// The security headers of every feed answer (pages get theirs from `security::security_headers`).
fn secure(h: &mut HeaderMap) {
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    crate::security::no_sniffing_framing_or_referrer_leak(h);
}

/// A rendered feed, shared by every poll until the next release.
struct Rendered {
    /// Shared, not copied, by every answer that carries it.
    body: Bytes,
    etag: String,
    last_modified: Instant,
}

type Key = (String, u32, String, String, bool, i64);

/// Rendered feeds; emptied when it grows past 2,000 (a feed is re-rendered on its next poll).
/// Whether this instance should note a use of the token now: at most once a minute per
/// token and instance (the store keeps the same minute rule across instances). Spares a write
/// on most polls.
fn due_for_touch(token_id: &str, now: Instant) -> bool {
    static TOUCHED: OnceLock<Mutex<HashMap<String, i64>>> = OnceLock::new();
    let Ok(mut touched) = TOUCHED.get_or_init(|| Mutex::new(HashMap::new())).lock() else { return true };
    match touched.get(token_id) {
        Some(&last) if now.0 - last < 60_000 => false,
        _ => {
            if touched.len() > 100_000 {
                touched.clear();
            }
            touched.insert(token_id.to_string(), now.0);
            true
        }
    }
}

/// What a token reads and the event's latest release, as read at `epoch`.
struct Lookup {
    row: releases::FeedTokenRow,
    latest: Option<u32>,
    epoch: u64,
    read_at: std::time::Instant,
}

/// How long a remembered lookup serves without an announcement.
const LOOKUP_TTL: Duration = Duration::from_secs(5);

fn lookups() -> &'static Mutex<HashMap<String, Lookup>> {
    static LOOKUPS: OnceLock<Mutex<HashMap<String, Lookup>>> = OnceLock::new();
    LOOKUPS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The token's row and its event's latest release: from memory when fresh, else from the
/// database. Unknown and revoked tokens are never remembered.
async fn find_feed(
    state: &AppState,
    token_hash: &str,
) -> Result<Option<(releases::FeedTokenRow, Option<u32>)>, sqlx::Error> {
    let epoch = releases::feed_epoch();
    if let Ok(known) = lookups().lock() {
        if let Some(hit) = known.get(token_hash) {
            if hit.epoch == epoch && hit.read_at.elapsed() < LOOKUP_TTL {
                return Ok(Some((hit.row.clone(), hit.latest)));
            }
        }
    }
    let mut found = releases::find_feed(&state.db, token_hash).await?;
    // A link follows its creator: it stops serving as soon as they lose the rights it was
    // made with (membership, organisation kind, account).
    if let Some((row, _)) = &found {
        if !app::service::feeds::creator_still_allowed(&state.db, row).await? {
            found = None;
        }
    }
    if let Ok(mut known) = lookups().lock() {
        match &found {
            Some((row, latest)) => {
                if known.len() >= 10_000 {
                    known.clear();
                }
                let lookup = Lookup { row: row.clone(), latest: *latest, epoch, read_at: std::time::Instant::now() };
                known.insert(token_hash.to_string(), lookup);
            }
            None => {
                known.remove(token_hash);
            }
        }
    }
    Ok(found)
}

/// On PostgreSQL, listens to the announcements of the other instances and of the command line
/// (publications, revocations) and forgets the remembered lookups at each, and whenever some
/// may have been missed. Runs until the server stops (the caller aborts it).
pub async fn listen_for_changes(database_url: String) {
    crate::announcements::listen(
        database_url,
        releases::FEED_CHANNEL,
        |_| releases::feeds_changed(),
        releases::feeds_changed,
    )
    .await;
}

fn cache() -> &'static Mutex<HashMap<Key, Arc<Rendered>>> {
    static CACHE: OnceLock<Mutex<HashMap<Key, Arc<Rendered>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text::FEED_UNKNOWN).into_response()
}

async fn feed(State(state): State<AppState>, Path(token): Path<String>, headers: HeaderMap) -> Response {
    let mut response = match serve(&state, &token, &headers).await {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "feed could not be served");
            (StatusCode::INTERNAL_SERVER_ERROR, text::INTERNAL).into_response()
        }
    };
    secure(response.headers_mut());
    response
}

async fn serve(state: &AppState, token: &str, headers: &HeaderMap) -> Result<Response, sqlx::Error> {
    let token = token.strip_suffix(".ics").unwrap_or(token);
    // A revoked token fails at once: revoking forgets what this instance and, on PostgreSQL,
    // every other instance remembered of the token.
    let Some((row, latest)) = find_feed(state, &hash_token(token)).await? else {
        return Ok(not_found());
    };
    let Some(number) = latest else {
        return Ok(not_found());
    };
    let now = app::api::context::now();
    if due_for_touch(&row.id, now) {
        releases::touch_token(&state.db, &row.id, now).await?;
    }
    let day = now.0.div_euclid(86_400_000);
    let key: Key = (row.event_id.clone(), number, row.scope_kind.clone(), row.scope_id.clone(), row.restricted, day);
    let cached = cache().lock().ok().and_then(|c| c.get(&key).cloned());
    let rendered = match cached {
        Some(rendered) => rendered,
        None => {
            let Some(release) = releases::get(&state.db, &row.event_id, number).await? else {
                return Ok(not_found());
            };
            let scope = match row.scope_kind.as_str() {
                "participant" => FeedScope::Participant(row.scope_id.clone()),
                "agent" => FeedScope::Agent(row.scope_id.clone()),
                "zone" => FeedScope::Zone(row.scope_id.clone()),
                _ => FeedScope::Event,
            };
            let host = host_of(&state.settings.base_url);
            let options = FeedOptions {
                host: &host,
                audience: if row.restricted { Audience::StateAndPrefecture } else { Audience::Others },
                convention_reference: None,
                now,
            };
            // A scope gone from the release (a removed agent or zone) reads as no feed.
            let Ok(body) = render_feed(&release, &scope, &options) else {
                return Ok(not_found());
            };
            let etag = format!("\"{}\"", &lower_hex(&Sha256::digest(body.as_bytes()))[..32]);
            let rendered = Arc::new(Rendered {
                body: Bytes::from(body.into_bytes()),
                etag,
                last_modified: release.published_at(),
            });
            if let Ok(mut c) = cache().lock() {
                if c.len() >= 2_000 {
                    c.clear();
                }
                c.insert(key, rendered.clone());
            }
            rendered
        }
    };
    Ok(respond(&rendered, headers))
}

fn respond(rendered: &Rendered, headers: &HeaderMap) -> Response {
    let modified = UNIX_EPOCH + Duration::from_millis(u64::try_from(rendered.last_modified.0).unwrap_or(0));
    let last_modified = httpdate::fmt_http_date(modified);
    let etag_matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == rendered.etag || t.trim() == "*"));
    // If-Modified-Since counts only without If-None-Match (RFC 9110 13.1.3).
    let not_modified_since = !headers.contains_key(header::IF_NONE_MATCH)
        && headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .is_some_and(|since| since >= modified - Duration::from_millis(modified_subsecond(rendered.last_modified)));
    let mut response = if etag_matches || not_modified_since {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = Response::new(Body::from(rendered.body.clone()));
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
        r
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&rendered.etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&last_modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=300"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response
}

/// HTTP dates have whole seconds: a release published at 10:00:00.750 is "modified" at 10:00:00.
fn modified_subsecond(instant: Instant) -> u64 {
    u64::try_from(instant.0.rem_euclid(1000)).unwrap_or(0)
}

fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or("cordon").to_string()
}
