//! SMS transports for the day's alerts: an HTTP gateway set in the configuration
//! (`CORDON_SMS_GATEWAY_URL`, optional bearer token `CORDON_SMS_GATEWAY_TOKEN`), which receives
//! `POST {"to": "+33612345678", "text": "…"}` and answers 2xx once it took the message; or,
//! without a gateway, the outbox folder, one `.sms` file per message, logged as mail is. A
//! gateway that fails (unreachable, slow, any other status) is logged and the message goes to
//! the outbox instead: an alert's SMS is never silently lost.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use app::state::{OutgoingSms, SmsTransport};

/// How long the gateway has to take a message.
const GATEWAY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct OutboxSms {
    dir: PathBuf,
}

impl OutboxSms {
    pub fn new(dir: PathBuf) -> Self {
        OutboxSms { dir }
    }
}

impl SmsTransport for OutboxSms {
    fn send<'a>(&'a self, sms: OutgoingSms) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            tokio::fs::create_dir_all(&self.dir).await.map_err(|e| e.to_string())?;
            let name =
                format!("{}-{}.sms", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"), uuid::Uuid::new_v4().simple());
            let path = self.dir.join(name);
            let content = format!("To: {}\n\n{}\n", sms.to, sms.text);
            tokio::fs::write(&path, content).await.map_err(|e| e.to_string())?;
            tracing::info!(path = %path.display(), "SMS written to the outbox");
            Ok(())
        })
    }
}

pub struct GatewaySms {
    client: reqwest::Client,
    url: String,
    token: Option<String>,
    fallback: OutboxSms,
}

impl GatewaySms {
    pub fn new(url: &str, token: Option<String>, outbox: PathBuf) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder().timeout(GATEWAY_TIMEOUT).build()?;
        Ok(GatewaySms { client, url: url.to_string(), token, fallback: OutboxSms::new(outbox) })
    }

    async fn post(&self, sms: &OutgoingSms) -> Result<(), String> {
        let mut request = self.client.post(&self.url).json(&serde_json::json!({ "to": sms.to, "text": sms.text }));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| e.to_string())?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("the gateway answered {}", response.status()))
        }
    }
}

impl SmsTransport for GatewaySms {
    fn send<'a>(&'a self, sms: OutgoingSms) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            match self.post(&sms).await {
                Ok(()) => {
                    tracing::info!("SMS handed to the gateway");
                    Ok(())
                }
                Err(e) => {
                    tracing::error!(error = %e, "the SMS gateway failed: the SMS goes to the outbox");
                    self.fallback.send(sms).await
                }
            }
        })
    }
}
