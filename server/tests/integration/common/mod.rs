//! The HTTP test harness: the real server on port 0, a fresh database, a real SMTP sink.
#![allow(dead_code)]

pub mod smtp;

use std::net::SocketAddr;

use app::domain::{Email, Instant, MembershipRole, OrganisationProfile, PersonName};
use app::service::security::hash_password_now;
use app::store::testing::TestDb;
use app::store::{self, Db};
use cordon_server::config::Config;
use reqwest::header::HeaderMap;
use serde_json::Value;

pub use smtp::SmtpSink;

pub const PASSWORD: &str = "mot-de-passe-solide";

pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// The running server's state, for what no request triggers (the hourly housekeeping).
    pub state: app::state::AppState,
    pub mail: SmtpSink,
    test_db: Option<TestDb>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

pub enum Backend {
    Sqlite,
    Postgres,
}

/// What a test sets beside the defaults: the SMS gateway and the outbox folder.
#[derive(Default, Clone)]
pub struct Options {
    pub sms_gateway_url: Option<String>,
    /// The PEM file of the gateway's certificate authority (`CORDON_SMS_GATEWAY_CA`).
    pub sms_gateway_ca: Option<std::path::PathBuf>,
    pub outbox_dir: Option<std::path::PathBuf>,
}

/// Starts Cordon on 127.0.0.1:0 with a fresh database and mail going to a loopback SMTP sink.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

/// As [`spawn_app`], with `options`.
pub async fn spawn_app_with(backend: Backend, options: Options) -> TestApp {
    cordon_server::logging::init(false, cordon_server::logging::Writing::Direct);
    let test_db = match backend {
        Backend::Sqlite => TestDb::sqlite().await,
        Backend::Postgres => TestDb::postgres().await,
    };
    let (db, url) = (test_db.db.clone(), test_db.url.clone());
    start(db, url, Some(test_db), options).await
}

/// A second server on the database at `database_url` (PostgreSQL), as another instance behind
/// a load balancer; the database stays its first server's to drop.
pub async fn spawn_app_on(database_url: &str) -> TestApp {
    let db = store::connect(database_url).await.expect("connect to the first instance's database");
    start(db, database_url.to_string(), None, Options::default()).await
}

/// A server on `db`; it drops the database on `stop` when it holds `test_db`.
async fn start(db: Db, database_url: String, test_db: Option<TestDb>, options: Options) -> TestApp {
    let (mail, smtp_url) = SmtpSink::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let config = Config {
        database_url,
        addr,
        base_url: format!("http://{addr}"),
        smtp_url: Some(smtp_url),
        mail_from: "Cordon <cordon@cordon.test>".into(),
        outbox_dir: options.outbox_dir.unwrap_or_else(|| std::env::temp_dir().join("cordon-test-outbox-unused")),
        sms_gateway_url: options
            .sms_gateway_url
            .map(|url| cordon_server::sms::GatewayUrl::new(&url, options.sms_gateway_ca.as_deref()).unwrap()),
        sms_gateway_token: Some("jeton-de-test".into()),
        site_root: std::path::PathBuf::from("target/site"),
        communes_file: std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(cordon_server::config::DEFAULT_COMMUNES_FILE),
        state_branding: false,
        trust_proxy: false,
        secure_cookies: false,
    };
    let state = cordon_server::app_state(&config, db.clone()).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(cordon_server::serve(listener, state.clone(), async {
        let _ = rx.await;
    }));
    TestApp { base: format!("http://{addr}"), db, state, mail, test_db, shutdown: Some(tx), server: Some(server) }
}

