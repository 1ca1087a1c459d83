//! One log line per request: method, path (secrets removed, no query string), status, latency.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// Path segments after these prefixes are secrets (invitation tokens) and never logged.
const SECRET_PREFIXES: [&str; 1] = ["/invitation/"];

pub fn redact_path(path: &str) -> String {
    for prefix in SECRET_PREFIXES {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return format!("{prefix}[masqué]");
        }
    }
    path.to_string()
}

pub fn init(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_writer(std::io::stderr);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}

pub async fn log_requests(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = redact_path(req.uri().path());
    let res = next.run(req).await;
    tracing::info!(
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        latency_ms = format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
        "request"
    );
    res
}

#[cfg(test)]
mod tests {
    use super::redact_path;

    #[test]
    fn an_invitation_token_never_reaches_the_log() {
        assert_eq!(redact_path("/invitation/abcDEF123"), "/invitation/[masqué]");
        assert_eq!(redact_path("/organisations/42"), "/organisations/42");
    }
}
