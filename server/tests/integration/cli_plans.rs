//! `cordon plan list | export | import | copy` through the real binary: the export of the demo
//! festival imports into a database that lacks it and exports back to the same bytes, and
//! into another Cordon that knows its organisations by their numbers only; a broken file or
//! one naming unknown organisations is refused whole, with every error; a copy gets new ids;
//! next year's edition keeps the local times.

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
    let organisations = plan["organisations"].as_array().unwrap();
    assert_eq!(organisations.len(), 6, "every organisation taking part in the festival");
    for (i, organisation) in organisations.iter().enumerate() {
        let name = organisation["name"].as_str().unwrap();
        let line = format!("$.organisations[{i}] : « {name} » (");
        let found = errors.lines().find(|l| l.starts_with(&line)).unwrap_or_else(|| panic!("{line} in:\n{errors}"));
        assert!(
            found.contains("aucune organisation de cette base n’a ") && found.contains("ne crée jamais"),
            "{found}"
        );
    }
    assert_eq!(count_records(&empty).await, (0, 0));

    // A `cordon-plan/2` file (no organisations) names them by id only.
    let mut older = plan.clone();
    older["format"] = "cordon-plan/2".into();
    older.as_object_mut().unwrap().remove("organisations");
    let old_file = temp("json");
    std::fs::write(&old_file, serde_json::to_vec_pretty(&older).unwrap()).unwrap();
    let refused = stderr(&cordon(&empty, &["plan", "import", old_file.to_str().unwrap()]));
    for i in 0..plan["participants"].as_array().unwrap().len() {
        let line = format!(
            "$.participants[{i}].organisation_id : Organisation inconnue : aucune organisation de la base n’a cet \
             identifiant."
        );
        assert!(refused.lines().any(|l| l == line), "{line} missing from:\n{refused}");
    }
}

/// Another Cordon: the festival's organisations created there by its administrator, under
/// their own ids, with the same SIRET, CNAPS authorisation, commune or department.
async fn another_cordon_with_the_same_organisations() -> PathBuf {
    let db = temp("sqlite");
    ok(cordon(&db, &["migrate"]));
    let target = app::store::connect(&url(&db)).await.unwrap();
    let made = [
        ("Comité des fêtes (Martigues)", "organisateur", "", "", "", "123 456 782 00010"),
        ("Préfecture 13", "prefecture", "", "", "13", ""),
        ("Commissariat de Martigues", "police_nationale", "", "", "", "98765432400019"),
        ("PM Martigues", "police_municipale", "13056", "", "", ""),
        ("Provence Sécurité", "securite_privee", "", "AUT-013-2118-05-12-20190412345", "", ""),
        ("Azur Protection", "securite_privee", "", "AUT-013-2121-03-02-20210098765", "", ""),
        // Same SIRET, another kind: never taken for the commissariat.
        ("Association homonyme", "autre", "", "", "", "98765432400019"),
    ];
    for (name, kind, commune, cnaps, department, siret) in made {
        let profile = app::domain::OrganisationProfile::parse(name, kind, commune, cnaps, department)
            .and_then(|p| p.with_siret(siret))
            .unwrap();
        app::store::organisations::create(&target, &profile, app::domain::Instant(0)).await.unwrap();
    }
    target.pool.close().await;
    db
}

