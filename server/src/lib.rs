//! The `cordon` server: configuration, router, security layers, mail, demo data and the
//! command line. The application itself (pages, server functions, domain, store) is `app`.

pub mod announcements;
pub mod api_v1;
pub mod config;
pub mod convention_http;
pub mod demo;
pub mod demo_event;
pub mod feeds;
pub mod logging;
pub mod mail;
pub mod operations;
pub mod presence_http;
pub mod security;
pub mod sms;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::compression::CompressionLayer;

use app::state::{AppState, MailTransport, SmsTransport};
use app::store::Db;
use app::{shell, App};
use config::Config;

/// Builds the state from a configuration and an open database.
pub fn app_state(config: &Config, db: Db) -> anyhow::Result<AppState> {
    let mail: Arc<dyn MailTransport> = match &config.smtp_url {
        Some(url) => Arc::new(mail::SmtpMail::new(url, &config.mail_from)?),
        None => Arc::new(mail::OutboxMail::new(config.outbox_dir.clone(), &config.mail_from)?),
    };
    let sms: Arc<dyn SmsTransport> = match &config.sms_gateway_url {
        Some(url) => Arc::new(sms::GatewaySms::new(url, config.sms_gateway_token.clone(), config.outbox_dir.clone())?),
        None => Arc::new(sms::OutboxSms::new(config.outbox_dir.clone())),
    };
    let leptos_options = LeptosOptions::builder()
        .output_name("cordon")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    let communes = load_communes(&config.communes_file)?;
    Ok(AppState {
        db,
        settings: Arc::new(config.settings()),
        mail,
        sms,
        communes,
        leptos_options: Arc::new(leptos_options),
        log_hub: Arc::default(),
    })
}

/// Reads the official commune list once; without it no event could be created.
pub fn load_communes(path: &std::path::Path) -> anyhow::Result<Arc<app::domain::communes::CommuneRegistry>> {
    use anyhow::Context;
    static CACHE: std::sync::Mutex<Vec<(std::path::PathBuf, Arc<app::domain::communes::CommuneRegistry>)>> =
        std::sync::Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, registry)) = cache.iter().find(|(p, _)| p == path) {
        return Ok(registry.clone());
    }
    let text = std::fs::read_to_string(path).with_context(|| {
        format!("reading the commune list {} (set CORDON_COMMUNES_FILE, or run `make` to install it)", path.display())
    })?;
    let registry = app::domain::communes::CommuneRegistry::from_etalab_json(&text).map_err(anyhow::Error::msg)?;
    // The intercommunalities sit beside the communes in the same package (L512-3's check).
    let epci_path = path.with_file_name("epci.json");
    let epci = std::fs::read_to_string(&epci_path).with_context(|| {
        format!("reading the intercommunalities {} (installed with the commune list by `make`)", epci_path.display())
    })?;
    let registry = Arc::new(registry.with_etalab_epci_json(&epci).map_err(anyhow::Error::msg)?);
    cache.push((path.to_path_buf(), registry.clone()));
    Ok(registry)
}

/// The error of a plan whose event is not in a commune of the official list (one rule, in the
/// application layer).
pub use app::service::plan_edits::commune_error;

/// The whole HTTP surface: health, server functions, pages, static files, and the layers
/// (request log, security headers, same-origin check, compression). Calendar feeds, polled
/// by calendar clients and read by no browser page, carry their own fixed headers
/// (`feeds::routes`) instead of the pages' per-response CSP nonce.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let options = (*state.leptos_options).clone();
    let base_url = state.settings.base_url.clone();
    let pages = Router::new()
        .route("/healthz", get(healthz))
        .route("/api/{*fn_name}", get(server_fn).post(server_fn))
        .merge(api_v1::routes())
        .merge(convention_http::routes())
        .merge(operations::routes())
        .merge(presence_http::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(compact_answers))
        .layer(middleware::from_fn_with_state(state.clone(), security::anonymous_home_to_sign_in))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(move |req, next| security::same_origin_only(base_url.clone(), req, next)))
        .layer(middleware::from_fn(security::security_headers));
    Router::new()
        .merge(feeds::routes())
        .merge(pages)
        .layer(middleware::from_fn(logging::log_requests))
        .with_state(state)
}

async fn server_fn(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), req).await
}

