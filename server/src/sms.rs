//! SMS transports for the day's alerts: an HTTP gateway set in the configuration
//! (`CORDON_SMS_GATEWAY_URL`, optional bearer token `CORDON_SMS_GATEWAY_TOKEN`), which receives
//! `POST {"to": "+33612345678", "text": "…"}` and answers 2xx once it took the message; or,
//! without a gateway, the outbox folder, one `.sms` file per message, logged as mail is. A
//! gateway that fails (unreachable, slow, any other status, a certificate it cannot prove) is
//! logged with its cause and the message goes to the outbox instead: an alert's SMS is never
//! silently lost.
//!
//! An `https://` gateway is reached through rustls (pure Rust, the `ring` provider lettre
//! already uses) and checked against the Mozilla roots compiled in (`webpki-roots`), plus the
//! certificates of `CORDON_SMS_GATEWAY_CA` for a gateway whose certificate a private authority
//! signed ([`GatewayUrl`]).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Duration;

use anyhow::{bail, Context};
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

/// Where the SMS gateway is: its URL, `http://` or `https://`, and for an https gateway whose
/// certificate a private authority signed, that authority's certificates (PEM), trusted beside
/// the Mozilla roots. Read once at start-up (`Config::from_env`): a wrong scheme or an
/// unreadable authority stops the start, never an alert later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayUrl {
    pub url: String,
    /// The PEM text of `CORDON_SMS_GATEWAY_CA`, checked to hold at least one certificate.
    pub extra_roots: Option<Vec<u8>>,
}

impl GatewayUrl {
    /// `url` (`http://` or `https://`) and, if given, the PEM file of its authority.
    pub fn new(url: &str, ca_file: Option<&Path>) -> anyhow::Result<Self> {
        let url = url.trim();
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            bail!("CORDON_SMS_GATEWAY_URL must start with http:// or https://, not {url:?}");
        }
        let extra_roots = match ca_file {
            Some(path) => {
                let pem = std::fs::read(path)
                    .with_context(|| format!("CORDON_SMS_GATEWAY_CA: cannot read {}", path.display()))?;
                let certificates = reqwest::Certificate::from_pem_bundle(&pem)
                    .with_context(|| format!("CORDON_SMS_GATEWAY_CA: {} is not PEM", path.display()))?;
                if certificates.is_empty() {
                    bail!("CORDON_SMS_GATEWAY_CA: {} holds no certificate", path.display());
                }
                Some(pem)
            }
            None => None,
        };
        Ok(GatewayUrl { url: url.to_string(), extra_roots })
    }
}

pub struct GatewaySms {
    client: reqwest::Client,
    url: String,
    token: Option<String>,
    fallback: OutboxSms,
}

impl GatewaySms {
    pub fn new(gateway: &GatewayUrl, token: Option<String>, outbox: PathBuf) -> anyhow::Result<Self> {
        let mut builder = reqwest::Client::builder().timeout(GATEWAY_TIMEOUT).use_rustls_tls();
        if let Some(pem) = &gateway.extra_roots {
            for certificate in reqwest::Certificate::from_pem_bundle(pem).context("CORDON_SMS_GATEWAY_CA")? {
                builder = builder.add_root_certificate(certificate);
            }
        }
        let client = builder.build()?;
        Ok(GatewaySms { client, url: gateway.url.clone(), token, fallback: OutboxSms::new(outbox) })
    }

    /// Hands `sms` to the gateway; the error says why not, with its causes (« error sending
    /// request …: invalid peer certificate: UnknownIssuer »): what the log shows.
    pub async fn post(&self, sms: &OutgoingSms) -> Result<(), String> {
        let mut request = self.client.post(&self.url).json(&serde_json::json!({ "to": sms.to, "text": sms.text }));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| with_causes(&e))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("the gateway answered {}", response.status()))
        }
    }
}

/// An error and its causes on one line: reqwest's own message hides why a connection failed
/// (a certificate refused, a connection refused), which is what the operator needs.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        let text = e.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cause = e.source();
    }
    out
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