#[tokio::test]
async fn the_festival_moves_to_another_cordon_whose_organisations_it_recognises_by_their_numbers() {
    let (db, festival) = demo_database();
    let file = temp("json");
    ok(cordon(&db, &["plan", "export", &festival, "--output", file.to_str().unwrap()]));
    let other = another_cordon_with_the_same_organisations().await;

    let preview = stdout(&ok(cordon(&other, &["plan", "import", file.to_str().unwrap(), "--preview"])));
    assert!(preview.starts_with("Aperçu, rien n’est importé : « Fête de la Saint-Pierre"), "{preview}");
    for line in [
        "« Comité des fêtes de Martigues » (Organisateur (donneur d’ordre)) → « Comité des fêtes (Martigues) », reconnue \
         par le SIRET 12345678200010",
        "« Préfecture des Bouches-du-Rhône » (Préfecture) → « Préfecture 13 », reconnue par le département 13",
        "« Commissariat de police de Martigues » (Police nationale) → « Commissariat de Martigues », reconnue par le \
         SIRET 98765432400019",
        "« Police municipale de Martigues » (Police municipale) → « PM Martigues », reconnue par le code de commune 13056",
        "« Provence Sécurité Événements » (Sécurité privée) → « Provence Sécurité », reconnue par l’autorisation CNAPS \
         AUT-013-2118-05-12-20190412345",
    ] {
        assert!(preview.lines().any(|l| l.trim() == line), "{line} missing from:\n{preview}");
    }
    assert_eq!(count_records(&other).await.0, 0, "a preview imports nothing");

    let imported = ok(cordon(&other, &["plan", "import", file.to_str().unwrap()]));
    assert_eq!(stdout(&imported), format!("{festival}\n"));
    let moved = stdout(&ok(cordon(&other, &["plan", "export", &festival])));
    let moved: serde_json::Value = serde_json::from_str(&moved).unwrap();
    let original: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(moved["deployments"], original["deployments"], "the same plan");
    let names: Vec<&str> =
        moved["organisations"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"PM Martigues") && !names.contains(&"Association homonyme"), "{names:?}");
    let local_ids: Vec<&str> =
        moved["organisations"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    for participant in moved["participants"].as_array().unwrap() {
        assert!(
            local_ids.contains(&participant["organisation_id"].as_str().unwrap()),
            "stands for an organisation here"
        );
    }
    let original_ids: Vec<&str> =
        original["organisations"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert!(local_ids.iter().all(|id| !original_ids.contains(id)), "this Cordon's own organisations");
}

#[tokio::test]
async fn a_plan_already_here_imports_again_only_as_a_copy_under_new_ids() {
    let (db, festival) = demo_database();
    let file = temp("json");
    ok(cordon(&db, &["plan", "export", &festival, "--output", file.to_str().unwrap()]));
    let refused = stderr(&cordon(&db, &["plan", "import", file.to_str().unwrap()]));
    assert!(refused.contains("« --copy »"), "the refusal says how: {refused}");
    let copy = ok(cordon(&db, &["plan", "import", file.to_str().unwrap(), "--copy"]));
    let copy_id = stdout(&copy).trim().to_string();
    assert_ne!(copy_id, festival);
    assert!(stderr(&copy).contains("sous de nouveaux identifiants"), "{}", stderr(&copy));
    let list = stdout(&ok(cordon(&db, &["plan", "list"])));
    assert_eq!(list.lines().count(), 2, "{list}");
    let original: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let copied: serde_json::Value =
        serde_json::from_slice(&ok(cordon(&db, &["plan", "export", &copy_id])).stdout).unwrap();
    assert_eq!(copied["event"]["window"], original["event"]["window"]);
    assert_eq!(copied["organisations"], original["organisations"], "the same organisations take part");
    assert_eq!(copied["deployments"].as_array().unwrap().len(), original["deployments"].as_array().unwrap().len());
    let ids = |plan: &serde_json::Value| -> Vec<String> {
        plan["deployments"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_string()).collect()
    };
    assert!(ids(&copied).iter().all(|id| !ids(&original).contains(id)));
}

#[tokio::test]
async fn plan_copy_makes_next_years_edition_at_the_same_local_times() {
    let (db, festival) = demo_database();
    let list = stdout(&ok(cordon(&db, &["plan", "list"])));
    let start = list.split('\t').nth(2).unwrap().to_string();
    assert!(start.ends_with("juin 2027 à 10:00"), "{start}");
    let original: serde_json::Value =
        serde_json::from_slice(&ok(cordon(&db, &["plan", "export", &festival])).stdout).unwrap();
    let new_start = "2028-06-24T10:00";
    let edition = stdout(&ok(cordon(&db, &["plan", "copy", &festival, "--start", new_start]))).trim().to_string();
    let copied: serde_json::Value =
        serde_json::from_slice(&ok(cordon(&db, &["plan", "export", &edition])).stdout).unwrap();
    assert_eq!(copied["event"]["window"]["start"], "2028-06-24T08:00:00Z", "10:00 in Paris, summer time");
    assert_eq!(copied["event"]["legal"]["orders"], serde_json::json!([]), "an order covers one edition");
    assert!(copied["agents"].as_array().unwrap().iter().all(|a| a["availability"] == serde_json::json!([])));
    assert_eq!(copied["deployments"].as_array().unwrap().len(), original["deployments"].as_array().unwrap().len());
    assert_eq!(stdout(&ok(cordon(&db, &["plan", "list"]))).lines().count(), 2);

    let skipped = cordon(&db, &["plan", "copy", &festival, "--start", "2028-03-26T02:30"]);
    assert_eq!(skipped.status.code(), Some(1));
    assert!(stderr(&skipped).contains("n'existe pas"), "{}", stderr(&skipped));
    let unknown = cordon(&db, &["plan", "copy", "0c3060e1-7122-456c-887a-f0c0f8ffa464", "--start", new_start]);
    assert!(stderr(&unknown).contains("aucun événement"), "{}", stderr(&unknown));
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
    for command in ["list", "export", "import", "copy"] {
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
