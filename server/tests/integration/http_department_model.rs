//! HTTP tests of a department's model of the convention on the demo: the prefecture of the
//! Bouches-du-Rhône changes a steward ratio with its reason and writes a clause; the demo
//! festival's risk assessment and its convention follow at once, and each change is an entry
//! of the department's audit chain. Refused next to the field when wrong; refused to anyone
//! but the department's prefecture.

use std::process::Command;

use serde_json::Value;

use crate::common::{pdf_text, spawn_app, Backend};

fn stewards_line(page: &Value) -> String {
    page["risk_lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .find(|l| l.starts_with("Agents de sécurité et stewards :"))
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_prefecture_adapts_a_steward_ratio_and_a_clause_and_the_festival_s_convention_follows() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let app = spawn_app(backend).await;
        let event = app.demo().await;
        let organiser = app.demo_client("organisateur@cordon.test").await;
        let prefecture = app.demo_client("prefecture@cordon.test").await;
        let (status, body, _) =
            app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "Première version")]).await;
        assert_eq!(status, 200, "{body}");
        // The version of the assessment the convention page shows.
        let (_, page, _) = app.call(&organiser, "get_convention", &[("event_id", &event)]).await;
        let inputs_version = page["inputs_version"].to_string();
        let risk = [
            ("event_id", event.as_str()),
            ("peak_attendance", "12000"),
            ("behaviour", "dynamique"),
            ("site", "temporaire"),
            ("response_time_minutes", "15"),
            ("alcohol", "oui"),
            ("night", "oui"),
            ("threat", "securite_renforcee"),
            ("threat_notes", ""),
            ("erp_type", ""),
            ("notes", ""),
            ("version", &inputs_version),
        ];
        let (status, body, _) = app.call(&organiser, "save_risk_assessment", &risk).await;
        assert_eq!(status, 200, "{body}");
        let (_, before, _) = app.call(&organiser, "get_convention", &[("event_id", &event)]).await;
        let before = stewards_line(&before);

        // The national model first.
        let (status, model, _) = app.call(&prefecture, "get_department_model", &[]).await;
        assert_eq!(status, 200, "{model}");
        assert_eq!(model["department"], "13");
        let dynamic = model["coefficients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "spectateurs_par_agent_dynamique")
            .unwrap()
            .clone();
        assert_eq!((dynamic["value"].as_str(), dynamic["national"].as_str()), (Some("250"), Some("250")));
        assert_eq!(model["updated"], Value::Null);

        // Wrong input is refused next to its field and changes nothing.
        let change = |value: &'static str, reason: &'static str| {
            [("key", "spectateurs_par_agent_dynamique"), ("value", value), ("reason", reason)]
        };
        let (status, body, _) = app.call(&prefecture, "save_sizing_coefficient", &change("200", "  ")).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("reason")), "{body}");
        let (status, body, _) = app.call(&prefecture, "save_sizing_coefficient", &change("deux cents", "x")).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("value")), "{body}");
        let (status, body, _) = app.call(&prefecture, "save_sizing_coefficient", &change("0,5", "x")).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("value")), "{body}");
        let (status, body, _) = app
            .call(&prefecture, "save_sizing_coefficient", &[("key", "p2_inconnu"), ("value", "0,3"), ("reason", "x")])
            .await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("key")), "{body}");
        let (_, unchanged, _) = app.call(&prefecture, "get_department_model", &[]).await;
        assert_eq!(unchanged["updated"], Value::Null);

        // One steward per 200 spectators for a dynamic public, with the prefect's order.
        let (status, body, _) =
            app.call(&prefecture, "save_sizing_coefficient", &change("200", "Arrêté 13-2026-044 (festivals)")).await;
        assert_eq!(status, 200, "{body}");
        let (_, model, _) = app.call(&prefecture, "get_department_model", &[]).await;
        let dynamic = model["coefficients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "spectateurs_par_agent_dynamique")
            .unwrap()
            .clone();
        assert_eq!(dynamic["value"], "200");
        assert_eq!(dynamic["reason"], "Arrêté 13-2026-044 (festivals)");
        assert!(model["updated"].as_str().unwrap().ends_with("par Nadia Benali."), "{}", model["updated"]);

        // 12 000 dynamic spectators: 48 stewards plus the static posts at 250, 60 plus them at 200.
        let (_, after, _) = app.call(&organiser, "get_convention", &[("event_id", &event)]).await;
        let after = stewards_line(&after);
        let suggested = |line: &str| -> u32 { line.split_whitespace().nth(6).unwrap().parse().unwrap() };
        assert_eq!(suggested(&after) - suggested(&before), 12, "{before} / {after}");

        // A clause of the department is printed in its article; a blank text removes it.
        let clause = "Les organisateurs transmettent au SDIS le plan d’évacuation huit jours avant l’événement.";
        let (status, body, _) =
            app.call(&prefecture, "save_template_clause", &[("article", "engagements"), ("text", clause)]).await;
        assert_eq!(status, 200, "{body}");
        let (status, body, _) =
            app.call(&prefecture, "save_template_clause", &[("article", "inconnu"), ("text", clause)]).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("article")), "{body}");
        let long = "x".repeat(4_001);
        let (status, body, _) =
            app.call(&prefecture, "save_template_clause", &[("article", "objet"), ("text", &long)]).await;
        assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("text")), "{body}");
        let pdf = organiser.get(format!("{}/evenements/{event}/convention.pdf", app.base)).send().await.unwrap();
        assert_eq!(pdf.status(), 200);
        let text = pdf_text(&pdf.bytes().await.unwrap());
        assert!(text.contains("transmettent au SDIS le plan d’évacuation"), "{text}");
        let (status, _, _) =
            app.call(&prefecture, "save_template_clause", &[("article", "engagements"), ("text", " ")]).await;
        assert_eq!(status, 200);
        let (_, model, _) = app.call(&prefecture, "get_department_model", &[]).await;
        assert!(model["clauses"].as_array().unwrap().iter().all(|c| c["text"] == ""), "{model}");

        // Three changes, three entries of the department's chain (beside the demo's registry
        // entries, each an entry too), which verifies.
        let url = app.database_url();
        let verify = Command::new(env!("CARGO_BIN_EXE_cordon"))
            .env("DATABASE_URL", &url)
            .args(["audit", "verify"])
            .output()
            .unwrap();
        assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stdout));
        let kinds: Vec<String> = sqlx::query_scalar(
            "SELECT kind FROM audit_entries WHERE chain = 'department:13' AND kind <> 'registry.add' ORDER BY seq",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(kinds, ["convention_model.sizing", "convention_model.clause", "convention_model.clause"]);
        app.stop().await;
    }
}

#[tokio::test]
async fn only_the_department_s_prefecture_reads_or_changes_its_model() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let change = [("key", "p2_assis"), ("value", "0,3"), ("reason", "Essai")];
    let clause = [("article", "objet"), ("text", "Clause")];
    for email in ["organisateur@cordon.test", "securite@cordon.test", "commissariat@cordon.test"] {
        let client = app.demo_client(email).await;
        assert_eq!(app.call(&client, "get_department_model", &[]).await.0, 403, "{email}");
        assert_eq!(app.call(&client, "save_sizing_coefficient", &change).await.0, 403, "{email}");
        assert_eq!(app.call(&client, "save_template_clause", &clause).await.0, 403, "{email}");
    }
    let anonymous = app.client();
    assert_eq!(app.call(&anonymous, "get_department_model", &[]).await.0, 401);
    assert_eq!(app.call(&anonymous, "save_sizing_coefficient", &change).await.0, 401);
    let page = anonymous.get(format!("{}/prefecture/modele-convention", app.base)).send().await.unwrap();
    assert!(page.url().path().starts_with("/connexion") || page.status() == 401, "{}", page.url());
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM department_convention").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(count, 0);
    app.stop().await;
}
