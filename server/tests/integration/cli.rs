//! The `cordon` binary itself: migrate, demo, user add, and a graceful stop on SIGTERM.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

fn cordon(db: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cordon"));
    cmd.env("DATABASE_URL", format!("sqlite://{}?mode=rwc", db.display()))
        .env("CORDON_OUTBOX_DIR", db.with_extension("outbox"))
        .env(
            "CORDON_COMMUNES_FILE",
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(cordon_server::config::DEFAULT_COMMUNES_FILE),
        )
        .env_remove("SMTP_URL");
    cmd
}

fn temp_db() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("cordon-cli-{}.sqlite", uuid::Uuid::new_v4()))
}

#[test]
fn help_describes_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_cordon")).arg("--help").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for command in ["serve", "migrate", "demo", "user"] {
        assert!(text.contains(command), "{command} missing from --help:\n{text}");
    }
}

#[test]
fn demo_loads_once_and_prints_the_accounts() {
    let db = temp_db();
    let first = cordon(&db).arg("demo").output().unwrap();
    assert!(first.status.success());
    let text = String::from_utf8(first.stdout).unwrap();
    assert!(text.contains("organisateur@cordon.test") && text.contains("cordon-demo-2026"), "{text}");
    let second = cordon(&db).arg("demo").output().unwrap();
    assert!(second.status.success());
    assert!(String::from_utf8(second.stdout).unwrap().contains("déjà des comptes"));
}

#[test]
fn user_add_creates_an_account_in_an_organisation_and_refuses_a_short_password() {
    let db = temp_db();
    assert!(cordon(&db).arg("demo").output().unwrap().status.success());
    let add = |password: &str, email: &str| {
        let mut child = cordon(&db)
            .args([
                "user",
                "add",
                "--email",
                email,
                "--name",
                "Léa Girard",
                "--org",
                "Comité des fêtes de Martigues",
                "--role",
                "admin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = add("court", "lea@cordon.test");
    assert!(!short.status.success());
    assert!(String::from_utf8(short.stderr).unwrap().contains("au moins 12 caractères"));
    let ok = add("un-mot-de-passe-solide", "lea@cordon.test");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert_eq!(
        String::from_utf8(ok.stdout).unwrap().lines().last().unwrap().split(" (").next().unwrap(),
        "Compte créé : lea@cordon.test"
    );
    let again = add("un-mot-de-passe-solide", "LEA@cordon.test");
    assert!(!again.status.success());
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let db = temp_db();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut child = cordon(&db)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let health = format!("http://127.0.0.1:{port}/healthz");
    let mut up = false;
    for _ in 0..100 {
        if reqwest::blocking_get_ok(&health) {
            up = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(up, "server did not start");
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let mut waited = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(waited < 100, "server still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    };
    assert!(status.success(), "exit status {status:?}");
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("shutdown requested"), "{log}");
    // The log is written by a background thread: the lines still queued at the stop are out too.
    assert!(log.contains("path=/healthz status=200"), "{log}");
}

/// A tiny blocking GET without pulling reqwest's blocking feature.
mod reqwest {
    pub fn blocking_get_ok(url: &str) -> bool {
        let rest = url.trim_start_matches("http://");
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let Ok(mut stream) = std::net::TcpStream::connect(host) else { return false };
        use std::io::{Read, Write};
        if write!(stream, "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").is_err() {
            return false;
        }
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer.starts_with("HTTP/1.1 200")
    }
}
