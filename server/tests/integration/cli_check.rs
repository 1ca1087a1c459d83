//! `cordon plan check` through the real binary: the documented example plan's findings as
//! JSON, the same with a prefecture's settings and conventions in force, and a broken file
//! refused with its errors. No database is needed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/domain/interchange/example.json")
}

fn cordon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordon"))
        .env("DATABASE_URL", "sqlite:///nonexistent-directory/never-opened.sqlite")
        .env_remove("SMTP_URL")
        .env(
            "CORDON_COMMUNES_FILE",
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../node_modules/@etalab/decoupage-administratif/data/communes.json"),
        )
        .args(args)
        .output()
        .unwrap()
}

fn temp(contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cordon-cli-check-{}.json", uuid::Uuid::new_v4()));
    std::fs::write(&path, contents).unwrap();
    path
}

/// The findings printed on standard output, after checking the command succeeded.
fn findings(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice::<Value>(&output.stdout).unwrap().as_array().unwrap().clone()
}

fn codes(findings: &[Value]) -> Vec<&str> {
    findings.iter().map(|f| f["rule"].as_str().unwrap()).collect()
}

#[test]
fn the_example_plan_checked_on_the_first_of_may_prints_its_findings_as_json() {
    let example = example();
    let output = cordon(&["plan", "check", example.to_str().unwrap(), "--today", "2026-05-01"]);
    let findings = findings(&output);
    assert_eq!(codes(&findings), EXPECTED);
    let first = &findings[0];
    for key in [
        "rule",
        "severity",
        "message",
        "reference",
        "fix",
        "zone_ids",
        "deployment_ids",
        "participant_ids",
        "agent_ids",
    ] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
}

/// What the example gives on 1 May 2026 under the national defaults.
const EXPECTED: &[&str] =
    &["dps_insuffisant", "stewards_insuffisants", "poste_commandement_absent", "contact_nomme_absent"];

#[test]
fn a_prefectures_settings_switch_a_rule_off_and_a_convention_in_force_is_reported() {
    let example = example();
    let settings = temp(
        r#"{"department": "47", "overrides": [{"rule": "stewards_insuffisants", "enabled": false, "reason": "Pas d’usage local"}]}"#,
    );
    let conventions = temp(
        r#"[{"reference": "Convention de coordination de Villeneuve-sur-Lot", "commune_code": "47323", "from": "2025-03-01T00:00:00Z"}]"#,
    );
    let output = cordon(&[
        "plan",
        "check",
        example.to_str().unwrap(),
        "--today",
        "2026-06-20",
        "--settings",
        settings.to_str().unwrap(),
        "--conventions",
        conventions.to_str().unwrap(),
    ]);
    let findings = findings(&output);
    assert_eq!(
        codes(&findings),
        ["dps_insuffisant", "poste_commandement_absent", "contact_nomme_absent", "convention_en_vigueur_chevauchement"]
    );
    assert_eq!(
        findings[3]["message"],
        "La convention « Convention de coordination de Villeneuve-sur-Lot » est en vigueur dans la commune pendant l’événement ; le document la cite."
    );
    assert_eq!(findings[3]["severity"], "information");
}

#[test]
fn settings_without_a_reason_are_refused() {
    let example = example();
    let settings = temp(r#"{"overrides": [{"rule": "dps_insuffisant", "enabled": false, "reason": ""}]}"#);
    let output = cordon(&["plan", "check", example.to_str().unwrap(), "--settings", settings.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Règle « dps_insuffisant » : indiquez la raison de la modification."), "{stderr}");
}

#[test]
fn a_broken_plan_file_is_refused_with_its_errors_and_no_findings() {
    let broken = temp(r#"{"format": "cordon-plan/2", "event": {}}"#);
    let output = cordon(&["plan", "check", broken.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("$.event.id"), "{stderr}");
    assert!(stderr.contains("plan non vérifié"), "{stderr}");
}

/// The example as a profit-making event whose entrance gives access to an enclosed venue
/// without an OPJ, and whose order has expired: what a prefecture's legal service would flag.
#[test]
fn the_example_changed_as_a_legal_service_would_gives_the_rules_it_breaks() {
    let mut plan: Value = serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    plan["event"]["legal"]["but_lucratif"] = Value::Bool(true);
    plan["event"]["legal"]["orders"][0]["valid"] =
        serde_json::json!({"start": "2026-07-01T00:00:00Z", "end": "2026-07-02T00:00:00Z"});
    plan["deployments"][2]["category"] = Value::String("fouille_vehicules".into());
    let changed = temp(&serde_json::to_string(&plan).unwrap());
    let output = cordon(&["plan", "check", changed.to_str().unwrap(), "--today", "2026-05-01"]);
    let findings = findings(&output);
    assert_eq!(
        codes(&findings),
        [
            "palpation_sans_base_legale",
            "fouille_vehicule_hors_forces_etat",
            "dps_insuffisant",
            "stewards_insuffisants",
            "poste_commandement_absent",
            "contact_nomme_absent",
            "declaration_a_deposer"
        ]
    );
    assert_eq!(findings[0]["severity"], "bloquant");
}

/// The example with its municipal police coming from commune `code` under an L512-3 order.
fn municipal_police_from(code: &str) -> Vec<Value> {
    let mut plan: Value = serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    let municipal =
        plan["participants"].as_array_mut().unwrap().iter_mut().find(|p| p["role"] == "police_municipale").unwrap();
    municipal["commune_code"] = Value::String(code.into());
    municipal["arrete_l512_3"] = Value::String("n° 47-2026-06-12".into());
    let changed = temp(&serde_json::to_string(&plan).unwrap());
    findings(&cordon(&["plan", "check", changed.to_str().unwrap(), "--today", "2026-05-01"]))
}

#[test]
fn an_l512_3_order_lending_officers_within_the_grand_villeneuvois_raises_nothing_but_one_from_agen_is_to_check() {
    let neighbour = municipal_police_from("47027");
    assert!(!codes(&neighbour).contains(&"police_municipale_l512_3_conditions"), "{neighbour:?}");
    assert!(!codes(&neighbour).contains(&"police_municipale_autre_commune_sans_arrete"), "{neighbour:?}");
    let far = municipal_police_from("47001");
    let finding = far.iter().find(|f| f["rule"] == "police_municipale_l512_3_conditions").expect("the check");
    assert_eq!(finding["severity"], "information");
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("CA Agglomération d'Agen") && message.contains("CA du Grand Villeneuvois"), "{message}");
}
