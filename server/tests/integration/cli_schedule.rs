//! `cordon schedule generate | solve | check` through the real binary, without a database:
//! a generated village problem is the same for the same seed, its solution passes the
//! check, and a solution with a shift moved out of the agent's availability fails it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn cordon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cordon")).env_remove("DATABASE_URL").args(args).output().unwrap()
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn temp(name: &str, content: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cordon-cli-schedule-{}-{name}.json", uuid::Uuid::new_v4()));
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn a_generated_village_is_solved_and_its_solution_passes_the_check_but_a_moved_shift_fails_it() {
    let instance = ok(cordon(&["schedule", "generate", "--size", "village", "--seed", "3"]));
    assert_eq!(instance, ok(cordon(&["schedule", "generate", "--size", "village", "--seed", "3"])));
    let problem: serde_json::Value = serde_json::from_str(&instance).unwrap();
    assert_eq!(problem["agents"].as_array().unwrap().len(), 30);
    let instance_file = temp("instance", &instance);
    let instance_path = instance_file.to_str().unwrap();

    let solution = ok(cordon(&["schedule", "solve", instance_path, "--seconds", "2", "--seed", "5"]));
    let solved: serde_json::Value = serde_json::from_str(&solution).unwrap();
    assert_eq!(solved["format"], "cordon-schedule-solution/1");
    assert!(!solved["shifts"].as_array().unwrap().is_empty());
    let solution_file = temp("solution", &solution);
    let report: serde_json::Value =
        serde_json::from_str(&ok(cordon(&["schedule", "check", instance_path, solution_file.to_str().unwrap()])))
            .unwrap();
    assert_eq!(report["violations"], serde_json::json!([]));
    assert!(report["score"]["paid_minutes"].as_u64().unwrap() > 0);

    let mut moved = solved.clone();
    let year = 365 * 24 * 3_600_000i64;
    let shift = &mut moved["shifts"][0];
    shift["start"] = (shift["start"].as_i64().unwrap() + year).into();
    shift["end"] = (shift["end"].as_i64().unwrap() + year).into();
    let moved_file = temp("moved", &moved.to_string());
    let refused = cordon(&["schedule", "check", instance_path, moved_file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    let rules: Vec<&str> =
        report["violations"].as_array().unwrap().iter().map(|v| v["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"availability"), "{rules:?}");
    for file in [instance_file, solution_file, moved_file] {
        std::fs::remove_file(file).unwrap();
    }
}

#[test]
fn an_instance_with_an_unknown_format_is_refused_in_french() {
    let file = temp(
        "bad",
        r#"{"format": "autre/1", "event": {"time_zone": "Europe/Paris", "window": {"start": 0, "end": 1000}}, "zones": [], "needs": [], "agents": []}"#,
    );
    let refused = cordon(&["schedule", "solve", file.to_str().unwrap(), "--seconds", "1"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Format « autre/1 » inconnu"));
    std::fs::remove_file(file).unwrap();
}
