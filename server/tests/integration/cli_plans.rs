//! `cordon plan list | export | import` through the real binary: the export of the demo
//! festival imports into a database that lacks it and exports back to the same bytes; a
//! broken file or one naming unknown organisations is refused whole, with every error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn url(db: &Path) -> String {
    format!("sqlite://{}?mode=rwc", db.display())
}

fn cordon(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", url(db))
        .env("CORDON_OUTBOX_DIR", db.with_extension("outbox"))
        .env(
            "CORDON_COMMUNES_FILE",
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(cordon_server::config::DEFAULT_COMMUNES_FILE),
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
    std::env::temp_dir().join(format!("cordon-cli-plans-{}.{extension}", uuid::Uuid::new_v4()))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A database with the demo loaded, and the festival's id read from `cordon plan list`.
fn demo_database() -> (PathBuf, String) {
    let db = temp("sqlite");
    ok(cordon(&db, &["demo"]));
    let list = stdout(&ok(cordon(&db, &["plan", "list"])));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 1, "{list}");
    let fields: Vec<&str> = lines[0].split('\t').collect();
    // id, name, start and end in the event's time zone, separated by tabs.
    assert_eq!(fields.len(), 4, "{list}");
    assert!(fields[1].starts_with("Fête de la Saint-Pierre"), "{list}");
    assert!(fields[2].ends_with("juin 2027 à 10:00") && fields[3].contains("juin 2027 à "), "{list}");
    (db, fields[0].to_string())
}

/// A new database holding only what a plan file cannot carry: the organisations, copied with
/// their ids from `source` (an organisation is created by an administrator, never imported).
/// No account, no event: the import has to create the event and all its records itself.
async fn database_with_the_organisations_of(source: &Path) -> PathBuf {
    let db = temp("sqlite");
    ok(cordon(&db, &["migrate"]));
    let target = app::store::connect(&url(&db)).await.unwrap();
    let mut conn = target.pool.acquire().await.unwrap();
    sqlx::query("ATTACH DATABASE $1 AS source").bind(source.display().to_string()).execute(&mut *conn).await.unwrap();
    sqlx::query("INSERT INTO organisations SELECT * FROM source.organisations").execute(&mut *conn).await.unwrap();
    sqlx::query("DETACH DATABASE source").execute(&mut *conn).await.unwrap();
    drop(conn);
    target.pool.close().await;
    db
}

#[tokio::test]
async fn the_exported_festival_imports_into_another_database_and_exports_to_the_same_bytes() {
    let (db, festival) = demo_database();
    let file = temp("json");
    ok(cordon(&db, &["plan", "export", &festival, "--output", file.to_str().unwrap()]));
    let exported = std::fs::read(&file).unwrap();
    assert_eq!(ok(cordon(&db, &["plan", "export", &festival])).stdout, exported, "standard output: the same bytes");
    let text = String::from_utf8(exported.clone()).unwrap();
    assert!(text.contains("en civil"), "the administrator's export holds restricted deployments too");

    // The same database already has the event: refused, nothing changes.
    let again = cordon(&db, &["plan", "import", file.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("$.event.id : Un événement portant cet identifiant existe déjà"),
        "{}",
        stderr(&again)
    );

    let second = database_with_the_organisations_of(&db).await;
    assert_eq!(stdout(&ok(cordon(&second, &["plan", "list"]))), "");
    let imported = ok(cordon(&second, &["plan", "import", file.to_str().unwrap()]));
    assert_eq!(stdout(&imported), format!("{festival}\n"));
    assert_eq!(ok(cordon(&second, &["plan", "export", &festival])).stdout, exported);
}

#[tokio::test]
async fn a_broken_file_is_refused_with_every_error_and_nothing_is_imported() {
    let (db, festival) = demo_database();
    let exported = ok(cordon(&db, &["plan", "export", &festival])).stdout;
    let mut plan: serde_json::Value = serde_json::from_slice(&exported).unwrap();
    plan["event"]["window"]["end"] = "2027-06-25T08:00:00Z".into();
    plan["event"]["time_zone"] = "Europe/Marseille".into();
    plan["deployments"][0]["headcount"] = 1_000_000_000.into();
    let first_zone = plan["zones"][0]["id"].clone();
    plan["zones"][1]["id"] = first_zone;
    let file = temp("json");
    std::fs::write(&file, serde_json::to_vec_pretty(&plan).unwrap()).unwrap();

    let second = database_with_the_organisations_of(&db).await;
    let refused = cordon(&second, &["plan", "import", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let errors = stderr(&refused);
    for path in ["$.event.window.end : ", "$.event.time_zone : ", "$.deployments[0].headcount : ", "$.zones[1].id : "] {
        assert!(errors.lines().any(|line| line.starts_with(path)), "{path} missing from:\n{errors}");
    }
    assert!(errors.contains("rien n’a été importé"), "{errors}");
    assert_eq!(stdout(&refused), "");
    assert_eq!(stdout(&ok(cordon(&second, &["plan", "list"]))), "", "no event was created");
    let records = count_records(&second).await;
    assert_eq!(records, (0, 0));
}

#[tokio::test]
async fn a_file_naming_organisations_this_database_lacks_is_refused_at_each_path() {
    let (db, festival) = demo_database();
    let file = temp("json");
    ok(cordon(&db, &["plan", "export", &festival, "--output", file.to_str().unwrap()]));
    let empty = temp("sqlite");
    ok(cordon(&empty, &["migrate"]));
    let refused = cordon(&empty, &["plan", "import", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let errors = stderr(&refused);
    let plan: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let participants = plan["participants"].as_array().unwrap().len();
    assert!(participants >= 5, "every organisation taking part in the festival: {participants}");
    for i in 0..participants {
        let line = format!(
            "$.participants[{i}].organisation_id : Organisation inconnue : aucune organisation de la base n’a cet \
             identifiant."
        );
        assert!(errors.lines().any(|l| l == line), "{line} missing from:\n{errors}");
    }
    assert_eq!(count_records(&empty).await, (0, 0));
}

#[test]
fn a_refusal_prints_its_french_message_and_no_stack_trace_even_with_rust_backtrace_set() {
    let db = temp("sqlite");
    ok(cordon(&db, &["migrate"]));
    let failed = Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", url(&db))
        .env("RUST_BACKTRACE", "1")
        .args(["plan", "export", "0c3060e1-7122-456c-887a-f0c0f8ffa464"])
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let errors = stderr(&failed);
    assert!(errors.contains("aucun événement"), "{errors}");
    assert!(!errors.contains("backtrace") && !errors.contains("Stack") && !errors.contains(" at "), "{errors}");
    assert!(!errors.starts_with("Error"), "{errors}");
}

#[test]
fn exporting_an_unknown_event_fails_and_writes_nothing() {
    let db = temp("sqlite");
    ok(cordon(&db, &["migrate"]));
    let out = temp("json");
    let failed = cordon(&db, &["plan", "export", "0c3060e1-7122-456c-887a-f0c0f8ffa464", "-o", out.to_str().unwrap()]);
    assert!(!failed.status.success());
    assert!(stderr(&failed).contains("aucun événement"), "{}", stderr(&failed));
    assert!(!out.exists());
}

/// (events, plan records) in a database.
async fn count_records(db: &Path) -> (i64, i64) {
    use sqlx::Row;
    let db = app::store::connect(&url(db)).await.unwrap();
    let events = sqlx::query("SELECT COUNT(*) AS n FROM events").fetch_one(&db.pool).await.unwrap().get("n");
    let records = sqlx::query("SELECT COUNT(*) AS n FROM plan_records").fetch_one(&db.pool).await.unwrap().get("n");
    db.pool.close().await;
    (events, records)
}

#[test]
fn plan_help_lists_the_three_commands() {
    let help = Command::new(env!("CARGO_BIN_EXE_cordon")).args(["plan", "--help"]).output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    for command in ["list", "export", "import"] {
        assert!(text.contains(command), "{command} missing from `cordon plan --help`:\n{text}");
    }
    assert!(text.contains("Exemples :") && text.contains("cordon plan import fete.json"), "{text}");
}

#[test]
fn every_command_group_shows_examples_in_its_help_and_the_exit_statuses_are_documented() {
    let help = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_cordon")).args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let top = help(&["--help"]);
    assert!(top.contains("Statut de sortie : 0 réussi, 1 refusé"), "{top}");
    for group in ["user", "plan", "feed", "schedule", "convention", "audit", "census"] {
        let text = help(&[group, "--help"]);
        assert!(text.contains("Exemple"), "no example in `cordon {group} --help`:\n{text}");
        assert!(text.contains(&format!("cordon {group}")), "{text}");
    }
}

#[tokio::test]
async fn a_plan_in_a_commune_missing_from_the_official_list_is_refused() {
    let (db, festival) = demo_database();
    let exported = ok(cordon(&db, &["plan", "export", &festival])).stdout;
    let mut plan: serde_json::Value = serde_json::from_slice(&exported).unwrap();
    plan["event"]["commune_code"] = "13999".into();
    let file = temp("json");
    std::fs::write(&file, serde_json::to_vec_pretty(&plan).unwrap()).unwrap();
    let second = database_with_the_organisations_of(&db).await;
    let refused = cordon(&second, &["plan", "import", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("$.event.commune_code : Aucune commune ne porte ce code INSEE"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(stdout(&ok(cordon(&second, &["plan", "list"]))), "");
}
