//! The one concrete application state handed to the router and read by server functions
//! from the Leptos context: the database pool, the settings and the mail transport.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::domain::communes::CommuneRegistry;
use crate::store::Db;

/// What server functions need to know of the configuration (the server parses it once).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Public address of this instance, without trailing slash (links in e-mails).
    pub base_url: String,
    /// Mark cookies `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    /// Read the client address from `X-Forwarded-For` (behind a trusted load balancer).
    pub trust_proxy: bool,
    /// Show the "République française" brand block (reserved to State services).
    pub state_branding: bool,
}

/// An e-mail ready to go: plain-text French body, and at most one attached file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<MailAttachment>,
}

/// A file attached to an e-mail (a calendar of the changed deployments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttachment {
    pub filename: String,
    /// E.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    pub content_type: String,
    pub content: String,
}

/// Sends mail. The server provides SMTP (`lettre`) or the outbox folder; both are real.
pub trait MailTransport: Send + Sync + 'static {
    fn send<'a>(&'a self, mail: OutgoingMail) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// A text message ready to go: an international number (`+33612345678`) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingSms {
    pub to: String,
    pub text: String,
}

/// Sends text messages. The server provides the HTTP gateway of the configuration, falling
/// back to the outbox folder, or the outbox alone; both are real.
pub trait SmsTransport: Send + Sync + 'static {
    fn send<'a>(&'a self, sms: OutgoingSms) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub mail: Arc<dyn MailTransport>,
    /// The day's alerts by SMS.
    pub sms: Arc<dyn SmsTransport>,
    /// The official list of communes (events must take place in one).
    pub communes: Arc<CommuneRegistry>,
    /// Shared: axum clones the state for every request, and the options hold a dozen strings.
    pub leptos_options: Arc<LeptosOptions>,
    /// The event logs followed live on this instance.
    pub log_hub: Arc<crate::service::live::LogHub>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        (*state.leptos_options).clone()
    }
}

/// The CSP nonce minted for one response by the server's security-headers layer; the shell
/// hands it to Leptos so that the hydration scripts carry it.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// The id of the request being served: in every log line of it and in the `X-Request-Id`
/// header, and quoted on an internal error's message so that a user can pass it on.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);
