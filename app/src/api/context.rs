//! What every server function needs from the request: the state, the clock, the caller.

use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::domain::session::SESSION_IDLE_LIFETIME;
use crate::domain::Instant;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::users::UserRow;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "cordon_session";

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        if request_parts().is_some() {
            tracing::error!("AppState missing from the Leptos context");
        } else {
            // The whole request context is gone: the browser left before the page was
            // rendered, and a resource's fetch outlived the request's reactive owner. There is
            // no one to answer and nothing is wrong (it was logged as an error once in ten
            // interrupted page loads).
            tracing::debug!("a server function ran after its request was dropped");
        }
        AppError::Internal
    })
}

/// The only place server functions read the clock.
pub fn now() -> Instant {
    Instant::from(chrono::Utc::now())
}

/// Sets the HTTP status of an error answer and passes the result through. A plain HTML form
/// post (no WebAssembly yet) keeps the redirect back to its page, where the error is shown.
/// A call from the browser's own code, which asked for the compact format, gets its answer
/// written in it ([`CompactAnswer`]). Every server function ends with it (directly or through
/// [`run`]): its result is the function's answer.
pub fn respond<T: serde::Serialize>(result: Result<T, AppError>) -> Result<T, AppError> {
    // An internal error names the request, whose log lines say why.
    let result = result.map_err(|e| {
        match (e, request_parts().and_then(|p| p.extensions.get::<crate::state::RequestId>().cloned())) {
            (AppError::Internal, Some(id)) => AppError::InternalReference(id.0),
            (other, _) => other,
        }
    });
    let plain_form_post = request_parts()
        .and_then(|p| p.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html")))
        .unwrap_or(false);
    if let (Ok(value), Some(answer)) =
        (&result, request_parts().and_then(|p| p.extensions.get::<CompactAnswer>().cloned()))
    {
        answer.write(value);
    }
    if let (Err(err), false) = (&result, plain_form_post) {
        if let (Some(options), Ok(status)) = (use_context::<ResponseOptions>(), StatusCode::from_u16(err.status())) {
            options.set_status(status);
        }
    }
    result
}

/// Where [`respond`] writes a server function's answer in the compact format (`ui::codec`) when
/// the browser's own code asked for it: the server's handler of `/api/…` puts one in the
/// request's extensions, and sends what it holds instead of the JSON answer.
#[derive(Clone, Default)]
pub struct CompactAnswer(std::sync::Arc<std::sync::Mutex<Option<Vec<u8>>>>);

impl CompactAnswer {
    /// Whether a request with these headers asks for the compact format.
    pub fn asked(headers: &axum::http::HeaderMap) -> bool {
        headers.get(header::ACCEPT).is_some_and(|v| v.as_bytes() == crate::ui::codec::COMPACT.as_bytes())
    }

    fn write<T: serde::Serialize>(&self, value: &T) {
        match crate::ui::codec::to_compact(value) {
            Ok(bytes) => *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(bytes),
            Err(e) => tracing::error!(error = %e, "a server function's answer could not be written compactly"),
        }
    }

    /// The answer written, if any.
    pub fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The session token from the request's cookie, if any.
pub fn session_token() -> Option<String> {
    let parts = request_parts()?;
    parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == SESSION_COOKIE && !value.is_empty()).then(|| value.to_string())
        })
    })
}

/// The client's address: the socket peer, or the first `X-Forwarded-For` hop behind a
/// trusted proxy.
pub fn client_address(trust_proxy: bool) -> String {
    let Some(parts) = request_parts() else { return "unknown".into() };
    if trust_proxy {
        if let Some(first) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            return first.to_string();
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The signed-in user, if the session cookie names a live session.
pub async fn current_user() -> Result<Option<UserRow>, AppError> {
    let Some(token) = session_token() else { return Ok(None) };
    let state = state()?;
    crate::service::accounts::signed_in(&state.db, &token, now()).await
}

/// The signed-in user, or `NotSignedIn`.
pub async fn require_user() -> Result<UserRow, AppError> {
    current_user().await?.ok_or(AppError::NotSignedIn)
}

/// The application's state and the signed-in user: who asks, for the application layer.
pub async fn caller() -> Result<(AppState, UserRow), AppError> {
    let user = require_user().await?;
    Ok((state()?, user))
}

/// Runs one action of the application layer for the signed-in caller, at the server's instant,
/// and sets the answer's status from its outcome: what every server function of the layer does.
pub async fn run<T, F, Fut>(action: F) -> Result<T, AppError>
where
    T: serde::Serialize,
    F: FnOnce(AppState, UserRow, Instant) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let outcome = match caller().await {
        Ok((state, user)) => action(state, user, now()).await,
        Err(e) => Err(e),
    };
    respond(outcome)
}

/// Adds a `Set-Cookie` for the session (or clears it with `None`).
pub fn set_session_cookie(token: Option<&str>, secure: bool) {
    let Some(options) = use_context::<ResponseOptions>() else { return };
    let secure = if secure { "; Secure" } else { "" };
    let cookie = match token {
        Some(token) => format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            SESSION_IDLE_LIFETIME.0 / 1000
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        options.append_header(header::SET_COOKIE, value);
    }
}
