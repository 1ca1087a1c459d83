//! Test data for the interchange tests: the documented example plan (the "Fête des Remparts"
//! in Villeneuve-sur-Lot, also shown in `docs/plan-format.md`) and helpers to break it.

use serde_json::Value;

use super::{import_plan, ImportReport};
use crate::domain::plan::Plan;

/// The example file of `docs/plan-format.md`, byte for byte.
pub const EXAMPLE: &str = include_str!("example.json");

/// The example as a JSON value, to change before importing.
pub fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("the example is JSON")
}

/// Imports a JSON value written compactly.
pub fn import_value(value: &Value) -> Result<Plan, ImportReport> {
    import_plan(value.to_string().as_bytes())
}

/// The errors importing `value` gives, as `(path, message)` pairs.
pub fn errors(value: &Value) -> Vec<(String, String)> {
    let report = import_value(value).expect_err("the file should be refused");
    report.errors.into_iter().map(|error| (error.path, error.message)).collect()
}

/// The errors importing raw bytes gives.
pub fn errors_of_bytes(bytes: &[u8]) -> Vec<(String, String)> {
    let report = import_plan(bytes).expect_err("the file should be refused");
    report.errors.into_iter().map(|error| (error.path, error.message)).collect()
}

/// One expected error.
pub fn error(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}
