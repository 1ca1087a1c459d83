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

/// What a server function may still name in the store, each a type or a read-only query, and
/// why. Everything else (every write, and every read an action of `service` makes) goes
/// through `crate::service`; a new entry needs a reason, and its function must not write.
const API_STORE_READS: &[(&str, &str)] = &[
    ("users::UserRow", "the signed-in person, as the application layer takes it"),
    ("plans::StoredPlan", "the plan `service::plan_edits::open` loads for the event's page"),
    ("plans::viewer_of", "the event list (`api::events`, read-only): whose organisations ask"),
    ("plans::list_events", "the event list: the events the reader may see"),
    ("plans::decode", "the event list: each event's stored record"),
    ("conventions::summaries", "the event list: each convention file's status"),
    ("conventions::opinions", "the event list: a prefecture's awaited opinions"),
    ("releases::latest_number", "the event's page: whether the plan was published"),
    ("plan_io::edition_source", "the event's page: the edition an unpublished plan was copied from"),
];

/// Every path a code line names in the store (`store::plans::decode` → `plans::decode`); a
/// line naming the store otherwise (`use crate::store;`, `store::{…}`, an alias) yields `""`,
/// which no allow-list holds.
fn store_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("store") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + "store".len()..];
        if let Some(path) = rest.strip_prefix("::") {
            let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(path.len());
            paths.push(path[..end].trim_end_matches(':').to_string());
        } else if code[..at].ends_with("crate::") {
            paths.push(String::new());
        }
    }
    paths
}

#[test]
fn server_functions_never_write_to_the_store_only_the_application_layer_does() {
    let allowed: Vec<&str> = API_STORE_READS.iter().map(|(path, _)| *path).collect();
    let mut found = Vec::new();
    for file in sources("api").into_iter().filter(|f| !is_test_file(f)) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for path in store_paths(code).into_iter().filter(|p| !allowed.contains(&p.as_str())) {
                found.push(format!("{}:{}: store::{path}", file.display(), n + 1));
            }
            // No query of one's own either.
            if let Some(word) = ["sqlx", ".pool"].iter().find(|w| code.contains(*w)) {
                found.push(format!("{}:{}: {word}", file.display(), n + 1));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new(), "a server function reaches the store: call crate::service instead");
}

#[test]
fn what_server_functions_may_still_read_in_the_store_is_used_and_writes_nothing() {
    let api: String = sources("api").iter().map(|f| std::fs::read_to_string(f).unwrap()).collect::<Vec<_>>().join("\n");
    for (path, _) in API_STORE_READS {
        assert!(api.contains(&format!("store::{path}")), "store::{path} is allowed but no longer used: remove it");
        let (module, item) = path.split_once("::").unwrap();
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("store").join(format!("{module}.rs")),
        )
        .unwrap();
        // A function's body runs from its signature to the first line closing it.
        let Some(start) =
            [format!("fn {item}("), format!("fn {item}<")].iter().filter_map(|f| source.find(f.as_str())).min()
        else {
            assert!(source.contains(&format!("pub struct {item}")), "store::{path} is neither a function nor a type");
            continue;
        };
        let body = &source[start..];
        let body = &body[..body.find("\n}").unwrap_or(body.len())];
        for write in ["INSERT", "UPDATE", "DELETE", "begin()"] {
            assert!(!body.contains(write), "store::{path} writes ({write}): move its caller into crate::service");
        }
    }
}
