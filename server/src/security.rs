//! HTTP security: response headers with a per-response CSP nonce, and the same-origin check
//! on every state-changing request (cross-site request forgery defence, with SameSite cookies).

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;

use app::state::CspNonce;

/// 128 bits from the thread's CSPRNG (ChaCha, seeded and reseeded from the OS): unpredictable
/// like the OS's own source, without a system call on every response.
fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The Content-Security-Policy: scripts only from us or carrying this response's nonce
/// (Leptos's hydration scripts), WebAssembly allowed to compile, nothing framed, no plugins.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The fixed headers every answer carries, pages and calendar feeds alike.
pub fn no_sniffing_framing_or_referrer_leak(headers: &mut HeaderMap) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // same-origin: our own forms still get a Referer (Leptos uses it without JavaScript).
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}

/// Adds the security headers to every page's response.
pub async fn security_headers(mut req: Request, next: Next) -> Response {
    let nonce = new_nonce();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    no_sniffing_framing_or_referrer_leak(headers);
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    headers.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    res
}

/// The `host[:port]` part of an origin such as `https://cordon.example:8443`.
fn origin_host(origin: &str) -> Option<&str> {
    origin.split_once("://").map(|(_, rest)| rest.trim_end_matches('/'))
}

/// Whether a state-changing request comes from our own pages: its `Origin` names this host
/// (the `Host` header, or the configured public address), and the browser does not label
/// it cross-site. Requests without either header come from non-browser clients, which carry
/// no ambient cookies of a victim, so they are let through.
pub fn is_same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let Ok(origin) = origin.to_str() else { return false };
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let claimed = origin_host(origin);
        return claimed.is_some() && (claimed == host || claimed == origin_host(base_url));
    }
    headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) != Some("cross-site")
}

/// Refuses state-changing requests from other sites with 403.
pub async fn same_origin_only(base_url: String, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !is_same_origin(req.headers(), &base_url) {
        tracing::warn!(method = %req.method(), path = %crate::logging::redact_path(req.uri().path()), "cross-site request refused");
        return (StatusCode::FORBIDDEN, app::text::CROSS_SITE_REFUSED).into_response();
    }
    next.run(req).await
}

/// `GET /` for a visitor without a live session: a redirect (303) to the sign-in page instead
/// of the dashboard answering 401, so that monitoring and link previews see a page; signed in,
/// the dashboard as before.
pub async fn anonymous_home_to_sign_in(
    axum::extract::State(state): axum::extract::State<app::state::AppState>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() == Method::GET && req.uri().path() == "/" && !has_live_session(&state, req.headers()).await {
        return axum::response::Redirect::to("/connexion").into_response();
    }
    next.run(req).await
}

/// Whether the request's session cookie names a live session.
async fn has_live_session(state: &app::state::AppState, headers: &HeaderMap) -> bool {
    let cookie = app::api::context::SESSION_COOKIE;
    let token = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == cookie && !value.is_empty()).then(|| value.to_string())
        })
    });
    let Some(token) = token else { return false };
    let now = app::domain::Instant::from(chrono::Utc::now());
    let hash = app::service::security::hash_token(&token);
    matches!(app::store::sessions::user_of(&state.db, &hash, now).await, Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn a_post_from_our_own_page_is_same_origin() {
        assert!(is_same_origin(
            &headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")]),
            "http://127.0.0.1:3000"
        ));
    }

    #[test]
    fn a_post_from_another_site_is_refused_even_with_our_host() {
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")]),
            "http://127.0.0.1:3000"
        ));
        assert!(!is_same_origin(&headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]), "http://127.0.0.1:3000"));
    }

    #[test]
    fn behind_a_proxy_the_public_address_counts_as_ours() {
        assert!(is_same_origin(
            &headers(&[("origin", "https://cordon.gouv.test"), ("host", "10.0.0.5:3000")]),
            "https://cordon.gouv.test"
        ));
    }

    #[test]
    fn a_browser_request_labelled_cross_site_without_origin_is_refused() {
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site")]), "http://127.0.0.1:3000"));
        assert!(is_same_origin(&headers(&[]), "http://127.0.0.1:3000"));
    }
}
