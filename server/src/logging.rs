//! One log line per request: method, path (secrets removed, no query string), status, latency.
//! The server's lines are gathered in memory and written out in batches by a background thread
//! (`BatchedStderr`), so that a request's thread never waits for standard error.

use std::borrow::Cow;
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// Path segments after these prefixes are secrets (invitation, feed, reset and check-in link
/// tokens) and never logged.
const SECRET_PREFIXES: [&str; 4] = ["/invitation/", "/flux/", "/reinitialisation/", "/pointage/"];

pub fn redact_path(path: &str) -> Cow<'_, str> {
    for prefix in SECRET_PREFIXES {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return Cow::Owned(format!("{prefix}[masqué]"));
        }
    }
    Cow::Borrowed(path)
}

/// Where log lines go: standard error, written by the calling thread (commands: every line is
/// out before the process exits, whatever way it exits), or in batches (the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    Direct,
    Background,
}

/// How often the background thread writes out the lines gathered.
const FLUSH_EVERY: Duration = Duration::from_millis(50);
/// Past this many bytes gathered, the thread whose line crosses it writes them out itself.
const FLUSH_AT_BYTES: usize = 64 * 1024;

struct Shared {
    lines: Mutex<Vec<u8>>,
    stopping: Mutex<bool>,
    wake: Condvar,
}

impl Shared {
    fn lines(&self) -> MutexGuard<'_, Vec<u8>> {
        self.lines.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes out what is gathered. The lock is held while writing, so batches keep their order.
    fn write_out(lines: &mut Vec<u8>) {
        if !lines.is_empty() {
            let _ = std::io::stderr().lock().write_all(lines);
            lines.clear();
        }
    }
}

/// Standard error, in batches: a line is appended to a buffer in memory (no system call, no
/// thread woken) and a background thread writes the buffer out every 50 ms.
#[derive(Clone)]
pub struct BatchedStderr(Arc<Shared>);

/// One line being written into the batch.
pub struct BatchedLine<'a>(&'a Shared);

impl Write for BatchedLine<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut lines = self.0.lines();
        lines.extend_from_slice(bytes);
        if lines.len() >= FLUSH_AT_BYTES {
            Shared::write_out(&mut lines);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for BatchedStderr {
    type Writer = BatchedLine<'a>;
    fn make_writer(&'a self) -> Self::Writer {
        BatchedLine(&self.0)
    }
}

/// Keeps the background writer running; dropping it writes out the last lines (the server's
/// last lines at shutdown) and stops the thread.
pub struct LogGuard {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        *self.shared.stopping.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.shared.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        Shared::write_out(&mut self.shared.lines());
    }
}

/// A batched standard error and the guard of its background thread.
pub fn batched_stderr() -> (BatchedStderr, LogGuard) {
    let shared = Arc::new(Shared { lines: Mutex::new(Vec::new()), stopping: Mutex::new(false), wake: Condvar::new() });
    let flusher = shared.clone();
    let thread = std::thread::Builder::new()
        .name("cordon-log".into())
        .spawn(move || loop {
            let stopping = flusher.stopping.lock().unwrap_or_else(|e| e.into_inner());
            let (stopping, _) =
                flusher.wake.wait_timeout_while(stopping, FLUSH_EVERY, |s| !*s).unwrap_or_else(|e| e.into_inner());
            let stop = *stopping;
            drop(stopping);
            Shared::write_out(&mut flusher.lines());
            if stop {
                break;
            }
        })
        .ok();
    (BatchedStderr(shared.clone()), LogGuard { shared, thread })
}

/// Sets up the log. With [`Writing::Background`] the returned guard must live as long as the
/// server: dropping it writes out the lines still gathered.
pub fn init(json: bool, writing: Writing) -> Option<LogGuard> {
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
            let (writer, guard) = batched_stderr();
            let builder = builder.with_writer(writer).with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
            let _ = if json { builder.json().try_init() } else { builder.try_init() };
            Some(guard)
        }
    }
}

/// A new request id: 64 random bits in hex, short enough for a user to read out.
fn new_request_id() -> String {
    use rand::RngCore;
    format!("{:016x}", rand::thread_rng().next_u64())
}

/// Logs one line per request, and gives the request its id: every line logged while serving it
/// carries the id (a span), the response names it (`X-Request-Id`), and an internal error's
/// message quotes it (`AppError::InternalReference`).
pub async fn log_requests(mut req: Request, next: Next) -> Response {
    use tracing::Instrument;
    let started = Instant::now();
    let method = req.method().clone();
    let uri = req.uri().clone();
    let id = new_request_id();
    req.extensions_mut().insert(app::state::RequestId(id.clone()));
    let span = tracing::info_span!("request", id = %id);
    let mut res = next.run(req).instrument(span.clone()).await;
    if let Ok(value) = axum::http::HeaderValue::from_str(&id) {
        res.headers_mut().insert("x-request-id", value);
    }
    span.in_scope(|| {
        tracing::info!(
            method = %method,
            path = %redact_path(uri.path()),
            status = res.status().as_u16(),
            latency_ms = (started.elapsed().as_secs_f64() * 10_000.0).round() / 10.0,
            "request"
        )
    });
    res
}

#[cfg(test)]
mod tests {
    use super::redact_path;

    #[test]
    fn an_invitation_or_feed_token_never_reaches_the_log() {
        assert_eq!(redact_path("/invitation/abcDEF123"), "/invitation/[masqué]");
        assert_eq!(redact_path("/reinitialisation/abcDEF123"), "/reinitialisation/[masqué]");
        assert_eq!(redact_path("/flux/Drts2j7uY0MqXAfvL3YqeD4cmC1k.ics"), "/flux/[masqué]");
        assert_eq!(redact_path("/pointage/Drts2j7uY0MqXAfvL3YqeD4cmC1k"), "/pointage/[masqué]");
        assert_eq!(redact_path("/organisations/42"), "/organisations/42");
    }
}
