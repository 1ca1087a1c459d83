//! Configuration, parsed once at start-up from environment variables (documented in
//! `.env.example` and the README). Tests build a `Config` directly instead.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context};

/// Where `make` installs the official commune list (npm `@etalab/decoupage-administratif`).
pub const DEFAULT_COMMUNES_FILE: &str = "node_modules/@etalab/decoupage-administratif/data/communes.json";

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` (default `sqlite://data/cordon.sqlite?mode=rwc`) or `postgres://…`.
    pub database_url: String,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Public address, used in links sent by e-mail.
    pub base_url: String,
    /// `smtp://user:pass@host:port` or `smtps://…`; without it, mail goes to `outbox_dir`.
    pub smtp_url: Option<String>,
    /// The sender of every e-mail.
    pub mail_from: String,
    pub outbox_dir: PathBuf,
    /// `http://…` or `https://…` of the SMS gateway the day's alerts go through, with the
    /// authority of its certificate if private (`CORDON_SMS_GATEWAY_CA`); without it, SMS are
    /// written to `outbox_dir` (`server/src/sms.rs`).
    pub sms_gateway_url: Option<crate::sms::GatewayUrl>,
    /// The gateway's bearer token, if it wants one.
    pub sms_gateway_token: Option<String>,
    /// The folder with the built site (`pkg/`, `dsfr/`, …).
    pub site_root: PathBuf,
    /// `communes.json` of the npm package `@etalab/decoupage-administratif`.
    pub communes_file: PathBuf,
    pub state_branding: bool,
    pub trust_proxy: bool,
    pub secure_cookies: bool,
}

fn flag(name: &str) -> anyhow::Result<bool> {
    match std::env::var(name).ok().as_deref().map(str::trim) {
        None | Some("") | Some("0") | Some("false") | Some("non") => Ok(false),
        Some("1") | Some("true") | Some("oui") => Ok(true),
        Some(other) => bail!("{name} must be 0 or 1, not {other:?}"),
    }
}

fn var_or(name: &str, default: &str) -> String {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| default.to_string())
}

impl Config {
    /// Reads the environment. `addr` from the command line wins over `CORDON_ADDR`.
    pub fn from_env(addr_override: Option<SocketAddr>) -> anyhow::Result<Config> {
        let addr = match addr_override {
            Some(a) => a,
            None => var_or("CORDON_ADDR", "127.0.0.1:3000").parse().context("CORDON_ADDR must be HOST:PORT")?,
        };
        let base_url = var_or("CORDON_BASE_URL", &format!("http://{addr}")).trim_end_matches('/').to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            bail!("CORDON_BASE_URL must start with http:// or https://");
        }
        let secure_cookies = match std::env::var("CORDON_SECURE_COOKIES") {
            Ok(_) => flag("CORDON_SECURE_COOKIES")?,
            Err(_) => base_url.starts_with("https://"),
        };
        let sms_gateway_ca = std::env::var("CORDON_SMS_GATEWAY_CA").ok().filter(|v| !v.trim().is_empty());
        let sms_gateway_url = match std::env::var("CORDON_SMS_GATEWAY_URL").ok().filter(|v| !v.trim().is_empty()) {
            Some(url) => Some(crate::sms::GatewayUrl::new(&url, sms_gateway_ca.as_deref().map(std::path::Path::new))?),
            None if sms_gateway_ca.is_some() => bail!("CORDON_SMS_GATEWAY_CA is set without CORDON_SMS_GATEWAY_URL"),
            None => None,
        };
        Ok(Config {
            sms_gateway_url,
            sms_gateway_token: std::env::var("CORDON_SMS_GATEWAY_TOKEN").ok().filter(|v| !v.trim().is_empty()),
            database_url: var_or("DATABASE_URL", "sqlite://data/cordon.sqlite?mode=rwc"),
            addr,
            base_url,
            smtp_url: std::env::var("SMTP_URL").ok().filter(|v| !v.trim().is_empty()),
            mail_from: var_or("CORDON_MAIL_FROM", "Cordon <ne-pas-repondre@cordon.localhost>"),
            outbox_dir: PathBuf::from(var_or("CORDON_OUTBOX_DIR", "data/outbox")),
            site_root: PathBuf::from(var_or("LEPTOS_SITE_ROOT", "target/site")),
            communes_file: PathBuf::from(var_or("CORDON_COMMUNES_FILE", DEFAULT_COMMUNES_FILE)),
            state_branding: flag("CORDON_STATE_BRANDING")?,
            trust_proxy: flag("CORDON_TRUST_PROXY")?,
            secure_cookies,
        })
    }

    /// The settings server functions see.
    pub fn settings(&self) -> app::state::Settings {
        app::state::Settings {
            base_url: self.base_url.clone(),
            secure_cookies: self.secure_cookies,
            trust_proxy: self.trust_proxy,
            state_branding: self.state_branding,
        }
    }
}
