//! The layering the architecture promises (README, ARCHITECTURE), checked on the sources: data
//! flows browser → server function → application layer → domain → store, and no layer reaches
//! back up. A line that breaks a rule is named with its file and number.

use std::path::{Path, PathBuf};

fn sources(folder: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(folder), &mut files);
    assert!(!files.is_empty(), "no source under src/{folder}");
    files
}

/// A test module's file (the rules hold for the shipped code; tests may read files and clocks).
fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name == "tests.rs" || name.ends_with("_tests.rs") || name.ends_with("_props.rs") || name == "fixtures.rs"
}

/// Every code line (comments left out) of `folder` containing one of `forbidden`.
fn offences(folder: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in sources(folder).into_iter().filter(|f| !is_test_file(f)) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if let Some(word) = forbidden.iter().find(|w| code.contains(*w)) {
                found.push(format!("{}:{}: {word}", file.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn the_store_never_reaches_up_into_the_server_functions_the_pages_or_the_application_layer() {
    assert_eq!(offences("store", &["crate::api", "crate::ui", "crate::service"]), Vec::<String>::new());
}

#[test]
fn pages_never_reach_the_store_or_the_application_layer() {
    assert_eq!(offences("ui", &["crate::store", "crate::service", "sqlx"]), Vec::<String>::new());
}

#[test]
fn the_application_layer_never_reaches_up_into_the_server_functions_or_the_pages() {
    assert_eq!(offences("service", &["crate::api", "crate::ui"]), Vec::<String>::new());
}

#[test]
fn the_french_strings_know_no_domain_type_so_the_domain_and_text_form_no_cycle() {
    assert_eq!(
        offences("text", &["crate::domain", "crate::store", "crate::service", "crate::api"]),
        Vec::<String>::new()
    );
}

#[test]
fn the_domain_does_no_io_reads_no_clock_and_knows_no_outer_layer() {
    let forbidden = [
        "crate::store",
        "crate::service",
        "crate::api",
        "crate::ui",
        "sqlx",
        "tokio",
        "reqwest",
        "std::fs",
        "std::net",
        "std::env",
        "Utc::now",
        "Local::now",
        "SystemTime::now",
        "Instant::now",
        "thread_rng",
    ];
    assert_eq!(offences("domain", &forbidden), Vec::<String>::new());
}
