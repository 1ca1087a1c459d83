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

/// Where log lines go: standard error, written by the calling thread (commands: every line is
/// out before the process exits, whatever way it exits), or by a background thread (the server:
/// a request's thread only hands its line over, instead of waiting for the write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    Direct,
    Background,
}

/// Sets up the log. With [`Writing::Background`] the returned guard must live as long as the
/// server: dropping it writes out the lines still queued (the server's last lines at shutdown).
pub fn init(json: bool, writing: Writing) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    match writing {
        Writing::Direct => {
            let builder = builder.with_writer(std::io::stderr);
            let _ = if json { builder.json().try_init() } else { builder.try_init() };
            None
        }
        Writing::Background => {
            // Not lossy: when the queue is full a request waits rather than a line being lost.
            // The buffer is flushed each time the queue runs empty, so lines still appear at once.
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .lossy(false)
                .thread_name("cordon-log")
                .finish(std::io::BufWriter::new(std::io::stderr()));
            let builder = builder.with_writer(writer).with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
            let _ = if json { builder.json().try_init() } else { builder.try_init() };
            Some(guard)
        }
    }
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