impl TestApp {
    /// Stops the server and drops the database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        match self.test_db.take() {
            Some(db) => db.drop_now().await,
            None => self.db.pool.close().await,
        }
    }

    /// The URL of the test's database (for the command line).
    pub fn database_url(&self) -> String {
        self.test_db.as_ref().map(|t| t.url.clone()).unwrap_or_default()
    }

    /// A browser-like client with its own cookie jar, not following redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
    }

    /// Calls a server function like the hydrated page does (form-encoded, JSON answer).
    pub async fn call(&self, client: &reqwest::Client, name: &str, form: &[(&str, &str)]) -> (u16, Value, HeaderMap) {
        let res = client
            .post(format!("{}/api/{name}", self.base))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)), headers)
    }

    /// Signs in; panics unless it succeeds.
    pub async fn sign_in(&self, client: &reqwest::Client, email: &str) {
        self.sign_in_with(client, email, PASSWORD).await
    }

    /// Signs in with a given password; panics unless it succeeds.
    pub async fn sign_in_with(&self, client: &reqwest::Client, email: &str, password: &str) {
        let (status, body, _) = self.call(client, "sign_in", &[("email", email), ("password", password)]).await;
        assert_eq!(status, 200, "sign-in of {email} failed: {body}");
    }

    pub async fn user(&self, email: &str, name: &str, platform_admin: bool) -> String {
        let hash = hash_password_now(PASSWORD).unwrap();
        store::users::create(
            &self.db,
            &Email::parse(email).unwrap(),
            &PersonName::parse(name).unwrap(),
            &hash,
            platform_admin,
            now(),
        )
        .await
        .unwrap()
    }

    pub async fn organisation(&self, name: &str, kind: &str) -> String {
        let department = if kind == "prefecture" { "13" } else { "" };
        let commune = if kind == "police_municipale" { "13056" } else { "" };
        let cnaps = if kind == "securite_privee" { "AUT-013-2118-05-12-20190412345" } else { "" };
        let profile = OrganisationProfile::parse(name, kind, commune, cnaps, department).unwrap();
        store::organisations::create(&self.db, &profile, now()).await.unwrap()
    }

    /// Loads the demo (organisations, accounts, the Martigues festival) and returns the
    /// festival's id.
    pub async fn demo(&self) -> String {
        assert!(cordon_server::demo::load_if_empty(&self.db, now()).await.unwrap());
        let viewer = app::domain::plan::Viewer { prefecture_departments: vec!["13".into()], ..Default::default() };
        store::plans::list_events(&self.db, &viewer).await.unwrap()[0].id.clone()
    }

    /// A client signed in as a demo account.
    pub async fn demo_client(&self, email: &str) -> reqwest::Client {
        let client = self.client();
        self.sign_in_with(&client, email, cordon_server::demo::DEMO_PASSWORD).await;
        client
    }

    pub async fn member(&self, user: &str, organisation: &str, role: MembershipRole) {
        store::organisations::add_member(&self.db, user, organisation, role, now()).await.unwrap();
    }
}

/// The deployments of a plan page (`get_plan`'s answer) in the documented format: the page
/// carries them in columns (`app::api::plan_wire`), read back by the page's own type.
pub fn deployments(page: &Value) -> Vec<Value> {
    let read: app::api::plan_types::PlanPage = serde_json::from_value(page.clone()).expect("a plan page");
    read.plan.deployments.iter().map(|d| serde_json::to_value(d).expect("a deployment")).collect()
}

/// A plan page with its deployments in the documented format, as [`deployments`] reads them.
pub fn with_deployments_as_records(mut page: Value) -> Value {
    page["plan"]["deployments"] = Value::Array(deployments(&page));
    page
}

pub fn now() -> Instant {
    Instant::from(chrono::Utc::now())
}

/// The invitation link in a received mail.
pub fn invitation_link(data: &str) -> String {
    let body = mail_body(data);
    let start = body.find("http://").expect("a link in the mail");
    body[start..].split_whitespace().next().unwrap().to_string()
}

/// The decoded text body of a raw message (8bit as is, quoted-printable decoded).
pub fn mail_body(data: &str) -> String {
    let (headers, body) = data.split_once("\r\n\r\n").unwrap_or(("", data));
    if !headers.to_ascii_lowercase().contains("content-transfer-encoding: quoted-printable") {
        return body.replace("\r\n", "\n");
    }
    let joined = body.replace("=\r\n", "");
    let mut bytes = Vec::with_capacity(joined.len());
    let raw = joined.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' && i + 2 < raw.len() {
            if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                bytes.push(b);
                i += 3;
                continue;
            }
        }
        bytes.push(raw[i]);
        i += 1;
    }
    String::from_utf8(bytes).unwrap().replace("\r\n", "\n")
}

/// The text of a PDF file read by `pdftotext` (Debian's poppler-utils), whitespace runs folded
/// to one space.
pub fn pdf_file_text(pdf: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// As [`pdf_file_text`], for PDF bytes (written to a temporary file first).
pub fn pdf_text(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("cordon-test-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&path, bytes).unwrap();
    let text = pdf_file_text(&path);
    let _ = std::fs::remove_file(&path);
    text
}