/// The server functions (`/api/…`, routed by `leptos_routes_with_context`) for the browser's
/// own code, which asks for their answers in the compact format (`app::ui::codec`): the
/// function's `respond` writes it and it replaces the JSON answer, which everyone else gets
/// (`docs/decisions.md`). An error is written in the compact format by the server function
/// (`app::error::ErrorEncoding`) and turned into JSON here for everyone else.
async fn compact_answers(mut req: Request<Body>, next: middleware::Next) -> Response {
    use app::api::context::CompactAnswer;
    let path = req.uri().path();
    let server_function = path.starts_with("/api/") && !path.starts_with("/api/v1/");
    let asked = server_function && CompactAnswer::asked(req.headers());
    let compact = asked.then(CompactAnswer::default);
    if let Some(answer) = &compact {
        req.extensions_mut().insert(answer.clone());
    }
    let response = next.run(req).await;
    match compact {
        Some(answer) if response.status().as_u16() < 400 => compact_answer(response, answer.take()),
        // A server function's error is in the compact format (`app::error::ErrorEncoding`):
        // whoever did not ask for it gets it in JSON.
        None if server_function && response.status().as_u16() >= 400 => json_error(response).await,
        _ => response,
    }
}

/// `response`, a server function's error in the compact format, with its error in JSON.
async fn json_error(response: Response) -> Response {
    use app::error::AppError;
    use leptos::server_fn::error::FromServerFnError;
    let compact = response.headers().get(header::CONTENT_TYPE).is_some_and(|t| t == app::ui::codec::COMPACT);
    if !compact {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Read back by the error's own decoding, the one the browser uses.
    let error = match axum::body::to_bytes(body, 1 << 20).await {
        Ok(bytes) => AppError::de(bytes),
        Err(_) => AppError::Internal,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(error.to_json()))
}

/// `response` with its body replaced by the compact answer; a 500 if the server function wrote
/// none (it did not end with `respond`, which every one must).
fn compact_answer(response: Response, answer: Option<Vec<u8>>) -> Response {
    let Some(bytes) = answer else {
        tracing::error!("a server function asked for the compact format did not write it");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let (mut parts, _json) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(app::ui::codec::COMPACT));
    Response::from_parts(parts, Body::from(bytes))
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    if app::store::ping(&state.db).await {
        (StatusCode::OK, Json(serde_json::json!({ "status": "ok", "database": "ok" })))
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "error", "database": "unreachable" })))
    }
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Several instances on PostgreSQL tell each other of publications and revocations.
    let announcements = (state.db.backend == app::store::Backend::Postgres)
        .then(|| tokio::spawn(feeds::listen_for_changes(state.db.pool.connect_options().database_url.to_string())));
    // ... and of the log entries written on each, for the live pages.
    let log_entries = (state.db.backend == app::store::Backend::Postgres)
        .then(|| tokio::spawn(operations::listen_for_entries(state.clone())));
    let housekeeping = tokio::spawn(housekeeping_hourly(state.clone()));
    let no_shows = tokio::spawn(no_shows_every_minute(state.clone()));
    let hub = state.log_hub.clone();
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown.await;
            hub.close_all();
        })
        .await;
    for task in [announcements, log_entries].into_iter().flatten() {
        task.abort();
    }
    housekeeping.abort();
    no_shows.abort();
    served
}

/// At start and then every hour, on every instance: removes what has expired (sessions,
/// invitations, reset links, old sign-in failures; idempotent) and sends the evaluations'
/// reminders that are due (once per event: the first instance to mark it sends them).
async fn housekeeping_hourly(state: AppState) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        let now = app::domain::Instant::from(chrono::Utc::now());
        match app::service::evaluation::send_reminders(&state, now).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "evaluation reminders sent"),
            Err(error) => tracing::warn!(error = %error, "evaluation reminders failed; tried again in an hour"),
        }
        let db = &state.db;
        match app::store::housekeeping::remove_expired(db, now).await {
            Ok(removed) => tracing::info!(
                sessions = removed.sessions,
                invitations = removed.invitations,
                password_resets = removed.password_resets,
                sign_in_failures = removed.sign_in_failures,
                "expired rows removed"
            ),
            Err(error) => tracing::warn!(error = %error, "housekeeping failed; tried again in an hour"),
        }
    }
}

/// Every minute, on every instance: raises the no-show alerts that are due (a shift whose
/// named agents are not all checked in 15 minutes after its start; one alert per shift, sent by
/// the first instance to claim it).
async fn no_shows_every_minute(state: AppState) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        let now = app::domain::Instant::from(chrono::Utc::now());
        match app::service::presence::raise_no_shows(&state, now).await {
            Ok(0) => {}
            Ok(raised) => tracing::info!(raised, "no-show alerts raised"),
            Err(error) => tracing::warn!(error = %error, "no-show alerts failed; tried again in a minute"),
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown requested: finishing requests in flight");
}
