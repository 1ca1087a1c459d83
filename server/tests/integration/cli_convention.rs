//! `cordon convention pdf` through the real binary on the demo festival: refused before any
//! release, then a PDF whose text (read by `pdftotext`, Debian's poppler-utils) holds the
//! event, the reference, the version, the SHA-256 of the stored release and the zones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};
use sqlx::Row;

fn url(db: &Path) -> String {
    format!("sqlite://{}?mode=rwc", db.display())
}

fn cordon(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", url(db))
        .env("CORDON_OUTBOX_DIR", db.with_extension("outbox"))
        .env(
            "CORDON_COMMUNES_FILE",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(cordon_server::config::DEFAULT_COMMUNES_FILE),
        )
        .env_remove("SMTP_URL")
        .args(args)
        .output()
        .unwrap()
}

fn ok(output: Output) -> Output {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

fn temp(extension: &str) -> PathBuf {
    std::env::temp_dir().join(format!("cordon-cli-convention-{}.{extension}", uuid::Uuid::new_v4()))
}

/// A database with the demo loaded, and the festival's id.
fn demo_database() -> (PathBuf, String) {
    let db = temp("sqlite");
    ok(cordon(&db, &["demo"]));
    let list = String::from_utf8(ok(cordon(&db, &["plan", "list"])).stdout).unwrap();
    let id = list.split('\t').next().unwrap().trim().to_string();
    (db, id)
}

/// The stored JSON of the event's v1, and the name of its first zone.
async fn stored_release(db: &Path, event_id: &str) -> (String, String) {
    let store = app::store::connect(&url(db)).await.unwrap();
    let row = sqlx::query("SELECT data FROM releases WHERE event_id = $1 AND number = 1")
        .bind(event_id)
        .fetch_one(&store.pool)
        .await
        .unwrap();
    let data: String = row.try_get("data").unwrap();
    store.pool.close().await;
    let release: app::domain::release::Release = serde_json::from_str(&data).unwrap();
    let zone = release.plan().zones[0].name().to_string();
    (data, zone)
}

#[tokio::test]
async fn the_convention_of_the_published_festival_holds_its_key_fields() {
    let (db, festival) = demo_database();
    let pdf = temp("pdf");
    let refused = cordon(&db, &["convention", "pdf", &festival, "--output", pdf.to_str().unwrap()]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("n’a aucune version publiée"), "{message}");
    assert!(!pdf.exists());

    ok(cordon(&db, &["plan", "publish", &festival, "--comment", "Version pour la préfecture"]));
    let inputs = temp("json");
    std::fs::write(
        &inputs,
        r#"{"prefecture": "Préfecture des Bouches-du-Rhône",
            "amendments": [{"article": "engagements", "author": "prefecture", "text": "Briefing à 17:00 au PC."}]}"#,
    )
    .unwrap();
    let args = ["--reference", "CLCS-13-2027-0001", "--inputs", inputs.to_str().unwrap(), "--today", "2027-05-01"];
    let output = ok(cordon(
        &db,
        &[&["convention", "pdf", &festival, "--output", pdf.to_str().unwrap()][..], &args[..]].concat(),
    ));
    let (data, zone) = stored_release(&db, &festival).await;
    let digest: String = Sha256::digest(data.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains(&digest), "the printed digest is the SHA-256 of the stored release: {stdout}");

    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = crate::common::pdf_file_text(&pdf);
    for expected in [
        "Fête de la Saint-Pierre",
        "CLCS-13-2027-0001",
        "Version du plan : v1",
        digest.as_str(),
        zone.as_str(),
        "chacun agissant dans le cadre strict de ses missions et de ses attributions",
        "PRÉFECTURE DES BOUCHES-DU-RHÔNE",
        "Briefing à 17:00 au PC.",
        "Page 1 / ",
    ] {
        assert!(text.contains(expected), "« {expected} » missing from the PDF text:\n{text}");
    }
}

#[test]
fn an_unknown_event_is_named_in_the_error() {
    let db = temp("sqlite");
    let output = cordon(&db, &["convention", "pdf", "00000000-0000-4000-8000-000000000000", "--output", "/dev/null"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("aucun événement n’a l’identifiant"));
}
