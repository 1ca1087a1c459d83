//! HTTP tests of the registry of conventions in force and the annual census on the demo: the
//! prefecture reads the census of a year around a convention that starts on 1 January, adds a
//! convention (refused next to its field when wrong), downloads the CSV; nobody else may.

use crate::common::{spawn_app, Backend};

#[tokio::test]
async fn the_prefecture_keeps_its_registry_and_reads_the_census_of_each_year() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let census = |year: &'static str| {
        let app = &app;
        let prefecture = &prefecture;
        async move {
            let (status, page, _) = app.call(prefecture, "get_registry", &[("year", year)]).await;
            assert_eq!(status, 200, "{page}");
            (page["in_force_count"].as_u64().unwrap(), page["newly_signed_count"].as_u64().unwrap())
        }
    };
    // Istres' CLCS is signed in November 2025 and in force from 1 January to 31 December 2026.
    assert_eq!(census("2025").await, (1, 1));
    assert_eq!(census("2026").await, (2, 0));
    assert_eq!(census("2027").await, (1, 0));

    let add = |commune: &'static str, start: &'static str, end: &'static str| {
        [
            ("commune_code", commune),
            ("kind", "clcs"),
            ("reference", "CLCS-13005-2026"),
            ("title", "Convention locale de coopération de sécurité d’Aubagne"),
            ("signed", "2026-05-02"),
            ("start", start),
            ("end", end),
        ]
    };
    let (status, body, _) = app.call(&prefecture, "add_convention_in_force", &add("75056", "2026-06-01", "")).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("commune_code")), "{body}");
    let (status, body, _) =
        app.call(&prefecture, "add_convention_in_force", &add("13005", "2026-06-01", "2026-05-01")).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("end")), "{body}");
    let (status, body, _) = app.call(&prefecture, "add_convention_in_force", &add("13005", "2026-06-01", "")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(census("2026").await, (3, 1));

    let csv = prefecture.get(format!("{}/prefecture/recensement/2026.csv", app.base)).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for spreadsheets");
    assert!(text.contains("CLCS-13005-2026") && text.contains("CC-13056-2024-01"), "{text}");

    // Only a prefecture keeps a registry.
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(app.call(&organiser, "get_registry", &[("year", "2026")]).await.0, 403);
    assert_eq!(app.call(&organiser, "add_convention_in_force", &add("13005", "2026-06-01", "")).await.0, 403);
    let refused = organiser.get(format!("{}/prefecture/recensement/2026.csv", app.base)).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn cordon_census_prints_the_csv_of_a_department_and_year() {
    let app = spawn_app(Backend::Postgres).await;
    app.demo().await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", app.database_url())
        .args(["census", "--year", "2025", "--department", "13", "--recipient", "DLPAJ"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(csv.contains("DLPAJ"));
    assert!(csv.contains("CLCS-13047-2026") && csv.contains("CC-13056-2024-01"), "{csv}");
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", app.database_url())
        .args(["census", "--year", "2025", "--department", "99"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("département inconnu"));
    app.stop().await;
}
