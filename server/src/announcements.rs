//! How an instance hears what the others announce on PostgreSQL (`pg_notify`): one loop for
//! every channel (feed publications and revocations, new log entries). It reconnects after a
//! failure, and says so (`missed`) each time announcements may have been lost: at connection
//! and after any interruption, so that the caller forgets or re-reads what it keeps.

use std::time::Duration;

/// Listens to `channel` on the database at `database_url` until the task is aborted, calling
/// `heard` with each announcement's payload and `missed` when some may have been missed.
pub async fn listen(
    database_url: String,
    channel: &'static str,
    heard: impl Fn(&str) + Send + Sync,
    missed: impl Fn() + Send + Sync,
) {
    loop {
        match sqlx::postgres::PgListener::connect(&database_url).await {
            Ok(mut listener) => {
                if let Err(e) = listener.listen(channel).await {
                    tracing::warn!(error = %e, channel, "cannot listen to the other instances' announcements");
                } else {
                    missed();
                    loop {
                        match listener.try_recv().await {
                            Ok(Some(notification)) => heard(notification.payload()),
                            // The connection dropped and will be reopened: anything may have
                            // been announced meanwhile.
                            Ok(None) => missed(),
                            Err(e) => {
                                tracing::warn!(error = %e, channel, "announcements interrupted");
                                break;
                            }
                        }
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, channel, "cannot connect to listen to announcements"),
        }
        missed();
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
