//! Property tests: generated valid plans survive export → import → export byte for byte, and
//! no input at all — random bytes, random JSON, the example with any value replaced — makes
//! the import panic.

use proptest::prelude::*;
use serde_json::{json, Number, Value};

use super::fixtures::example;
use super::plan_gen::random_plan;
use super::{export_plan, import_plan};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_valid_plan_exported_imported_and_exported_again_gives_the_same_bytes(seed in any::<u64>()) {
        let plan = random_plan(seed);
        let first = export_plan(&plan, &[]);
        let back = import_plan(first.as_bytes()).map_err(|report| TestCaseError::fail(report.lines()))?;
        prop_assert_eq!(back.deployments.len(), plan.deployments.len());
        prop_assert_eq!(export_plan(&back, &[]), first);
    }

    #[test]
    fn random_bytes_never_make_the_import_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_plan(&bytes);
    }

    #[test]
    fn random_json_never_makes_the_import_panic(value in json_value()) {
        if let Err(report) = import_plan(value.to_string().as_bytes()) {
            prop_assert!(report.errors.iter().all(|e| e.path.starts_with('$')));
        }
    }

    #[test]
    fn the_example_with_any_value_replaced_is_imported_or_refused_with_paths(
        choice in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut plan = example();
        let pointers = pointers(&plan, "");
        let pointer = &pointers[choice.index(pointers.len())];
        if let Some(slot) = plan.pointer_mut(pointer) {
            *slot = replacement;
        }
        if let Err(report) = import_plan(plan.to_string().as_bytes()) {
            prop_assert!(!report.errors.is_empty());
            prop_assert!(report.errors.iter().all(|e| e.path.starts_with('$') && !e.message.is_empty()));
        }
    }
}

/// The JSON pointer of every value inside `value`.
fn pointers(value: &Value, at: &str) -> Vec<String> {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (format!("{at}/{k}"), v)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (format!("{at}/{i}"), v)).collect(),
        _ => Vec::new(),
    };
    let mut all = vec![at.to_string()];
    for (pointer, child) in children {
        all.extend(pointers(child, &pointer));
    }
    all
}

/// Any JSON value, biased towards the format's own keys and values.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter_map("finite", Number::from_f64).prop_map(Value::Number),
        ".{0,16}".prop_map(Value::String),
        prop::sample::select(vec![
            "cordon-plan/3",
            "2026-07-10T16:00:00Z",
            "00000000-0000-4000-8000-000000000001",
            "Europe/Paris",
            "palpation",
            "voie_publique",
            "",
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "format",
            "event",
            "zones",
            "posts",
            "participants",
            "agents",
            "needs",
            "deployments",
            "id",
            "name",
            "window",
            "start",
            "end",
            "zone_id",
            "post_id",
            "agent_ids",
            "headcount",
            "min",
            "max",
            "polygon",
        ])
        .prop_map(String::from),
        "[a-z_]{0,8}",
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
